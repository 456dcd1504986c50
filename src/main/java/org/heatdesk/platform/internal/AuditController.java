package org.heatdesk.platform.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The auditor's view of the trail, and the chain verification. */
@PageController
@PreAuthorize(Roles.AUDIT_AND_ADMIN)
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	private final ZoneId zone;

	private final AuditPresentation presentation;

	AuditController(JdbcClient jdbc, AuditChainVerifier verifier, PlatformConfiguration.CompanyProperties company,
			AuditPresentation presentation) {
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.zone = company.zone();
		this.presentation = presentation;
	}

	/**
	 * One row as the auditor reads it: {@code action} and {@code entityType} stay the stored codes (for
	 * the filters and links), everything shown is in words.
	 */
	record AuditEntry(long id, String time, String actor, String address, String action, String actionName,
			String sentence, String entityType, String entityTypeName, String entityId,
			List<AuditPresentation.Field> before, List<AuditPresentation.Field> after, boolean sealed) {
	}

	record Option(String value, String label) {
	}

	@GetMapping("/api/v1/audit/verify")
	@ResponseBody
	AuditChainVerifier.Result verify() {
		return verifier.verify();
	}

	@GetMapping("/audit")
	@Transactional(readOnly = true)
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long before, Model model) {
		StringBuilder sql = new StringBuilder("select * from platform_audit_event where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (!InputChecks.blank(actor)) {
			sql.append(" and actor = ?");
			params.add(actor.trim());
		}
		if (!InputChecks.blank(action)) {
			sql.append(" and action = ?");
			params.add(action.trim());
		}
		if (!InputChecks.blank(entityType)) {
			sql.append(" and entity_type = ?");
			params.add(entityType.trim());
		}
		if (!InputChecks.blank(entityId)) {
			sql.append(" and entity_id = ?");
			params.add(entityId.trim());
		}
		if (from != null) {
			sql.append(" and occurred_at >= ?");
			params.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		}
		if (to != null) {
			sql.append(" and occurred_at < ?");
			params.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (before != null) {
			sql.append(" and id < ?");
			params.add(before);
		}
		sql.append(" order by id desc limit ").append(PAGE_SIZE + 1);
		Locale locale = LocaleContextHolder.getLocale();
		List<AuditEntry> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> {
				String who = rs.getString("actor");
				String act = rs.getString("action");
				String type = rs.getString("entity_type");
				String id = rs.getString("entity_id");
				return new AuditEntry(rs.getLong("id"), presentation.time(rs.getTimestamp("occurred_at").toInstant()),
						presentation.actor(who, locale), presentation.address(rs.getString("actor_address"), locale), act,
						presentation.actionName(act, locale), presentation.sentence(act, who, id, locale), type,
						presentation.entityType(type, locale), presentation.subject(act, id, locale), presentation.fields(rs.getString("before_state"), locale),
						presentation.fields(rs.getString("after_state"), locale), rs.getString("hash") != null);
			})
			.list();
		boolean more = rows.size() > PAGE_SIZE;
		List<AuditEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("entries", page);
		model.addAttribute("nextBefore", more ? page.get(page.size() - 1).id() : null);
		model.addAttribute("actions",
				distinct("action").stream().map(a -> new Option(a, presentation.actionName(a, locale))).toList());
		model.addAttribute("entityTypes",
				distinct("entity_type").stream().map(t -> new Option(t, presentation.entityType(t, locale))).toList());
		return "platform/audit";
	}

	@GetMapping("/audit/verify")
	String verifyPage(Model model) {
		model.addAttribute("result", verifier.verify());
		return "platform/fragments/verify :: result";
	}

	/**
	 * The values a column of the trail takes, for the filters. A {@code select distinct} read the
	 * whole trail on every visit (half a second at 784,000 rows, and the trail only grows); this
	 * walks the column's index from one value to the next instead, one probe per value.
	 * {@code column} is one of ours, never the caller's.
	 */
	private List<String> distinct(String column) {
		return jdbc.sql("""
				with recursive v(value) as (
				  (select %1$s from platform_audit_event order by %1$s limit 1)
				  union all
				  select (select e.%1$s from platform_audit_event e where e.%1$s > v.value order by e.%1$s limit 1)
				  from v where v.value is not null
				)
				select value from v where value is not null""".formatted(column)).query(String.class).list();
	}
}
