package org.heatdesk.portal;

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
 * The managers' side of the published content: every topic with its published version and the
 * versions waiting; a manager writes, another approves or sends back. Auditors read.
 */
@PageController
@PreAuthorize(Roles.MANAGER_AND_AUDIT)
class PublishedContentAdminController {

	private final PublishedContent content;

	PublishedContentAdminController(PublishedContent content) {
		this.content = content;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem portalContentNav() {
			return new NavItem("nav.portalContent", "nav.portalContent.description", "/portal-admin/content",
					Roles.MANAGER_AND_AUDIT, 660, null);
		}
	}

	@GetMapping("/portal-admin/content")
	String overview(Authentication auth, Model model) {
		model.addAttribute("overview", content.overview());
		model.addAttribute("mayWrite", Role.of(auth).contains(Role.MANAGER));
		return "portal/admin-content";
	}

	@GetMapping("/portal-admin/content/{slug}")
	String topic(@PathVariable String slug, Authentication auth, Model model) {
		PublishedTopic topic = topic(slug);
		var versions = content.versions(topic);
		model.addAttribute("topic", topic);
		model.addAttribute("versions", versions);
		model.addAttribute("latest", versions.isEmpty() ? null : versions.get(0));
		model.addAttribute("mayWrite", Role.of(auth).contains(Role.MANAGER));
		model.addAttribute("me", auth.getName());
		return "portal/admin-topic";
	}

	@PostMapping("/portal-admin/content/{slug}")
	@PreAuthorize(Roles.MANAGER)
	String write(@PathVariable String slug, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String knowledgeSlug,
			RedirectAttributes redirect) {
		PublishedTopic topic = topic(slug);
		try {
			content.write(Actor.current(), topic, title, body, knowledgeSlug);
			redirect.addFlashAttribute("notice", "portal.admin.written");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
			redirect.addFlashAttribute("draftTitle", title);
			redirect.addFlashAttribute("draftBody", body);
			redirect.addFlashAttribute("draftSlug", knowledgeSlug);
		}
		return "redirect:/portal-admin/content/" + topic.slug();
	}

	@PostMapping("/portal-admin/content/versions/{id}/approve")
	@PreAuthorize(Roles.MANAGER)
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		PublishedContent.Version v = content.version(id).orElseThrow(() -> HeatDeskException.notFound("PORTAL_CONTENT_NOT_FOUND"));
		try {
			content.approve(Actor.current(), id);
			redirect.addFlashAttribute("notice", "portal.admin.approved");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
		}
		return "redirect:/portal-admin/content/" + v.topic().slug();
	}

	@PostMapping("/portal-admin/content/versions/{id}/reject")
	@PreAuthorize(Roles.MANAGER)
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		PublishedContent.Version v = content.version(id).orElseThrow(() -> HeatDeskException.notFound("PORTAL_CONTENT_NOT_FOUND"));
		try {
			content.reject(Actor.current(), id, note);
			redirect.addFlashAttribute("notice", "portal.admin.rejected");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
		}
		return "redirect:/portal-admin/content/" + v.topic().slug();
	}

	private static PublishedTopic topic(String slug) {
		return PublishedTopic.bySlug(slug).orElseThrow(() -> HeatDeskException.notFound("PORTAL_CONTENT_TOPIC_UNKNOWN"));
	}
}
