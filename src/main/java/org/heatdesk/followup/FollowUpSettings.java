package org.heatdesk.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.TicketType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' settings of the follow-up: per ticket type the share of resolved tickets followed up
 * and the working days it is due in; the working days a complaint's reply is due in. Every change
 * is audited with the value before and after.
 */
@Service
class FollowUpSettings {

	static final String COMPLAINT_REPLY_DAYS = "complaint-reply-days";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	FollowUpSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The rule of one ticket type. */
	record Rule(TicketType type, int ratePercent, int dueDays, String changedBy, Instant changedAt) {
	}

	@Transactional(readOnly = true)
	List<Rule> rules() {
		Map<TicketType, Rule> byType = new LinkedHashMap<>();
		for (TicketType t : TicketType.values()) {
			byType.put(t, new Rule(t, 0, 2, null, null));
		}
		jdbc.sql("select ticket_type, rate_percent, due_days, changed_by, changed_at from followup_rule")
			.query((rs, n) -> new Rule(TicketType.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getString(4),
					SqlValues.instant(rs, "changed_at")))
			.list()
			.forEach(r -> byType.put(r.type(), r));
		return List.copyOf(byType.values());
	}

	Rule rule(TicketType type) {
		return rules().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
	}

	int complaintReplyDays() {
		return jdbc.sql("select value from followup_option where name = ?").param(COMPLAINT_REPLY_DAYS)
			.query(Integer.class).optional().orElse(2);
	}

	/**
	 * Sets the rate (0–100 %) and the working days (1–30) of a type.
	 * @throws HeatDeskException 400 {@code FOLLOWUP_RATE_RANGE} / {@code FOLLOWUP_DAYS_RANGE}
	 */
	@Transactional
	void change(Actor by, TicketType type, Integer ratePercent, Integer dueDays) {
		if (type == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		if (ratePercent == null || ratePercent < 0 || ratePercent > 100) {
			throw HeatDeskException.badInput("FOLLOWUP_RATE_RANGE", "rate");
		}
		if (dueDays == null || dueDays < 1 || dueDays > 30) {
			throw HeatDeskException.badInput("FOLLOWUP_DAYS_RANGE", "days");
		}
		Rule before = rule(type);
		if (before.ratePercent() == ratePercent && before.dueDays() == dueDays) {
			return;
		}
		jdbc.sql("""
				insert into followup_rule (ticket_type, rate_percent, due_days, changed_by, changed_at) values (?, ?, ?, ?, ?)
				on conflict (ticket_type) do update set rate_percent = excluded.rate_percent, due_days = excluded.due_days,
				  changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
			.params(type.name(), ratePercent, dueDays, by.name(), SqlValues.ts(clock.instant()))
			.update();
		audit.record(by, "FOLLOWUP_RULE_CHANGED", "followup_rule", type.name(),
				Map.of("rate", before.ratePercent(), "days", before.dueDays()), Map.of("rate", ratePercent, "days", dueDays));
	}

	/**
	 * Sets the working days a complaint's reply is due in (1–30), for complaints recorded from now on.
	 * @throws HeatDeskException 400 {@code FOLLOWUP_DAYS_RANGE}
	 */
	@Transactional
	void changeComplaintReplyDays(Actor by, Integer days) {
		if (days == null || days < 1 || days > 30) {
			throw HeatDeskException.badInput("FOLLOWUP_DAYS_RANGE", "replyDays");
		}
		int before = complaintReplyDays();
		if (before == days) {
			return;
		}
		jdbc.sql("""
				insert into followup_option (name, value, changed_by, changed_at) values (?, ?, ?, ?)
				on conflict (name) do update set value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
			.params(COMPLAINT_REPLY_DAYS, days, by.name(), SqlValues.ts(clock.instant()))
			.update();
		audit.record(by, "FOLLOWUP_COMPLAINT_DAYS_CHANGED", "followup_option", COMPLAINT_REPLY_DAYS, Map.of("days", before),
				Map.of("days", days));
	}
}
