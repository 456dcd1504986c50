package org.heatdesk.dispatch;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refunds of a heating season kept with each customer for billing: the list the dispatcher and
 * the manager read, and its CSV for the billing system (UTF-8 with a byte order mark, so that Excel
 * opens it in Chinese). A customer's name is masked as the reader's role requires; every export is
 * audited and logged as an access to each customer in it.
 */
@Service
class RefundList {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final TemperatureTests tests;

	private final Customers customers;

	private final AuditTrail audit;

	private final MessageSource messages;

	RefundList(TemperatureTests tests, Customers customers, AuditTrail audit, MessageSource messages) {
		this.tests = tests;
		this.customers = customers;
		this.audit = audit;
		this.messages = messages;
	}

	/** A refund as billing needs it; {@code customer} is masked for the reader, empty when the account is gone. */
	record Row(TemperatureTests.TestView test, Optional<CustomerView> customer) {

		public String testDay(java.time.ZoneId zone) {
			return DAY.format(test.measuredAt().atZone(zone));
		}
	}

	/** The season being read: its first year ({@code 2026} for 2026–2027) and its rows. */
	record Season(int year, List<Row> rows, BigDecimal total) {
	}

	java.time.ZoneId zone() {
		return tests.zone();
	}

	/** The season now. */
	int currentSeason() {
		return tests.season(tests.clock().instant());
	}

	@Transactional(readOnly = true)
	Season season(int year) {
		List<Row> rows = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		List<TemperatureTests.TestView> refunds = tests.refunds(tests.seasonStart(year), tests.seasonStart(year + 1));
		// the season's customers in one statement, not one per refund
		java.util.Map<Long, org.heatdesk.customer.CustomerView> people = customers.findAll(refunds.stream()
			.map(TemperatureTests.TestView::customerId).filter(java.util.Objects::nonNull).distinct().toList());
		for (TemperatureTests.TestView t : refunds) {
			rows.add(new Row(t, t.customerId() == null ? Optional.empty() : Optional.ofNullable(people.get(t.customerId()))));
			total = total.add(t.amount());
		}
		return new Season(year, List.copyOf(rows), total);
	}

	/** The season's refunds as CSV for billing; audited ({@code REFUNDS_EXPORTED}) and logged per customer. */
	@Transactional
	byte[] export(Actor by, int year, Locale locale) {
		Season season = season(year);
		StringBuilder csv = new StringBuilder();
		line(csv, List.of(msg("dispatch.refunds.col.account", locale), msg("dispatch.refunds.col.name", locale),
				msg("dispatch.refunds.col.address", locale), msg("dispatch.refunds.col.ticket", locale),
				msg("dispatch.refunds.col.testDay", locale), msg("dispatch.refunds.col.mean", locale),
				msg("dispatch.refunds.col.percent", locale), msg("dispatch.refunds.col.days", locale),
				msg("dispatch.refunds.col.amount", locale), msg("dispatch.refunds.col.rule", locale)));
		for (Row r : season.rows()) {
			TemperatureTests.TestView t = r.test();
			line(csv, List.of(r.customer().map(CustomerView::accountNo).orElse(""), text(r.customer().map(CustomerView::name).orElse("")),
					text(r.customer().map(CustomerView::address).orElse("")), t.ticketNo(), r.testDay(tests.zone()),
					t.mean().toPlainString(), String.valueOf(t.percent()), String.valueOf(t.daysBelow()),
					t.amount().toPlainString(), t.rule() == null ? "" : t.rule().city() + "#" + t.rule().id()));
			if (t.customerId() != null && r.customer().isPresent()) {
				customers.logAccess(t.customerId(), Customers.PURPOSE_EXPORT);
			}
		}
		audit.record(by, "REFUNDS_EXPORTED", "dispatch_refunds", year + "-" + (year + 1), null,
				Map.of("season", year, "rows", season.rows().size(), "total", season.total().toPlainString()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** A text a person typed: a leading =, +, - or @ would make a spreadsheet read it as a formula. */
	private static String text(String v) {
		return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
	}

	private static void line(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			String f = fields.get(i);
			if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
				csv.append('"').append(f.replace("\"", "\"\"")).append('"');
			}
			else {
				csv.append(f);
			}
		}
		csv.append("\r\n");
	}
}
