package org.heatdesk.ticket.sla;

import org.heatdesk.platform.InputChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.ticket.Category;
import org.heatdesk.ticket.TicketType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers maintain: the versioned deadline policy (a new version applies to tickets recorded
 * after it; a ticket keeps the version and deadlines it was recorded under) and the category tree.
 * Every change is in the audit trail. Reads and writes both through {@link PolicyStore}.
 */
@Service
class TicketPolicies {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final PolicyStore store;

	private final AuditTrail audit;

	private final Clock clock;

	TicketPolicies(PolicyStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A manager's new version: the calendar, all rules and the reminder lead, written as on the policy page.
	 * @param remindMinutes minutes before a deadline that its reminder goes out
	 */
	record Draft(String note, String seasonStart, String seasonEnd, String workStart, String workEnd,
			Set<DayOfWeek> workDays, List<SlaPolicy.Rule> rules, Integer remindMinutes) {
	}

	@Transactional(readOnly = true)
	SlaPolicy current() {
		return store.current();
	}

	@Transactional(readOnly = true)
	List<SlaPolicy> versions() {
		return store.versions();
	}

	/**
	 * Adds a version that is in force for tickets recorded from now on.
	 * @throws HeatDeskException {@code TICKET_POLICY_LIMIT}, {@code TICKET_POLICY_CALENDAR} or
	 *         {@code TICKET_POLICY_REMIND} (a reminder lead not shorter than a limit it warns of) for bad input
	 */
	@Transactional
	SlaPolicy addVersion(Draft draft) {
		String note = InputChecks.trim(draft.note());
		if (note == null) {
			throw HeatDeskException.badInput("REQUIRED", "note");
		}
		if (note.length() > 500) {
			throw HeatDeskException.badInput("TOO_LONG", "note", 500);
		}
		MonthDay seasonStart;
		MonthDay seasonEnd;
		LocalTime workStart;
		LocalTime workEnd;
		try {
			seasonStart = MonthDay.parse("--" + draft.seasonStart().strip());
			seasonEnd = MonthDay.parse("--" + draft.seasonEnd().strip());
			workStart = LocalTime.parse(draft.workStart().strip());
			workEnd = LocalTime.parse(draft.workEnd().strip());
		}
		catch (RuntimeException e) {
			throw HeatDeskException.badInput("TICKET_POLICY_CALENDAR", "seasonStart");
		}
		if (!workStart.isBefore(workEnd) || draft.workDays() == null || draft.workDays().isEmpty()) {
			throw HeatDeskException.badInput("TICKET_POLICY_CALENDAR", "workStart");
		}
		if (draft.rules() == null || draft.rules().isEmpty()) {
			throw HeatDeskException.badInput("REQUIRED", "rules");
		}
		for (SlaPolicy.Rule r : draft.rules()) {
			if (r.type() == null) {
				throw HeatDeskException.badInput("REQUIRED", "type");
			}
			for (String limit : new String[] { r.dispatchLimit(), r.respondLimit(), r.onSiteLimit(), r.resolveLimit() }) {
				if (!Limit.valid(limit)) {
					throw HeatDeskException.badInput("TICKET_POLICY_LIMIT", "rules", limit);
				}
			}
			if (r.categoryId() != null && store.category(r.categoryId()).filter(c -> c.type() == r.type()).isEmpty()) {
				throw HeatDeskException.badInput("TICKET_CATEGORY_INVALID", "rules");
			}
		}
		checkReminder(draft.remindMinutes(), draft.rules());
		SlaPolicy before = store.current();
		SlaPolicy candidate = new SlaPolicy(0, 0, note, seasonStart, seasonEnd, workStart, workEnd, draft.workDays(),
				AuditTrail.currentActor(), clock.instant(), draft.rules(), draft.remindMinutes());
		SlaPolicy added = store.add(candidate, clock.instant());
		audit.record("TICKET_POLICY_VERSION_ADDED", "ticket_policy", added.version(), summary(before), summary(added));
		return added;
	}

	/**
	 * A reminder warns of a deadline, so it must go out before it: the lead must be shorter than every
	 * timed limit (minutes, hours). A day limit ends at the end of a counting day and is left alone.
	 */
	static void checkReminder(Integer remindMinutes, List<SlaPolicy.Rule> rules) {
		if (remindMinutes == null) {
			throw HeatDeskException.badInput("REQUIRED", "remindMinutes");
		}
		if (remindMinutes < 1 || remindMinutes > MAX_REMIND_MINUTES) {
			throw HeatDeskException.badInput("TICKET_POLICY_REMIND_RANGE", "remindMinutes", String.valueOf(MAX_REMIND_MINUTES));
		}
		Duration lead = Duration.ofMinutes(remindMinutes);
		for (SlaPolicy.Rule r : rules) {
			for (String limit : new String[] { r.dispatchLimit(), r.respondLimit(), r.onSiteLimit(), r.resolveLimit() }) {
				Limit l = Limit.parse(limit);
				if (l != null && l.duration() != null && lead.compareTo(l.duration()) >= 0) {
					throw HeatDeskException.badInput("TICKET_POLICY_REMIND", "remindMinutes", String.valueOf(remindMinutes),
							limit.strip());
				}
			}
		}
	}

	private static final int MAX_REMIND_MINUTES = 1440;

	private static Map<String, Object> summary(SlaPolicy p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", p.version());
		m.put("note", p.note());
		m.put("season", p.seasonStart() + "–" + p.seasonEnd());
		m.put("workingHours", p.workStart() + "–" + p.workEnd());
		m.put("workDays", p.workDays());
		m.put("rules", p.rules());
		m.put("remindMinutes", p.remindMinutes());
		return m;
	}

	@Transactional
	Category addCategory(TicketType type, Long parentId, String code, String nameZh, String nameEn, String keywords) {
		if (type == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		String c = InputChecks.trim(code);
		if (c == null || !CODE.matcher(c).matches()) {
			throw HeatDeskException.badInput("TICKET_CATEGORY_CODE", "code");
		}
		String zh = InputChecks.required(nameZh, "nameZh", 60);
		String en = InputChecks.required(nameEn, "nameEn", 60);
		String k = InputChecks.trim(keywords);
		if (k != null && k.length() > 500) {
			throw HeatDeskException.badInput("TOO_LONG", "keywords", 500);
		}
		if (parentId != null && store.category(parentId).filter(p -> p.type() == type).isEmpty()) {
			throw HeatDeskException.badInput("TICKET_CATEGORY_INVALID", "parentId");
		}
		long id;
		try {
			id = store.addCategory(type, parentId, c, zh, en, k == null ? "" : k, 100);
		}
		catch (DuplicateKeyException e) {
			throw HeatDeskException.badInput("TICKET_CATEGORY_CODE", "code");
		}
		Category added = store.category(id).orElseThrow();
		audit.record("TICKET_CATEGORY_ADDED", "ticket_category", id, null, added);
		return added;
	}

	@Transactional
	void setCategoryActive(long id, boolean active) {
		Category before = store.category(id).orElseThrow(() -> HeatDeskException.notFound("NOT_FOUND"));
		store.setCategoryActive(id, active);
		audit.record(active ? "TICKET_CATEGORY_ACTIVATED" : "TICKET_CATEGORY_DEACTIVATED", "ticket_category", id,
				Map.of("active", before.active()), Map.of("active", active));
	}

}
