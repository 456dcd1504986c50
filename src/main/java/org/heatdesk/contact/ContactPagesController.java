package org.heatdesk.contact;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registration of letters, walk-in visits (来访登记), online requests and 12345 transfers; each becomes a ticket. */
@PageController
@PreAuthorize(Roles.DESK)
class ContactPagesController {

	private final Contacts contacts;

	private final Agents agents;

	private final ZoneId zone;

	ContactPagesController(Contacts contacts, Agents agents, @Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.contacts = contacts;
		this.agents = agents;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/contacts/new")
	String form(@RequestParam(required = false) Channel channel, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Form(channel == null ? Channel.VISIT : channel, "", "", "", "", "",
					TicketType.REPAIR, Priority.NORMAL, "", null, null));
		}
		model.addAttribute("channels", Contacts.REGISTERED_CHANNELS);
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("latest", contacts.latest(null, 20));
		return "contact/register";
	}

	/** The registration form as posted. */
	record Form(Channel channel, String name, String phone, String accountNo, String address, String summary,
			TicketType type, Priority priority, String hotlineCaseNo, LocalDateTime replyDueAt, LocalDateTime handedOverAt) {
	}

	@PostMapping("/contacts")
	String register(Form form, Authentication auth, Model model, RedirectAttributes redirect) {
		StaffView me = agents.byUsername(auth.getName()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		try {
			var ticket = contacts.register(new Contacts.Registration(form.channel(), form.name(), form.phone(),
					form.accountNo(), form.summary(), form.type(), form.priority(), form.hotlineCaseNo(),
					instant(form.replyDueAt()), form.address(), instant(form.handedOverAt())), me.id(), Actor.current());
			redirect.addFlashAttribute("registered", ticket.ticketNo());
			return "redirect:/contacts/new?channel=" + form.channel();
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
			model.addAttribute("form", form);
			return form(form.channel(), model);
		}
	}

	private java.time.Instant instant(LocalDateTime local) {
		return local == null ? null : local.atZone(zone).toInstant();
	}
}
