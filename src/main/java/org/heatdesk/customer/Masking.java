package org.heatdesk.customer;

import java.util.Set;

import org.heatdesk.platform.Role;

/**
 * What of a customer's personal data a role may see (standard 5.10, 8.4). A person with several
 * roles sees what the most trusted of them may see. The rules, also in {@code docs/customer.md}:
 * <ul>
 * <li>MANAGER: everything in full.</li>
 * <li>AGENT, TEAM_LEAD, DISPATCHER, ADMIN: full name; phones and ID number masked (an agent, lead or
 * dispatcher can reveal one customer's phones by giving a reason, which is logged).</li>
 * <li>TECHNICIAN, AUDITOR, and integration keys: name, phones and ID number all masked.</li>
 * </ul>
 */
enum Masking {

	/** Nothing masked. */
	NONE,
	/** Name in full; phones and ID number masked. */
	CONTACT,
	/** Name, phones and ID number masked. */
	ALL;

	private static final Set<Role> MAY_REVEAL = Set.of(Role.AGENT, Role.TEAM_LEAD, Role.DISPATCHER, Role.MANAGER);

	static Masking forRoles(Set<Role> roles) {
		if (roles.contains(Role.MANAGER)) {
			return NONE;
		}
		if (roles.contains(Role.AGENT) || roles.contains(Role.TEAM_LEAD) || roles.contains(Role.DISPATCHER)
				|| roles.contains(Role.ADMIN)) {
			return CONTACT;
		}
		return ALL;
	}

	/** Whether someone with {@code roles} may reveal a customer's full phones by giving a reason. */
	static boolean mayReveal(Set<Role> roles) {
		return roles.stream().anyMatch(MAY_REVEAL::contains);
	}

	String name(String name) {
		return this == ALL ? maskName(name) : name;
	}

	String phone(String phone) {
		return this == NONE ? phone : Phones.mask(phone);
	}

	String idNumber(String idNumber) {
		return this == NONE ? idNumber : maskIdNumber(idNumber);
	}

	/** The first character and one {@code *} for each of the others: 张** for 张伟明. */
	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
	}

	/** The first 3 and last 4 characters, the rest as {@code *}. */
	static String maskIdNumber(String id) {
		if (id == null) {
			return null;
		}
		if (id.length() <= 7) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
	}
}
