package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.heatdesk.HeatDeskApplication;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The two ways HeatDesk runs: on its own embedded PostgreSQL that keeps data between runs, and on
 * an external server where nothing is seeded and the first administrator comes from the environment.
 * Each case starts a second, separate application.
 */
@HeatDeskTest
class DeploymentModesIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onAnExternalDatabaseHeatDeskRefusesToStartWithoutTheFirstAdministratorsPassword() {
		String url = freshDatabase();
		assertThatThrownBy(() -> start("--spring.datasource.url=" + url, "--spring.datasource.username=postgres").close())
			.hasMessage(rootMessage(url));
	}

	@Test
	void onAnExternalDatabaseTheFirstAdministratorIsCreatedAndNothingIsSeeded() {
		String url = freshDatabase();
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--HEATDESK_ADMIN_PASSWORD=first2026admin")) {
			assertThat(app.getBean(Deployment.class).demo()).isFalse();
			JdbcClient external = app.getBean(JdbcClient.class);
			assertThat(external.sql("select username from staff_member").query(String.class).list()).containsExactly("admin");
			assertThat(external.sql("select count(*) from platform_demo_seed").query(Long.class).single()).isZero();
		}
	}

	@Test
	void theEmbeddedDatabaseKeepsItsDataBetweenRuns() throws Exception {
		Path dir = Files.createTempDirectory("heatdesk-persist").resolve("pg");
		// as a site runs it: kept on disk and durable (the tests' own databases are neither)
		String[] args = { "--heatdesk.embedded-db.ephemeral=false", "--heatdesk.embedded-db.dir=" + dir,
				"--heatdesk.embedded-db.durable=true" };
		try (ConfigurableApplicationContext first = start(args)) {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
					null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
			try {
				first.getBean(Staff.class).create(new Staff.NewStaff("kept", "留存测试", "KEEP-1", null, null,
						EnumSet.of(Role.AGENT), "kept2026kept"));
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
		try (ConfigurableApplicationContext second = start(args)) {
			JdbcClient again = second.getBean(JdbcClient.class);
			assertThat(again.sql("select display_name from staff_member where username = 'kept'").query(String.class).single())
				.isEqualTo("留存测试");
			// the demo data was written once, not again on the second start
			assertThat(again.sql("select count(*) from staff_member where username = 'agent'").query(Long.class).single())
				.isEqualTo(1);
			// every commit reaches the disk before it is acknowledged
			assertThat(again.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(again.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--server.port=0";
		return new SpringApplicationBuilder(HeatDeskApplication.class).run(all);
	}

	private String freshDatabase() {
		String name = "external_" + Long.toString(System.nanoTime(), 36);
		jdbc.sql("create database " + name).update();
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		return url.substring(0, url.lastIndexOf('/') + 1) + name;
	}

	private static String rootMessage(String url) {
		return """
				HeatDesk has no staff account yet on this database. Set HEATDESK_ADMIN_PASSWORD \
				(at least 10 characters, letters and digits) to create the first administrator 'admin'.""";
	}
}
