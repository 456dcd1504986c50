package org.heatdesk.ticket;

import java.time.Clock;

import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page's forms: the actions on a ticket, attaching a file, deciding a transfer; each answers with a redirect to the page and a notice or the refusal.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class TicketActionController {

	private final Tickets tickets;

	private final Transfers transfers;

	private final Incidents incidents;

	private final Attachments attachments;

	private final Catalog catalog;

	private final Clock clock;

	TicketActionController(Tickets tickets, Transfers transfers, Incidents incidents, Attachments attachments, Catalog catalog, Clock clock) {
		this.tickets = tickets;
		this.transfers = transfers;
		this.incidents = incidents;
		this.attachments = attachments;
		this.catalog = catalog;
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("tf", TicketFormat.of(catalog.zone(), clock));
	}

	@PostMapping("/tickets/{no}/actions/{action}")
	@PreAuthorize(Roles.OPERATIONS)
	String act(@PathVariable String no, @PathVariable String action, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String text, @RequestParam(required = false) Long staffId,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String parentNo,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "dispatch" -> tickets.dispatch(Actor.current(), no, version, staffId, teamId, text);
				case "respond" -> tickets.respond(Actor.current(), no, version, text);
				case "resolve" -> tickets.resolve(Actor.current(), no, version, text);
				case "close" -> tickets.close(Actor.current(), no, version, text);
				case "reopen" -> tickets.reopen(Actor.current(), no, version, text);
				case "pause" -> tickets.pause(Actor.current(), no, version, text);
				case "resume" -> tickets.resume(Actor.current(), no, version);
				case "cancel" -> tickets.cancel(Actor.current(), no, version, text);
				case "transfer" -> transfers.transfer(Actor.current(), no, version, staffId, teamId, text);
				case "escalate" -> transfers.escalate(Actor.current(), no, version, text);
				case "note" -> tickets.note(Actor.current(), no, text);
				case "link" -> incidents.link(Actor.current(), no, parentNo);
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
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	String attach(@PathVariable String no, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		try {
			byte[] content = AttachmentResponses.bytes(file);
			AttachmentView view = attachments.attach(Actor.current(), no, file.getOriginalFilename(), file.getContentType(), content);
			redirect.addFlashAttribute("notice", "ticket.notice.attach");
			redirect.addFlashAttribute("noticeArg", view.fileName());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("failedAction", "attach");
		}
		return "redirect:/tickets/" + no + "#attachments";
	}

	@PostMapping("/tickets/{no}/transfers/{id}/{decision}")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	String decide(@PathVariable String no, @PathVariable long id, @PathVariable String decision,
			@RequestParam(required = false) String text, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			if ("accept".equals(decision)) {
				transfers.acceptTransfer(Actor.current(), no, id);
			}
			else if ("decline".equals(decision)) {
				transfers.declineTransfer(Actor.current(), no, id, text);
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
