package org.heatdesk.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phrase library: the standard's words for each moment of a call, kept as versions. A team lead
 * or manager drafts; another manager approves (12.1: what agents say to customers is the company's
 * word); the desk always shows the latest approved version with the company, the caller's surname
 * and title and the agent's number filled in.
 */
@Service
public class Phrases {

	static final int MAX_TEXT = 500;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Company company;

	private final Clock clock;

	Phrases(JdbcClient jdbc, AuditTrail audit, Company company, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.company = company;
		this.clock = clock;
	}

	/** A phrase ready to say: its words filled in for this caller. */
	public record Said(long phraseId, PhraseScenario scenario, String text) {
	}

	/** A phrase of the library with its approved words and the draft waiting, if any. */
	record Entry(long id, PhraseScenario scenario, int position, String source, Integer version, String text,
			Long draftId, Integer draftVersion, String draftText, String draftAuthor) {
	}

	record Version(long id, int version, String text, String status, String author, Instant createdAt, String decidedBy,
			Instant decidedAt) {
	}

	/**
	 * The approved phrases of these scenarios, in the scenarios' order, filled in.
	 * @param surname the caller's surname, or {@code null}
	 * @param title 先生 or 女士, or {@code null} (said as 先生/女士)
	 * @param agentNo the agent's employee number, or {@code null}
	 */
	@Transactional(readOnly = true)
	public List<Said> said(Collection<PhraseScenario> scenarios, String surname, String title, String agentNo) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("company", company.shortName());
		values.put("surname", surname == null ? "" : surname);
		values.put("title", PhraseText.titleOf(title));
		values.put("agentNo", agentNo == null ? "" : agentNo);
		Map<PhraseScenario, List<Said>> by = new EnumMap<>(PhraseScenario.class);
		for (Entry e : library()) {
			// a phrase that names the agent's number is left out for someone who has none
			boolean unsayable = (agentNo == null || agentNo.isBlank()) && e.text() != null && e.text().contains("{agentNo}");
			if (e.text() != null && scenarios.contains(e.scenario()) && !unsayable) {
				by.computeIfAbsent(e.scenario(), s -> new ArrayList<>())
					.add(new Said(e.id(), e.scenario(), PhraseText.fill(e.text(), values)));
			}
		}
		List<Said> out = new ArrayList<>();
		for (PhraseScenario s : scenarios) {
			out.addAll(by.getOrDefault(s, List.of()));
		}
		return out;
	}

	/** Every phrase, by scenario and position, with its approved words (none yet for a new one) and open draft. */
	@Transactional(readOnly = true)
	List<Entry> library() {
		return jdbc.sql("""
				select p.id, p.scenario, p.position, p.source, a.version, a.text, d.id, d.version, d.text, d.author
				from knowledge_phrase p
				left join lateral (select v.version, v.text from knowledge_phrase_version v
				                   where v.phrase_id = p.id and v.status = 'APPROVED'
				                   order by v.version desc limit 1) a on true
				left join knowledge_phrase_version d on d.phrase_id = p.id and d.status = 'DRAFT'
				order by array_position(array['GREETING','ACKNOWLEDGE','CLARIFY','OUTBOUND','COMPLAINT','APOLOGY','CLOSING']::varchar[], p.scenario),
				         p.position, p.id""")
			.query((rs, n) -> new Entry(rs.getLong(1), PhraseScenario.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getString(6), (Long) rs.getObject(7), (Integer) rs.getObject(8),
					rs.getString(9), rs.getString(10)))
			.list();
	}

	/** Every version of a phrase, newest first. */
	@Transactional(readOnly = true)
	List<Version> versions(long phraseId) {
		return jdbc.sql("""
				select id, version, text, status, author, created_at, decided_by, decided_at
				from knowledge_phrase_version where phrase_id = ? order by version desc""")
			.param(phraseId)
			.query((rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getString(7),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Entry> entry(long phraseId) {
		return library().stream().filter(e -> e.id() == phraseId).findFirst();
	}

	/**
	 * Writes new words for a phrase (or a new phrase of {@code scenario} when {@code phraseId} is
	 * {@code null}) as a draft; an open draft of the phrase is replaced by this one.
	 * @return the draft version's id
	 * @throws HeatDeskException for blank or long words, an unknown placeholder, an unknown phrase
	 */
	@Transactional
	public long draft(Long phraseId, PhraseScenario scenario, String text, Actor by) {
		String words = checkedText(text);
		long id;
		if (phraseId == null) {
			if (scenario == null) {
				throw HeatDeskException.badInput("REQUIRED", "scenario");
			}
			id = jdbc.sql("""
					insert into knowledge_phrase (scenario, position, source)
					select :s, coalesce(max(position), 0) + 1, null from knowledge_phrase where scenario = :s
					returning id""").param("s", scenario.name()).query(Long.class).single();
		}
		else {
			id = jdbc.sql("select id from knowledge_phrase where id = ? for update").param(phraseId).query(Long.class)
				.optional().orElseThrow(() -> HeatDeskException.notFound("PHRASE_NOT_FOUND"));
		}
		Map<String, Object> replaced = jdbc.sql("select id, version, text, author from knowledge_phrase_version where phrase_id = ? and status = 'DRAFT'")
			.param(id).query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "version", rs.getInt(2), "text",
					rs.getString(3), "author", rs.getString(4)))
			.optional().orElse(null);
		if (replaced != null) {
			// a replaced draft is kept as refused, so the trail of words shows it
			jdbc.sql("update knowledge_phrase_version set status = 'REJECTED', decided_by = ?, decided_at = ? where id = ?")
				.param(by.name()).param(java.sql.Timestamp.from(clock.instant())).param(replaced.get("id")).update();
		}
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from knowledge_phrase_version where phrase_id = ?")
			.param(id).query(Integer.class).single();
		long versionId = jdbc.sql("""
				insert into knowledge_phrase_version (phrase_id, version, text, status, author, created_at)
				values (?, ?, ?, 'DRAFT', ?, ?) returning id""")
			.param(id).param(version).param(words).param(by.name()).param(java.sql.Timestamp.from(clock.instant()))
			.query(Long.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("phraseId", id);
		after.put("version", version);
		after.put("text", words);
		audit.record(by, "PHRASE_DRAFTED", "knowledge_phrase", id, replaced, after);
		return versionId;
	}

	/**
	 * Approves a draft: from now on the desk says these words.
	 * @throws HeatDeskException 403 {@code PHRASE_OWN_DRAFT} for the draft's author, 404 for no such draft
	 */
	@Transactional
	public void approve(long versionId, Actor by) {
		decide(versionId, by, true);
	}

	/** Refuses a draft: the approved words stay. */
	@Transactional
	public void reject(long versionId, Actor by) {
		decide(versionId, by, false);
	}

	private void decide(long versionId, Actor by, boolean approve) {
		String status = approve ? PhraseStatus.APPROVED : PhraseStatus.REJECTED;
		record Draft(long phraseId, int version, String text, String author) {
		}
		Draft d = jdbc.sql("""
				select phrase_id, version, text, author from knowledge_phrase_version
				where id = ? and status = 'DRAFT' for update""")
			.param(versionId)
			.query((rs, n) -> new Draft(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("PHRASE_DRAFT_NOT_FOUND"));
		if (d.author().equals(by.name())) {
			throw HeatDeskException.forbidden("PHRASE_OWN_DRAFT");
		}
		jdbc.sql("update knowledge_phrase_version set status = ?, decided_by = ?, decided_at = ? where id = ?")
			.param(status).param(by.name()).param(java.sql.Timestamp.from(clock.instant())).param(versionId).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("phraseId", d.phraseId());
		after.put("version", d.version());
		after.put("text", d.text());
		after.put("author", d.author());
		after.put("status", status);
		audit.record(by, approve ? "PHRASE_APPROVED" : "PHRASE_REJECTED", "knowledge_phrase", d.phraseId(), null,
				after);
	}

	/** A version's state as stored. */
	private static final class PhraseStatus {
		static final String APPROVED = "APPROVED", REJECTED = "REJECTED";
	}

	private static String checkedText(String text) {
		String words = InputChecks.required(text, "text", MAX_TEXT);
		if (InputChecks.hasControlCharacter(words)) {
			throw InputChecks.controlCharacter("text");
		}
		Matcher m = PLACEHOLDER.matcher(words);
		while (m.find()) {
			if (!PhraseText.PLACEHOLDERS.contains(m.group(1))) {
				throw HeatDeskException.badInput("PHRASE_PLACEHOLDER_UNKNOWN", "text", m.group());
			}
		}
		return words;
	}
}
