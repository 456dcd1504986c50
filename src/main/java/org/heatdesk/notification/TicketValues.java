package org.heatdesk.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.heatdesk.platform.Company;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketNotice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The values a ticket gives a message's placeholders: its number, the technician who holds it
 * (surname + 师傅, employee number), the window he comes in and the result. Customers read Chinese,
 * whatever the language of the staff member who caused the message.
 */
@Component
class TicketValues {

	private static final Locale CUSTOMER = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Staff staff;

	private final Company company;

	private final MessageSource messages;

	TicketValues(Staff staff, Company company, MessageSource messages) {
		this.staff = staff;
		this.company = company;
		this.messages = messages;
	}

	/** Every value the ticket has now; a placeholder without one is absent. {@code from}: the moment the window starts. */
	Map<String, String> of(TicketNotice t, Instant from) {
		Map<String, String> values = new HashMap<>();
		values.put("ticketNo", t.ticketNo());
		StaffView technician = t.assigneeId() == null ? null : staff.find(t.assigneeId()).orElse(null);
		if (technician != null && technician.has(org.heatdesk.platform.Role.TECHNICIAN)) {
			values.put("technician", messages.getMessage("notification.technician", new Object[] { surname(technician.displayName()) },
					CUSTOMER));
			if (technician.employeeNo() != null && !technician.employeeNo().isBlank()) {
				values.put("technicianNo", technician.employeeNo());
			}
		}
		if (t.onSiteDue() != null) {
			values.put("window", window(from == null ? t.dispatchedAt() : from, t.onSiteDue()));
		}
		if (t.result() != null && !t.result().isBlank()) {
			values.put("result", t.result());
		}
		return values;
	}

	/**
	 * The surname of a Chinese name (its first character: the compound surnames are rare enough at
	 * the door that 欧师傅 is still understood); a Latin name's first word.
	 */
	static String surname(String name) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			return n;
		}
		int space = n.indexOf(' ');
		if (Character.UnicodeScript.of(n.codePointAt(0)) != Character.UnicodeScript.HAN) {
			return space > 0 ? n.substring(0, space) : n;
		}
		return n.substring(0, Character.charCount(n.codePointAt(0)));
	}

	/** The deadline as the customer says it, from the day the window starts: 今天 15:30, 明天 09:00, 12月2日 09:00. */
	String window(Instant from, Instant until) {
		ZonedDateTime end = until.atZone(company.zone());
		LocalDate day = (from == null ? until : from).atZone(company.zone()).toLocalDate();
		String time = TIME.format(end);
		long days = java.time.temporal.ChronoUnit.DAYS.between(day, end.toLocalDate());
		String key = days <= 0 ? "notification.window.today" : days == 1 ? "notification.window.tomorrow"
				: "notification.window.date";
		return messages.getMessage(key, new Object[] { time, end.getMonthValue(), end.getDayOfMonth() }, CUSTOMER);
	}
}
