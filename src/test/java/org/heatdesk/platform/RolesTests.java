package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The role groups: each names a different set of roles, and the navigation reads the same sets. */
class RolesTests {

	@Test
	void everyGroupIsAListOfRolesOfItsOwn() throws IllegalAccessException {
		Map<Set<Role>, String> seen = new HashMap<>();
		int groups = 0;
		for (Field f : Roles.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
				groups++;
				Set<Role> roles = Roles.of((String) f.get(null));
				assertThat(roles).as(f.getName()).isNotEmpty();
				String before = seen.put(roles, f.getName());
				assertThat(before).as("%s names the same roles as %s", f.getName(), before).isNull();
			}
		}
		assertThat(groups).isGreaterThanOrEqualTo(15);
	}

	@Test
	void readsTheRolesOfAGroup() {
		assertThat(Roles.of(Roles.DESK)).containsExactlyInAnyOrder(Role.AGENT, Role.TEAM_LEAD);
		assertThat(Roles.of(Roles.SUPERVISORS_DISPATCH_AND_AUDIT)).containsExactlyInAnyOrder(Role.TEAM_LEAD,
				Role.DISPATCHER, Role.MANAGER, Role.AUDITOR);
		assertThat(Roles.of(Roles.ADMIN)).containsExactly(Role.ADMIN);
		assertThat(Roles.of(Roles.CASEWORK)).doesNotContain(Role.ADMIN).hasSize(Role.values().length - 1);
	}

	@Test
	void refusesWhatIsNotAListOfRoles() {
		assertThatThrownBy(() -> Roles.of("hasAuthority('SCOPE_cti')")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Roles.of(Roles.MANAGER_AND_ADMIN + " or hasAuthority('SCOPE_billing')"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Roles.of("hasRole('JANITOR')")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aNavigationEntryOfAGroupIsShownToItsRoles() {
		NavItem item = new NavItem("nav.x", "nav.x.description", "/x", Roles.SUPERVISORS, 1, null);
		assertThat(item.roles()).containsExactlyInAnyOrder(Role.TEAM_LEAD, Role.MANAGER);
		assertThat(item.visibleTo(Set.of(Role.MANAGER))).isTrue();
		assertThat(item.visibleTo(Set.of(Role.AGENT))).isFalse();
	}
}
