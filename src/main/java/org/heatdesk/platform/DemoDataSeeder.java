package org.heatdesk.platform;

/**
 * A module's demo data. In demo mode each seeder runs once per database (its {@link #name()} is
 * remembered), in {@link org.springframework.core.annotation.Order} order, in its own transaction.
 * A module added later still seeds an existing demo database on its first start.
 */
public interface DemoDataSeeder {

	/** A stable name; the seeder does not run again once a seed under this name is recorded. */
	String name();

	/** Writes the demo data; runs inside a transaction. */
	void seed();
}
