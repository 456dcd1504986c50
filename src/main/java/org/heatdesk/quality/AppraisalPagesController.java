package org.heatdesk.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.FigureDefinition;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appraisal pages under {@code /people}: a team's month (computed lines, the lead's score and
 * comment, issue), one appraisal, the person's own ({@code /people/me/appraisals}: read and
 * acknowledge) and the formula's versions (a manager publishes a new one).
 */
@PageController
class AppraisalPagesController {

	private final Appraisals appraisals;

	private final AppraisalFormulas formulas;

	private final QualityPeople people;

	private final ComplianceReports reports;

	AppraisalPagesController(Appraisals appraisals, AppraisalFormulas formulas, QualityPeople people,
			ComplianceReports reports) {
		this.appraisals = appraisals;
		this.formulas = formulas;
		this.people = people;
		this.reports = reports;
	}

	@GetMapping("/people/appraisals")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String month(@RequestParam(required = false) String month, @RequestParam(required = false) Long team, Model model) {
		StaffView me = people.who(Actor.current());
		YearMonth m = month(month);
		Long teamId = team != null ? team : me.has(Role.MANAGER) || me.has(Role.AUDITOR) ? null : me.teamId();
		model.addAttribute("month", m.toString());
		model.addAttribute("team", teamId);
		model.addAttribute("teams", people.staff().teams());
		model.addAttribute("formula", formulas.current());
		model.addAttribute("previews", appraisals.previews(me, teamId, m));
		model.addAttribute("closed", m.isBefore(YearMonth.from(today())));
		model.addAttribute("mayIssue", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		return "people/appraisals";
	}

	@PostMapping("/people/appraisals")
	@PreAuthorize(Roles.SUPERVISORS)
	String issue(@RequestParam(required = false) String staffId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String leadScore, @RequestParam(required = false) String leadComment,
			@RequestParam(required = false) String team, RedirectAttributes redirect) {
		// back to the month and team read from the form, never the form's raw text
		String back = "redirect:/people/appraisals?month=" + month(month)
				+ (team != null && team.strip().matches("\\d{1,18}") ? "&team=" + team.strip() : "");
		try {
			Appraisals.Appraisal a = appraisals.issue(Actor.current(), number(staffId, "staffId"),
					SpotCheckPagesController.parseMonth(month),
					integer(leadScore, "leadScore"), leadComment);
			redirect.addFlashAttribute("notice", "appraisal.issued");
			return "redirect:/people/appraisals/" + a.id();
		}
		catch (HeatDeskException e) {
			flashError(redirect, e);
			return back;
		}
	}

	@GetMapping("/people/appraisals/{id}")
	@PreAuthorize(Roles.CASEWORK)
	String one(@PathVariable long id, Model model) {
		StaffView me = people.who(Actor.current());
		Appraisals.Appraisal a = appraisals.find(id);
		StaffView person = people.staff().find(a.staffId()).orElseThrow();
		if (a.staffId() != me.id() && !QualityPeople.reads(me, person.teamId())) {
			throw HeatDeskException.forbidden("APPRAISAL_NOT_YOURS");
		}
		model.addAttribute("a", a);
		model.addAttribute("own", a.staffId() == me.id());
		return "people/appraisal";
	}

	@GetMapping("/people/me/appraisals")
	@PreAuthorize(Roles.CASEWORK)
	String mine(Model model) {
		StaffView me = people.who(Actor.current());
		model.addAttribute("list", appraisals.forStaff(me.id()));
		return "people/my-appraisals";
	}

	@PostMapping("/people/me/appraisals/{id}/acknowledge")
	@PreAuthorize(Roles.CASEWORK)
	String acknowledge(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
		try {
			appraisals.acknowledge(Actor.current(), id, comment);
			redirect.addFlashAttribute("notice", "appraisal.acknowledged");
		}
		catch (HeatDeskException e) {
			flashError(redirect, e);
		}
		return "redirect:/people/me/appraisals";
	}

	@GetMapping("/people/appraisals/formula")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String formula(Model model) {
		model.addAttribute("versions", formulas.versions());
		model.addAttribute("current", formulas.current());
		model.addAttribute("rules", AppraisalRule.values());
		model.addAttribute("codes", reports.definitions().stream().map(FigureDefinition::code).sorted().toList());
		return "people/appraisal-formula";
	}

	@PostMapping("/people/appraisals/formula")
	@PreAuthorize(Roles.MANAGER)
	String publish(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			List<AppraisalFormula.Item> items = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String code = form.get("code-" + i);
				if (code == null || code.isBlank()) {
					continue;
				}
				String rule = form.get("rule-" + i);
				AppraisalRule r;
				try {
					r = AppraisalRule.valueOf(rule == null ? "" : rule.strip());
				}
				catch (IllegalArgumentException e) {
					throw HeatDeskException.badInput("REQUIRED", "items");
				}
				String p = form.get("parameter-" + i);
				BigDecimal parameter;
				try {
					parameter = p == null || p.isBlank() ? null : new BigDecimal(p.strip());
				}
				catch (NumberFormatException e) {
					throw HeatDeskException.badInput("PEOPLE_NUMBER_FORMAT", "items");
				}
				Integer weight = integer(form.get("weight-" + i), "items");
				items.add(new AppraisalFormula.Item(code.strip(), weight == null ? 0 : weight, r, parameter));
			}
			formulas.publish(Actor.current(), items, integer(form.get("leadWeight"), "leadWeight"), form.get("note"));
			redirect.addFlashAttribute("notice", "appraisal.formula.published");
		}
		catch (HeatDeskException e) {
			flashError(redirect, e);
		}
		return "redirect:/people/appraisals/formula";
	}

	private LocalDate today() {
		return LocalDate.now(people.clock().withZone(people.zone()));
	}

	/** The month asked for; the last closed month by default (or for anything unreadable or out of the sensible years). */
	private YearMonth month(String value) {
		YearMonth closed = YearMonth.from(today()).minusMonths(1);
		try {
			YearMonth m = value == null || value.isBlank() ? closed : YearMonth.parse(value.strip());
			return InputChecks.sensibleYear(m.getYear()) ? m : closed;
		}
		catch (DateTimeParseException e) {
			return closed;
		}
	}

	private static long number(String value, String field) {
		try {
			return Long.parseLong(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("PEOPLE_STAFF_UNKNOWN", field);
		}
	}

	private static Integer integer(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("PEOPLE_NUMBER_FORMAT", field);
		}
	}

	private static void flashError(RedirectAttributes redirect, HeatDeskException e) {
		redirect.addFlashAttribute("errorKey", e.messageKey());
		redirect.addFlashAttribute("errorArgs", Arrays.asList(e.args()));
		redirect.addFlashAttribute("errorField", e.field());
	}
}
