package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket pages: the intake form built for speed, my tickets, my team's queue, the overdue board,
 * the ticket page with its timeline and actions, and search.
 */
@PageController
@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')")
class TicketPageController {

	private final Tickets tickets;

	private final Catalog catalog;

	private final Staff staff;

	private final Customers customers;

	private final Network network;

	private final Clock clock;

	private final OverdueBoard board;

	TicketPageController(Tickets tickets, Catalog catalog, Staff staff, Customers customers, Network network, Clock clock,
			OverdueBoard board) {
		this.tickets = tickets;
		this.catalog = catalog;
		this.staff = staff;
		this.customers = customers;
		this.network = network;
		this.clock = clock;
		this.board = board;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem ticketIntakeNav() {
			return new NavItem("nav.ticketNew", "nav.ticketNew.description", "/tickets/new",
					Set.of(Role.AGENT, Role.TEAM_LEAD), 300, "n");
		}

		@Bean
		NavItem ticketMineNav() {
			return new NavItem("nav.ticketMine", "nav.ticketMine.description", "/tickets/mine",
					Set.of(Role.AGENT, Role.TEAM_LEAD, Role.DISPATCHER), 310, "t");
		}

		@Bean
		NavItem ticketOverdueNav() {
			return new NavItem("nav.ticketOverdue", "nav.ticketOverdue.description", "/tickets/overdue",
					Set.of(Role.TEAM_LEAD, Role.DISPATCHER, Role.MANAGER), 330, "o");
		}

		@Bean
		NavItem ticketSearchNav() {
			return new NavItem("nav.ticketSearch", "nav.ticketSearch.description", "/tickets/search",
					Set.of(Role.AGENT, Role.TEAM_LEAD, Role.DISPATCHER, Role.MANAGER, Role.AUDITOR), 340, null);
		}

		@Bean
		NavItem ticketPolicyNav() {
			return new NavItem("nav.ticketPolicy", "nav.ticketPolicy.description", "/tickets/policy",
					Set.of(Role.MANAGER, Role.AUDITOR), 350, null);
		}
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("tf", TicketFormat.of(catalog.zone(), clock));
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
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
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
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
	String customerResults(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", q == null || q.strip().length() < 2 ? List.of() : customers.search(q, 8));
		return "ticket/fragments/intake :: results";
	}

	@GetMapping("/tickets/new/customer/{id}")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
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
		model.addAttribute("openTickets", tickets.openForCustomer(id));
	}

	@GetMapping("/tickets/new/classify")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
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
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
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
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
	String deadline(@RequestParam(required = false) TicketType type, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) TicketScope scope,
			Model model) {
		deadlineModel(type, categoryId, priority, scope, model);
		return "ticket/fragments/intake :: deadline";
	}

	private void deadlineModel(TicketType type, Long categoryId, Priority priority, TicketScope scope, Model model) {
		model.addAttribute("preview", type == null ? null : tickets.preview(type,
				catalog.category(categoryId).filter(c -> c.type() == type).map(Category::id).orElse(null), priority, scope));
	}

	@PostMapping("/tickets")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD')")
	String record(IntakeForm form, @RequestParam(required = false) String mode,
			@RequestParam(required = false) Long outageId, Model model, RedirectAttributes redirect) {
		RecordTicket command = new RecordTicket(form.type(), form.categoryId(), form.priority(), form.scope(),
				form.channel(), form.customerId(), form.callerPhone(), form.address(), form.description(),
				form.contactPhone(), form.contactId(), form.idempotencyKey());
		try {
			TicketView view = tickets.intake(new Tickets.Intake(command, form.aboutStaffId(), null),
					"answer".equals(mode) ? requiredAnswer(form.answer()) : null);
			if (outageId != null) {
				OutageView outage = network.outage(outageId).orElseThrow(() -> HeatDeskException.notFound("NOT_FOUND"));
				tickets.linkToOutage(view.ticketNo(), outageId, outage.title() + (outage.noticeText() == null ? "" : "\n" + outage.noticeText()));
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

	// ------------------------------------------------------------------ lists

	@GetMapping("/tickets")
	String home() {
		return "redirect:/tickets/mine";
	}

	@GetMapping("/tickets/mine")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')")
	String mine(@RequestParam(defaultValue = "false") boolean all, Model model) {
		StaffView me = tickets.me();
		model.addAttribute("me", me);
		model.addAttribute("all", all);
		model.addAttribute("rows", tickets.mine(!all));
		model.addAttribute("notifications", tickets.myNotifications());
		List<Transfer> awaiting = tickets.awaitingMe();
		model.addAttribute("awaiting", awaiting);
		Map<Long, TicketRow> awaitingTickets = new HashMap<>();
		for (Transfer t : awaiting) {
			tickets.byId(t.ticketId()).ifPresent(r -> awaitingTickets.put(t.id(), r));
		}
		model.addAttribute("awaitingTickets", awaitingTickets);
		lookups(model);
		return "ticket/mine";
	}

	@PostMapping("/tickets/notifications/read")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')")
	String readNotifications() {
		tickets.readNotifications();
		return "redirect:/tickets/mine";
	}

	@GetMapping("/tickets/team")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')")
	String team(Model model) {
		model.addAttribute("rows", tickets.teamQueue());
		lookups(model);
		return "ticket/team";
	}

	@GetMapping("/tickets/overdue")
	@PreAuthorize("hasAnyRole('TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')")
	String overdue(Model model) {
		model.addAttribute("rows", tickets.overdue());
		lookups(model);
		return "ticket/overdue";
	}

	@GetMapping("/tickets/overdue/rows")
	@PreAuthorize("hasAnyRole('TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')")
	String overdueRows(Model model) {
		model.addAttribute("rows", tickets.overdue());
		lookups(model);
		return "ticket/overdue :: board";
	}

	/** The board's event stream: {@code hello} on (re)connecting, {@code changed} after each change that may move it. */
	@GetMapping(path = "/tickets/overdue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAnyRole('TEAM_LEAD','DISPATCHER','MANAGER','AUDITOR')")
	SseEmitter overdueStream() {
		return board.open();
	}

	@GetMapping("/tickets/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) TicketType type,
			@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("priority", priority);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("types", TicketType.values());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", Priority.values());
		boolean any = q != null && !q.isBlank() || type != null || status != null || priority != null || from != null || to != null;
		model.addAttribute("searched", any);
		model.addAttribute("rows", !any ? List.of() : tickets.search(q, type, status, priority, null,
				from == null ? null : from.atStartOfDay(catalog.zone()).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(catalog.zone()).toInstant()));
		lookups(model);
		return "ticket/search";
	}

	private void lookups(Model model) {
		Map<Long, String> categoryNames = new HashMap<>();
		catalog.categories().values().forEach(c -> categoryNames.put(c.id(), catalog.categoryName(c.id())));
		model.addAttribute("categoryNames", categoryNames);
		Map<String, String> names = new HashMap<>();
		Map<Long, String> staffNames = new HashMap<>();
		for (Role role : EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.DISPATCHER, Role.TECHNICIAN)) {
			for (StaffView s : staff.withRole(role)) {
				names.put(s.username(), s.displayName());
				staffNames.put(s.id(), s.displayName());
			}
		}
		model.addAttribute("names", names);
		model.addAttribute("staffNames", staffNames);
		Map<Long, String> teamNames = new HashMap<>();
		staff.teams().forEach(t -> teamNames.put(t.id(), t.name()));
		model.addAttribute("teamNames", teamNames);
	}

	// ------------------------------------------------------------------ the ticket page

	@GetMapping("/tickets/{no:[A-Za-z]+\\d{8}-\\d+}")
	String ticket(@PathVariable String no, Model model) {
		TicketRow row = tickets.open(no);
		StaffView me = tickets.me();
		model.addAttribute("t", row);
		model.addAttribute("me", me);
		model.addAttribute("seesPhone", me.has(Role.AGENT) || me.has(Role.TEAM_LEAD) || me.has(Role.DISPATCHER));
		model.addAttribute("timeline", tickets.timeline(row.id()));
		List<Transfer> transfers = tickets.transfers(row.id());
		model.addAttribute("transfers", transfers);
		model.addAttribute("attachments", tickets.attachments(row.ticketNo()));
		model.addAttribute("pending", transfers.stream().filter(Transfer::pending).findFirst().orElse(null));
		model.addAttribute("children", row.incident() ? tickets.children(row.id()) : List.of());
		model.addAttribute("parent", row.parentId() == null ? null : tickets.byId(row.parentId()).orElse(null));
		model.addAttribute("customer", row.customerId() == null ? null : customers.find(row.customerId()).orElse(null));
		if (row.customerId() != null) {
			customers.logAccess(row.customerId(), "TICKET");
		}
		model.addAttribute("policy", catalog.policy(row.policyId()));
		model.addAttribute("next", row.nextMark());
		Set<Lifecycle.Action> allowed = tickets.allowedActions(row);
		Map<String, Boolean> can = new LinkedHashMap<>();
		for (Lifecycle.Action a : Lifecycle.Action.values()) {
			can.put(a.name(), allowed.contains(a));
		}
		model.addAttribute("can", can);
		// the work this viewer may not do, so that the page can say who does it
		model.addAttribute("workForOthers", TicketAccess.WORK.stream()
			.anyMatch(a -> Lifecycle.allowed(row.status(), a) && !allowed.contains(a)));
		model.addAttribute("colleagues", receivers(row));
		model.addAttribute("teams", staff.teams());
		lookups(model);
		return "ticket/ticket";
	}

	private List<StaffView> receivers(TicketRow row) {
		Map<Long, StaffView> all = new LinkedHashMap<>();
		for (Role role : List.of(Role.TEAM_LEAD, Role.AGENT, Role.DISPATCHER, Role.TECHNICIAN)) {
			for (StaffView s : staff.withRole(role)) {
				if (!row.about(s.id())) {
					all.putIfAbsent(s.id(), s);
				}
			}
		}
		return new ArrayList<>(all.values());
	}

	@PostMapping("/tickets/{no}/actions/{action}")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER','MANAGER')")
	String act(@PathVariable String no, @PathVariable String action, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String text, @RequestParam(required = false) Long staffId,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String parentNo,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "dispatch" -> tickets.dispatch(no, version, staffId, teamId, text);
				case "respond" -> tickets.respond(no, version, text);
				case "resolve" -> tickets.resolve(no, version, text);
				case "close" -> tickets.close(no, version, text);
				case "reopen" -> tickets.reopen(no, version, text);
				case "pause" -> tickets.pause(no, version, text);
				case "resume" -> tickets.resume(no, version);
				case "cancel" -> tickets.cancel(no, version, text);
				case "transfer" -> tickets.transfer(no, version, staffId, teamId, text);
				case "escalate" -> tickets.escalate(no, version, text);
				case "note" -> tickets.note(no, text);
				case "link" -> tickets.link(no, parentNo);
				default -> throw HeatDeskException.notFound("NOT_FOUND");
			}
			redirect.addFlashAttribute("notice", "ticket.notice." + action);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("failedAction", action);
		}
		return "redirect:/tickets/" + no;
	}

	@PostMapping("/tickets/{no}/attachments")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')")
	String attach(@PathVariable String no, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		try {
			byte[] content = AttachmentResponses.bytes(file);
			AttachmentView view = tickets.attach(no, file.getOriginalFilename(), file.getContentType(), content);
			redirect.addFlashAttribute("notice", "ticket.notice.attach");
			redirect.addFlashAttribute("noticeArg", view.fileName());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("failedAction", "attach");
		}
		return "redirect:/tickets/" + no + "#attachments";
	}

	@GetMapping("/tickets/{no}/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable String no, @PathVariable long id) {
		return AttachmentResponses.of(tickets.download(no, id));
	}

	@PostMapping("/tickets/{no}/transfers/{id}/{decision}")
	@PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DISPATCHER')")
	String decide(@PathVariable String no, @PathVariable long id, @PathVariable String decision,
			@RequestParam(required = false) String text, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			if ("accept".equals(decision)) {
				tickets.acceptTransfer(no, id);
			}
			else if ("decline".equals(decision)) {
				tickets.declineTransfer(no, id, text);
			}
			else {
				throw HeatDeskException.notFound("NOT_FOUND");
			}
			redirect.addFlashAttribute("notice", "ticket.notice." + decision);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "mine".equals(back) ? "redirect:/tickets/mine" : "redirect:/tickets/" + no;
	}
}
