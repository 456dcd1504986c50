package org.heatdesk.staff;

import java.util.List;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people records' API: sanctions, commendations, confidential reports, training sessions and
 * certificates. Refusals are the API's {@code {"code","message","field"}}; a refusal writes nothing.
 * The reports are answered to managers and auditors only; a reporter posts but never lists them.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleApiController {

	private final Sanctions sanctions;

	private final Commendations commendations;

	private final ViolationReports reports;

	private final Trainings trainings;

	private final StaffCertificates certificates;

	PeopleApiController(Sanctions sanctions, Commendations commendations, ViolationReports reports, Trainings trainings,
			StaffCertificates certificates) {
		this.sanctions = sanctions;
		this.commendations = commendations;
		this.reports = reports;
		this.trainings = trainings;
		this.certificates = certificates;
	}

	record StatementBody(String statement) {
	}

	record DecisionBody(Boolean approve, String note) {
	}

	record CommendationBody(Long staffId, String reason, String ticketNo) {
	}

	record ReportBody(Long reportedStaffId, String article, String text) {
	}

	record ReportReceipt(long id, String status) {
	}

	record CloseBody(String conclusion) {
	}

	@GetMapping("/sanctions")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<Sanctions.Sanction> sanctions() {
		return sanctions.list(500);
	}

	@PostMapping("/sanctions")
	@PreAuthorize(Roles.SUPERVISORS)
	Sanctions.Sanction propose(@RequestBody(required = false) Sanctions.Proposal b) {
		return sanctions.propose(Actor.current(), b == null ? new Sanctions.Proposal(null, null, null, null, null) : b);
	}

	/** The person's own statement, or one a supervisor took down. */
	@PostMapping("/sanctions/{id}/statement")
	@PreAuthorize(Roles.CASEWORK)
	Sanctions.Sanction statement(@PathVariable long id, @RequestBody(required = false) StatementBody b,
			Authentication auth) {
		Set<Role> roles = Role.of(auth);
		boolean supervisor = roles.contains(Role.TEAM_LEAD) || roles.contains(Role.MANAGER);
		return sanctions.hear(Actor.current(), supervisor, id, b == null ? null : b.statement());
	}

	@PostMapping("/sanctions/{id}/decision")
	@PreAuthorize(Roles.MANAGER)
	Sanctions.Sanction decideSanction(@PathVariable long id, @RequestBody(required = false) DecisionBody b) {
		return sanctions.decide(Actor.current(), id, decision(b), b.note());
	}

	@GetMapping("/commendations")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<Commendations.Commendation> commendations() {
		return commendations.list(500);
	}

	@PostMapping("/commendations")
	@PreAuthorize(Roles.SUPERVISORS)
	Commendations.Commendation commend(@RequestBody(required = false) CommendationBody b) {
		CommendationBody body = b == null ? new CommendationBody(null, null, null) : b;
		return commendations.propose(Actor.current(), body.staffId(), body.reason(), body.ticketNo());
	}

	@PostMapping("/commendations/{id}/decision")
	@PreAuthorize(Roles.MANAGER)
	Commendations.Commendation decideCommendation(@PathVariable long id, @RequestBody(required = false) DecisionBody b) {
		return commendations.decide(Actor.current(), id, decision(b), b.note());
	}

	@GetMapping("/reports")
	@PreAuthorize(Roles.MANAGER_AND_AUDIT)
	List<ViolationReports.Report> reports() {
		return reports.list(500);
	}

	/** Anyone on the staff reports; the answer names only the report's number. */
	@PostMapping("/reports")
	@PreAuthorize(Roles.CASEWORK)
	ReportReceipt report(@RequestBody(required = false) ReportBody b) {
		ReportBody body = b == null ? new ReportBody(null, null, null) : b;
		long id = reports.submit(Actor.current(), body.reportedStaffId(), body.article(), body.text());
		return new ReportReceipt(id, "OPEN");
	}

	@PostMapping("/reports/{id}/close")
	@PreAuthorize(Roles.MANAGER)
	ViolationReports.Report close(@PathVariable long id, @RequestBody(required = false) CloseBody b) {
		return reports.close(Actor.current(), id, b == null ? null : b.conclusion());
	}

	@GetMapping("/trainings")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<Trainings.Session> trainings() {
		return trainings.list(200);
	}

	@PostMapping("/trainings")
	@PreAuthorize(Roles.SUPERVISORS)
	Trainings.Session train(@RequestBody(required = false) Trainings.NewSession b) {
		return trainings.create(Actor.current(), b == null ? new Trainings.NewSession(null, null, null, null, null) : b);
	}

	@GetMapping("/certificates")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<StaffCertificates.Certificate> certificates() {
		return certificates.list(500);
	}

	/** Expired and expiring within the warning days, renewed ones left out. */
	@GetMapping("/certificates/flagged")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<StaffCertificates.Certificate> flagged() {
		return certificates.flagged();
	}

	@PostMapping("/certificates")
	@PreAuthorize(Roles.SUPERVISORS)
	StaffCertificates.Certificate certify(@RequestBody(required = false) StaffCertificates.NewCertificate b) {
		return certificates.add(Actor.current(),
				b == null ? new StaffCertificates.NewCertificate(null, null, null, null, null) : b);
	}

	private static boolean decision(DecisionBody b) {
		if (b == null || b.approve() == null) {
			throw HeatDeskException.badInput("REQUIRED", "approve");
		}
		return b.approve();
	}
}
