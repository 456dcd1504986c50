package org.heatdesk.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confidential channel to report a colleague's violation (举报, 11.3). Anyone on the staff may
 * report; only managers and auditors read the reports (the pages and the API admit only them); a
 * reporter sees his own reports and their outcome, never anyone else's. The reporter's identity is
 * kept in this table alone: the audit rows of a report are written by {@code system:confidential-report}
 * and carry neither the reporter nor the text, so that the audit trail (which administrators also
 * read) never names who reported whom, as 6.7 keeps a complaint away from the person it is about.
 */
@Service
class ViolationReports {

	static final Actor CHANNEL = Actor.system("confidential-report");

	enum Status {
		OPEN, CLOSED
	}

	/** A report as its readers (managers, auditors) see it. */
	record Report(long id, long reportedStaffId, String reportedName, long reporterId, String reporterName,
			SanctionArticle article, String text, Status status, String conclusion, String handledBy, Instant handledAt,
			Instant createdAt) {
	}

	/** A report as its reporter sees it: about whom, his text, the outcome; no one else's. */
	record OwnReport(long id, String reportedName, SanctionArticle article, String text, Status status, String conclusion,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final PeopleSupport people;

	private final AuditTrail audit;

	ViolationReports(JdbcClient jdbc, PeopleSupport people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code PEOPLE_STAFF_UNKNOWN},
	 *         {@code SANCTION_ARTICLE_UNKNOWN}; 403 {@code REPORT_STAFF_ONLY}; 409 {@code PEOPLE_SELF}
	 */
	@Transactional
	long submit(Actor by, Long reportedStaffId, String article, String text) {
		StaffView reported = people.person(reportedStaffId, "reportedStaffId");
		String a = InputChecks.optional(article, "article", 12);
		SanctionArticle art = a == null ? null : SanctionArticle.parse(a);
		if (a != null && art == null) {
			throw HeatDeskException.badInput("SANCTION_ARTICLE_UNKNOWN", "article");
		}
		String t = InputChecks.required(text, "text", 2000);
		Long me = people.actorId(by);
		if (me == null) {
			throw HeatDeskException.forbidden("REPORT_STAFF_ONLY");
		}
		if (me == reported.id()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		long id = jdbc.sql("""
				insert into staff_violation_report (reported_staff_id, reporter_id, article, text, created_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(reported.id(), me, art == null ? null : art.name(), t, SqlValues.ts(people.now()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", "OPEN");
		after.put("article", art == null ? null : art.number());
		audit.record(CHANNEL, "VIOLATION_REPORTED", "staff_violation_report", id, null, after);
		return id;
	}

	/**
	 * A manager closes a report with the conclusion reached.
	 * @throws HeatDeskException 400 {@code REQUIRED}; 404 {@code REPORT_NOT_FOUND}; 409 {@code REPORT_CLOSED}
	 */
	@Transactional
	Report close(Actor by, long id, String conclusion) {
		Report r = jdbc.sql(SELECT + " where r.id = ? for update of r").param(id).query(ViolationReports::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("REPORT_NOT_FOUND"));
		String c = InputChecks.required(conclusion, "conclusion", 2000);
		if (r.status() != Status.OPEN) {
			throw HeatDeskException.conflict("REPORT_CLOSED");
		}
		jdbc.sql("update staff_violation_report set status = 'CLOSED', conclusion = ?, handled_by = ?, handled_at = ? where id = ?")
			.params(c, by.name(), SqlValues.ts(people.now()), id)
			.update();
		audit.record(by, "VIOLATION_REPORT_CLOSED", "staff_violation_report", id, Map.of("status", "OPEN"),
				Map.of("status", "CLOSED"));
		return find(id);
	}

	/** Every report, open first; for managers and auditors only (the callers check the role). */
	@Transactional(readOnly = true)
	List<Report> list(int limit) {
		return jdbc.sql(SELECT + """
				 order by case when r.status = 'OPEN' then 0 else 1 end, r.created_at desc, r.id desc limit ?""")
			.param(limit)
			.query(ViolationReports::row)
			.list();
	}

	@Transactional(readOnly = true)
	Report find(long id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query(ViolationReports::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("REPORT_NOT_FOUND"));
	}

	/** What {@code reporterId} reported himself. */
	@Transactional(readOnly = true)
	List<OwnReport> madeBy(long reporterId) {
		return jdbc.sql("""
				select r.*, d.display_name as reported_name from staff_violation_report r
				join staff_member d on d.id = r.reported_staff_id where r.reporter_id = ? order by r.created_at desc, r.id desc""")
			.param(reporterId)
			.query((rs, n) -> new OwnReport(rs.getLong("id"), rs.getString("reported_name"), article(rs.getString("article")),
					rs.getString("text"), Status.valueOf(rs.getString("status")), rs.getString("conclusion"),
					SqlValues.instant(rs, "created_at")))
			.list();
	}

	private static final String SELECT = """
			select r.*, d.display_name as reported_name, p.display_name as reporter_name from staff_violation_report r
			join staff_member d on d.id = r.reported_staff_id join staff_member p on p.id = r.reporter_id
			""";

	private static SanctionArticle article(String name) {
		return name == null ? null : SanctionArticle.valueOf(name);
	}

	private static Report row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Report(rs.getLong("id"), rs.getLong("reported_staff_id"), rs.getString("reported_name"),
				rs.getLong("reporter_id"), rs.getString("reporter_name"), article(rs.getString("article")),
				rs.getString("text"), Status.valueOf(rs.getString("status")), rs.getString("conclusion"),
				rs.getString("handled_by"), SqlValues.instant(rs, "handled_at"), SqlValues.instant(rs, "created_at"));
	}
}
