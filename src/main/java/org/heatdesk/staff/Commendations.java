package org.heatdesk.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commendations for good service (11.1): proposed by a supervisor, or by a customer's praise ticket
 * (the quality module hears it and calls {@link #proposeFromPraise}), granted or declined by a
 * manager; kept on the staff record. Nobody proposes or decides his own.
 */
@Service
public class Commendations {

	enum Status {
		PROPOSED, GRANTED, DECLINED
	}

	record Commendation(long id, long staffId, String staffName, String reason, String ticketNo, Status status,
			String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote) {
	}

	private final JdbcClient jdbc;

	private final PeopleSupport people;

	private final AuditTrail audit;

	Commendations(JdbcClient jdbc, PeopleSupport people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * A supervisor's proposal.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code PEOPLE_STAFF_UNKNOWN}; 409 {@code PEOPLE_SELF}
	 */
	@Transactional
	Commendation propose(Actor by, Long staffId, String reason, String ticketNo) {
		StaffView person = people.person(staffId, "staffId");
		String r = InputChecks.required(reason, "reason", 1000);
		String t = InputChecks.optional(ticketNo, "ticketNo", 40);
		Long me = people.actorId(by);
		if (me != null && me == person.id()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		if (t != null && jdbc.sql("select count(*) from staff_commendation where ticket_no = ?").param(t).query(Long.class)
			.single() > 0) {
			throw HeatDeskException.conflict("COMMENDATION_TICKET_TAKEN", t);
		}
		return find(insert(by, person.id(), r, t).orElseThrow());
	}

	/**
	 * The proposal a customer's praise ticket makes for the staff member it is about; nothing when
	 * that ticket proposed one already or the person is unknown or no longer active.
	 * @return the commendation's id when one was proposed now
	 */
	@Transactional
	public Optional<Long> proposeFromPraise(long staffId, String ticketNo, String reason) {
		if (staffId <= 0 || ticketNo == null || reason == null) {
			return Optional.empty();
		}
		try {
			people.person(staffId, "staffId");
		}
		catch (HeatDeskException unknown) {
			return Optional.empty();
		}
		String r = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
		return insert(Actor.system("praise"), staffId, r.isBlank() ? ticketNo : r, ticketNo);
	}

	private Optional<Long> insert(Actor by, long staffId, String reason, String ticketNo) {
		Optional<Long> id = jdbc.sql("""
				insert into staff_commendation (staff_id, reason, ticket_no, proposed_by, proposed_at)
				values (?, ?, ?, ?, ?) on conflict do nothing returning id""")
			.params(staffId, reason, ticketNo, by.name(), SqlValues.ts(people.now()))
			.query(Long.class)
			.optional();
		id.ifPresent(i -> {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("staffId", staffId);
			after.put("reason", reason);
			after.put("ticketNo", ticketNo);
			audit.record(by, "COMMENDATION_PROPOSED", "staff_commendation", i, null, after);
		});
		return id;
	}

	/**
	 * A manager grants or declines a proposal.
	 * @throws HeatDeskException 404 {@code COMMENDATION_NOT_FOUND}; 409 {@code COMMENDATION_DECIDED}, {@code PEOPLE_SELF}
	 */
	@Transactional
	Commendation decide(Actor by, long id, boolean grant, String note) {
		jdbc.sql("select id from staff_commendation where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> HeatDeskException.notFound("COMMENDATION_NOT_FOUND"));
		Commendation c = find(id);
		String n = InputChecks.optional(note, "note", 1000);
		if (c.status() != Status.PROPOSED) {
			throw HeatDeskException.conflict("COMMENDATION_DECIDED");
		}
		Long me = people.actorId(by);
		if (me != null && me == c.staffId()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		Status to = grant ? Status.GRANTED : Status.DECLINED;
		jdbc.sql("update staff_commendation set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?")
			.params(to.name(), by.name(), SqlValues.ts(people.now()), n, id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.name());
		after.put("note", n);
		audit.record(by, grant ? "COMMENDATION_GRANTED" : "COMMENDATION_DECLINED", "staff_commendation", id,
				Map.of("status", "PROPOSED"), after);
		return find(id);
	}

	@Transactional(readOnly = true)
	List<Commendation> list(int limit) {
		return jdbc.sql(SELECT + """
				 order by case when c.status = 'PROPOSED' then 0 else 1 end,
				  case when c.status = 'PROPOSED' then c.proposed_at end, c.decided_at desc, c.id desc limit ?""")
			.param(limit)
			.query(Commendations::row)
			.list();
	}

	@Transactional(readOnly = true)
	List<Commendation> forStaff(long staffId) {
		return jdbc.sql(SELECT + " where c.staff_id = ? order by c.proposed_at desc, c.id desc").param(staffId)
			.query(Commendations::row).list();
	}

	/** The commendation a praise ticket proposed, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> forTicket(String ticketNo) {
		return jdbc.sql("select id from staff_commendation where ticket_no = ?").param(ticketNo).query(Long.class).optional();
	}

	@Transactional(readOnly = true)
	Commendation find(long id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id).query(Commendations::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("COMMENDATION_NOT_FOUND"));
	}

	private static final String SELECT = """
			select c.*, m.display_name from staff_commendation c join staff_member m on m.id = c.staff_id
			""";

	private static Commendation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Commendation(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("display_name"), rs.getString("reason"),
				rs.getString("ticket_no"), Status.valueOf(rs.getString("status")), rs.getString("proposed_by"),
				SqlValues.instant(rs, "proposed_at"), rs.getString("decided_by"), SqlValues.instant(rs, "decided_at"),
				rs.getString("decision_note"));
	}
}
