package org.heatdesk.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.heatdesk.platform.Company;
import org.heatdesk.ticket.TicketPanels;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The ticket page's "客户收到的消息": what the customer was sent or will be sent about it, numbers masked. */
@Component
@Order(100)
class TicketMessagesPanel implements TicketPanels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final CustomerMessages messages;

	private final Company company;

	TicketMessagesPanel(CustomerMessages messages, Company company) {
		this.messages = messages;
		this.company = company;
	}

	@Override
	public List<Panel> panels(String ticketNo) {
		List<MessageView> list = messages.forTicket(ticketNo);
		if (list.isEmpty()) {
			return List.of();
		}
		List<Fact> facts = new ArrayList<>();
		for (MessageView m : list) {
			String key = "notification.panel." + m.status()
					+ ("SKIPPED".equals(m.status()) && m.skipReason() != null ? "." + m.skipReason() : "")
					// held back by the quiet hours or a retry: say until when
					+ ("QUEUED".equals(m.status()) && m.notBefore() != null && m.queuedAt() != null
							&& m.notBefore().isAfter(m.queuedAt().plusSeconds(60)) ? ".LATER" : "");
			Instant when = m.sentAt() != null ? m.sentAt() : m.queuedAt();
			List<Object> args = new ArrayList<>();
			args.add(time(when));
			args.add(m.maskedPhone() == null ? "—" : m.maskedPhone());
			args.add(m.body());
			args.add(time(m.notBefore()));
			args.add(m.attempts());
			facts.add(new Fact("notification.kind." + m.kind().name(), key, args,
					"FAILED".equals(m.status()) ? "bad" : null));
		}
		return List.of(new Panel("customer-messages", "notification.panel.title", facts));
	}

	private String time(Instant at) {
		return at == null ? "—" : TIME.format(at.atZone(company.zone()));
	}
}
