package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heatdesk.staff.LoginLockoutIntegrationTests.asAdmin;

import java.util.EnumSet;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class StaffIntegrationTests {

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPasswordWithoutDigitsIsRefusedAndNothingIsWritten() {
		long before = jdbc.sql("select count(*) from staff_member").query(Long.class).single();
		String username = "pw" + Long.toString(System.nanoTime(), 36);
		assertThatThrownBy(() -> asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username, null, null,
				EnumSet.of(Role.AGENT), "onlyletterspassword"))))
			.isInstanceOf(HeatDeskException.class)
			.satisfies(e -> {
				assertThat(((HeatDeskException) e).code()).isEqualTo("PASSWORD_LETTERS_AND_DIGITS");
				assertThat(((HeatDeskException) e).field()).isEqualTo("password");
			});
		assertThatThrownBy(() -> asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username, null, null,
				EnumSet.of(Role.AGENT), "short1"))))
			.hasMessage("PASSWORD_TOO_SHORT");
		assertThat(jdbc.sql("select count(*) from staff_member").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'STAFF_CREATED' and after_state like ?")
			.param("%" + username + "%").query(Long.class).single()).isZero();
	}

	@Test
	void changingRolesIsAuditedWithBeforeAndAfter() {
		String username = "roles" + Long.toString(System.nanoTime(), 36);
		StaffView created = asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username, null, null,
				EnumSet.of(Role.AGENT), "abcdefgh12")));
		int version = jdbc.sql("select version from staff_member where id = ?").param(created.id()).query(Integer.class).single();
		StaffView changed = asAdmin(() -> staff.change(new Staff.StaffChange(created.id(), version, "测试二", null, null,
				EnumSet.of(Role.AGENT, Role.TEAM_LEAD))));
		assertThat(changed.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.TEAM_LEAD);
		var row = jdbc.sql("select actor, before_state, after_state from platform_audit_event where action = 'ROLES_CHANGED' and entity_id = ?")
			.param(String.valueOf(created.id()))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(row[0]).isEqualTo("admin");
		assertThat(row[1]).contains("AGENT").doesNotContain("TEAM_LEAD");
		assertThat(row[2]).contains("AGENT").contains("TEAM_LEAD");
	}

	@Test
	void aChangeMadeOnAStaleVersionIsRefused() {
		String username = "stale" + Long.toString(System.nanoTime(), 36);
		StaffView created = asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username, null, null,
				EnumSet.of(Role.AGENT), "abcdefgh12")));
		int version = jdbc.sql("select version from staff_member where id = ?").param(created.id()).query(Integer.class).single();
		asAdmin(() -> staff.change(new Staff.StaffChange(created.id(), version, "第一人", null, null, EnumSet.of(Role.AGENT))));
		assertThatThrownBy(() -> asAdmin(() -> staff.change(new Staff.StaffChange(created.id(), version, "第二人", null, null,
				EnumSet.of(Role.AGENT)))))
			.hasMessage("CONCURRENT_CHANGE");
		assertThat(staff.find(created.id()).orElseThrow().displayName()).isEqualTo("第一人");
	}

	@Test
	void staffAreNeverDeletedOnlyDeactivated() {
		String username = "gone" + Long.toString(System.nanoTime(), 36);
		StaffView created = asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username, null, null,
				EnumSet.of(Role.AGENT), "abcdefgh12")));
		asAdmin(() -> staff.deactivate(created.id()));
		StaffView after = staff.find(created.id()).orElseThrow();
		assertThat(after.active()).isFalse();
		assertThat(staff.withRole(Role.AGENT)).extracting(StaffView::username).doesNotContain(username);
	}
}
