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
 * Sanctions for violations of chapters 8 and 11 (11.2): a supervisor proposes one naming the
 * article and linking the evidence, the person is heard (his own statement, or the one a supervisor
 * took down in a talk), and a manager approves or rejects it. Nobody proposes or decides a sanction
 * on himself. Kept on the staff record for good.
 */
@Service
class Sanctions {

	enum Status {
		PROPOSED, HEARD, APPROVED, REJECTED
	}

	record Sanction(long id, long staffId, String staffName, SanctionArticle article, SanctionMeasure measure, String facts,
			String evidence, Status status, String proposedBy, Instant proposedAt, String statement, String heardBy,
			Instant heardAt, String decidedBy, Instant decidedAt, String decisionNote) {

		public boolean open() {
			return status == Status.PROPOSED || status == Status.HEARD;
		}
	}

	record Proposal(Long staffId, String article, String measure, String facts, String evidence) {
	}

	private final JdbcClient jdbc;

	private final PeopleSupport people;

	private final AuditTrail audit;

	Sanctions(JdbcClient jdbc, PeopleSupport people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * @throws HeatDeskException 400 {@code SANCTION_ARTICLE_REQUIRED}, {@code SANCTION_ARTICLE_UNKNOWN},
	 *         {@code SANCTION_MEASURE_UNKNOWN}, {@code SANCTION_EVIDENCE_REQUIRED}, {@code REQUIRED} (facts),
	 *         {@code PEOPLE_STAFF_UNKNOWN}; 409 {@code PEOPLE_SELF}
	 */
	@Transactional
	Sanction propose(Actor by, Proposal p) {
		StaffView person = people.person(p.staffId(), "staffId");
		String articleText = InputChecks.optional(p.article(), "article", 12);
		if (articleText == null) {
			throw HeatDeskException.badInput("SANCTION_ARTICLE_REQUIRED", "article");
		}
		SanctionArticle article = SanctionArticle.parse(articleText);
		if (article == null) {
			throw HeatDeskException.badInput("SANCTION_ARTICLE_UNKNOWN", "article");
		}
		SanctionMeasure measure = SanctionMeasure.parse(InputChecks.optional(p.measure(), "measure", 12));
		if (measure == null) {
			throw HeatDeskException.badInput("SANCTION_MEASURE_UNKNOWN", "measure");
		}
		String facts = InputChecks.required(p.facts(), "facts", 2000);
		String evidence = InputChecks.optional(p.evidence(), "evidence", 500);
		if (evidence == null) {
			throw HeatDeskException.badInput("SANCTION_EVIDENCE_REQUIRED", "evidence");
		}
		Long me = people.actorId(by);
		if (me != null && me == person.id()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		long id = jdbc.sql("""
				insert into staff_sanction (staff_id, article, measure, facts, evidence, proposed_by, proposed_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(person.id(), article.name(), measure.name(), facts, evidence, by.name(), SqlValues.ts(people.now()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("staffId", person.id());
		after.put("article", article.number());
		after.put("measure", measure.name());
		after.put("facts", facts);
		after.put("evidence", evidence);
		audit.record(by, "SANCTION_PROPOSED", "staff_sanction", id, null, after);
		return find(id);
	}

	/**
	 * The person's hearing: his own statement, or one a supervisor took down.
	 * @param supervisor whether {@code by} may record the statement of someone else
	 * @throws HeatDeskException 400 {@code REQUIRED}; 403 {@code SANCTION_NOT_YOURS}; 409 {@code SANCTION_DECIDED}
	 */
	@Transactional
	Sanction hear(Actor by, boolean supervisor, long id, String statement) {
		Sanction s = lock(id);
		Long me = people.actorId(by);
		boolean own = me != null && me == s.staffId();
		if (!own && !supervisor) {
			throw HeatDeskException.forbidden("SANCTION_NOT_YOURS");
		}
		String text = InputChecks.required(statement, "statement", 2000);
		if (!s.open()) {
			throw HeatDeskException.conflict("SANCTION_DECIDED");
		}
		jdbc.sql("update staff_sanction set status = 'HEARD', statement = ?, heard_by = ?, heard_at = ? where id = ?")
			.params(text, by.name(), SqlValues.ts(people.now()), id)
			.update();
		audit.record(by, "SANCTION_HEARD", "staff_sanction", id, Map.of("status", s.status().name()),
				Map.of("status", "HEARD", "statement", text, "own", own));
		return find(id);
	}

	/**
	 * A manager's decision, once the person was heard.
	 * @throws HeatDeskException 409 {@code SANCTION_NOT_HEARD}, {@code SANCTION_DECIDED}, {@code PEOPLE_SELF}
	 */
	@Transactional
	Sanction decide(Actor by, long id, boolean approve, String note) {
		Sanction s = lock(id);
		String n = InputChecks.optional(note, "note", 1000);
		if (!s.open()) {
			throw HeatDeskException.conflict("SANCTION_DECIDED");
		}
		if (s.status() != Status.HEARD) {
			throw HeatDeskException.conflict("SANCTION_NOT_HEARD");
		}
		Long me = people.actorId(by);
		if (me != null && me == s.staffId()) {
			throw HeatDeskException.conflict("PEOPLE_SELF");
		}
		Status to = approve ? Status.APPROVED : Status.REJECTED;
		jdbc.sql("update staff_sanction set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?")
			.params(to.name(), by.name(), SqlValues.ts(people.now()), n, id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.name());
		after.put("note", n);
		audit.record(by, approve ? "SANCTION_APPROVED" : "SANCTION_REJECTED", "staff_sanction", id,
				Map.of("status", s.status().name()), after);
		return find(id);
	}

	/** Open ones first (oldest first), then the decided (newest first). */
	@Transactional(readOnly = true)
	List<Sanction> list(int limit) {
		return jdbc.sql(SELECT + """
				 order by case when s.status in ('PROPOSED', 'HEARD') then 0 else 1 end,
				  case when s.status in ('PROPOSED', 'HEARD') then s.proposed_at end, s.decided_at desc, s.id desc limit ?""")
			.param(limit)
			.query(Sanctions::row)
			.list();
	}

	@Transactional(readOnly = true)
	List<Sanction> forStaff(long staffId) {
		return jdbc.sql(SELECT + " where s.staff_id = ? order by s.proposed_at desc, s.id desc").param(staffId)
			.query(Sanctions::row).list();
	}

	@Transactional(readOnly = true)
	Sanction find(long id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id).query(Sanctions::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SANCTION_NOT_FOUND"));
	}

	private Sanction lock(long id) {
		jdbc.sql("select id from staff_sanction where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SANCTION_NOT_FOUND"));
		return find(id);
	}

	private static final String SELECT = """
			select s.*, m.display_name from staff_sanction s join staff_member m on m.id = s.staff_id
			""";

	private static Sanction row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Sanction(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("display_name"),
				SanctionArticle.valueOf(rs.getString("article")), SanctionMeasure.valueOf(rs.getString("measure")),
				rs.getString("facts"), rs.getString("evidence"), Status.valueOf(rs.getString("status")),
				rs.getString("proposed_by"), SqlValues.instant(rs, "proposed_at"), rs.getString("statement"),
				rs.getString("heard_by"), SqlValues.instant(rs, "heard_at"), rs.getString("decided_by"),
				SqlValues.instant(rs, "decided_at"), rs.getString("decision_note"));
	}
}
