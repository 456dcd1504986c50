package org.heatdesk.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case library (案例分析, 4.4): a call or a ticket turned into a good or bad example by a
 * supervisor, with what happened and the lesson, to be discussed at a briefing and read by every
 * agent. Its texts are masked before they are stored ({@link CaseLibraryMasking}), so no reader ever
 * sees the customer's number or name through it.
 */
@Service
class CaseLibrary {

	enum Kind {
		GOOD, BAD
	}

	record Case(long id, Kind kind, String title, Long callId, String ticketNo, Long checkId, String summary,
			String lesson, LocalDate briefingOn, String createdBy, Instant createdAt) {
	}

	record NewCase(Kind kind, String title, Long callId, String ticketNo, Long checkId, String summary, String lesson,
			LocalDate briefingOn) {
	}

	private final JdbcClient jdbc;

	private final QualityPeople people;

	private final TicketQueries tickets;

	private final Customers customers;

	private final AuditTrail audit;

	CaseLibrary(JdbcClient jdbc, QualityPeople people, TicketQueries tickets, Customers customers, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.tickets = tickets;
		this.customers = customers;
		this.audit = audit;
	}

	/**
	 * Adds a case.
	 * @throws HeatDeskException not a supervisor, no kind, title, summary or lesson, neither a call nor a
	 * ticket, an unknown call or ticket
	 */
	@Transactional
	long create(Actor actor, NewCase c) {
		StaffView me = people.who(actor);
		if (!me.has(Role.TEAM_LEAD) && !me.has(Role.MANAGER)) {
			throw HeatDeskException.forbidden("QUALITY_CASE_SUPERVISORS_ONLY");
		}
		if (c.kind() == null) {
			throw HeatDeskException.badInput("REQUIRED", "kind");
		}
		String ticketNo = InputChecks.trim(c.ticketNo());
		if (c.callId() == null && ticketNo == null) {
			throw HeatDeskException.badInput("QUALITY_CASE_SOURCE", "callId");
		}
		List<String> names = new ArrayList<>();
		Long customerId = null;
		boolean ticketGiven = ticketNo != null;
		if (c.callId() != null) {
			Map<String, Object> call = jdbc.sql("""
					select k.customer_id, k.ticket_no, k.name from contact_call c join contact_contact k on k.id = c.contact_id
					where c.id = ?""").param(c.callId()).query().listOfRows().stream().findFirst()
				.orElseThrow(() -> HeatDeskException.badInput("QUALITY_CASE_CALL_UNKNOWN", "callId", c.callId()));
			customerId = (Long) call.get("customer_id");
			if (call.get("name") != null) {
				names.add((String) call.get("name"));
			}
			if (ticketNo == null && call.get("ticket_no") != null) {
				ticketNo = (String) call.get("ticket_no");
			}
		}
		if (ticketNo != null) {
			ticketNo = ticketNo.toUpperCase();
			Optional<TicketView> t = tickets.find(actor, ticketNo);
			if (t.isEmpty() && ticketGiven) {
				throw HeatDeskException.badInput("QUALITY_CASE_TICKET_UNKNOWN", "ticketNo");
			}
			if (customerId == null && t.isPresent()) {
				customerId = t.get().customerId();
			}
		}
		if (customerId != null) {
			customers.find(customerId).map(CustomerView::name).ifPresent(names::add);
		}
		String title = CaseLibraryMasking.text(InputChecks.required(c.title(), "title", 200), names);
		String summary = CaseLibraryMasking.text(InputChecks.required(c.summary(), "summary", 4000), names);
		String lesson = CaseLibraryMasking.text(InputChecks.required(c.lesson(), "lesson", 2000), names);
		Instant now = people.clock().instant();
		long id = jdbc.sql("""
				insert into quality_case (kind, title, call_id, ticket_no, check_id, summary, lesson, briefing_on,
				                          created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.kind().name(), title, c.callId(), ticketNo, c.checkId(), summary, lesson, c.briefingOn(),
					actor.name(), Timestamp.from(now))
			.query(Long.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", c.kind());
		after.put("title", title);
		after.put("call", c.callId() == null ? "" : c.callId());
		after.put("ticket", ticketNo == null ? "" : ticketNo);
		audit.record(actor, "QUALITY_CASE_CREATED", "quality_case", id, null, after);
		return id;
	}

	@Transactional(readOnly = true)
	Optional<Case> find(long id) {
		return jdbc.sql("select * from quality_case where id = ?").param(id).query(CaseLibrary::row).optional();
	}

	@Transactional(readOnly = true)
	List<Case> list(Kind kind, int limit) {
		if (kind == null) {
			return jdbc.sql("select * from quality_case order by created_at desc, id desc limit ?").param(limit)
				.query(CaseLibrary::row).list();
		}
		return jdbc.sql("select * from quality_case where kind = ? order by created_at desc, id desc limit ?")
			.params(kind.name(), limit).query(CaseLibrary::row).list();
	}

	@Transactional(readOnly = true)
	long count() {
		return jdbc.sql("select count(*) from quality_case").query(Long.class).single();
	}

	static Case row(ResultSet rs, int n) throws SQLException {
		java.sql.Date d = rs.getDate("briefing_on");
		return new Case(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				(Long) rs.getObject("call_id", Long.class), rs.getString("ticket_no"),
				(Long) rs.getObject("check_id", Long.class), rs.getString("summary"), rs.getString("lesson"),
				d == null ? null : d.toLocalDate(), rs.getString("created_by"), SqlValues.instant(rs, "created_at"));
	}
}
