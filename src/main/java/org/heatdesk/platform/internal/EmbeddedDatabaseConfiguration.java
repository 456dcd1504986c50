package org.heatdesk.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the binaries on the classpath when no {@code spring.datasource.url}
 * is configured, so one command runs HeatDesk and its data stays under {@code ./data/pg}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "heatdesk";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${heatdesk.embedded-db.dir:./data/pg}") String dir,
			@Value("${heatdesk.embedded-db.ephemeral:false}") boolean ephemeral,
			@Value("${heatdesk.embedded-db.durable:true}") boolean durable) throws IOException {
		var builder = EmbeddedPostgres.builder()
				// Spring closes the pool first and PostgreSQL after it; a JVM hook would race the pool.
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("timezone", "UTC")
				// the library starts PostgreSQL with fsync and synchronous commit off (made for tests): an
				// accepted request must survive a crash of the machine, so both are on unless told otherwise
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off");
		if (!ephemeral) {
			Path dataDir = Path.of(dir).toAbsolutePath().normalize();
			Files.createDirectories(dataDir.getParent());
			builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
			log.info("Embedded PostgreSQL keeps its data in {}", dataDir);
			stopLeftOver(dataDir);
		}
		return builder.start();
	}

	/**
	 * A HeatDesk that was killed (not stopped) leaves its PostgreSQL running on the data directory,
	 * and a new one would wait for it and give up. Such a server has lost its only client, so it is
	 * asked to shut down (SIGTERM: PostgreSQL's smart shutdown) and, if it will not, killed; with
	 * durable commits it recovers from its WAL on the next start.
	 */
	static void stopLeftOver(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		// the library holds this lock while a live HeatDesk owns the directory: never touch its server
		try (var channel = java.nio.channels.FileChannel.open(dataDir.resolve("epg-lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				var lock = channel.tryLock()) {
			if (lock == null) {
				return;
			}
		}
		catch (java.nio.channels.OverlappingFileLockException | IOException e) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle.of(pid)
				.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
				.filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dataDir.toString())).orElse(false))
				.ifPresent(p -> {
					log.warn("PostgreSQL {} is still running on {} from an earlier run that did not stop; stopping it", pid,
							dataDir);
					p.destroy();
					try {
						p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
					}
					catch (Exception e) {
						p.destroyForcibly();
						p.onExit().join();
					}
				});
		}
		catch (IOException | RuntimeException e) {
			log.warn("could not check {}: {}", pidFile, e.toString());
		}
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres,
			@Value("${heatdesk.embedded-db.pool-size:20}") int poolSize) throws SQLException {
		createDatabaseIfMissing(postgres.getPostgresDatabase());
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("heatdesk");
		return new HikariDataSource(config);
	}

	private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
		try (Connection c = admin.getConnection();
				var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			check.setString(1, DATABASE);
			try (var rs = check.executeQuery()) {
				if (!rs.next()) {
					try (var create = c.createStatement()) {
						create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
		}
	}

	static class NoDataSourceUrl implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
