package org.heatdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.CategoryView;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's desk: presence, the queue, and the screen pop of the call ringing at the agent's
 * extension (pushed over the desk's event stream, then fetched here as the agent, so the
 * customer's data is masked for them and the access is logged). Presence and the popped call's
 * status are pushed on the same stream ({@link DeskPush}); nothing on the desk polls.
 */
@PageController
@PreAuthorize(Roles.DESK)
class DeskController {


	private final DeskStreams streams;

	private final Agents agents;

	private final Presences presences;

	private final Contacts contacts;

	private final Customers customers;

	private final TicketQueries tickets;

	private final Network network;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final MessageSource messages;

	private final JsonMapper json;

	DeskController(DeskStreams streams, Agents agents, Presences presences, Contacts contacts, Customers customers,
			TicketQueries tickets, Network network, JdbcClient jdbc, TransactionTemplate tx, Clock clock, MessageSource messages,
			JsonMapper json) {
		this.messages = messages;
		this.json = json;
		this.streams = streams;
		this.agents = agents;
		this.presences = presences;
		this.contacts = contacts;
		this.customers = customers;
		this.tickets = tickets;
		this.network = network;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/desk")
	String desk(Authentication auth, Model model) {
		StaffView me = me(auth);
		model.addAttribute("me", me);
		presenceModel(me, model);
		model.addAttribute("currentCallId", currentCall(me).orElse(null));
		model.addAttribute("deskLabels", json.writeValueAsString(labels()));
		return "contact/desk";
	}

	/** The call ringing or in progress at the agent's extension now, if any. */
	private Optional<Long> currentCall(StaffView me) {
		return me.extension() == null ? Optional.empty()
				: jdbc.sql("""
						select id from contact_call where status in ('RINGING', 'TALKING') and direction = 'INBOUND'
						  and coalesce(current_ext, answered_ext, ringing_ext) = ? order by first_ring_at desc limit 1""")
					.param(me.extension())
					.query(Long.class)
					.optional();
	}

	/** What the desk's script needs to show pushed states in the agent's language. */
	private Map<String, Map<String, String>> labels() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Map<String, String>> labels = new LinkedHashMap<>();
		Map<String, String> presence = new LinkedHashMap<>();
		for (PresenceState s : PresenceState.values()) {
			presence.put(s.name(), messages.getMessage("presence." + s.name(), null, locale));
		}
		Map<String, String> reasons = new LinkedHashMap<>();
		for (String r : Presences.AWAY_REASONS) {
			reasons.put(r, messages.getMessage("presence.reason." + r, null, locale));
		}
		Map<String, String> calls = new LinkedHashMap<>();
		for (CallStatus s : CallStatus.values()) {
			calls.put(s.name(), messages.getMessage("call.status." + s.name(), null, locale));
		}
		labels.put("presence", presence);
		labels.put("reason", reasons);
		labels.put("call", calls);
		return labels;
	}

	@GetMapping(path = "/desk/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Authentication auth) {
		return streams.openDesk(auth.getName());
	}

	@PostMapping("/desk/presence")
	String presence(@RequestParam PresenceState state, @RequestParam(required = false) String reason, Authentication auth,
			Model model) {
		StaffView me = me(auth);
		try {
			String r = Presences.reasonFor(state, reason);
			tx.executeWithoutResult(s -> presences.set(me.id(), state, r, clock.instant(), me.username(), true));
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
		}
		presenceModel(me, model);
		return "contact/fragments :: presence";
	}

	/** The presence badge alone: the desk fetches it when its event stream (re)connects; changes are pushed. */
	@GetMapping("/desk/presence/now")
	String presenceNow(Authentication auth, Model model) {
		presenceModel(me(auth), model);
		return "contact/fragments :: presenceNow";
	}

	/**
	 * The screen pop: who is calling, their tickets, contacts, substation, and the ticket actions.
	 * Reading it changes nothing: a caller whose number matches one customer is shown as that
	 * customer, and is written to the call only when the agent acts on it (identifies, records, links).
	 */
	@GetMapping("/desk/calls/{id}")
	String pop(@PathVariable long id, Authentication auth, Model model) {
		return popOf(mayOpen(auth, id), model);
	}

	/** The agent says who the caller is (several customers share the number, or it is not on file). */
	@PostMapping("/desk/calls/{id}/customer")
	String identify(@PathVariable long id, @RequestParam long customer, Authentication auth, Model model) {
		Contacts.CallContact call = mayOpen(auth, id);
		if (call.customerId() == null || call.customerId() != customer) {
			contacts.identify(id, customer);
		}
		return popOf(contacts.call(id).orElseThrow(), model);
	}

	private String popOf(Contacts.CallContact call, Model model) {
		model.addAttribute("call", call);
		model.addAttribute("callerShown", Phone.masked(call.caller()));
		List<CustomerView> matches = call.caller() == null ? List.of() : customers.findByPhone(call.caller());
		CustomerView who = null;
		if (call.customerId() != null) {
			who = customers.find(call.customerId()).orElse(null);
		}
		else if (matches.size() == 1) {
			who = matches.get(0);
		}
		model.addAttribute("matches", matches);
		model.addAttribute("customer", who);
		List<TicketView> open = who == null ? List.of() : tickets.openForCustomer(Actor.current(), who.id());
		model.addAttribute("openTickets", open);
		if (who != null) {
			customers.logAccess(who.id(), "SCREEN_POP");
			model.addAttribute("substation", who.substationId() == null ? null
					: network.substation(who.substationId()).orElse(null));
			model.addAttribute("outages", network.activeOutagesAffecting(who.substationId(), who.communityId()));
		}
		model.addAttribute("recent", history(contacts.recent(who == null ? null : who.id(), call.caller(), call.contactId(),
				HISTORY), open, call));
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		categoryModel(TicketType.REPAIR, null, null, model);
		return "contact/fragments :: pop";
	}

	private static final int HISTORY = 5;

	/**
	 * One line of the caller's history on the pop: a call, letter, visit or 12345 case, or a ticket
	 * recorded for them ({@code channel} {@code null}) that no listed contact stands for.
	 */
	record PastContact(Instant occurredAt, Channel channel, String ticketNo, String summary) {
	}

	/**
	 * The contacts and the open tickets the pop lists tell one story: a ticket recorded for the
	 * customer (on the intake page, by a colleague, from another call) is a past contact even when no
	 * contact row points at it, so "no earlier contacts" is never shown beside an open ticket.
	 */
	private static List<PastContact> history(List<Contacts.ContactRow> contactRows, List<TicketView> open,
			Contacts.CallContact call) {
		List<PastContact> past = new ArrayList<>();
		Set<String> covered = new HashSet<>();
		for (Contacts.ContactRow c : contactRows) {
			past.add(new PastContact(c.occurredAt(), c.channel(), c.ticketNo(), c.summary()));
			if (c.ticketNo() != null) {
				covered.add(c.ticketNo());
			}
		}
		for (TicketView t : open) {
			// a ticket recorded during this very call is not an earlier contact
			if (!covered.contains(t.ticketNo()) && !t.ticketNo().equals(call.ticketNo())) {
				past.add(new PastContact(t.recordedAt(), null, t.ticketNo(), t.description()));
			}
		}
		past.sort(Comparator.comparing(PastContact::occurredAt).reversed());
		return past.size() > HISTORY ? past.subList(0, HISTORY) : past;
	}

	/**
	 * The call, when it rang at the agent's extension (at any time: rung, answered, transferred to it);
	 * a team lead may open any call's pop. Anyone else is refused (403).
	 */
	private Contacts.CallContact mayOpen(Authentication auth, long callId) {
		Contacts.CallContact call = contacts.call(callId).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		Set<Role> roles = Role.of(auth);
		if (roles.contains(Role.TEAM_LEAD) || roles.contains(Role.MANAGER)) {
			return call;
		}
		StaffView me = me(auth);
		boolean rangHere = me.extension() != null && jdbc.sql("""
				select exists (select 1 from contact_call c where c.id = :id
				  and (:ext in (c.ringing_ext, c.answered_ext, c.current_ext)
				       or exists (select 1 from contact_call_event e where e.call_id = c.id
				                  and (e.extension = :ext or e.target_ext = :ext))))""")
			.param("id", callId)
			.param("ext", me.extension())
			.query(Boolean.class)
			.single();
		if (!rangHere) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return call;
	}

	/**
	 * Before the agent acts on a call whose number matches exactly one customer, the call is written
	 * as that customer's (as the pop showed it).
	 */
	private void identifyUniqueMatch(Contacts.CallContact call) {
		if (call.customerId() == null && call.caller() != null) {
			List<CustomerView> matches = customers.findByPhone(call.caller());
			if (matches.size() == 1) {
				contacts.identify(call.callId(), matches.get(0).id());
			}
		}
	}

	/**
	 * The call ringing or in progress at the agent's extension, for a desk whose stream (re)connected:
	 * its pop, or nothing (204) when there is none or it is the call the desk already shows.
	 */
	@GetMapping("/desk/calls/current")
	String currentPop(@RequestParam(required = false) Long shown, Authentication auth, Model model,
			HttpServletResponse response) {
		Optional<Long> current = currentCall(me(auth));
		if (current.isEmpty() || current.get().equals(shown)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		return popOf(contacts.call(current.get()).orElseThrow(), model);
	}

	/** The call's status on the pop, for a desk whose stream (re)connected; changes are pushed. */
	@GetMapping("/desk/calls/{id}/status")
	String callStatus(@PathVariable long id, Authentication auth, Model model) {
		model.addAttribute("call", mayOpen(auth, id));
		return "contact/fragments :: callStatus";
	}

	/**
	 * The ticket form's category list for the chosen type: the category the agent chose stays; while
	 * none is chosen, the one the description suggests is selected (the agent can change it).
	 */
	@GetMapping("/desk/calls/{id}/category")
	String category(@PathVariable long id, @RequestParam(required = false) TicketType type,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String description,
			Authentication auth, Model model) {
		mayOpen(auth, id);
		categoryModel(type, categoryId, description, model);
		return "contact/fragments :: category";
	}

	private void categoryModel(TicketType type, Long categoryId, String description, Model model) {
		TicketType t = type == null ? TicketType.REPAIR : type;
		List<CategoryView> categories = tickets.categories(t);
		Long chosen = categories.stream().map(CategoryView::id).filter(c -> c.equals(categoryId)).findFirst().orElse(null);
		CategoryView suggested = chosen != null ? null : tickets.suggestCategory(description, t).orElse(null);
		model.addAttribute("categories", categories);
		model.addAttribute("categoryId", chosen != null ? chosen : suggested == null ? null : suggested.id());
		model.addAttribute("suggested", suggested);
	}

	@PostMapping("/desk/calls/{id}/ticket")
	String recordTicket(@PathVariable long id, @RequestParam(required = false) TicketType type,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) String description, Authentication auth, Model model) {
		StaffView me = me(auth);
		identifyUniqueMatch(mayOpen(auth, id));
		return outcome(model, () -> contacts.recordFromCall(id, type, categoryId, priority, description, null, me.id(), Actor.current()));
	}

	@PostMapping("/desk/calls/{id}/answered")
	String answered(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(required = false) String answer, Authentication auth, Model model) {
		StaffView me = me(auth);
		identifyUniqueMatch(mayOpen(auth, id));
		return outcome(model, () -> contacts.answeredInCall(id, description, answer, me.id(), Actor.current()));
	}

	@PostMapping("/desk/calls/{id}/link")
	String link(@PathVariable long id, @RequestParam String ticketNo, @RequestParam(required = false) String summary,
			Authentication auth, Model model) {
		StaffView me = me(auth);
		identifyUniqueMatch(mayOpen(auth, id));
		return outcome(model, () -> {
			contacts.linkCall(id, ticketNo, summary, me.id(), Actor.current());
			return tickets.find(Actor.current(), ticketNo).orElseThrow();
		});
	}

	@PostMapping("/desk/callbacks")
	String callback(@RequestParam(required = false) String ticketNo, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String summary, Authentication auth, Model model) {
		StaffView me = me(auth);
		return outcome(model, () -> {
			contacts.logCallback(ticketNo == null ? "" : ticketNo.strip(), phone, summary, me.id(), Actor.current());
			return tickets.find(Actor.current(), ticketNo.strip()).orElseThrow();
		});
	}

	private String outcome(Model model, java.util.function.Supplier<TicketView> action) {
		try {
			model.addAttribute("ticket", action.get());
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
		}
		return "contact/fragments :: outcome";
	}

	private void presenceModel(StaffView me, Model model) {
		model.addAttribute("presence", presences.current(me.id()).orElse(null));
		model.addAttribute("states", PresenceState.values());
		model.addAttribute("reasons", Presences.AWAY_REASONS);
	}

	private StaffView me(Authentication auth) {
		return agents.byUsername(auth.getName()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}
}
