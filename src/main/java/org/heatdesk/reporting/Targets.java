package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The target of each figure: the manager's when set (audited), the figure's default otherwise. */
@Component
class Targets {

	static final BigDecimal MAX = new BigDecimal("1000000");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Targets(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	BigDecimal target(FigureDefinition d) {
		return set(d.code()).orElse(d.defaultTarget());
	}

	/** The manager's target row: present (its target possibly {@code null}: no target) or empty (the default). */
	private Optional<BigDecimal> set(String code) {
		return jdbc.sql("select target from reporting_target where code = ?").param(code)
			.query((rs, n) -> Optional.ofNullable(rs.getBigDecimal(1)))
			.optional()
			.map(o -> o.orElse(null));
	}

	boolean isSet(String code) {
		return jdbc.sql("select count(*) from reporting_target where code = ?").param(code).query(Long.class).single() > 0;
	}

	/**
	 * Sets a figure's target ({@code null}: back to the default). A percentage lies in 0…100, other
	 * units are not negative.
	 */
	@Transactional
	void set(FigureDefinition d, BigDecimal target, Actor actor) {
		if (target != null) {
			if (target.signum() < 0 || target.compareTo(MAX) > 0
					|| (d.unit() == FigureUnit.PERCENT && target.compareTo(BigDecimal.valueOf(100)) > 0)
					|| (d.unit() == FigureUnit.BOOLEAN && target.compareTo(BigDecimal.ONE) > 0)) {
				throw HeatDeskException.badInput("REPORT_TARGET_INVALID", "target");
			}
			if (target.scale() > 2) {
				throw HeatDeskException.badInput("REPORT_TARGET_INVALID", "target");
			}
		}
		BigDecimal before = target(d);
		if (target == null) {
			jdbc.sql("delete from reporting_target where code = ?").param(d.code()).update();
		}
		else {
			jdbc.sql("""
					insert into reporting_target (code, target, changed_by, changed_at) values (?, ?, ?, ?)
					on conflict (code) do update set target = excluded.target, changed_by = excluded.changed_by,
					  changed_at = excluded.changed_at""")
				.params(d.code(), target, actor.name(), SqlValues.ts(clock.instant()))
				.update();
		}
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("target", before);
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("target", target == null ? d.defaultTarget() : target);
		now.put("default", target == null);
		audit.record(actor, "REPORT_TARGET_SET", "report_figure", d.code(), was, now);
	}
}
