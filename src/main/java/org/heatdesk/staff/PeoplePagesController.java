package org.heatdesk.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages (人员): the center's people with their records in numbers, sanctions,
 * commendations, the confidential reports (managers and auditors only), training and certificates,
 * one person's record, and {@code /people/me} where everyone reads his own record, answers a
 * sanction proposed against him and reports a violation.
 */
@PageController
class PeoplePagesController {

	private static final int LIMIT = 200;

	private final Staff staff;

	private final PeopleSupport people;

	private final PeopleOverview overview;

	private final Sanctions sanctions;

	private final Commendations commendations;

	private final ViolationReports reports;

	private final Trainings trainings;

	private final StaffCertificates certificates;

	PeoplePagesController(Staff staff, PeopleSupport people, PeopleOverview overview, Sanctions sanctions,
			Commendations commendations, ViolationReports reports, Trainings trainings, StaffCertificates certificates) {
		this.staff = staff;
		this.people = people;
		this.overview = overview;
		this.sanctions = sanctions;
		this.commendations = commendations;
		this.reports = reports;
		this.trainings = trainings;
		this.certificates = certificates;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem peopleNav() {
			return new NavItem("nav.people", "nav.people.description", "/people", Roles.SUPERVISORS_AND_AUDIT, 650, null);
		}

		@Bean
		NavItem peopleMeNav() {
			return new NavItem("nav.people.me", "nav.people.me.description", "/people/me", Roles.DESK_AND_DISPATCH, 655,
					null);
		}
	}

	@GetMapping("/people")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String overview(Model model) {
		LocalDate today = people.today();
		LocalDate flagUntil = today.plusDays(certificates.warningDays());
		model.addAttribute("rows", overview.rows(today.withDayOfYear(1), flagUntil, 500));
		model.addAttribute("pending", overview.pending(flagUntil));
		model.addAttribute("year", String.valueOf(today.getYear()));
		return "people/index";
	}

	@GetMapping("/people/staff/{id}")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String record(@PathVariable long id, Model model) {
		StaffView person = staff.find(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		record(model, person, false);
		return "people/record";
	}

	@GetMapping("/people/me")
	@PreAuthorize(Roles.CASEWORK)
	String me(Authentication auth, Model model) {
		StaffView person = staff.findByUsername(auth.getName()).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		record(model, person, true);
		model.addAttribute("ownReports", reports.madeBy(person.id()));
		return "people/record";
	}

	private void record(Model model, StaffView person, boolean own) {
		model.addAttribute("person", person);
		model.addAttribute("own", own);
		model.addAttribute("sanctions", sanctions.forStaff(person.id()));
		model.addAttribute("commendations", commendations.forStaff(person.id()));
		List<Trainings.RecordLine> training = trainings.recordOf(person.id());
		model.addAttribute("training", training);
		int year = people.today().getYear();
		model.addAttribute("year", String.valueOf(year));
		model.addAttribute("trainingHoursYear", PeopleSupport.hours(
				training.stream().filter(t -> t.heldOn().getYear() == year).mapToLong(Trainings.RecordLine::minutes).sum()));
		model.addAttribute("certificates", certificates.forStaff(person.id()));
	}

	@PostMapping("/people/me/sanctions/{id}/statement")
	@PreAuthorize(Roles.CASEWORK)
	String ownStatement(@PathVariable long id, @RequestParam(required = false) String statement, RedirectAttributes redirect) {
		return act(redirect, "/people/me", "people.sanction.heard", () -> sanctions.hear(Actor.current(), false, id, statement));
	}

	// sanctions

	@GetMapping("/people/sanctions")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String sanctions(Model model) {
		model.addAttribute("list", sanctions.list(LIMIT));
		model.addAttribute("articles", SanctionArticle.values());
		model.addAttribute("measures", SanctionMeasure.values());
		model.addAttribute("staffList", centerStaff());
		return "people/sanctions";
	}

	@PostMapping("/people/sanctions")
	@PreAuthorize(Roles.SUPERVISORS)
	String proposeSanction(@RequestParam(required = false) String staffId, @RequestParam(required = false) String article,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String facts,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		return act(redirect, "/people/sanctions", "people.sanction.proposed", () -> sanctions.propose(Actor.current(),
				new Sanctions.Proposal(id(staffId), article, measure, facts, evidence)));
	}

	@PostMapping("/people/sanctions/{id}/statement")
	@PreAuthorize(Roles.SUPERVISORS)
	String statement(@PathVariable long id, @RequestParam(required = false) String statement, RedirectAttributes redirect) {
		return act(redirect, "/people/sanctions", "people.sanction.heard", () -> sanctions.hear(Actor.current(), true, id, statement));
	}

	@PostMapping("/people/sanctions/{id}/decision")
	@PreAuthorize(Roles.MANAGER)
	String decideSanction(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, "/people/sanctions", "people.decided",
				() -> sanctions.decide(Actor.current(), id, "approve".equals(decision), note));
	}

	// commendations

	@GetMapping("/people/commendations")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String commendations(Model model) {
		model.addAttribute("list", commendations.list(LIMIT));
		model.addAttribute("staffList", centerStaff());
		return "people/commendations";
	}

	@PostMapping("/people/commendations")
	@PreAuthorize(Roles.SUPERVISORS)
	String proposeCommendation(@RequestParam(required = false) String staffId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String ticketNo, RedirectAttributes redirect) {
		return act(redirect, "/people/commendations", "people.commendation.proposed",
				() -> commendations.propose(Actor.current(), id(staffId), reason, ticketNo));
	}

	@PostMapping("/people/commendations/{id}/decision")
	@PreAuthorize(Roles.MANAGER)
	String decideCommendation(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, "/people/commendations", "people.decided",
				() -> commendations.decide(Actor.current(), id, "grant".equals(decision), note));
	}

	// the confidential channel

	@GetMapping("/people/reports")
	@PreAuthorize(Roles.MANAGER_AND_AUDIT)
	String reports(Model model) {
		model.addAttribute("list", reports.list(LIMIT));
		return "people/reports";
	}

	@GetMapping("/people/report")
	@PreAuthorize(Roles.CASEWORK)
	String reportForm(Model model) {
		model.addAttribute("staffList", centerStaff());
		model.addAttribute("articles", SanctionArticle.values());
		return "people/report";
	}

	@PostMapping("/people/report")
	@PreAuthorize(Roles.CASEWORK)
	String report(@RequestParam(required = false) String reportedStaffId, @RequestParam(required = false) String article,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			reports.submit(Actor.current(), id(reportedStaffId), article, text);
			redirect.addFlashAttribute("notice", "people.report.sent");
			return "redirect:/people/me";
		}
		catch (HeatDeskException e) {
			flashError(redirect, e);
			return "redirect:/people/report";
		}
	}

	@PostMapping("/people/reports/{id}/close")
	@PreAuthorize(Roles.MANAGER)
	String closeReport(@PathVariable long id, @RequestParam(required = false) String conclusion, RedirectAttributes redirect) {
		return act(redirect, "/people/reports", "people.report.closed", () -> reports.close(Actor.current(), id, conclusion));
	}

	// training and certificates

	@GetMapping("/people/training")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String training(Model model) {
		model.addAttribute("list", trainings.list(100));
		model.addAttribute("staffList", centerStaff());
		model.addAttribute("today", people.today());
		model.addAttribute("passMark", Trainings.PASS_MARK);
		return "people/training";
	}

	@PostMapping("/people/training")
	@PreAuthorize(Roles.SUPERVISORS)
	String recordTraining(@RequestParam(required = false) String topic,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String minutes, @RequestParam(required = false) String trainer,
			@RequestParam(required = false) String[] attendee, @RequestParam Map<String, String> all,
			RedirectAttributes redirect) {
		return act(redirect, "/people/training", "people.training.recorded", () -> {
			List<Trainings.AttendeeInput> attendees = new ArrayList<>();
			for (String a : attendee == null ? new String[0] : attendee) {
				String score = all.get("score-" + a);
				attendees.add(new Trainings.AttendeeInput(id(a), number(score, "attendees")));
			}
			return trainings.create(Actor.current(),
					new Trainings.NewSession(topic, heldOn, number(minutes, "minutes"), trainer, attendees));
		});
	}

	@GetMapping("/people/certificates")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String certificates(Model model) {
		model.addAttribute("list", certificates.list(500));
		model.addAttribute("flagged", certificates.flagged());
		model.addAttribute("warningDays", certificates.warningDays());
		model.addAttribute("staffList", centerStaff());
		return "people/certificates";
	}

	@PostMapping("/people/certificates")
	@PreAuthorize(Roles.SUPERVISORS)
	String addCertificate(@RequestParam(required = false) String staffId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
			RedirectAttributes redirect) {
		return act(redirect, "/people/certificates", "people.certificate.added", () -> certificates.add(Actor.current(),
				new StaffCertificates.NewCertificate(id(staffId), name, number, issuedOn, expiresOn)));
	}

	private List<StaffView> centerStaff() {
		return staff.search(null, null, true).stream().map(StaffRepository.Account::view)
			.filter(v -> v.has(Role.AGENT) || v.has(Role.TEAM_LEAD) || v.has(Role.DISPATCHER))
			.sorted(java.util.Comparator.comparing(StaffView::employeeNo))
			.toList();
	}

	private String act(RedirectAttributes redirect, String back, String notice, java.util.function.Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (HeatDeskException e) {
			flashError(redirect, e);
		}
		return "redirect:" + back;
	}

	private static void flashError(RedirectAttributes redirect, HeatDeskException e) {
		redirect.addFlashAttribute("errorKey", e.messageKey());
		redirect.addFlashAttribute("errorArgs", Arrays.asList(e.args()));
		redirect.addFlashAttribute("errorField", e.field());
	}

	/** A staff id from a form: an unknown one is refused as unknown, not as a broken request. */
	private static Long id(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return -1L;
		}
	}

	private static Integer number(String value, String field) {
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
}
