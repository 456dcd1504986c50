package org.heatdesk.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's sampling plan for a month (4.4): the calls its agents answered that month are read with
 * their weights, stored as the draw's candidates, and {@link SamplingDraw} chooses so many per agent
 * with a seed that is recorded, so that anyone can repeat the draw ({@link #reproduce}). A lead may
 * add a call of his team's month to the sample. The candidates are read from the contact, ticket and
 * follow-up tables directly, as the reporting module's figures read them: a read model across the
 * records, written nowhere but here.
 */
@Service
class SamplingPlans {

	static final int MAX_PER_AGENT = 50;

	private static final String CANDIDATES = """
			select c.id, c.answered_staff_id, c.talk_ms, c.within_limit,
			       coalesce(t.type = 'COMPLAINT', false) as complaint,
			       exists (select 1 from followup_follow_up f
			               where f.ticket_no = k.ticket_no and f.satisfaction = 'DISSATISFIED') as dissatisfied
			from contact_call c
			join contact_contact k on k.id = c.contact_id
			join staff_member m on m.id = c.answered_staff_id
			left join ticket t on t.ticket_no = k.ticket_no
			where m.team_id = :team and c.direction = 'INBOUND' and c.answered_at is not null
			  and c.status = 'ENDED' and c.first_ring_at >= :from and c.first_ring_at < :to
			""";

	private final JdbcClient jdbc;

	private final QualityPeople people;

	private final AuditTrail audit;

	SamplingPlans(JdbcClient jdbc, QualityPeople people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	record Sample(long id, long teamId, YearMonth month, int perAgent, long seed, int candidates, Instant dueAt,
			String drawnBy, Instant drawnAt) {
	}

	/**
	 * Draws the team's sample for the month. {@code seed} may be given (to repeat a draw elsewhere);
	 * otherwise a fresh one is chosen and recorded.
	 * @throws HeatDeskException a month not yet begun, a number per agent out of 1–50, a team the
	 * person does not supervise, a month already drawn, no calls, or an agent with fewer calls than asked
	 */
	@Transactional
	Sample draw(Actor actor, long teamId, YearMonth month, Integer perAgent, Long seed) {
		StaffView me = people.who(actor);
		TeamView team = people.staff().teams().stream().filter(t -> t.id() == teamId).findFirst()
			.orElseThrow(() -> HeatDeskException.badInput("QUALITY_TEAM_UNKNOWN", "teamId"));
		if (!QualityPeople.supervises(me, team.id())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_TEAM");
		}
		if (month == null) {
			throw HeatDeskException.badInput("REQUIRED", "month");
		}
		YearMonth now = YearMonth.now(people.clock().withZone(people.zone()));
		if (month.isAfter(now) || month.getYear() < 2000) {
			throw HeatDeskException.badInput("QUALITY_MONTH_NOT_BEGUN", "month", month.toString());
		}
		if (perAgent == null || perAgent < 1 || perAgent > MAX_PER_AGENT) {
			throw HeatDeskException.badInput("QUALITY_PER_AGENT_RANGE", "perAgent", MAX_PER_AGENT);
		}
		if (find(teamId, month).isPresent()) {
			throw HeatDeskException.conflict("QUALITY_SAMPLE_EXISTS", team.name(), month.toString());
		}
		List<SamplingDraw.Candidate> candidates = candidates(teamId, month);
		if (candidates.isEmpty()) {
			throw HeatDeskException.badInput("QUALITY_SAMPLE_NO_CALLS", "month", team.name(), month.toString());
		}
		Map<Long, Integer> perAgentCount = new LinkedHashMap<>();
		candidates.forEach(c -> perAgentCount.merge(c.agentId(), 1, Integer::sum));
		for (Map.Entry<Long, Integer> e : perAgentCount.entrySet()) {
			if (e.getValue() < perAgent) {
				throw HeatDeskException.badInput("QUALITY_SAMPLE_TOO_FEW_CALLS", "perAgent", people.name(e.getKey()),
						e.getValue(), perAgent);
			}
		}
		long theSeed = seed != null ? seed : new SplittableRandom().nextLong();
		Instant at = people.clock().instant();
		Instant due = month.plusMonths(1).atDay(1).atStartOfDay(people.zone()).toInstant();
		if (due.isBefore(at)) {
			// a past month drawn late still gets a week to score its calls
			due = at.plus(java.time.Duration.ofDays(7));
		}
		long id = jdbc.sql("""
				insert into quality_sample (team_id, month, per_agent, seed, candidates, due_at, drawn_by, drawn_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(teamId, month.atDay(1), perAgent, theSeed, candidates.size(), Timestamp.from(due), actor.name(),
					Timestamp.from(at))
			.query(Long.class).single();
		for (SamplingDraw.Candidate c : candidates) {
			jdbc.sql("insert into quality_sample_candidate (sample_id, call_id, agent_id, weight, reasons) values (?, ?, ?, ?, ?)")
				.params(id, c.callId(), c.agentId(), c.weight(), c.reasons()).update();
		}
		List<SamplingDraw.Candidate> drawn = SamplingDraw.draw(candidates, perAgent, theSeed);
		for (SamplingDraw.Candidate c : drawn) {
			insertCheck(id, c, teamId, due, null, at);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("team", team.name());
		after.put("month", month.toString());
		after.put("perAgent", perAgent);
		after.put("seed", theSeed);
		after.put("candidates", candidates.size());
		after.put("calls", drawn.stream().map(SamplingDraw.Candidate::callId).toList());
		audit.record(actor, "QUALITY_SAMPLE_DRAWN", "quality_sample", id, null, after);
		return find(id).orElseThrow();
	}

	/**
	 * Adds a call of the team's month to its sample (a lead heard of it, or wants it checked).
	 * @throws HeatDeskException a call that is not an answered call of the team in the month, or already in a sample
	 */
	@Transactional
	long addCall(Actor actor, long sampleId, Long callId) {
		StaffView me = people.who(actor);
		Sample s = find(sampleId).orElseThrow(() -> HeatDeskException.notFound("QUALITY_SAMPLE_NOT_FOUND", sampleId));
		if (!QualityPeople.supervises(me, s.teamId())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_TEAM");
		}
		if (callId == null) {
			throw HeatDeskException.badInput("REQUIRED", "callId");
		}
		SamplingDraw.Candidate c = candidates(s.teamId(), s.month()).stream().filter(x -> x.callId() == callId)
			.findFirst()
			.orElseThrow(() -> HeatDeskException.badInput("QUALITY_CALL_NOT_IN_MONTH", "callId", callId));
		if (jdbc.sql("select count(*) from quality_check where call_id = ?").param(callId).query(Long.class).single() > 0) {
			throw HeatDeskException.conflict("QUALITY_CALL_ALREADY_CHECKED", callId);
		}
		long id = insertCheck(sampleId, c, s.teamId(), s.dueAt(), actor.name(), people.clock().instant());
		audit.record(actor, "QUALITY_CHECK_ADDED", "quality_check", id, null,
				Map.of("sample", sampleId, "call", callId, "agent", people.name(c.agentId())));
		return id;
	}

	/** The calls the recorded seed draws from the recorded candidates: the sample's draw, repeated. */
	@Transactional(readOnly = true)
	List<Long> reproduce(long sampleId) {
		Sample s = find(sampleId).orElseThrow(() -> HeatDeskException.notFound("QUALITY_SAMPLE_NOT_FOUND", sampleId));
		List<SamplingDraw.Candidate> stored = jdbc
			.sql("select call_id, agent_id, weight, reasons from quality_sample_candidate where sample_id = ?")
			.param(sampleId)
			.query((rs, n) -> new SamplingDraw.Candidate(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)))
			.list();
		return SamplingDraw.draw(stored, s.perAgent(), s.seed()).stream().map(SamplingDraw.Candidate::callId).toList();
	}

	/** The calls drawn by the seed (not those a lead added), in call-id order. */
	@Transactional(readOnly = true)
	List<Long> drawnCalls(long sampleId) {
		return jdbc.sql("select call_id from quality_check where sample_id = ? and added_by is null order by call_id")
			.param(sampleId).query(Long.class).list();
	}

	/** The answered calls of the team's agents in the month, with their weights as they are now. */
	@Transactional(readOnly = true)
	List<SamplingDraw.Candidate> candidates(long teamId, YearMonth month) {
		Map<String, Object> p = new HashMap<>();
		p.put("team", teamId);
		p.put("from", Timestamp.from(month.atDay(1).atStartOfDay(people.zone()).toInstant()));
		p.put("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(people.zone()).toInstant()));
		return jdbc.sql(CANDIDATES).params(p)
			.query((rs, n) -> SamplingDraw.candidate(rs.getLong("id"), rs.getLong("answered_staff_id"),
					rs.getBoolean("complaint"), rs.getBoolean("dissatisfied"), (Long) rs.getObject("talk_ms", Long.class),
					(Boolean) rs.getObject("within_limit", Boolean.class)))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Sample> find(long id) {
		return jdbc.sql("select * from quality_sample where id = ?").param(id).query(SamplingPlans::sample).optional();
	}

	@Transactional(readOnly = true)
	Optional<Sample> find(long teamId, YearMonth month) {
		return jdbc.sql("select * from quality_sample where team_id = ? and month = ?").params(teamId, month.atDay(1))
			.query(SamplingPlans::sample).optional();
	}

	/** The samples the person may read, newest month first. */
	@Transactional(readOnly = true)
	List<Sample> list(StaffView me, int limit) {
		List<Sample> all = jdbc.sql("select * from quality_sample order by month desc, id desc limit ?").param(limit * 4)
			.query(SamplingPlans::sample).list();
		List<Sample> mine = new ArrayList<>();
		for (Sample s : all) {
			if (QualityPeople.reads(me, s.teamId()) && mine.size() < limit) {
				mine.add(s);
			}
		}
		return mine;
	}

	private long insertCheck(long sampleId, SamplingDraw.Candidate c, long teamId, Instant due, String addedBy, Instant at) {
		return jdbc.sql("""
				insert into quality_check (sample_id, call_id, agent_id, team_id, reasons, added_by, due_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(sampleId, c.callId(), c.agentId(), teamId, c.reasons(), addedBy, Timestamp.from(due), Timestamp.from(at))
			.query(Long.class).single();
	}

	private static Sample sample(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Sample(rs.getLong("id"), rs.getLong("team_id"), YearMonth.from(rs.getDate("month").toLocalDate()),
				rs.getInt("per_agent"), rs.getLong("seed"), rs.getInt("candidates"), SqlValues.instant(rs, "due_at"),
				rs.getString("drawn_by"), SqlValues.instant(rs, "drawn_at"));
	}
}
