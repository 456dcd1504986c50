package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void phonesShowFirstThreeAndLastFour() {
		assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
		assertThat(Phones.mask("0531-86012345")).isEqualTo("0531-****2345");
	}

	@Test
	void idNumberShowsFirstThreeAndLastFour() {
		assertThat(Masking.maskIdNumber("370102198001011234")).isEqualTo("370***********1234");
		assertThat(Masking.maskIdNumber("37010219800101X")).isEqualTo("370********101X");
	}

	@Test
	void nameKeepsTheSurname() {
		assertThat(Masking.maskName("张伟明")).isEqualTo("张**");
		assertThat(Masking.maskName("李娜")).isEqualTo("李*");
	}

	@Test
	void rolesDecideWhatIsMasked() {
		assertThat(Masking.forRoles(Set.of(Role.MANAGER))).isEqualTo(Masking.NONE);
		assertThat(Masking.forRoles(Set.of(Role.AGENT))).isEqualTo(Masking.CONTACT);
		assertThat(Masking.forRoles(Set.of(Role.TEAM_LEAD, Role.AGENT))).isEqualTo(Masking.CONTACT);
		assertThat(Masking.forRoles(Set.of(Role.DISPATCHER))).isEqualTo(Masking.CONTACT);
		assertThat(Masking.forRoles(Set.of(Role.TECHNICIAN))).isEqualTo(Masking.ALL);
		assertThat(Masking.forRoles(Set.of(Role.AUDITOR))).isEqualTo(Masking.ALL);
		assertThat(Masking.forRoles(EnumSet.noneOf(Role.class))).isEqualTo(Masking.ALL);
		// The most trusted role wins.
		assertThat(Masking.forRoles(Set.of(Role.AUDITOR, Role.MANAGER))).isEqualTo(Masking.NONE);
		assertThat(Masking.mayReveal(Set.of(Role.AGENT))).isTrue();
		assertThat(Masking.mayReveal(Set.of(Role.TECHNICIAN))).isFalse();
		assertThat(Masking.mayReveal(Set.of(Role.AUDITOR))).isFalse();
	}

	@Test
	void phoneNormalisation() {
		assertThat(Phones.normalize("138 1234 1234")).isEqualTo("13812341234");
		assertThat(Phones.normalize("0531 8601 2345")).isEqualTo("0531-86012345");
		assertThat(Phones.normalize("1381234123")).isNull();
		assertThat(Phones.normalize("12812341234")).isNull();
		assertThat(Phones.normalize("abc")).isNull();
		assertThat(Phones.last4("0531-86012345")).isEqualTo("2345");
	}
}
