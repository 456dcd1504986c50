package org.heatdesk.ticket.sla;

import org.heatdesk.platform.InputChecks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.Roles;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.ticket.Category;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketFormat;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The deadline policy in force, its history, a manager's new version, and the category tree. */
@PageController
@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
class TicketPolicyController {

	private static final int EMPTY_ROWS = 3;

	private final TicketPolicies policies;

	private final PolicyStore store;

	private final Clock clock;

	TicketPolicyController(TicketPolicies policies, PolicyStore store, Clock clock) {
		this.policies = policies;
		this.store = store;
		this.clock = clock;
	}

	@GetMapping("/tickets/policy")
	String page(Model model) {
		SlaPolicy current = policies.current();
		model.addAttribute("tf", TicketFormat.of(store.zone(), clock));
		model.addAttribute("policy", current);
		model.addAttribute("versions", policies.versions());
		List<SlaPolicy.Rule> rows = new ArrayList<>(current.rules());
		for (int i = 0; i < EMPTY_ROWS; i++) {
			rows.add(new SlaPolicy.Rule(null, null, null, null, null, null, null, null));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("scopes", TicketScope.values());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("categories", store.categories().values());
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		store.categories().values().forEach(c -> names.put(c.id(), store.categoryName(c.id())));
		model.addAttribute("categoryNames", names);
		return "ticket/policy";
	}

	@PostMapping("/tickets/policy")
	@PreAuthorize(Roles.MANAGER)
	String addVersion(@RequestParam(required = false) String note, @RequestParam String seasonStart,
			@RequestParam String seasonEnd, @RequestParam String workStart, @RequestParam String workEnd,
			@RequestParam(required = false) List<DayOfWeek> workDays, @RequestParam List<String> ruleType,
			@RequestParam List<String> ruleCategory, @RequestParam List<String> rulePriority,
			@RequestParam List<String> ruleScope, @RequestParam List<String> dispatch, @RequestParam List<String> respond,
			@RequestParam List<String> onSite, @RequestParam List<String> resolve,
			@RequestParam(required = false) String remindMinutes, RedirectAttributes redirect) {
		try {
			List<SlaPolicy.Rule> rules = new ArrayList<>();
			for (int i = 0; i < ruleType.size(); i++) {
				if (ruleType.get(i).isBlank()) {
					continue;
				}
				rules.add(new SlaPolicy.Rule(TicketType.valueOf(ruleType.get(i)), longOrNull(at(ruleCategory, i)),
						InputChecks.blank(at(rulePriority, i)) ? null : Priority.valueOf(at(rulePriority, i)),
						InputChecks.blank(at(ruleScope, i)) ? null : TicketScope.valueOf(at(ruleScope, i)), InputChecks.trim(at(dispatch, i)),
						InputChecks.trim(at(respond, i)), InputChecks.trim(at(onSite, i)), InputChecks.trim(at(resolve, i))));
			}
			Set<DayOfWeek> days = workDays == null || workDays.isEmpty() ? Set.of() : EnumSet.copyOf(workDays);
			SlaPolicy added = policies.addVersion(new TicketPolicies.Draft(note, seasonStart, seasonEnd, workStart, workEnd,
					days, rules, minutes(remindMinutes)));
			redirect.addFlashAttribute("notice", "ticket.policy.added");
			redirect.addFlashAttribute("noticeArg", added.version());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/tickets/policy";
	}

	@PostMapping("/tickets/categories")
	@PreAuthorize(Roles.MANAGER)
	String addCategory(@RequestParam(required = false) TicketType type, @RequestParam(required = false) Long parentId,
			@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) String keywords,
			RedirectAttributes redirect) {
		try {
			Category c = policies.addCategory(type, parentId, code, nameZh, nameEn, keywords);
			redirect.addFlashAttribute("notice", "ticket.category.added");
			redirect.addFlashAttribute("noticeArg", c.nameZh());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/tickets/policy#categories";
	}

	@PostMapping("/tickets/categories/{id}/active")
	@PreAuthorize(Roles.MANAGER)
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		policies.setCategoryActive(id, active);
		redirect.addFlashAttribute("notice", active ? "ticket.category.activated" : "ticket.category.deactivated");
		return "redirect:/tickets/policy#categories";
	}

	private static String at(List<String> list, int i) {
		return list != null && i < list.size() ? list.get(i) : "";
	}



	private static Integer minutes(String s) {
		if (InputChecks.blank(s)) {
			return null;
		}
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("TICKET_POLICY_REMIND_RANGE", "remindMinutes", "1440");
		}
	}

	private static Long longOrNull(String s) {
		if (InputChecks.blank(s)) {
			return null;
		}
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("TICKET_CATEGORY_INVALID", "rules");
		}
	}
}
