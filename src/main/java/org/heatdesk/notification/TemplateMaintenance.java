package org.heatdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.TicketNotice;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the texts customers receive: a change is a new version written as a draft (team leads
 * and managers), checked against the kind's placeholders, and used only once a manager other than
 * its author approved it (four eyes); approving retires the version in use. Every version is kept.
 */
@Service
class TemplateMaintenance {

	/** The longest template: with the signature and the values, a message stays within a few SMS. */
	static final int MAX_LENGTH = 300;

	/** Characters of one SMS in Chinese (UCS-2), and of each part of a longer one. */
	static final int SEGMENT = 70;

	static final int SEGMENT_PART = 67;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final CustomerMessages messages;

	private final TicketQueries tickets;

	private final TicketValues ticketValues;

	private final Company company;

	TemplateMaintenance(JdbcClient jdbc, AuditTrail audit, Clock clock, CustomerMessages messages, TicketQueries tickets,
			TicketValues ticketValues, Company company) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
		this.tickets = tickets;
		this.ticketValues = ticketValues;
		this.company = company;
	}

	/** Every version of every kind's SMS template, newest first within a kind. */
	@Transactional(readOnly = true)
	List<TemplateVersion> all() {
		return jdbc.sql(SELECT + " order by kind, version desc").query(TemplateMaintenance::row).list();
	}

	/** Every version of the kind's template, newest first. */
	@Transactional(readOnly = true)
	List<TemplateVersion> history(MessageKind kind) {
		return jdbc.sql(SELECT + " where kind = ? and channel = ? order by version desc")
			.param(kind.name())
			.param(CustomerMessages.SMS)
			.query(TemplateMaintenance::row)
			.list();
	}

	@Transactional(readOnly = true)
	TemplateVersion find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(TemplateMaintenance::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("NOTIFICATION_TEMPLATE_NOT_FOUND"));
	}

	/**
	 * Writes a new version of the kind's template as a draft; audited.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code NOTIFICATION_TEMPLATE_TOO_LONG},
	 *         {@code NOTIFICATION_PLACEHOLDER_UNKNOWN} (field {@code body}): nothing is stored
	 */
	@Transactional
	TemplateVersion draft(Actor by, MessageKind kind, String body) {
		if (kind == null) {
			throw HeatDeskException.badInput("NOTIFICATION_KIND_UNKNOWN", "kind");
		}
		String text = checked(kind, body);
		lockKind(kind);
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from notification_template where kind = ? and channel = ?")
			.param(kind.name()).param(CustomerMessages.SMS).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into notification_template (kind, channel, version, body, status, written_by, written_at)
				values (?, ?, ?, ?, 'DRAFT', ?, ?) returning id
				""")
			.params(kind.name(), CustomerMessages.SMS, version, text, by.name(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kind.name());
		after.put("version", version);
		after.put("body", text);
		audit.record(by, "NOTIFICATION_TEMPLATE_DRAFTED", "notification_template", kind.name() + " v" + version, null, after);
		return find(id);
	}

	/**
	 * Puts a draft in use and retires the version used until now; audited.
	 * @throws HeatDeskException 403 {@code NOTIFICATION_TEMPLATE_OWN_DRAFT} when the approver wrote it,
	 *         409 {@code NOTIFICATION_TEMPLATE_NOT_DRAFT} when it was decided already
	 */
	@Transactional
	TemplateVersion approve(Actor by, long id) {
		TemplateVersion draft = find(id);
		lockKind(draft.kind());
		draft = find(id);
		if (!"DRAFT".equals(draft.status())) {
			throw HeatDeskException.conflict("NOTIFICATION_TEMPLATE_NOT_DRAFT");
		}
		if (draft.writtenBy().equals(by.name())) {
			throw HeatDeskException.forbidden("NOTIFICATION_TEMPLATE_OWN_DRAFT");
		}
		// the kind's placeholders are fixed in code; a draft written before a change of them is checked again
		TemplateText.check(draft.kind(), draft.body());
		Instant now = clock.instant();
		Integer retired = jdbc.sql("""
				update notification_template set status = 'RETIRED'
				 where kind = ? and channel = ? and status = 'APPROVED' returning version
				""").params(draft.kind().name(), draft.channel()).query(Integer.class).optional().orElse(null);
		jdbc.sql("update notification_template set status = 'APPROVED', decided_by = ?, decided_at = ? where id = ?")
			.params(by.name(), Timestamp.from(now), id)
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("inUse", retired);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("inUse", draft.version());
		after.put("body", draft.body());
		after.put("writtenBy", draft.writtenBy());
		audit.record(by, "NOTIFICATION_TEMPLATE_APPROVED", "notification_template", draft.kind().name() + " v" + draft.version(),
				before, after);
		return find(id);
	}

	/**
	 * Sends a draft back with the reason; audited. An author may withdraw his own draft this way.
	 * @throws HeatDeskException 400 {@code REQUIRED} (field {@code note}), 409 {@code NOTIFICATION_TEMPLATE_NOT_DRAFT}
	 */
	@Transactional
	TemplateVersion reject(Actor by, long id, String note) {
		String why = InputChecks.required(note, "note", 500);
		TemplateVersion draft = find(id);
		lockKind(draft.kind());
		int n = jdbc.sql("""
				update notification_template set status = 'REJECTED', decided_by = ?, decided_at = ?, note = ?
				 where id = ? and status = 'DRAFT'
				""").params(by.name(), Timestamp.from(clock.instant()), why, id).update();
		if (n == 0) {
			throw HeatDeskException.conflict("NOTIFICATION_TEMPLATE_NOT_DRAFT");
		}
		audit.record(by, "NOTIFICATION_TEMPLATE_REJECTED", "notification_template", draft.kind().name() + " v" + draft.version(),
				Map.of("status", "DRAFT"), Map.of("status", "REJECTED", "note", why));
		return find(id);
	}

	/**
	 * The text (a draft being written, or a version) as the ticket's customer would read it: the
	 * ticket's number, the technician who holds it, the window to its on-site deadline and its result;
	 * a placeholder the ticket gives no value is marked. Without a ticket, every kind placeholder is
	 * marked. The body is checked first.
	 * @throws HeatDeskException 404 {@code TICKET_NOT_FOUND} for a ticket the reader may not read or that does not exist
	 */
	@Transactional(readOnly = true)
	TemplatePreview preview(Actor by, MessageKind kind, String body, String ticketNo) {
		if (kind == null) {
			throw HeatDeskException.badInput("NOTIFICATION_KIND_UNKNOWN", "kind");
		}
		String text = checked(kind, body);
		Map<String, String> values = new HashMap<>();
		String no = InputChecks.trim(ticketNo);
		if (no != null) {
			String shown = no.length() > 40 ? no.substring(0, 40) + "…" : no;
			if (no.length() > 40 || tickets.find(by, no.toUpperCase()).isEmpty()) {
				throw HeatDeskException.notFound("TICKET_NOT_FOUND", shown);
			}
			TicketNotice t = tickets.notice(no).orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", shown));
			values.putAll(ticketValues.of(t, t.dispatchedAt() != null ? t.dispatchedAt() : clock.instant()));
			no = t.ticketNo();
		}
		values.put("hotline", company.hotline());
		values.put("company", company.shortName());
		List<TemplatePreview.Part> parts = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		parts.add(new TemplatePreview.Part("TEXT", messages.signature()));
		Matcher m = PLACEHOLDER.matcher(text);
		int at = 0;
		while (m.find()) {
			if (m.start() > at) {
				parts.add(new TemplatePreview.Part("TEXT", text.substring(at, m.start())));
			}
			String v = values.get(m.group(1));
			if (v == null || v.isBlank()) {
				parts.add(new TemplatePreview.Part("MISSING", m.group()));
				if (!missing.contains(m.group(1))) {
					missing.add(m.group(1));
				}
			}
			else {
				parts.add(new TemplatePreview.Part("VALUE", v.strip().replaceAll("\\s+", " ")));
			}
			at = m.end();
		}
		if (at < text.length()) {
			parts.add(new TemplatePreview.Part("TEXT", text.substring(at)));
		}
		int chars = parts.stream().mapToInt(p -> p.text().codePointCount(0, p.text().length())).sum();
		return new TemplatePreview(no, parts, missing, chars, segments(chars));
	}

	/** The placeholders a kind's template may use, in braces: the kind's own in their order, then the common ones. */
	static List<String> placeholders(MessageKind kind) {
		List<String> names = new ArrayList<>();
		for (String p : ORDER) {
			if (kind.placeholders().contains(p)) {
				names.add(p);
			}
		}
		kind.placeholders().stream().filter(p -> !names.contains(p)).sorted().forEach(names::add);
		names.add("hotline");
		names.add("company");
		return names;
	}

	private static final List<String> ORDER = List.of("ticketNo", "technician", "technicianNo", "window", "result", "reply",
			"community", "reason", "until");

	static MessageKind kind(String name) {
		try {
			return MessageKind.valueOf(name == null ? "" : name.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("NOTIFICATION_KIND_UNKNOWN", "kind");
		}
	}

	private static String allowed(MessageKind kind) {
		return String.join(" ", placeholders(kind).stream().map(p -> "{" + p + "}").toList());
	}

	/** The signature put before every message (counted in its length). */
	String signature() {
		return messages.signature();
	}

	/** SMS parts of a Chinese message of {@code chars} characters: one up to 70, else 67 each. */
	static int segments(int chars) {
		if (chars <= SEGMENT) {
			return chars == 0 ? 0 : 1;
		}
		return (chars + SEGMENT_PART - 1) / SEGMENT_PART;
	}

	private static String checked(MessageKind kind, String body) {
		String text = InputChecks.trim(body);
		if (text == null) {
			throw HeatDeskException.badInput("REQUIRED", "body");
		}
		if (text.length() > MAX_LENGTH) {
			throw HeatDeskException.badInput("NOTIFICATION_TEMPLATE_TOO_LONG", "body", MAX_LENGTH);
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
			throw HeatDeskException.badInput("NOTIFICATION_TEMPLATE_CONTROL", "body");
		}
		for (String name : TemplateText.placeholders(text)) {
			if (!kind.allows(name)) {
				// named, with what the kind offers, so that the writer sees what to type instead
				throw HeatDeskException.badInput("NOTIFICATION_TEMPLATE_PLACEHOLDER_UNKNOWN", "body", name, allowed(kind));
			}
		}
		TemplateText.check(kind, text);
		return text;
	}

	/** One writer of a kind's versions at a time (the version number, the single approved one). */
	private void lockKind(MessageKind kind) {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(?))) l").param("notification_template:" + kind.name())
			.query((rs, n) -> 1).list();
	}

	private static final String SELECT = """
			select id, kind, channel, version, body, status, written_by, written_at, decided_by, decided_at, note
			  from notification_template
			""";

	private static TemplateVersion row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new TemplateVersion(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")), rs.getString("channel"),
				rs.getInt("version"), rs.getString("body"), rs.getString("status"), rs.getString("written_by"),
				rs.getTimestamp("written_at").toInstant(), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
				rs.getString("note"));
	}
}
