package org.heatdesk.staff;

import org.heatdesk.platform.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.ChangeCounter;
import org.heatdesk.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private static final String SELECT = """
			select m.*, t.name as team_name,
			       (select string_agg(r.role, ',') from staff_member_role r where r.staff_id = m.id) as roles
			from staff_member m left join staff_team t on t.id = m.team_id
			""";

	private final JdbcClient jdbc;

	private final ChangeCounter changes = new ChangeCounter();

	StaffRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves whenever this node changes an account, so that an account remembered before (see
	 * {@link StaffDirectory}) is never taken for current.
	 */
	long changes() {
		return changes.current();
	}

	private void changed() {
		changes.changed();
	}

	/** The stored account, with what login needs. */
	record Account(StaffView view, String passwordHash, int failedLogins, Instant failedWindowStart,
			Instant lockedUntil, int version) {
	}

	Optional<Account> findAccount(String username) {
		return jdbc.sql(SELECT + " where m.username = ?").param(username).query(this::account).optional();
	}

	Optional<Account> findByExtension(String extension) {
		return jdbc.sql(SELECT + " where m.extension = ? and m.active").param(extension).query(this::account).optional();
	}

	Optional<Account> findAccount(long id) {
		return jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::account).optional();
	}

	List<Account> findAll(String query, Role role, Boolean active) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query != null && !query.isBlank()) {
			sql.append(" and (m.username ilike :q or m.display_name ilike :q or m.employee_no ilike :q)");
			params.put("q", "%" + query.trim() + "%");
		}
		if (role != null) {
			sql.append(" and exists (select 1 from staff_member_role r where r.staff_id = m.id and r.role = :role)");
			params.put("role", role.name());
		}
		if (active != null) {
			sql.append(" and m.active = :active");
			params.put("active", active);
		}
		sql.append(" order by m.active desc, m.employee_no");
		return jdbc.sql(sql.toString()).params(params).query(this::account).list();
	}

	List<TeamView> teams() {
		return jdbc.sql("select id, code, name from staff_team order by code").query(TeamView.class).list();
	}

	Optional<TeamView> team(long id) {
		return jdbc.sql("select id, code, name from staff_team where id = ?").param(id).query(TeamView.class).optional();
	}

	long insertTeam(String code, String name) {
		return jdbc.sql("insert into staff_team (code, name) values (?, ?) returning id").params(code, name)
			.query(Long.class).single();
	}

	long insert(String username, String displayName, String employeeNo, Long teamId, String extension,
			String passwordHash, Instant now) {
		changed();
		return jdbc.sql("""
				insert into staff_member (username, display_name, employee_no, team_id, extension, password_hash,
				                          password_changed_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, employeeNo, teamId, extension, passwordHash, Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void replaceRoles(long staffId, Set<Role> roles) {
		changed();
		jdbc.sql("delete from staff_member_role where staff_id = ?").param(staffId).update();
		for (Role role : roles) {
			jdbc.sql("insert into staff_member_role (staff_id, role) values (?, ?)").params(staffId, role.name()).update();
		}
	}

	/** Updates the profile if nobody changed it since {@code version}; false when someone did. */
	boolean updateProfile(long id, int version, String displayName, Long teamId, String extension) {
		changed();
		return jdbc.sql("""
				update staff_member set display_name = ?, team_id = ?, extension = ?, version = version + 1
				where id = ? and version = ?""")
			.params(displayName, teamId, extension, id, version)
			.update() == 1;
	}

	void setActive(long id, boolean active) {
		changed();
		jdbc.sql("update staff_member set active = ?, version = version + 1 where id = ?").params(active, id).update();
	}

	void setPassword(long id, String hash, Instant now) {
		changed();
		jdbc.sql("""
				update staff_member set password_hash = ?, password_changed_at = ?, failed_logins = 0,
				       failed_window_start = null, locked_until = null, version = version + 1
				where id = ?""")
			.params(hash, Timestamp.from(now), id)
			.update();
	}

	void recordFailure(long id, int failedLogins, Instant windowStart, Instant lockedUntil) {
		changed();
		jdbc.sql("update staff_member set failed_logins = ?, failed_window_start = ?, locked_until = ? where id = ?")
			.params(failedLogins, SqlValues.ts(windowStart), SqlValues.ts(lockedUntil), id)
			.update();
	}

	void recordSuccess(long id, Instant now) {
		changed();
		jdbc.sql("""
				update staff_member set failed_logins = 0, failed_window_start = null, locked_until = null,
				       last_login_at = ? where id = ?""")
			.params(Timestamp.from(now), id)
			.update();
	}

	void unlock(long id) {
		changed();
		jdbc.sql("update staff_member set failed_logins = 0, failed_window_start = null, locked_until = null where id = ?")
			.param(id)
			.update();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from staff_member where username = ?").param(username).query(Long.class).single() > 0;
	}

	boolean employeeNoTaken(String employeeNo) {
		return jdbc.sql("select count(*) from staff_member where employee_no = ?").param(employeeNo).query(Long.class)
			.single() > 0;
	}

	boolean extensionTaken(String extension, long exceptId) {
		return jdbc.sql("select count(*) from staff_member where extension = ? and id <> ?").params(extension, exceptId)
			.query(Long.class).single() > 0;
	}

	long count() {
		return jdbc.sql("select count(*) from staff_member").query(Long.class).single();
	}

	private Account account(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		String joined = rs.getString("roles");
		if (joined != null) {
			for (String r : joined.split(",")) {
				roles.add(Role.valueOf(r));
			}
		}
		long teamId = rs.getLong("team_id");
		StaffView view = new StaffView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("employee_no"), rs.wasNull() ? null : teamId, rs.getString("team_name"),
				rs.getString("extension"), rs.getBoolean("active"), roles);
		return new Account(view, rs.getString("password_hash"), rs.getInt("failed_logins"),
				SqlValues.instant(rs.getTimestamp("failed_window_start")), SqlValues.instant(rs.getTimestamp("locked_until")),
				rs.getInt("version"));
	}


}
