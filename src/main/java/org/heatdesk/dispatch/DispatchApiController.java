package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dispatch's API: who may take a job, certificates flagged, a certificate recorded, the refund rule
 * table and a refund worked out. Refusals are the API's {@code {"code","message","field"}}.
 */
@RestController
@RequestMapping("/api/v1/dispatch")
@PreAuthorize(DispatchPageController.READ)
class DispatchApiController {

	private final Technicians technicians;

	private final RefundRules rules;

	private final MessageSource messages;

	DispatchApiController(Technicians technicians, RefundRules rules, MessageSource messages) {
		this.technicians = technicians;
		this.rules = rules;
		this.messages = messages;
	}

	/** A technician for a job: whether they may take it, why not, and their shift at its time. */
	record CandidateAnswer(long technicianId, String name, String crew, boolean eligible, String refusalCode,
			String refusal, Shift onDuty) {
	}

	/** The question whether a technician may take a job of a kind at a time (now when left out). */
	record Eligibility(Long technicianId, JobKind jobKind, Instant at) {
	}

	record EligibilityAnswer(long technicianId, JobKind jobKind, Instant at, boolean eligible) {
	}

	@GetMapping("/candidates")
	List<CandidateAnswer> candidates(@RequestParam JobKind jobKind, @RequestParam(required = false) Instant at) {
		Instant when = at == null ? technicians.clock().instant() : org.heatdesk.platform.InputChecks.instant(at, "at");
		return technicians.candidates(jobKind, when)
			.stream()
			.map(c -> new CandidateAnswer(c.technician().id(), c.technician().displayName(), c.technician().crewName(),
					c.eligible(), c.refusalCode(), c.refusalCode() == null ? null
							: messages.getMessage("dispatch.refusal." + c.refusalCode(), null, LocaleContextHolder.getLocale()),
					c.onDuty()))
			.toList();
	}

	/**
	 * Answers 200 when the technician may take the job, else the refusal naming the skill or the
	 * certificate missing (409).
	 */
	@PostMapping("/eligibility")
	EligibilityAnswer eligibility(@RequestBody Eligibility question) {
		if (question.technicianId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "technicianId");
		}
		if (question.jobKind() == null) {
			throw HeatDeskException.badInput("REQUIRED", "jobKind");
		}
		Instant at = question.at() == null ? technicians.clock().instant() : question.at();
		technicians.checkMayTake(question.technicianId(), question.jobKind(), at);
		return new EligibilityAnswer(question.technicianId(), question.jobKind(), at, true);
	}

	record Flagged(long certificateId, long technicianId, String technician, String crew, CertificateKind kind,
			String kindName, String number, LocalDate validUntil, CertificateState state, long daysLeft) {
	}

	@GetMapping("/certificates/flagged")
	List<Flagged> flagged() {
		return technicians.flaggedCertificates(technicians.clock().instant())
			.stream()
			.map(f -> new Flagged(f.certificate().id(), f.technician().id(), f.technician().displayName(),
					f.technician().crewName(), f.certificate().kind(),
					messages.getMessage("dispatch.certificate." + f.certificate().kind(), null, LocaleContextHolder.getLocale()),
					f.certificate().number(), f.certificate().validUntil(), f.state(), f.daysLeft()))
			.toList();
	}

	/** A certificate as posted (the scanned copy is uploaded on the technician's page). */
	record CertificateBody(CertificateKind kind, String number, String issuer, LocalDate validFrom, LocalDate validUntil) {
	}

	@PostMapping("/technicians/{id}/certificates")
	@PreAuthorize(DispatchPageController.EDIT)
	@ResponseStatus(HttpStatus.CREATED)
	CertificateView addCertificate(@PathVariable long id, @RequestBody CertificateBody body) {
		return technicians.addCertificate(Actor.current(), id,
				new Technicians.NewCertificate(body.kind(), body.number(), body.issuer(), body.validFrom(), body.validUntil()),
				null);
	}

	@GetMapping("/refund-rules")
	List<RefundRule> refundRules(@RequestParam(required = false) String city) {
		return city == null ? rules.versions() : rules.versions(city);
	}

	@PostMapping("/refund-rules")
	@PreAuthorize(Roles.MANAGER)
	@ResponseStatus(HttpStatus.CREATED)
	RefundRule publish(@RequestBody RefundRules.NewRule rule) {
		return rules.publish(Actor.current(), rule);
	}

	/** A test to price: the rooms measured (°C), the heated area (m²) and the days below standard. */
	record QuoteRequest(String city, Instant testedAt, List<BigDecimal> rooms, BigDecimal heatedArea, Integer daysBelow) {
	}

	record QuoteAnswer(String city, long ruleId, Instant ruleEffectiveFrom, BigDecimal standard,
			BigDecimal householdTemperature, boolean compliant, int percent, BigDecimal refund) {
	}

	@PostMapping("/refunds/quote")
	@PreAuthorize(Roles.CREWS_AND_FIELD)
	QuoteAnswer quote(@RequestBody QuoteRequest request) {
		if (request.city() == null || request.city().isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "city");
		}
		if (request.daysBelow() == null) {
			throw HeatDeskException.badInput("REQUIRED", "daysBelow");
		}
		BigDecimal household = RefundCalculator.householdTemperature(request.rooms());
		Instant at = request.testedAt() == null ? technicians.clock().instant() : request.testedAt();
		RefundRules.Quote q = rules.quote(request.city(), at, household, request.heatedArea(), request.daysBelow());
		return new QuoteAnswer(q.rule().city(), q.rule().id(), q.rule().effectiveFrom(), q.standard(),
				q.refund().householdTemperature(), q.refund().compliant(), q.refund().percent(), q.refund().amount());
	}
}
