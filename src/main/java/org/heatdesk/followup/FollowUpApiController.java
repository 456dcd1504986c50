package org.heatdesk.followup;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up API for the desk: the queue by status, an outcome, an unanswered call. Refusals are
 * the API's {@code {"code","message","field"}}; a refusal writes nothing. Phone numbers are answered
 * masked.
 */
@RestController
@RequestMapping("/api/v1/followups")
@PreAuthorize(Roles.DESK)
class FollowUpApiController {

	private final FollowUps followUps;

	FollowUpApiController(FollowUps followUps) {
		this.followUps = followUps;
	}

	/** A follow-up as the API answers it. */
	record FollowUpAnswer(long id, String ticketNo, int round, String ticketType, Long customerId, String maskedPhone,
			String resolver, java.time.Instant resolvedAt, java.time.Instant dueAt, boolean overdue, String status,
			String satisfaction, Boolean solved, String comment, String suggestion, String channel, String doneBy,
			java.time.Instant doneAt, Long contactId, String smsComment, int attempts, List<String> attemptDays) {

		static FollowUpAnswer of(FollowUpView f, java.time.Instant now) {
			return new FollowUpAnswer(f.id(), f.ticketNo(), f.round(), f.ticketType(), f.customerId(), Masks.phone(f.phone()),
					f.resolver(), f.resolvedAt(), f.dueAt(), f.overdue(now), f.status().name(),
					f.satisfaction() == null ? null : f.satisfaction().name(), f.solved(), f.comment(), f.suggestion(),
					f.channel(), f.doneBy(), f.doneAt(), f.contactId(), f.smsComment(), f.attempts(), f.attemptDays());
		}
	}

	record OutcomeBody(String satisfaction, Boolean solved, String comment, String suggestion, Long contactId) {
	}

	record AttemptBody(String note, Long contactId) {
	}

	@GetMapping
	List<FollowUpAnswer> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit) {
		FollowUpStatus s;
		try {
			s = status == null || status.isBlank() ? FollowUpStatus.QUEUED : FollowUpStatus.valueOf(status.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("FOLLOWUP_STATUS_UNKNOWN", "status");
		}
		int l = limit == null ? 200 : limit;
		if (l < 1 || l > 500) {
			throw HeatDeskException.badInput("FOLLOWUP_LIMIT_RANGE", "limit");
		}
		var now = followUps.clock().instant();
		return followUps.list(s, l).stream().map(f -> FollowUpAnswer.of(f, now)).toList();
	}

	@GetMapping("/{id}")
	FollowUpAnswer one(@PathVariable long id) {
		return followUps.find(id).map(f -> FollowUpAnswer.of(f, followUps.clock().instant()))
			.orElseThrow(() -> HeatDeskException.notFound("FOLLOWUP_NOT_FOUND", id));
	}

	@PostMapping("/{id}/outcome")
	FollowUpAnswer outcome(@PathVariable long id, @RequestBody(required = false) OutcomeBody body) {
		if (body == null) {
			throw HeatDeskException.badInput("REQUIRED", "satisfaction");
		}
		FollowUpView f = followUps.recordOutcome(Actor.current(), id, new FollowUps.Outcome(body.satisfaction(),
				body.solved(), body.comment(), body.suggestion(), body.contactId()));
		return FollowUpAnswer.of(f, followUps.clock().instant());
	}

	@PostMapping("/{id}/attempts")
	FollowUpAnswer attempt(@PathVariable long id, @RequestBody(required = false) AttemptBody body) {
		FollowUpView f = followUps.recordAttempt(Actor.current(), id, body == null ? null : body.note(),
				body == null ? null : body.contactId());
		return FollowUpAnswer.of(f, followUps.clock().instant());
	}
}
