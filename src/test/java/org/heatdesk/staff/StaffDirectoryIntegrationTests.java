package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.staff.LoginLockoutIntegrationTests.asAdmin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MovableClock;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff module's one cache: it keeps an account for a few seconds of the injected clock (a
 * change written by another node, straight into the database, is seen once they pass), and forgets
 * it at once when this node changes any account.
 */
@HeatDeskTest
class StaffDirectoryIntegrationTests {

	@Autowired
	Staff staff;

	@Autowired
	StaffRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeMadeElsewhereIsSeenOnceTheCachesTimeOnTheInjectedClockHasPassed() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
		StaffDirectory directory = new StaffDirectory(repository, clock);
		String username = "dir" + Long.toString(System.nanoTime(), 36);
		StaffView created = asAdmin(() -> staff.create(new Staff.NewStaff(username, "甲", username, null, null,
				EnumSet.of(Role.AGENT), "abcdefgh12")));
		assertThat(directory.byUsername(username).orElseThrow().view().displayName()).isEqualTo("甲");
		assertThat(directory.byId(created.id()).orElseThrow().view().displayName()).isEqualTo("甲");

		// another node renames them: not a change this node knows of
		jdbc.sql("update staff_member set display_name = '乙' where id = ?").param(created.id()).update();
		clock.advance(StaffDirectory.FRESH_FOR.minusSeconds(1));
		assertThat(directory.byUsername(username).orElseThrow().view().displayName()).as("still remembered").isEqualTo("甲");
		assertThat(directory.byId(created.id()).orElseThrow().view().displayName()).isEqualTo("甲");

		clock.advance(Duration.ofSeconds(2));
		assertThat(directory.byUsername(username).orElseThrow().view().displayName()).isEqualTo("乙");
		assertThat(directory.byId(created.id()).orElseThrow().view().displayName()).isEqualTo("乙");
	}

	@Test
	void aChangeMadeHereIsSeenAtOnceByEveryLookup() {
		String username = "now" + Long.toString(System.nanoTime(), 36);
		String extension = Long.toString(700_000_000L + System.nanoTime() % 100_000_000L);
		StaffView created = asAdmin(() -> staff.create(new Staff.NewStaff(username, "丙", username, null, extension,
				EnumSet.of(Role.AGENT), "abcdefgh12")));
		assertThat(staff.byExtension(extension)).map(StaffView::id).contains(created.id());
		assertThat(staff.findByUsername(username)).map(StaffView::displayName).contains("丙");

		asAdmin(() -> {
			staff.deactivate(created.id());
			return null;
		});
		assertThat(staff.byExtension(extension)).as("an inactive account answers no extension").isEmpty();
		assertThat(staff.findByUsername(username)).map(StaffView::active).contains(false);
		assertThat(staff.find(created.id())).map(StaffView::active).contains(false);
	}

	/** A clock the test moves on. */
}
