package org.heatdesk.quality;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring rubric, kept by MANAGER and versioned: a new version is a whole new set of items; the
 * newest scores new checks, and a scored check keeps the version it was scored with. The items that
 * are not fatal add up to exactly 100 points; a fatal item (rudeness, leaking a customer's data,
 * arguing) has no points and makes a call's score 0.
 */
@Service
class Rubrics {

	static final int TOTAL = 100;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final JdbcClient jdbc;

	private final QualityPeople people;

	private final AuditTrail audit;

	Rubrics(JdbcClient jdbc, QualityPeople people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	enum Aspect {
		THREE_VOICES, PHRASES
	}

	record Item(long id, String code, int position, String nameZh, String nameEn, int points, boolean fatal, Aspect aspect) {

		public String name(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}

	record Rubric(long id, int version, String note, String createdBy, java.time.Instant createdAt, List<Item> items) {

		public List<Item> scored() {
			return items.stream().filter(i -> !i.fatal()).toList();
		}

		public List<Item> fatal() {
			return items.stream().filter(Item::fatal).toList();
		}

		public int max(Aspect aspect) {
			return items.stream().filter(i -> i.aspect() == aspect).mapToInt(Item::points).sum();
		}
	}

	/** An item of a new version as a manager fills it in. */
	record NewItem(String code, String nameZh, String nameEn, Integer points, boolean fatal, Aspect aspect) {
	}

	@Transactional(readOnly = true)
	Rubric current() {
		long id = jdbc.sql("select id from quality_rubric order by version desc limit 1").query(Long.class).single();
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	Optional<Rubric> find(long id) {
		return jdbc.sql("select * from quality_rubric where id = ?").param(id)
			.query((rs, n) -> new Rubric(rs.getLong("id"), rs.getInt("version"), rs.getString("note"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), items(rs.getLong("id"))))
			.optional();
	}

	@Transactional(readOnly = true)
	List<Rubric> versions() {
		return jdbc.sql("select id from quality_rubric order by version desc").query(Long.class).list().stream()
			.map(id -> find(id).orElseThrow()).toList();
	}

	private List<Item> items(long rubricId) {
		return jdbc.sql("select * from quality_rubric_item where rubric_id = ? order by position").param(rubricId)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("code"), rs.getInt("position"),
					rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("points"), rs.getBoolean("fatal"),
					rs.getString("aspect") == null ? null : Aspect.valueOf(rs.getString("aspect"))))
			.list();
	}

	/**
	 * Publishes a new version of the rubric.
	 * @throws HeatDeskException not a manager, no items, a malformed or repeated code, a name missing,
	 * points out of 0–100, a fatal item with points, or points that do not add up to 100
	 */
	@Transactional
	Rubric publish(Actor actor, String note, List<NewItem> items) {
		StaffView me = people.who(actor);
		if (!me.has(Role.MANAGER)) {
			throw HeatDeskException.forbidden("QUALITY_RUBRIC_MANAGER_ONLY");
		}
		String n = InputChecks.required(note, "note", 500);
		List<NewItem> given = items == null ? List.of() : items.stream().filter(i -> i != null && !blank(i)).toList();
		if (given.isEmpty()) {
			throw HeatDeskException.badInput("QUALITY_RUBRIC_EMPTY", "items");
		}
		Set<String> codes = new HashSet<>();
		int sum = 0;
		boolean anyScored = false;
		List<NewItem> clean = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			NewItem it = given.get(i);
			String field = "items[" + i + "]";
			String code = InputChecks.trim(it.code());
			if (code == null || !CODE.matcher(code).matches()) {
				throw HeatDeskException.badInput("QUALITY_RUBRIC_CODE", field + ".code");
			}
			if (!codes.add(code)) {
				throw HeatDeskException.badInput("QUALITY_RUBRIC_CODE_REPEATED", field + ".code", code);
			}
			String zh = InputChecks.required(it.nameZh(), field + ".nameZh", 100);
			String en = InputChecks.required(it.nameEn(), field + ".nameEn", 100);
			if (it.points() == null || it.points() < 0 || it.points() > TOTAL) {
				throw HeatDeskException.badInput("QUALITY_RUBRIC_ITEM_POINTS", field + ".points", code);
			}
			if (it.fatal() && it.points() != 0) {
				throw HeatDeskException.badInput("QUALITY_RUBRIC_FATAL_POINTS", field + ".points", code);
			}
			if (it.fatal() && it.aspect() != null) {
				throw HeatDeskException.badInput("QUALITY_RUBRIC_FATAL_ASPECT", field + ".aspect", code);
			}
			if (!it.fatal()) {
				sum += it.points();
				anyScored = true;
			}
			clean.add(new NewItem(code, zh, en, it.points(), it.fatal(), it.aspect()));
		}
		if (!anyScored || sum != TOTAL) {
			throw HeatDeskException.badInput("QUALITY_RUBRIC_POINTS", "items", sum, TOTAL);
		}
		Rubric before = current();
		int version = before.version() + 1;
		long id = jdbc.sql("insert into quality_rubric (version, note, created_by, created_at) values (?, ?, ?, ?) returning id")
			.params(version, n, actor.name(), Timestamp.from(people.clock().instant())).query(Long.class).single();
		int position = 1;
		for (NewItem it : clean) {
			jdbc.sql("""
					insert into quality_rubric_item (rubric_id, code, position, name_zh, name_en, points, fatal, aspect)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, it.code(), position++, it.nameZh(), it.nameEn(), it.points(), it.fatal(),
						it.aspect() == null ? null : it.aspect().name())
				.update();
		}
		Rubric after = find(id).orElseThrow();
		audit.record(actor, "QUALITY_RUBRIC_PUBLISHED", "quality_rubric", id, snapshot(before), snapshot(after));
		return after;
	}

	private static boolean blank(NewItem i) {
		return InputChecks.blank(i.code()) && InputChecks.blank(i.nameZh()) && InputChecks.blank(i.nameEn())
				&& i.points() == null;
	}

	private static Map<String, Object> snapshot(Rubric r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", r.version());
		m.put("note", r.note());
		m.put("items", r.items().stream()
			.map(i -> i.code() + ":" + (i.fatal() ? "FATAL" : i.points()) + (i.aspect() == null ? "" : ":" + i.aspect()))
			.toList());
		return m;
	}
}
