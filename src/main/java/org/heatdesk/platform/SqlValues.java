package org.heatdesk.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The conversions every repository writes its SQL with: an {@link Instant} to and from a
 * {@code timestamptz} parameter or column ({@code null} staying {@code null}), and text searched
 * with {@code LIKE}.
 */
public final class SqlValues {

	private SqlValues() {
	}

	/** {@code instant} as a JDBC parameter; {@code null} for {@code null}. */
	public static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** A JDBC timestamp as an instant; {@code null} for {@code null}. */
	public static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** The instant in {@code column} of the current row; {@code null} for SQL {@code NULL}. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return instant(rs.getTimestamp(column));
	}

	/**
	 * {@code text} to be matched literally inside a {@code LIKE} pattern: its {@code %}, {@code _} and
	 * backslash escaped with PostgreSQL's default escape character.
	 */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
