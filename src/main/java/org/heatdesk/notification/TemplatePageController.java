package org.heatdesk.notification;

import java.util.Arrays;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 短信模板: per kind of message the text in use, its versions, drafts waiting for approval, a
 * draft editor with the kind's placeholders and a live preview with a real ticket. Team leads and
 * managers write drafts, a manager approves another's draft; administrators read.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
class TemplatePageController {

	private final TemplateMaintenance templates;

	TemplatePageController(TemplateMaintenance templates) {
		this.templates = templates;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem notificationTemplatesNav() {
			return new NavItem("nav.notificationTemplates", "nav.notificationTemplates.description", "/notifications/templates",
					Roles.SUPERVISORS_AND_ADMIN, 360, null);
		}
	}

	/** A kind in the list on the left: the version in use and the drafts waiting. */
	record KindRow(MessageKind kind, TemplateVersion approved, long drafts) {
	}

	@GetMapping("/notifications/templates")
	String page(@RequestParam(required = false) String kind, @RequestParam(required = false) String ticketNo,
			Authentication authentication, Model model) {
		MessageKind selected = kind == null || kind.isBlank() ? MessageKind.TICKET_RECORDED : TemplateMaintenance.kind(kind);
		return render(selected, null, ticketNo, authentication, model);
	}

	@PostMapping("/notifications/templates/{kind}/drafts")
	@PreAuthorize(Roles.SUPERVISORS)
	String draft(@PathVariable String kind, @RequestParam(required = false) String body,
			@RequestParam(required = false) String ticketNo, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		MessageKind k = TemplateMaintenance.kind(kind);
		try {
			TemplateVersion v = templates.draft(Actor.current(), k, body);
			redirect.addFlashAttribute("notice", "notification.templates.drafted");
			redirect.addFlashAttribute("noticeArgs", new Object[] { v.version() });
			return "redirect:/notifications/templates?kind=" + k.name() + "#drafts";
		}
		catch (HeatDeskException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.args());
			model.addAttribute("errorField", e.field());
			return render(k, body, ticketNo, authentication, model);
		}
	}

	@PostMapping("/notifications/templates/versions/{id}/approve")
	@PreAuthorize(Roles.MANAGER)
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		TemplateVersion v = templates.find(id);
		try {
			templates.approve(Actor.current(), id);
			redirect.addFlashAttribute("notice", "notification.templates.approved");
			redirect.addFlashAttribute("noticeArgs", new Object[] { v.version() });
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "redirect:/notifications/templates?kind=" + v.kind().name();
	}

	@PostMapping("/notifications/templates/versions/{id}/reject")
	@PreAuthorize(Roles.MANAGER)
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		TemplateVersion v = templates.find(id);
		try {
			templates.reject(Actor.current(), id, note);
			redirect.addFlashAttribute("notice", "notification.templates.rejected");
			redirect.addFlashAttribute("noticeArgs", new Object[] { v.version() });
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "redirect:/notifications/templates?kind=" + v.kind().name();
	}

	/** The preview beside the editor (htmx): the text being written, with the ticket's values. */
	@PostMapping("/notifications/templates/{kind}/preview")
	String preview(@PathVariable String kind, @RequestParam(required = false) String body,
			@RequestParam(required = false) String ticketNo, Model model) {
		MessageKind k = TemplateMaintenance.kind(kind);
		preview(k, body, ticketNo, model);
		return "notification/templates :: preview";
	}

	private void preview(MessageKind kind, String body, String ticketNo, Model model) {
		model.addAttribute("previewTicket", ticketNo);
		try {
			model.addAttribute("preview", templates.preview(Actor.current(), kind, body, ticketNo));
		}
		catch (HeatDeskException e) {
			model.addAttribute("previewErrorKey", e.messageKey());
			model.addAttribute("previewErrorArgs", e.args());
		}
	}

	private String render(MessageKind selected, String body, String ticketNo, Authentication authentication, Model model) {
		List<TemplateVersion> all = templates.all();
		List<KindRow> kinds = Arrays.stream(MessageKind.values())
			.map(k -> new KindRow(k, all.stream().filter(v -> v.kind() == k && "APPROVED".equals(v.status())).findFirst().orElse(null),
					all.stream().filter(v -> v.kind() == k && "DRAFT".equals(v.status())).count()))
			.toList();
		List<TemplateVersion> history = all.stream().filter(v -> v.kind() == selected).toList();
		TemplateVersion approved = history.stream().filter(v -> "APPROVED".equals(v.status())).findFirst().orElse(null);
		java.util.Set<Role> roles = Role.of(authentication);
		String text = body != null ? body : approved == null ? "" : approved.body();
		model.addAttribute("kinds", kinds);
		model.addAttribute("kind", selected);
		model.addAttribute("approved", approved);
		model.addAttribute("drafts", history.stream().filter(v -> "DRAFT".equals(v.status())).toList());
		model.addAttribute("history", history);
		model.addAttribute("placeholders", TemplateMaintenance.placeholders(selected));
		model.addAttribute("body", text);
		model.addAttribute("maxLength", TemplateMaintenance.MAX_LENGTH);
		model.addAttribute("signature", templatesSignature());
		model.addAttribute("canDraft", roles.contains(Role.MANAGER) || roles.contains(Role.TEAM_LEAD));
		model.addAttribute("canApprove", roles.contains(Role.MANAGER));
		model.addAttribute("me", authentication.getName());
		preview(selected, text, ticketNo, model);
		return "notification/templates";
	}

	private String templatesSignature() {
		return templates.signature();
	}
}
