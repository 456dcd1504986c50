package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.heatdesk.customer.CustomerPanels;
import org.heatdesk.ticket.TicketPanels;
import org.springframework.stereotype.Component;

/**
 * A room-temperature test's result and refund on the ticket page and the customer's page: the
 * ticket and customer modules ask through their panel interfaces and never know dispatch.
 */
@Component
class TemperaturePanels implements TicketPanels, CustomerPanels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final TemperatureTests tests;

	TemperaturePanels(TemperatureTests tests) {
		this.tests = tests;
	}

	@Override
	public List<TicketPanels.Panel> panels(String ticketNo) {
		List<TicketPanels.Panel> panels = new ArrayList<>();
		for (TemperatureTests.TestView t : tests.forTicket(ticketNo)) {
			List<TicketPanels.Fact> facts = new ArrayList<>();
			facts.add(fact("dispatch.test.measuredAt", "dispatch.test.value.plain", null, time(t.measuredAt())));
			facts.add(fact("dispatch.test.rooms", "dispatch.test.value.plain", null, rooms(t)));
			facts.add(fact("dispatch.test.mean", "dispatch.test.value.celsius", null, plain(t.mean())));
			facts.add(fact("dispatch.test.standard", "dispatch.test.value.celsius", null, plain(t.standard())));
			facts.add(t.compliant() ? fact("dispatch.test.result", "dispatch.test.value.met", "ok")
					: fact("dispatch.test.result", "dispatch.test.value.notMet", "bad"));
			if (!t.compliant()) {
				facts.add(refund(t));
				if (t.rule() != null) {
					facts.add(fact("dispatch.test.rule", "dispatch.test.value.rule", null, t.rule().cityName(),
							day(t.rule().effectiveFrom()), t.rule().id()));
				}
			}
			facts.add(fact("dispatch.test.instrument", "dispatch.test.value.plain", null, t.instrumentNo()));
			panels.add(new TicketPanels.Panel("temperature-test-" + t.id(), "dispatch.test.panel", List.copyOf(facts)));
		}
		return panels;
	}

	private TicketPanels.Fact refund(TemperatureTests.TestView t) {
		if (t.amount() != null) {
			return fact("dispatch.test.refund", "dispatch.test.value.refund", "warn", money(t.amount()), t.percent(),
					t.daysBelow());
		}
		return fact("dispatch.test.refund", t.rule() == null ? "dispatch.test.value.noRule" : "dispatch.test.value.noCustomer",
				null);
	}

	@Override
	public List<CustomerPanels.Panel> panels(long customerId) {
		List<TemperatureTests.TestView> list = tests.forCustomer(customerId);
		if (list.isEmpty()) {
			return List.of();
		}
		List<List<CustomerPanels.Fact>> rows = new ArrayList<>();
		for (TemperatureTests.TestView t : list) {
			List<CustomerPanels.Fact> row = new ArrayList<>();
			row.add(cfact("dispatch.test.measuredAt", "dispatch.test.value.plain", null, null, day(t.measuredAt())));
			row.add(cfact("dispatch.test.ticket", "dispatch.test.value.plain", null, "/tickets/" + t.ticketNo(), t.ticketNo()));
			row.add(cfact("dispatch.test.mean", "dispatch.test.value.celsius", null, null, plain(t.mean())));
			row.add(t.compliant() ? cfact("dispatch.test.result", "dispatch.test.value.met", "ok", null)
					: cfact("dispatch.test.result", "dispatch.test.value.notMet", "bad", null));
			if (t.amount() != null) {
				row.add(cfact("dispatch.test.refund", "dispatch.test.value.refund", null, null, money(t.amount()), t.percent(),
						t.daysBelow()));
			}
			else {
				row.add(cfact("dispatch.test.refund", t.compliant() ? "dispatch.test.value.none"
						: t.rule() == null ? "dispatch.test.value.noRule" : "dispatch.test.value.noCustomer", null, null));
			}
			row.add(t.rule() == null ? cfact("dispatch.test.rule", "dispatch.test.value.none", null, null)
					: cfact("dispatch.test.rule", "dispatch.test.value.rule", null, null, t.rule().cityName(),
							day(t.rule().effectiveFrom()), t.rule().id()));
			rows.add(List.copyOf(row));
		}
		return List.of(new CustomerPanels.Panel("temperature-tests", "dispatch.test.customerPanel", List.copyOf(rows)));
	}

	private static TicketPanels.Fact fact(String label, String value, String tone, Object... args) {
		return new TicketPanels.Fact(label, value, List.of(args), tone);
	}

	private static CustomerPanels.Fact cfact(String label, String value, String tone, String link, Object... args) {
		return new CustomerPanels.Fact(label, value, List.of(args), tone, link);
	}

	private String rooms(TemperatureTests.TestView t) {
		return t.rooms()
			.stream()
			.map(r -> (r.name() == null ? "" : r.name() + " ") + plain(r.temperature()) + " °C")
			.collect(Collectors.joining(" · "));
	}

	private String time(Instant at) {
		return TIME.format(at.atZone(tests.zone()));
	}

	private String day(Instant at) {
		return DAY.format(at.atZone(tests.zone()));
	}

	/** Numbers as text, so that the message format neither groups digits nor drops a trailing zero. */
	static String plain(BigDecimal v) {
		return v.toPlainString();
	}

	static String money(BigDecimal v) {
		return v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}
}
