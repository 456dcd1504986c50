package org.heatdesk.notification;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The templates' table. */
@Repository
class TemplateStore {

	/** The text a message of a kind is written from. */
	record Approved(long id, String body) {
	}

	private final JdbcClient jdbc;

	TemplateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Approved> approved(MessageKind kind, String channel) {
		return jdbc.sql("select id, body from notification_template where kind = ? and channel = ? and status = 'APPROVED'")
			.param(kind.name())
			.param(channel)
			.query((rs, n) -> new Approved(rs.getLong("id"), rs.getString("body")))
			.optional();
	}
}
