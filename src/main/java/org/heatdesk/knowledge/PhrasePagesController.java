package org.heatdesk.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * Phrases on the desk and the follow-up page (a fragment filled in for the caller), and their
 * maintenance: team leads and managers draft, another manager approves.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS)
class PhrasePagesController {

	/** Who reads phrases: whoever talks to customers, and those who keep the words. */
	static final String SPEAKERS = Roles.DESK_AND_MANAGER;

	private final Phrases phrases;

	private final Staff staff;

	PhrasePagesController(Phrases phrases, Staff staff) {
		this.phrases = phrases;
		this.staff = staff;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem knowledgePhrasesNav() {
			return new NavItem("nav.phrases", "nav.phrases.description", "/knowledge/phrases/manage", Roles.SUPERVISORS, 730,
					null);
		}
	}

	/**
	 * The approved phrases of the scenarios asked for ({@code GREETING,CLARIFY} or repeated), filled
	 * in for the caller; for the desk, the follow-up page and any page that talks to a customer.
	 */
	@GetMapping("/knowledge/phrases")
	@PreAuthorize(SPEAKERS)
	String fragment(@RequestParam(required = false) List<String> scenario, @RequestParam(required = false) String surname,
			@RequestParam(required = false) String title, Authentication auth, Model model) {
		Set<PhraseScenario> wanted = new LinkedHashSet<>();
		for (String s : scenario == null ? List.<String>of() : scenario) {
			for (String one : s.split(",")) {
				if (!one.isBlank()) {
					try {
						wanted.add(PhraseScenario.valueOf(one.strip()));
					}
					catch (IllegalArgumentException e) {
						throw HeatDeskException.badInput("PHRASE_SCENARIO_UNKNOWN", "scenario");
					}
				}
			}
		}
		if (wanted.isEmpty()) {
			wanted.add(PhraseScenario.GREETING);
		}
		String agentNo = staff.findByUsername(auth.getName()).map(StaffView::employeeNo).orElse(null);
		model.addAttribute("said", phrases.said(wanted, PhraseText.surnameOf(surname), title, agentNo));
		return "knowledge/phrase-fragments :: said";
	}

	@GetMapping("/knowledge/phrases/manage")
	String manage(Authentication auth, Model model) {
		model.addAttribute("entries", phrases.library());
		model.addAttribute("scenarios", PhraseScenario.values());
		model.addAttribute("placeholders", PhraseText.PLACEHOLDERS);
		model.addAttribute("mayApprove", Role.of(auth).contains(Role.MANAGER));
		model.addAttribute("me", auth.getName());
		return "knowledge/phrases";
	}

	@GetMapping("/knowledge/phrases/{id}")
	String versions(@PathVariable long id, Authentication auth, Model model) {
		model.addAttribute("entry", phrases.entry(id).orElseThrow(() -> HeatDeskException.notFound("PHRASE_NOT_FOUND")));
		model.addAttribute("versions", phrases.versions(id));
		model.addAttribute("mayApprove", Role.of(auth).contains(Role.MANAGER));
		model.addAttribute("me", auth.getName());
		return "knowledge/phrase";
	}

	@PostMapping("/knowledge/phrases/drafts")
	String draft(@RequestParam(required = false) Long phraseId, @RequestParam(required = false) PhraseScenario scenario,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			phrases.draft(phraseId, scenario, text, Actor.current());
			redirect.addFlashAttribute("notice", "phrase.drafted");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
		}
		return "redirect:/knowledge/phrases/manage" + (phraseId == null ? "" : "#phrase-" + phraseId);
	}

	@PostMapping("/knowledge/phrases/drafts/{versionId}/approve")
	@PreAuthorize(Roles.MANAGER)
	String approve(@PathVariable long versionId, RedirectAttributes redirect) {
		try {
			phrases.approve(versionId, Actor.current());
			redirect.addFlashAttribute("notice", "phrase.approved");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
		}
		return "redirect:/knowledge/phrases/manage";
	}

	@PostMapping("/knowledge/phrases/drafts/{versionId}/reject")
	@PreAuthorize(Roles.MANAGER)
	String reject(@PathVariable long versionId, RedirectAttributes redirect) {
		try {
			phrases.reject(versionId, Actor.current());
			redirect.addFlashAttribute("notice", "phrase.rejected");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("failure", e);
		}
		return "redirect:/knowledge/phrases/manage";
	}
}
