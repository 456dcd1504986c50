package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone's API for a room-temperature test: {@code POST /api/v1/field/jobs/{id}/temperature-test}.
 * The same {@code clientId} sent again answers with the test recorded the first time. Refusals are
 * the API's {@code {"code","message","field"}} in the caller's language; nothing is written.
 */
@RestController
@PreAuthorize(Roles.FIELD)
class FieldTemperatureApiController {

	private final TemperatureTests tests;

	FieldTemperatureApiController(TemperatureTests tests) {
		this.tests = tests;
	}

	/** A recorded test as the phone sees it (no signatures: they stay on the server). */
	record TestAnswer(long id, long jobId, String ticketNo, Instant measuredAt, List<TemperatureTests.Room> rooms,
			BigDecimal mean, BigDecimal standard, boolean compliant, Integer percent, Integer daysBelow, BigDecimal refund,
			Long ruleId, String ruleCity, Instant ruleEffectiveFrom) {

		static TestAnswer of(TemperatureTests.TestView t) {
			return new TestAnswer(t.id(), t.jobId(), t.ticketNo(), t.measuredAt(), t.rooms(), t.mean(), t.standard(),
					t.compliant(), t.percent(), t.daysBelow(), t.amount(), t.rule() == null ? null : t.rule().id(),
					t.rule() == null ? null : t.rule().city(), t.rule() == null ? null : t.rule().effectiveFrom());
		}
	}

	@PostMapping("/api/v1/field/jobs/{id}/temperature-test")
	TestAnswer record(@PathVariable long id, @RequestBody(required = false) TemperatureTests.TestForm form) {
		return TestAnswer.of(tests.record(Actor.current(), id, form));
	}
}
