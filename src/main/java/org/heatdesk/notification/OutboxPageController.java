package org.heatdesk.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/outbox}: what was sent to customers, what waits and what failed, for the administrator
 * (who may send a failed message again) and, to read, the team leads and managers. Filters that do not
 * parse are dropped rather than refused: the page is a look-up, nothing is written from them.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
class OutboxPageController {

	private final Outbox outbox;

	private final ZoneId zone;

	OutboxPageController(Outbox outbox, Company company) {
		this.outbox = outbox;
		this.zone = company.zone();
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String day, Model model) {
		String s = status != null && DeliveryMetrics.STATUSES.contains(upper(status)) ? upper(status) : null;
		MessageKind k = kind(kind);
		String t = InputChecks.trim(ticketNo) == null || ticketNo.length() > 40 || InputChecks.hasControlCharacter(ticketNo)
				? null : ticketNo.strip();
		LocalDate d = day(day);
		List<Outbox.Row> rows = outbox.list(new Outbox.Filter(s, k, t, d), zone);
		boolean more = rows.size() > Outbox.PAGE;
		model.addAttribute("rows", more ? rows.subList(0, Outbox.PAGE) : rows);
		model.addAttribute("more", more);
		model.addAttribute("page", Outbox.PAGE);
		model.addAttribute("state", outbox.state());
		model.addAttribute("statuses", DeliveryMetrics.STATUSES);
		model.addAttribute("kinds", List.of(MessageKind.values()));
		model.addAttribute("status", s);
		model.addAttribute("kind", k);
		model.addAttribute("ticketNo", t);
		model.addAttribute("day", d);
		return "notification/outbox";
	}

	@PostMapping("/admin/outbox/{id}/retry")
	@PreAuthorize(Roles.ADMIN)
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			outbox.retry(Actor.current(), id);
			redirect.addFlashAttribute("notice", "outbox.retried");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e.messageKey());
			redirect.addFlashAttribute("failureArgs", e.args());
		}
		return "redirect:/admin/outbox";
	}

	private static String upper(String value) {
		return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
	}

	private static MessageKind kind(String value) {
		String v = upper(value);
		if (v == null || v.isEmpty()) {
			return null;
		}
		try {
			return MessageKind.valueOf(v);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static LocalDate day(String value) {
		if (InputChecks.blank(value) || value.length() > 10) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(value.strip());
			return InputChecks.sensibleYear(d.getYear()) ? d : null;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem outboxNav() {
			return new NavItem("nav.outbox", "nav.outbox.description", "/admin/outbox", Roles.SUPERVISORS_AND_ADMIN, 905, null);
		}
	}
}
