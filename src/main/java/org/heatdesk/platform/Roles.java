package org.heatdesk.platform;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who works where: the groups of {@link Role}s the pages, the APIs and the navigation admit, as
 * {@code @PreAuthorize} expressions ({@code @PreAuthorize(Roles.DESK)}) and, through {@link #of(String)},
 * as the role sets of {@link NavItem}s, so that a page and its entry in the navigation name the same
 * group. The names compose the center's posts: the desk (agents and their team lead), dispatch, the
 * field (technicians), the supervisors (team leads and managers), audit and administration.
 */
public final class Roles {

	/** The call desk: agents and their team lead (the desk, registration, recording a ticket). */
	public static final String DESK = "hasAnyRole('AGENT','TEAM_LEAD')";

	/** Those who hold tickets: the desk and dispatch (my tickets, dispatching, answering). */
	public static final String DESK_AND_DISPATCH = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')";

	/** The desk, dispatch and the field: those who work on a ticket's attachments. */
	public static final String DESK_DISPATCH_AND_FIELD = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','TECHNICIAN')";

	/** Operations: the desk, dispatch and the managers (acting on tickets, the network's state). */
	public static final String OPERATIONS = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','MANAGER')";

	/** Operations and the field (customer search, the network API). */
	public static final String OPERATIONS_AND_FIELD = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','TECHNICIAN','MANAGER')";

	/** Operations and audit (ticket pages, read by the auditor). */
	public static final String OPERATIONS_AND_AUDIT = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')";

	/** Everyone who works on customers' cases: operations, the field and audit; not the administrator. */
	public static final String CASEWORK = "hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','TECHNICIAN','MANAGER','AUDITOR')";

	/** The desk and the managers (editing customers). */
	public static final String DESK_AND_MANAGER = "hasAnyRole('AGENT','TEAM_LEAD','MANAGER')";

	/** The desk, the managers and audit (the call list). */
	public static final String DESK_MANAGER_AND_AUDIT = "hasAnyRole('AGENT','TEAM_LEAD','MANAGER','AUDITOR')";

	/** The supervisors: team leads and managers (wallboard, presence, contracts). */
	public static final String SUPERVISORS = "hasAnyRole('TEAM_LEAD','MANAGER')";

	/** The supervisors and audit (call figures, recordings, the deadline policy). */
	public static final String SUPERVISORS_AND_AUDIT = "hasAnyRole('TEAM_LEAD','MANAGER','AUDITOR')";

	/** The supervisors and dispatch (outages, substation maintenance). */
	public static final String SUPERVISORS_AND_DISPATCH = "hasAnyRole('TEAM_LEAD','DISPATCHER','MANAGER')";

	/** The supervisors, dispatch and audit (the overdue board). */
	public static final String SUPERVISORS_DISPATCH_AND_AUDIT = "hasAnyRole('TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')";

	/** The managers and audit (the deadline policy in the navigation). */
	public static final String MANAGER_AND_AUDIT = "hasAnyRole('MANAGER','AUDITOR')";

	/** Managers only (contract templates, the deadline policy's changes, customer export). */
	public static final String MANAGER = "hasRole('MANAGER')";

	/** Managers and administrators (the customer import from billing). */
	public static final String MANAGER_AND_ADMIN = "hasAnyRole('MANAGER','ADMIN')";


	/** Team leads, managers and administrators (the customer message templates: read; the outbox of messages to customers). */
	public static final String SUPERVISORS_AND_ADMIN = "hasAnyRole('TEAM_LEAD','MANAGER','ADMIN')";

	/** Administrators only (staff accounts, integration keys). */
	public static final String ADMIN = "hasRole('ADMIN')";

	/** Auditors only (the customer access log). */
	public static final String AUDITOR = "hasRole('AUDITOR')";

	/** Dispatch and the team leads: those who keep the crews (technicians, certificates, roster). */
	public static final String CREW_KEEPERS = "hasAnyRole('TEAM_LEAD','DISPATCHER')";

	/** The crews' people: dispatch, team leads, managers and the technicians themselves (job eligibility). */
	public static final String CREWS_AND_FIELD = "hasAnyRole('TEAM_LEAD','DISPATCHER','TECHNICIAN','MANAGER')";

	/** The field: technicians only (their jobs and steps from the phone). */
	public static final String FIELD = "hasRole('TECHNICIAN')";

	/** Dispatch and the managers (the refund rules in the navigation). */
	public static final String DISPATCH_AND_MANAGER = "hasAnyRole('DISPATCHER','MANAGER')";

	/** Audit and administration (the audit trail). */
	public static final String AUDIT_AND_ADMIN = "hasAnyRole('AUDITOR','ADMIN')";

	private static final Pattern EXPRESSION = Pattern.compile("has(?:Any)?Role\\(((?:'[A-Z_]+',?)+)\\)");

	private Roles() {
	}

	/**
	 * The roles one of the expressions above admits, for a {@link NavItem}.
	 * @throws IllegalArgumentException for anything but {@code hasRole('…')} or {@code hasAnyRole('…',…)}
	 */
	public static Set<Role> of(String expression) {
		Matcher m = EXPRESSION.matcher(expression);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a list of roles: " + expression);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : m.group(1).split(",")) {
			roles.add(Role.valueOf(name.substring(1, name.length() - 1)));
		}
		return roles;
	}
}
