package org.heatdesk.ticket;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageView;
import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The intake form, built for speed: the caller, the classification with its suggested category and deadlines, recording (and linking to an outage's incident in one click).
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class TicketIntakeController {

	private final Tickets tickets;

	private final TicketQueries queries;

	private final Incidents incidents;

	private final Catalog catalog;

	private final Staff staff;

	private final Customers customers;

	private final Network network;

	private final Clock clock;

	TicketIntakeController(Tickets tickets, TicketQueries queries, Incidents incidents, Catalog catalog, Staff staff, Customers customers, Network network, Clock clock) {
		this.tickets = tickets;
		this.queries = queries;
		this.incidents = incidents;
		this.catalog = catalog;
		this.staff = staff;
		this.customers = customers;
		this.network = network;
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("tf", TicketFormat.of(catalog.zone(), clock));
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem ticketIntakeNav() {
			return new NavItem("nav.ticketNew", "nav.ticketNew.description", "/tickets/new",
					Roles.DESK, 300, "n");
		}

		@Bean
		NavItem ticketMineNav() {
			return new NavItem("nav.ticketMine", "nav.ticketMine.description", "/tickets/mine",
					Roles.DESK_AND_DISPATCH, 310, "t");
		}

		@Bean
		NavItem ticketOverdueNav() {
			return new NavItem("nav.ticketOverdue", "nav.ticketOverdue.description", "/tickets/overdue",
					Roles.SUPERVISORS_AND_DISPATCH, 330, "o");
		}

		@Bean
		NavItem ticketSearchNav() {
			return new NavItem("nav.ticketSearch", "nav.ticketSearch.description", "/tickets/search",
					Roles.OPERATIONS_AND_AUDIT, 340, null);
		}

		@Bean
		NavItem ticketPolicyNav() {
			return new NavItem("nav.ticketPolicy", "nav.ticketPolicy.description", "/tickets/policy",
					Roles.MANAGER_AND_AUDIT, 350, null);
		}
	}

	/** The intake form's fields. */
	record IntakeForm(TicketType type, Long categoryId, Priority priority, TicketScope scope, Channel channel,
			Long customerId, String callerPhone, String contactPhone, String address, String description, Long contactId,
			Long aboutStaffId, String answer, String idempotencyKey) {

		static IntakeForm empty(Long customerId, String phone, Long contactId) {
			return new IntakeForm(TicketType.REPAIR, null, Priority.NORMAL, TicketScope.HOUSEHOLD, Channel.PHONE, customerId,
					phone, null, null, null, contactId, null, null, UUID.randomUUID().toString());
		}
	}

	// ------------------------------------------------------------------ intake

	@GetMapping("/tickets/new")
	@PreAuthorize(Roles.DESK)
	String intake(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String phone,
			@RequestParam(required = false) Long contactId, Model model) {
		IntakeForm form = IntakeForm.empty(customerId, phone, contactId);
		if (customerId == null && phone != null && !phone.isBlank()) {
			List<CustomerView> found = customers.findByPhone(phone);
			if (found.size() == 1) {
				form = IntakeForm.empty(found.get(0).id(), phone, contactId);
			}
		}
		return intakePage(model, form, null);
	}

	private String intakePage(Model model, IntakeForm form, HeatDeskException error) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("scopes", TicketScope.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", catalog.categories(form.type() == null ? TicketType.REPAIR : form.type(), true));
		Map<Long, StaffView> staffMembers = new LinkedHashMap<>();
		for (Role role : List.of(Role.AGENT, Role.TECHNICIAN, Role.TEAM_LEAD, Role.DISPATCHER)) {
			staff.withRole(role).forEach(s -> staffMembers.putIfAbsent(s.id(), s));
		}
		model.addAttribute("colleagues", staffMembers.values());
		if (form.customerId() != null) {
			callerModel(form.customerId(), model);
		}
		deadlineModel(form.type(), form.categoryId(), form.priority(), form.scope(), model);
		return "ticket/intake";
	}

	@GetMapping("/tickets/new/customers")
	@PreAuthorize(Roles.DESK)
	String customerResults(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", q == null || q.strip().length() < 2 ? List.of() : customers.search(q, 8));
		return "ticket/fragments/intake :: results";
	}

	@GetMapping("/tickets/new/customer/{id}")
	@PreAuthorize(Roles.DESK)
	String caller(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String callerPhone, Model model) {
		callerModel(id, model);
		// the number the customer was found by is the number they call from: it fills 来电号码 unless typed there
		String found = q == null ? null : q.replaceAll("[\\s-]", "");
		if ((callerPhone == null || callerPhone.isBlank()) && found != null && FOUND_BY_PHONE.matcher(found).matches()) {
			model.addAttribute("foundPhone", found);
		}
		return "ticket/fragments/intake :: callerResponse";
	}

	private static final java.util.regex.Pattern FOUND_BY_PHONE = java.util.regex.Pattern.compile("\\+?\\d{7,15}");

	private void callerModel(long id, Model model) {
		CustomerView customer = customers.find(id).orElseThrow(() -> HeatDeskException.notFound("TICKET_CUSTOMER_UNKNOWN"));
		customers.logAccess(id, "TICKET");
		model.addAttribute("customer", customer);
		model.addAttribute("substation", customer.substationId() == null ? null
				: network.substation(customer.substationId()).orElse(null));
		model.addAttribute("outages", network.activeOutagesAffecting(customer.substationId(), customer.communityId()));
		model.addAttribute("openTickets", queries.openForCustomer(Actor.current(), id));
	}

	@GetMapping("/tickets/new/classify")
	@PreAuthorize(Roles.DESK)
	String classify(@RequestParam(required = false) TicketType type, @RequestParam(required = false) Long categoryId,
			Model model) {
		TicketType t = type == null ? TicketType.REPAIR : type;
		model.addAttribute("types", TicketType.values());
		model.addAttribute("categories", catalog.categories(t, true));
		Long category = catalog.category(categoryId).filter(c -> c.type() == t).map(Category::id).orElse(null);
		model.addAttribute("form", new IntakeForm(t, category, null, null, null, null, null, null, null, null, null, null,
				null, null));
		return "ticket/fragments/intake :: classifyResponse";
	}

	@GetMapping("/tickets/new/suggest")
	@PreAuthorize(Roles.DESK)
	String suggest(@RequestParam(required = false) String description, @RequestParam(required = false) TicketType type,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) TicketScope scope, Model model) {
		Optional<Category> s = catalog.suggest(description, type).or(() -> catalog.suggest(description, null));
		Category suggestion = s.filter(c -> categoryId == null || c.id() != categoryId).orElse(null);
		if (suggestion != null && categoryId == null) {
			// nothing chosen yet: the suggestion is applied (selected in the form); the agent can change it
			model.addAttribute("types", TicketType.values());
			model.addAttribute("categories", catalog.categories(suggestion.type(), true));
			model.addAttribute("form", new IntakeForm(suggestion.type(), suggestion.id(), null, null, null, null, null, null,
					null, null, null, null, null, null));
			model.addAttribute("applied", suggestion);
			model.addAttribute("oob", true);
			deadlineModel(suggestion.type(), suggestion.id(), priority, scope, model);
			return "ticket/fragments/intake :: suggestionApplied";
		}
		model.addAttribute("suggestion", suggestion);
		return "ticket/fragments/intake :: suggestion";
	}

	@GetMapping("/tickets/new/deadline")
	@PreAuthorize(Roles.DESK)
	String deadline(@RequestParam(required = false) TicketType type, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) TicketScope scope,
			Model model) {
		deadlineModel(type, categoryId, priority, scope, model);
		return "ticket/fragments/intake :: deadline";
	}

	private void deadlineModel(TicketType type, Long categoryId, Priority priority, TicketScope scope, Model model) {
		model.addAttribute("preview", type == null ? null : queries.preview(type,
				catalog.category(categoryId).filter(c -> c.type() == type).map(Category::id).orElse(null), priority, scope));
	}

	@PostMapping("/tickets")
	@PreAuthorize(Roles.DESK)
	String record(IntakeForm form, @RequestParam(required = false) String mode,
			@RequestParam(required = false) Long outageId, Model model, RedirectAttributes redirect) {
		RecordTicket command = new RecordTicket(form.type(), form.categoryId(), form.priority(), form.scope(),
				form.channel(), form.customerId(), form.callerPhone(), form.address(), form.description(),
				form.contactPhone(), form.contactId(), form.idempotencyKey());
		try {
			TicketView view = tickets.intake(Actor.current(), new Tickets.Intake(command, form.aboutStaffId(), null),
					"answer".equals(mode) ? requiredAnswer(form.answer()) : null);
			if (outageId != null) {
				OutageView outage = network.outage(outageId).orElseThrow(() -> HeatDeskException.notFound("NOT_FOUND"));
				incidents.linkToOutage(Actor.current(), view.ticketNo(), outageId, outage.title() + (outage.noticeText() == null ? "" : "\n" + outage.noticeText()));
				redirect.addFlashAttribute("notice", "ticket.notice.recordedLinked");
			}
			else {
				redirect.addFlashAttribute("notice", "ticket.notice.recorded");
			}
			redirect.addFlashAttribute("noticeArg", view.ticketNo());
			return "redirect:/tickets/" + view.ticketNo();
		}
		catch (HeatDeskException e) {
			return intakePage(model, form, e);
		}
	}

	private static String requiredAnswer(String answer) {
		if (answer == null || answer.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "answer");
		}
		return answer.strip();
	}
}
