package org.heatdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/sms/inbound}: the SMS provider hands over a customer's reply. 200 with the message
 * it answers, 202 {@code matched:false} when it answers none (kept all the same); posting the same
 * {@code providerId} again changes nothing and gets the same answer. Integration keys of scope {@code sms}.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_sms')")
class SmsInboundController {

	/** A provider's clock may run a little ahead; a reply from tomorrow is a mistake. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

	private final SmsInbound inbound;

	private final Clock clock;

	SmsInboundController(SmsInbound inbound, Clock clock) {
		this.inbound = inbound;
		this.clock = clock;
	}

	@PostMapping("/api/v1/sms/inbound")
	ResponseEntity<Map<String, Object>> receive(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HeatDeskException.badInput("SMS_INBOUND_BODY_REQUIRED", null);
		}
		String rawFrom = InputChecks.text(InputChecks.jsonText(body, "from"), "from");
		if (InputChecks.blank(rawFrom)) {
			throw HeatDeskException.badInput("REQUIRED", "from");
		}
		String from = Mobile.of(rawFrom.length() > 30 ? "" : rawFrom);
		if (from == null) {
			throw HeatDeskException.badInput("SMS_FROM_INVALID", "from");
		}
		String text = InputChecks.required(InputChecks.text(InputChecks.jsonText(body, "text"), "text"), "text", 500);
		String providerId = InputChecks.required(InputChecks.text(InputChecks.jsonText(body, "providerId"), "providerId"),
				"providerId", 100);
		Instant receivedAt = receivedAt(InputChecks.jsonText(body, "receivedAt"));
		SmsInbound.Stored stored = inbound.receive(new SmsInbound.Reply(from, text, receivedAt, providerId));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("inboundId", stored.inboundId());
		answer.put("matched", stored.matched());
		answer.put("messageId", stored.messageId());
		answer.put("duplicate", !stored.first());
		return ResponseEntity.status(stored.matched() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
	}

	private Instant receivedAt(String raw) {
		Instant now = clock.instant();
		if (InputChecks.blank(raw)) {
			return now;
		}
		Instant t;
		try {
			t = OffsetDateTime.parse(InputChecks.text(raw, "receivedAt").strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("SMS_TIME_FORMAT", "receivedAt");
		}
		InputChecks.instant(t, "receivedAt");
		if (t.isAfter(now.plus(FUTURE_TOLERANCE))) {
			throw HeatDeskException.badInput("SMS_TIME_IN_FUTURE", "receivedAt");
		}
		return t;
	}
}
