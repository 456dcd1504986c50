package org.heatdesk.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageView;
import org.heatdesk.network.SubstationView;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.heatdesk.ticket.PastTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The technician's phone: my active jobs by on-site deadline, and one job with the customer's
 * address and phone (revealed on a tap, logged), the substation's state, the address's earlier
 * tickets and the steps of the work. The steps themselves go to the JSON API ({@code field.js});
 * the pages show the job without JavaScript.
 */
@PageController
@PreAuthorize(Roles.FIELD)
class FieldPageController {

	/** Amber from this many minutes before the on-site deadline. */
	static final long WARN_MINUTES = 30;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final Jobs jobs;

	private final TemperatureTests tests;

	private final TicketQueries tickets;

	private final Customers customers;

	private final Network network;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	FieldPageController(Jobs jobs, TemperatureTests tests, TicketQueries tickets, Customers customers, Network network, MessageSource messages,
			Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jobs = jobs;
		this.tests = tests;
		this.tickets = tickets;
		this.customers = customers;
		this.network = network;
		this.messages = messages;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem fieldJobsNav() {
			return new NavItem("nav.field", "nav.field.description", "/field", Roles.FIELD, 50, null);
		}
	}

	/** A job as its card shows it: the deadline counting down from {@code now}. */
	record Card(long id, String ticketNo, JobKind kind, JobStatus status, String address, Instant onSiteDue,
			long minutesLeft, String countdown, String dueText) {

		/** Whether the on-site deadline still counts down: until he arrives (or the job ends). */
		public boolean counting() {
			return status == JobStatus.DISPATCHED || status == JobStatus.ACCEPTED || status == JobStatus.ON_THE_WAY;
		}

		public String dueTone() {
			return minutesLeft < 0 ? "bad" : minutesLeft < WARN_MINUTES ? "warn" : "ok";
		}

		public String statusTone() {
			return switch (status) {
				case DISPATCHED -> "warn";
				case ACCEPTED, ON_THE_WAY, ON_SITE -> "busy";
				case DONE -> "ok";
				default -> "closed";
			};
		}
	}

	/** One step reached, with its time as the phone recorded it. */
	record Progress(String kind, String at) {
	}

	/** What the technician recorded at the end. */
	record Finish(String cause, String workDone, String partsUsed, String signedBy, String reason, String nextVisit,
			int photos, boolean signed) {
	}

	/** The job page beyond its card. */
	record Detail(String description, String note, String customerName, String maskedPhone, String revealed,
			String tel, SubstationView substation, String substationSince, boolean substationStale,
			List<OutageView> outages, List<PastTicket> history, List<Progress> progress, Finish finish, ZoneId zone) {

		public String time(Instant at) {
			return at == null ? "" : DAY_TIME.format(at.atZone(zone));
		}

		public String day(Instant at) {
			return at == null ? "" : DAY.format(at.atZone(zone));
		}
	}

	@GetMapping("/field")
	String mine(Model model) {
		Instant now = clock.instant();
		model.addAttribute("cards", jobs.mine(Actor.current()).stream().map(j -> card(j, now)).toList());
		return "field/mine";
	}

	@GetMapping("/field/jobs/{id}")
	String job(@PathVariable long id, Model model, HttpServletResponse response) {
		try {
			JobView job = mine(id);
			fill(model, job, null);
			return "field/job";
		}
		catch (HeatDeskException e) {
			return refused(e, model, response);
		}
	}

	/**
	 * The customer's full number, to call: recorded in the customer's access log as a reveal naming
	 * the job. With JavaScript the answer is JSON and the phone dials; without, the page comes back
	 * with the number as a {@code tel:} link.
	 */
	@PostMapping(path = "/field/jobs/{id}/call", produces = MediaType.APPLICATION_JSON_VALUE)
	@org.springframework.web.bind.annotation.ResponseBody
	ResponseEntity<Map<String, String>> callJson(@PathVariable long id) {
		Locale locale = LocaleContextHolder.getLocale();
		try {
			String phone = reveal(mine(id));
			if (phone == null) {
				throw HeatDeskException.notFound("FIELD_NO_PHONE");
			}
			return ResponseEntity.ok(Map.of("display", display(phone), "tel", tel(phone), "label",
					messages.getMessage("field.call.now", new Object[] { display(phone) }, locale)));
		}
		catch (HeatDeskException e) {
			// answered as the API answers a refusal, in the caller's language
			Map<String, String> body = new java.util.LinkedHashMap<>();
			body.put("code", e.code());
			body.put("message", messages.getMessage(e.messageKey(), e.args(), locale));
			body.put("field", e.field());
			return ResponseEntity.status(e.status()).body(body);
		}
	}

	@PostMapping("/field/jobs/{id}/call")
	String call(@PathVariable long id, Model model, HttpServletResponse response) {
		try {
			JobView job = mine(id);
			fill(model, job, reveal(job));
			return "field/job";
		}
		catch (HeatDeskException e) {
			return refused(e, model, response);
		}
	}

	private String reveal(JobView job) {
		Long customerId = tickets.find(Actor.current(), job.ticketNo()).map(TicketView::customerId).orElse(null);
		if (customerId == null) {
			return null;
		}
		List<String> phones = customers.revealPhonesFor(customerId,
				messages.getMessage("field.call.reason", new Object[] { job.ticketNo() }, Locale.SIMPLIFIED_CHINESE));
		return phones.isEmpty() ? null : phones.get(0);
	}

	/** A mobile as people read it, {@code 138 1234 5678}; a landline as stored. */
	static String display(String phone) {
		return phone.matches("1\\d{10}") ? phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7) : phone;
	}

	private static String tel(String phone) {
		return phone.replaceAll("[^0-9+]", "");
	}

	/** Another technician's job (or none) is a calm page that says so, not the error page. */
	private String refused(HeatDeskException e, Model model, HttpServletResponse response) {
		response.setStatus(e.status().value());
		model.addAttribute("notFound", e.status().value() == 404);
		model.addAttribute("messageKey", e.messageKey());
		model.addAttribute("messageArgs", e.args());
		return "field/refused";
	}

	/** The job, if it is the current technician's (another's is refused and logged as a security event). */
	private JobView mine(long id) {
		return jobs.jobOf(Actor.current(), id);
	}

	private Card card(JobView j, Instant now) {
		Instant due = j.onSiteDue();
		long left = due == null ? 0 : Math.floorDiv(Duration.between(now, due).getSeconds(), 60);
		Locale locale = LocaleContextHolder.getLocale();
		String countdown = null;
		String dueText = null;
		if (due != null) {
			long m = Math.abs(left);
			String span = m >= 60 ? messages.getMessage("field.due.hm", new Object[] { m / 60, String.format("%02d", m % 60) }, locale)
					: messages.getMessage("field.due.m", new Object[] { m }, locale);
			countdown = messages.getMessage(left >= 0 ? "field.due.left" : "field.due.over", new Object[] { span }, locale);
			LocalDate dueDay = due.atZone(zone).toLocalDate();
			dueText = (dueDay.equals(now.atZone(zone).toLocalDate()) ? TIME : DAY_TIME).format(due.atZone(zone));
		}
		return new Card(j.id(), j.ticketNo(), j.kind(), j.status(), j.address(), due, left, countdown, dueText);
	}

	private void fill(Model model, JobView job, String revealed) {
		Instant now = clock.instant();
		Actor by = Actor.current();
		TicketView ticket = tickets.find(by, job.ticketNo()).orElse(null);
		Long customerId = ticket == null ? null : ticket.customerId();
		CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
		if (customer != null) {
			customers.logAccess(customer.id(), "FIELD_JOB");
		}
		SubstationView substation = job.substationId() == null ? null : network.substation(job.substationId()).orElse(null);
		List<OutageView> outages = job.substationId() == null && job.communityId() == null ? List.of()
				: network.activeOutagesAffecting(job.substationId(), job.communityId());
		List<PastTicket> history = tickets.history(by, customerId, job.address(), job.ticketNo(), 10);
		String masked = customer == null || customer.phones().isEmpty() ? null : customer.phones().get(0);
		Detail d = new Detail(ticket == null ? null : ticket.description(), job.note(),
				customer == null ? null : customer.name(), masked, revealed == null ? null : display(revealed),
				revealed == null ? null : tel(revealed), substation,
				substation == null || substation.statusSince() == null ? null
						: DAY_TIME.format(substation.statusSince().atZone(zone)),
				substation != null && substation.staleAt(now), outages, history, progress(job), finish(job), zone);
		model.addAttribute("c", card(job, now));
		model.addAttribute("d", d);
		model.addAttribute("now", now.toString());
		model.addAttribute("statuses", JobStatus.values());
		model.addAttribute("test", job.kind() == JobKind.TEMPERATURE_TEST ? tests.forJob(job.id()).orElse(null) : null);
	}

	private List<Progress> progress(JobView j) {
		List<Progress> p = new ArrayList<>();
		add(p, "DISPATCH", j.dispatchedAt());
		add(p, "ACCEPT", j.acceptedAt());
		add(p, "ON_THE_WAY", j.onTheWayAt());
		add(p, "ARRIVE", j.arrivedAt());
		if (j.finishedAt() != null) {
			add(p, switch (j.status()) {
				case DONE -> "DONE";
				case NOT_DONE -> "NOT_DONE";
				case DECLINED -> "DECLINE";
				case WITHDRAWN -> "WITHDRAW";
				default -> "DONE";
			}, j.finishedAt());
		}
		return p;
	}

	private void add(List<Progress> p, String kind, Instant at) {
		if (at != null) {
			p.add(new Progress(kind, DAY_TIME.format(at.atZone(zone))));
		}
	}

	private Finish finish(JobView j) {
		if (j.status() != JobStatus.DONE && j.status() != JobStatus.NOT_DONE && j.status() != JobStatus.DECLINED) {
			return null;
		}
		return new Finish(j.cause(), j.workDone(), j.partsUsed(), j.signedBy(), j.reason(),
				j.nextVisitAt() == null ? null : DAY_TIME.format(j.nextVisitAt().atZone(zone)), j.photos(), j.signed());
	}
}
