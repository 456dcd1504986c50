package org.heatdesk.reporting;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where reports read: a PostgreSQL replica where the site runs one
 * ({@code heatdesk.reporting.datasource.url}, {@code .username}, {@code .password}), so that a
 * season's report does not slow the desks; without it, the primary. Figures read through
 * {@link #jdbc()}; roll-ups and settings are written through the primary. (Not a {@code JdbcClient}
 * bean: that would replace the application's own.)
 */
@Component
public class ReportingReads implements DisposableBean {

	private final JdbcClient jdbc;

	private final HikariDataSource replica;

	ReportingReads(DataSource primary, @Value("${heatdesk.reporting.datasource.url:}") String url,
			@Value("${heatdesk.reporting.datasource.username:}") String username,
			@Value("${heatdesk.reporting.datasource.password:}") String password) {
		if (url.isBlank()) {
			this.replica = null;
			this.jdbc = JdbcClient.create(primary);
		}
		else {
			this.replica = new HikariDataSource();
			replica.setJdbcUrl(url);
			replica.setUsername(username);
			replica.setPassword(password);
			replica.setReadOnly(true);
			replica.setPoolName("reporting-replica");
			replica.setMaximumPoolSize(5);
			this.jdbc = JdbcClient.create(replica);
		}
	}

	/** The client figures read the records with. */
	public JdbcClient jdbc() {
		return jdbc;
	}

	/** Whether reports read from a replica rather than the primary. */
	public boolean fromReplica() {
		return replica != null;
	}

	@Override
	public void destroy() {
		if (replica != null) {
			replica.close();
		}
	}
}
