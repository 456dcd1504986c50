package org.heatdesk.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The synonym list managers keep: groups of words that find the same articles (暖气 / 供暖 / 采暖),
 * and colloquial or dialect forms with the word they stand for (俺家 / 我家, 咋整 / 怎么办).
 * <p>
 * A word may stand in one group only. A word in two groups would join them through it (A = B in
 * one, B = C in the other, so A = C), and such chains close into loops in which a query drifts far
 * from what was said; a group that would put a word already in another group is refused as a loop,
 * naming the word and the group it is in.
 */
@Service
public class Synonyms {

	static final int MAX_WORD = 40, MAX_WORDS = 20;

	/** A group with its words. */
	record Group(long id, String kind, List<String> words, String createdBy) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Staff staff;

	private final SearchIndex index;

	Synonyms(JdbcClient jdbc, AuditTrail audit, Staff staff, SearchIndex index) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.staff = staff;
		this.index = index;
	}

	List<Group> groups() {
		return jdbc.sql("""
				select g.id, g.kind, string_agg(w.word, ',' order by w.word), g.created_by
				from knowledge_synonym_group g join knowledge_synonym_word w on w.group_id = g.id
				group by g.id order by g.kind, g.id""")
			.query((rs, n) -> new Group(rs.getLong(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")),
					rs.getString(4)))
			.list();
	}

	/**
	 * A new group of the words in {@code text} (separated by commas, slashes or spaces).
	 * @param kind SYNONYM or COLLOQUIAL
	 * @throws HeatDeskException 400 {@code KNOWLEDGE_SYNONYM_LOOP} when a word is in another group,
	 * {@code KNOWLEDGE_SYNONYM_FEW} with fewer than two words, {@code KNOWLEDGE_SYNONYM_WORD} for a word
	 * too long or with punctuation
	 */
	@Transactional
	public long add(Actor actor, String kind, String text) {
		requireManager(actor);
		String k = kind == null || kind.isBlank() ? "SYNONYM" : kind.strip();
		if (!k.equals("SYNONYM") && !k.equals("COLLOQUIAL")) {
			throw HeatDeskException.badInput("KNOWLEDGE_SYNONYM_KIND", "kind");
		}
		List<String> words = words(text);
		jdbc.sql("lock table knowledge_synonym_word in exclusive mode").update();
		refuseLoops(words, null);
		long id = jdbc.sql("insert into knowledge_synonym_group (kind, created_by) values (?, ?) returning id")
			.params(k, actor.name())
			.query(Long.class)
			.single();
		insertWords(id, words);
		changed();
		audit.record(actor, "KNOWLEDGE_SYNONYMS_ADDED", "knowledge_synonym_group", id, null, Map.of("kind", k, "words", words));
		return id;
	}

	/** Replaces the words of group {@code id}; the same checks as {@link #add}. */
	@Transactional
	public void change(Actor actor, long id, String text) {
		requireManager(actor);
		List<String> words = words(text);
		jdbc.sql("lock table knowledge_synonym_word in exclusive mode").update();
		List<String> before = wordsOf(id);
		refuseLoops(words, id);
		jdbc.sql("delete from knowledge_synonym_word where group_id = ?").param(id).update();
		insertWords(id, words);
		changed();
		audit.record(actor, "KNOWLEDGE_SYNONYMS_CHANGED", "knowledge_synonym_group", id, Map.of("words", before),
				Map.of("words", words));
	}

	@Transactional
	public void remove(Actor actor, long id) {
		requireManager(actor);
		List<String> before = wordsOf(id);
		jdbc.sql("delete from knowledge_synonym_group where id = ?").param(id).update();
		changed();
		audit.record(actor, "KNOWLEDGE_SYNONYMS_REMOVED", "knowledge_synonym_group", id, Map.of("words", before), null);
	}

	private List<String> wordsOf(long id) {
		List<String> w = jdbc.sql("select word from knowledge_synonym_word where group_id = ? order by word").param(id)
			.query(String.class)
			.list();
		if (w.isEmpty()) {
			throw HeatDeskException.notFound("KNOWLEDGE_SYNONYM_NOT_FOUND", id);
		}
		return w;
	}

	static List<String> words(String text) {
		String t = InputChecks.text(text, "words");
		Set<String> words = new LinkedHashSet<>();
		if (t != null) {
			for (String w : t.split("[,，、/／;；|\\s]+")) {
				String n = SynonymSet.normal(w);
				if (n.isEmpty()) {
					continue;
				}
				if (n.length() > MAX_WORD || !n.codePoints().allMatch(Character::isLetterOrDigit)) {
					throw HeatDeskException.badInput("KNOWLEDGE_SYNONYM_WORD", "words", InputChecks.printable(
							n.length() > MAX_WORD ? n.substring(0, MAX_WORD) + "…" : n));
				}
				words.add(n);
			}
		}
		if (words.size() < 2) {
			throw HeatDeskException.badInput("KNOWLEDGE_SYNONYM_FEW", "words");
		}
		if (words.size() > MAX_WORDS) {
			throw HeatDeskException.badInput("KNOWLEDGE_SYNONYM_MANY", "words", MAX_WORDS);
		}
		return new ArrayList<>(words);
	}

	private void refuseLoops(List<String> words, Long self) {
		for (String w : words) {
			var other = jdbc.sql("select group_id from knowledge_synonym_word where word = ? and (cast(? as bigint) is null or group_id <> ?)")
				.params(w, self, self)
				.query(Long.class)
				.optional();
			if (other.isPresent()) {
				String group = String.join(" / ", wordsOf(other.get()));
				throw HeatDeskException.badInput("KNOWLEDGE_SYNONYM_LOOP", "words", w, group);
			}
		}
	}

	private void insertWords(long id, List<String> words) {
		for (String w : words) {
			jdbc.sql("insert into knowledge_synonym_word (word, group_id) values (?, ?)").params(w, id).update();
		}
	}

	private void changed() {
		jdbc.sql("insert into knowledge_change (what) values ('SYNONYMS')").update();
		index.refreshAfterCommit();
	}

	private void requireManager(Actor actor) {
		if (staff.findByUsername(actor.name()).filter(s -> s.has(Role.MANAGER)).isEmpty()) {
			throw new HeatDeskException(HttpStatus.FORBIDDEN, "KNOWLEDGE_NOT_MANAGER", null);
		}
	}
}
