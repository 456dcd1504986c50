package org.heatdesk.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appraisal formula's versions, kept by the managers: a new version replaces the current one
 * for appraisals issued from then on; an issued appraisal keeps the version it was computed with.
 */
@Service
class AppraisalFormulas {

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{2,60}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final QualityPeople people;

	AppraisalFormulas(JdbcClient jdbc, JsonMapper json, AuditTrail audit, QualityPeople people) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.people = people;
	}

	@Transactional(readOnly = true)
	AppraisalFormula current() {
		return jdbc.sql("select * from quality_appraisal_formula order by version desc limit 1").query(this::row).single();
	}

	@Transactional(readOnly = true)
	AppraisalFormula version(int version) {
		return jdbc.sql("select * from quality_appraisal_formula where version = ?").param(version).query(this::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("APPRAISAL_FORMULA_NOT_FOUND"));
	}

	@Transactional(readOnly = true)
	List<AppraisalFormula> versions() {
		return jdbc.sql("select * from quality_appraisal_formula order by version desc").query(this::row).list();
	}

	/**
	 * A manager publishes a new version.
	 * @throws HeatDeskException 400 {@code APPRAISAL_WEIGHT_RANGE}, {@code APPRAISAL_WEIGHTS_SUM},
	 *         {@code APPRAISAL_CODE_FORMAT}, {@code APPRAISAL_CODE_TWICE}, {@code APPRAISAL_PARAMETER_REQUIRED}
	 */
	@Transactional
	AppraisalFormula publish(Actor by, List<AppraisalFormula.Item> items, Integer leadWeight, String note) {
		String n = InputChecks.optional(note, "note", 500);
		if (leadWeight == null || leadWeight < 0 || leadWeight > 100) {
			throw HeatDeskException.badInput("APPRAISAL_WEIGHT_RANGE", "leadWeight");
		}
		if (items == null || items.isEmpty() || items.size() > 30) {
			throw HeatDeskException.badInput("APPRAISAL_ITEMS_REQUIRED", "items");
		}
		Set<String> codes = new HashSet<>();
		int sum = leadWeight;
		List<Map<String, Object>> stored = new ArrayList<>();
		for (AppraisalFormula.Item item : items) {
			if (item == null || item.code() == null || !CODE.matcher(item.code()).matches()) {
				throw HeatDeskException.badInput("APPRAISAL_CODE_FORMAT", "items");
			}
			if (!codes.add(item.code())) {
				throw HeatDeskException.badInput("APPRAISAL_CODE_TWICE", "items", item.code());
			}
			if (item.weight() < 0 || item.weight() > 100) {
				throw HeatDeskException.badInput("APPRAISAL_WEIGHT_RANGE", "items");
			}
			if (item.rule() == null) {
				throw HeatDeskException.badInput("REQUIRED", "items");
			}
			// at most two decimals: a parameter of a billion decimals would not fit the stored JSON nor divide in time
			if (item.rule().parameterised() && (item.parameter() == null || item.parameter().signum() <= 0
					|| item.parameter().compareTo(BigDecimal.valueOf(100_000)) > 0
					|| item.parameter().stripTrailingZeros().scale() > 2)) {
				throw HeatDeskException.badInput("APPRAISAL_PARAMETER_REQUIRED", "items", item.code());
			}
			sum += item.weight();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("code", item.code());
			m.put("weight", item.weight());
			m.put("rule", item.rule().name());
			m.put("parameter", item.rule().parameterised() ? item.parameter() : null);
			stored.add(m);
		}
		if (sum != 100) {
			throw HeatDeskException.badInput("APPRAISAL_WEIGHTS_SUM", "items", sum);
		}
		jdbc.sql("lock table quality_appraisal_formula in share row exclusive mode").update();
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from quality_appraisal_formula").query(Integer.class).single();
		jdbc.sql("""
				insert into quality_appraisal_formula (version, items, lead_weight, note, created_by, created_at)
				values (?, ?::jsonb, ?, ?, ?, ?)""")
			.params(version, json.writeValueAsString(stored), leadWeight, n, by.name(), SqlValues.ts(people.clock().instant()))
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("items", stored);
		after.put("leadWeight", leadWeight);
		after.put("note", n);
		audit.record(by, "APPRAISAL_FORMULA_PUBLISHED", "quality_appraisal_formula", version, null, after);
		return version(version);
	}

	private AppraisalFormula row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		List<AppraisalFormula.Item> items = new ArrayList<>();
		for (JsonNode i : json.readTree(rs.getString("items"))) {
			JsonNode p = i.get("parameter");
			items.add(new AppraisalFormula.Item(i.path("code").asString(), i.path("weight").asInt(),
					AppraisalRule.valueOf(i.path("rule").asString()),
					p == null || p.isNull() ? null : new BigDecimal(p.asString())));
		}
		return new AppraisalFormula(rs.getInt("version"), List.copyOf(items), rs.getInt("lead_weight"), rs.getString("note"),
				rs.getString("created_by"), SqlValues.instant(rs, "created_at"));
	}
}
