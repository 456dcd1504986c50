package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service incidents and disputes over the API: recorded (and so reported to the managers) by a
 * team lead or manager, investigated, concluded by a manager; read by the auditor too.
 */
@RestController
@RequestMapping("/api/v1/shift/incidents")
class ServiceIncidentApiController {

	private final ServiceIncidents incidents;

	private final TeamLogPeople people;

	ServiceIncidentApiController(ServiceIncidents incidents, TeamLogPeople people) {
		this.incidents = incidents;
		this.people = people;
	}

	record IncidentAnswer(long id, String kind, Long teamId, Instant occurredAt, String summary, String involved,
			String ticketNo, String recordedBy, Instant reportedAt, boolean reportedInTime, String status,
			String investigation, String conclusion, Instant concludedAt) {
	}

	record TextBody(String text) {
	}

	@GetMapping
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	List<IncidentAnswer> list() {
		return incidents.list(null, 500).stream().map(this::answer).toList();
	}

	@PostMapping
	@PreAuthorize(Roles.SUPERVISORS)
	IncidentAnswer record(@RequestBody(required = false) ServiceIncidents.NewServiceIncident body) {
		if (body == null) {
			throw HeatDeskException.badInput("REQUIRED", "kind");
		}
		return answer(incidents.record(Actor.current(), body));
	}

	@PostMapping("/{id}/investigation")
	@PreAuthorize(Roles.SUPERVISORS)
	IncidentAnswer investigate(@PathVariable long id, @RequestBody(required = false) TextBody body) {
		return answer(incidents.investigate(Actor.current(), id, body == null ? null : body.text()));
	}

	@PostMapping("/{id}/conclusion")
	@PreAuthorize(Roles.MANAGER)
	IncidentAnswer conclude(@PathVariable long id, @RequestBody(required = false) TextBody body) {
		return answer(incidents.conclude(Actor.current(), id, body == null ? null : body.text()));
	}

	private IncidentAnswer answer(ServiceIncidents.ServiceIncident i) {
		return new IncidentAnswer(i.id(), i.kind(), i.teamId(), i.occurredAt(), i.summary(), i.involved(), i.ticketNo(),
				people.name(i.recordedBy()), i.reportedAt(), i.reportedInTime(incidents.reportLimit()), i.status(),
				i.investigation(), i.conclusion(), i.concludedAt());
	}
}
