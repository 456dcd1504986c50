package org.heatdesk.shift;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notices of the center's own day to a person or to everyone holding a role: a hand-over not signed
 * by the shift start (to the managers), a service incident reported upward, a directive given. A
 * notice is a message key with its arguments, shown in the reader's language; it stays until read.
 */
@Component
class ShiftNotices {

	record Notice(long id, String kind, String messageKey, List<String> args, String link, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ShiftNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A notice to everyone holding {@code role}, in the caller's transaction. */
	long toRole(Role role, String kind, String messageKey, String link, String... args) {
		return insert(null, role.name(), kind, messageKey, link, args);
	}

	/** A notice to one staff member, in the caller's transaction. */
	long toStaff(long staffId, String kind, String messageKey, String link, String... args) {
		return insert(staffId, null, kind, messageKey, link, args);
	}

	/** The unread notices for a person holding {@code roles}, newest first. */
	List<Notice> unread(long staffId, Set<Role> roles, int limit) {
		String[] roleNames = roles.stream().map(Role::name).toArray(String[]::new);
		return jdbc.sql("""
				select n.id, n.kind, n.message_key, n.args, n.link, n.created_at from shift_notice n
				where (n.staff_id = :staff or n.role = any(:roles))
				  and not exists (select 1 from shift_notice_read r where r.notice_id = n.id and r.staff_id = :staff)
				order by n.id desc limit :limit""")
			.param("staff", staffId)
			.param("roles", roleNames)
			.param("limit", limit)
			.query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
					Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Marks a notice read by one person (a notice to a role stays unread for the others). */
	void markRead(long noticeId, long staffId) {
		jdbc.sql("insert into shift_notice_read (notice_id, staff_id, read_at) values (:id, :staff, :at) on conflict do nothing")
			.param("id", noticeId)
			.param("staff", staffId)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	private long insert(Long staffId, String role, String kind, String messageKey, String link, String[] args) {
		return jdbc.sql("""
				insert into shift_notice (staff_id, role, kind, message_key, args, link, created_at)
				values (:staff, :role, :kind, :key, :args, :link, :at) returning id""")
			.param("staff", staffId)
			.param("role", role)
			.param("kind", kind)
			.param("key", messageKey)
			.param("args", args)
			.param("link", link)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}
}
