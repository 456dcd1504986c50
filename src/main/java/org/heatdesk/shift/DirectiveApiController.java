package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Directives from superiors over the API: given by a team lead or manager, accepted and fed back by
 * the owner. Refusals are the API's {@code {"code","message","field"}}; a refusal writes nothing.
 */
@RestController
@RequestMapping("/api/v1/shift/directives")
class DirectiveApiController {

	private final Directives directives;

	private final TeamLogPeople people;

	DirectiveApiController(Directives directives, TeamLogPeople people) {
		this.directives = directives;
		this.people = people;
	}

	record DirectiveAnswer(long id, String title, String details, String fromWhom, Long teamId, long ownerId,
			String owner, Instant dueAt, String status, boolean overdue, Instant acceptedAt, String feedback,
			Instant doneAt, boolean late) {
	}

	record FeedbackBody(String feedback) {
	}

	/** Supervisors see every directive; anyone else at the desk their own. */
	@GetMapping
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	List<DirectiveAnswer> list() {
		StaffView me = people.me(Actor.current());
		boolean supervisor = me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER);
		return directives.list(supervisor ? null : me.id(), null, 500).stream().map(this::answer).toList();
	}

	@PostMapping
	@PreAuthorize(Roles.SUPERVISORS)
	DirectiveAnswer give(@RequestBody(required = false) Directives.NewDirective body) {
		if (body == null) {
			throw HeatDeskException.badInput("REQUIRED", "title");
		}
		return answer(directives.give(Actor.current(), body));
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	DirectiveAnswer accept(@PathVariable long id) {
		return answer(directives.accept(Actor.current(), id));
	}

	@PostMapping("/{id}/feedback")
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	DirectiveAnswer feedback(@PathVariable long id, @RequestBody(required = false) FeedbackBody body) {
		return answer(directives.feedback(Actor.current(), id, body == null ? null : body.feedback()));
	}

	private DirectiveAnswer answer(Directives.Directive d) {
		return new DirectiveAnswer(d.id(), d.title(), d.details(), d.fromWhom(), d.teamId(), d.ownerId(),
				people.name(d.ownerId()), d.dueAt(), d.status(), d.overdue(directives.clock().instant()), d.acceptedAt(),
				d.feedback(), d.doneAt(), d.late());
	}
}
