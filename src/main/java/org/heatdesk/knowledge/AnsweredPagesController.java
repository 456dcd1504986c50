package org.heatdesk.knowledge;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How often articles answered callers (managers), and the articles a ticket's caller was answered with. */
@PageController
class AnsweredPagesController {

	private final AnsweredMarks marks;

	AnsweredPagesController(AnsweredMarks marks) {
		this.marks = marks;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem knowledgeAnsweredNav() {
			return new NavItem("nav.answered", "nav.answered.description", "/knowledge/answered", Roles.MANAGER, 735, null);
		}
	}

	@GetMapping("/knowledge/answered")
	@PreAuthorize(Roles.MANAGER)
	String counts(Model model) {
		model.addAttribute("counts", marks.counts(200));
		model.addAttribute("recent", marks.recent(30));
		return "knowledge/answered";
	}

	/** For the ticket page: the articles used (nothing at all when none, so the page shows no empty box). */
	@GetMapping("/knowledge/answered/ticket")
	@PreAuthorize(Roles.CASEWORK)
	String forTicket(@RequestParam String ticketNo, Model model) {
		model.addAttribute("used", marks.forTicket(ticketNo));
		return "knowledge/phrase-fragments :: used";
	}
}
