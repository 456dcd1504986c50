package org.heatdesk.platform.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs each module's demo seeder once per embedded database. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

	private final Deployment deployment;

	private final List<DemoDataSeeder> seeders;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	DemoDataRunner(Deployment deployment, List<DemoDataSeeder> seeders, JdbcClient jdbc, TransactionTemplate tx) {
		this.deployment = deployment;
		this.seeders = seeders;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!deployment.demo()) {
			return;
		}
		for (DemoDataSeeder seeder : seeders) {
			tx.executeWithoutResult(status -> {
				// Serialises seeding when two nodes start on one fresh database.
				jdbc.sql("select pg_advisory_xact_lock(hashtext('heatdesk-demo-seed'))").query().singleRow();
				boolean done = jdbc.sql("select count(*) from platform_demo_seed where name = ?")
					.param(seeder.name())
					.query(Long.class)
					.single() > 0;
				if (!done) {
					long start = System.nanoTime();
					seeder.seed();
					jdbc.sql("insert into platform_demo_seed (name, seeded_at) values (?, ?)")
						.params(seeder.name(), Timestamp.from(Instant.now()))
						.update();
					log.info("Demo data '{}' seeded in {} ms", seeder.name(), (System.nanoTime() - start) / 1_000_000);
				}
			});
		}
	}
}
