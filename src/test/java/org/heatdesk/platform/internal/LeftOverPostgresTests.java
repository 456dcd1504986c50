package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.heatdesk.HeatDeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A HeatDesk killed with SIGKILL leaves its PostgreSQL running on the data directory; the next start
 * must stop it and come up on the same data, instead of waiting for the directory and giving up.
 */
class LeftOverPostgresTests {

	@Test
	void aServerLeftRunningByAKilledHeatDeskIsStoppedAndTheDataIsKept() throws Exception {
		Path dir = Files.createTempDirectory("heatdesk-leftover").resolve("pg");
		Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Owner.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY")) {
				// the library's log lines
			}
			assertThat(line).as("the first owner started PostgreSQL").startsWith("READY");
		}
		long leftOver = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
		owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive)).as("PostgreSQL outlived its owner").contains(true);

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HeatDeskApplication.class).run(
				"--server.port=0", "--heatdesk.embedded-db.ephemeral=false", "--heatdesk.embedded-db.dir=" + dir)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select note from test_marker.left_over").query(String.class).single()).isEqualTo("written before the kill");
			assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
		finally {
			// whatever happened, leave no server behind
			ProcessHandle.of(leftOver).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/** The first owner: starts PostgreSQL on the directory as HeatDesk does, writes a row, and waits to be killed. */
	public static final class Owner {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(Path.of(args[0]))
				.setCleanDataDirectory(false).start();
			try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
				s.execute("create database heatdesk");
			}
			try (var c = pg.getDatabase("postgres", "heatdesk").getConnection(); var s = c.createStatement()) {
				s.execute("create schema test_marker");
				s.execute("create table test_marker.left_over (note text)");
				s.execute("insert into test_marker.left_over values ('written before the kill')");
			}
			System.out.println("READY");
			System.out.flush();
			Thread.sleep(600_000);
		}
	}
}
