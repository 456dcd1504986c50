package org.heatdesk.quality;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.Scope;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly appraisal of each person (4.1–4.3): computed from the compliance figures of the
 * month for that person ({@link ComplianceReports#value} with {@link Scope#agent}) by the current
 * {@link AppraisalFormula}, with the lead's own score and comments; issued by the person's team lead
 * (or a manager) once the month is over, then read and acknowledged by the person. An issued
 * appraisal keeps the lines, the formula's version and the total it was issued with.
 */
@Service
class Appraisals {

	enum Status {
		ISSUED, ACKNOWLEDGED
	}

	/** An issued appraisal. */
	record Appraisal(long id, long staffId, String staffName, YearMonth month, int formulaVersion,
			List<AppraisalFormula.Line> lines, BigDecimal computedScore, int leadScore, String leadComment, BigDecimal total,
			Status status, String issuedBy, Instant issuedAt, Instant acknowledgedAt, String personComment) {
	}

	/** A person's month as the lead sees it before issuing: computed now, and the issued one if any. */
	record Preview(StaffView person, AppraisalFormula.Result result, Appraisal issued) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final QualityPeople people;

	private final AppraisalFormulas formulas;

	private final ComplianceReports reports;

	Appraisals(JdbcClient jdbc, JsonMapper json, AuditTrail audit, QualityPeople people, AppraisalFormulas formulas,
			ComplianceReports reports) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.people = people;
		this.formulas = formulas;
		this.reports = reports;
	}

	/** The month's figures of one person through the current formula, with the lead's score if given. */
	AppraisalFormula.Result compute(AppraisalFormula formula, long staffId, YearMonth month, Integer leadScore) {
		Period period = Period.month(month);
		Scope scope = Scope.agent(staffId);
		return formula.compute(code -> reports.value(code, period, scope), leadScore);
	}

	/** The people {@code me} appraises: his team (a lead), or every team's (a manager); the desk's people only. */
	List<StaffView> appraisable(StaffView me, Long teamId) {
		return people.staff().withRole(Role.AGENT).stream()
			.filter(p -> teamId == null || teamId.equals(p.teamId()))
			.filter(p -> QualityPeople.supervises(me, p.teamId()) || me.has(Role.AUDITOR))
			.filter(p -> p.id() != me.id())
			.sorted(java.util.Comparator.comparing(StaffView::employeeNo))
			.toList();
	}

	@Transactional(readOnly = true)
	List<Preview> previews(StaffView me, Long teamId, YearMonth month) {
		AppraisalFormula formula = formulas.current();
		Map<Long, Appraisal> issuedByStaff = new HashMap<>();
		jdbc.sql(SELECT + " where a.month = ?").param(Date.valueOf(month.atDay(1))).query(this::row).list()
			.forEach(a -> issuedByStaff.put(a.staffId(), a));
		List<Preview> list = new ArrayList<>();
		for (StaffView p : appraisable(me, teamId)) {
			Appraisal issued = issuedByStaff.get(p.id());
			list.add(new Preview(p, issued == null ? compute(formula, p.id(), month, null) : null, issued));
		}
		return list;
	}

	/**
	 * The lead (or a manager) issues a person's appraisal of a month that is over.
	 * @throws HeatDeskException 400 {@code APPRAISAL_MONTH_OPEN}, {@code APPRAISAL_LEAD_SCORE_RANGE}, {@code TOO_LONG};
	 *         403 {@code APPRAISAL_NOT_YOUR_TEAM}; 409 {@code APPRAISAL_ISSUED}, {@code PEOPLE_SELF}
	 */
	@Transactional
	Appraisal issue(Actor by, long staffId, YearMonth month, Integer leadScore, String comment) {
		StaffView me = people.who(by);
		StaffView person = people.staff().find(staffId).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("PEOPLE_STAFF_UNKNOWN", "staffId"));
		if (month == null) {
			throw HeatDeskException.badInput("REQUIRED", "month");
		}
		LocalDate today = LocalDate.now(people.clock().withZone(people.zone()));
		if (!month.isBefore(YearMonth.from(today)) || !InputChecks.sensibleYear(month.getYear())) {
			throw HeatDeskException.badInput("APPRAISAL_MONTH_OPEN", "month", month.toString());
		}
		if (leadScore == null || leadScore < 0 || leadScore > 100) {
			throw HeatDeskException.badInput("APPRAISAL_LEAD_SCORE_RANGE", "leadScore");
		}
		String c = InputChecks.optional(comment, "leadComment", 2000);
		if (me.id() == person.id()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		if (!QualityPeople.supervises(me, person.teamId())) {
			throw HeatDeskException.forbidden("APPRAISAL_NOT_YOUR_TEAM");
		}
		if (find(staffId, month).isPresent()) {
			throw HeatDeskException.conflict("APPRAISAL_ISSUED");
		}
		AppraisalFormula formula = formulas.current();
		AppraisalFormula.Result r = compute(formula, staffId, month, leadScore);
		long id = jdbc.sql("""
				insert into quality_appraisal (staff_id, month, formula_version, lines, computed_score, lead_score, lead_comment,
				  total, issued_by, issued_at)
				values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) on conflict (staff_id, month) do nothing returning id""")
			.params(staffId, Date.valueOf(month.atDay(1)), formula.version(), json.writeValueAsString(r.lines()),
					r.computedScore(), leadScore, c, r.total(), by.name(), SqlValues.ts(people.clock().instant()))
			.query(Long.class)
			.optional()
			// issued meanwhile by another request
			.orElseThrow(() -> HeatDeskException.conflict("APPRAISAL_ISSUED"));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("staffId", staffId);
		after.put("month", month.toString());
		after.put("formulaVersion", formula.version());
		after.put("computedScore", r.computedScore());
		after.put("leadScore", leadScore);
		after.put("leadComment", c);
		after.put("total", r.total());
		audit.record(by, "APPRAISAL_ISSUED", "quality_appraisal", id, null, after);
		return find(id);
	}

	/**
	 * The person acknowledges his own appraisal, with a comment if he wishes.
	 * @throws HeatDeskException 403 {@code APPRAISAL_NOT_YOURS}; 409 {@code APPRAISAL_ACKNOWLEDGED}
	 */
	@Transactional
	Appraisal acknowledge(Actor by, long id, String comment) {
		StaffView me = people.who(by);
		Appraisal a = jdbc.sql(SELECT + " where a.id = ? for update of a").param(id).query(this::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("APPRAISAL_NOT_FOUND"));
		if (a.staffId() != me.id()) {
			throw HeatDeskException.forbidden("APPRAISAL_NOT_YOURS");
		}
		String c = InputChecks.optional(comment, "comment", 1000);
		if (a.status() != Status.ISSUED) {
			throw HeatDeskException.conflict("APPRAISAL_ACKNOWLEDGED");
		}
		jdbc.sql("update quality_appraisal set status = 'ACKNOWLEDGED', acknowledged_at = ?, person_comment = ? where id = ?")
			.params(SqlValues.ts(people.clock().instant()), c, id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", "ACKNOWLEDGED");
		after.put("comment", c);
		audit.record(by, "APPRAISAL_ACKNOWLEDGED", "quality_appraisal", id, Map.of("status", "ISSUED"), after);
		return find(id);
	}

	@Transactional(readOnly = true)
	Appraisal find(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("APPRAISAL_NOT_FOUND"));
	}

	@Transactional(readOnly = true)
	Optional<Appraisal> find(long staffId, YearMonth month) {
		return jdbc.sql(SELECT + " where a.staff_id = ? and a.month = ?").params(staffId, Date.valueOf(month.atDay(1)))
			.query(this::row).optional();
	}

	@Transactional(readOnly = true)
	List<Appraisal> forStaff(long staffId) {
		return jdbc.sql(SELECT + " where a.staff_id = ? order by a.month desc").param(staffId).query(this::row).list();
	}

	private static final String SELECT = """
			select a.*, m.display_name from quality_appraisal a join staff_member m on m.id = a.staff_id""";

	private Appraisal row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		List<AppraisalFormula.Line> lines = new ArrayList<>();
		for (JsonNode l : json.readTree(rs.getString("lines"))) {
			lines.add(new AppraisalFormula.Line(l.path("code").asString(), l.path("weight").asInt(),
					AppraisalRule.valueOf(l.path("rule").asString()), decimal(l.get("parameter")),
					AppraisalFormula.State.valueOf(l.path("state").asString()), decimal(l.get("value")),
					decimal(l.get("score"))));
		}
		return new Appraisal(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("display_name"),
				YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("formula_version"), lines,
				rs.getBigDecimal("computed_score"), rs.getInt("lead_score"), rs.getString("lead_comment"),
				rs.getBigDecimal("total"), Status.valueOf(rs.getString("status")), rs.getString("issued_by"),
				SqlValues.instant(rs, "issued_at"), SqlValues.instant(rs, "acknowledged_at"), rs.getString("person_comment"));
	}

	private static BigDecimal decimal(JsonNode n) {
		return n == null || n.isNull() ? null : new BigDecimal(n.asString());
	}
}
