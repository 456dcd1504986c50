package org.heatdesk.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/cti/events}: the telephone switch posts one event (a JSON object) or a batch
 * (an array). A single refused event gets the usual JSON error; a batch gets one result per event,
 * and the events that are fine are stored even when others are refused.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_cti')")
class CtiController {

	static final int MAX_BATCH = 500;

	private final CtiIntake calls;

	private final MessageSource messages;

	CtiController(CtiIntake calls, MessageSource messages) {
		this.calls = calls;
		this.messages = messages;
	}

	@PostMapping("/api/v1/cti/events")
	ResponseEntity<?> events(@RequestBody JsonNode body) {
		if (body == null || !(body.isObject() || body.isArray())) {
			throw HeatDeskException.badInput("CTI_EVENT_REQUIRED", null);
		}
		if (body.isObject()) {
			Parsed parsed = parse(body);
			if (parsed.refusal() != null) {
				throw parsed.refusal();
			}
			CtiIntake.Accepted result = calls.accept(List.of(parsed.event())).get(0);
			if (result.refusal() != null) {
				throw result.refusal();
			}
			return ResponseEntity.ok(Map.of("status", result.status().name(), "callId", result.callId()));
		}
		if (body.size() == 0) {
			throw HeatDeskException.badInput("CTI_EVENT_REQUIRED", null);
		}
		if (body.size() > MAX_BATCH) {
			throw HeatDeskException.badInput("CTI_BATCH_TOO_LARGE", null, MAX_BATCH);
		}
		List<Map<String, Object>> results = new ArrayList<>();
		int stored = 0;
		int duplicates = 0;
		int refused = 0;
		for (int i = 0; i < body.size(); i++) {
			Parsed parsed = parse(body.get(i));
			CtiIntake.Accepted result = parsed.refusal() != null
					? new CtiIntake.Accepted(i, CtiIntake.Accepted.Status.REFUSED, null, parsed.refusal())
					: calls.accept(List.of(parsed.event())).get(0);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("index", i);
			row.put("status", result.status().name());
			if (result.refusal() != null) {
				refused++;
				HeatDeskException e = result.refusal();
				row.put("code", e.code());
				row.put("message", messages.getMessage(e.messageKey(), e.args(), e.code(), LocaleContextHolder.getLocale()));
				row.put("field", e.field());
			}
			else {
				row.put("callId", result.callId());
				if (result.status() == CtiIntake.Accepted.Status.DUPLICATE) {
					duplicates++;
				}
				else {
					stored++;
				}
			}
			results.add(row);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("stored", stored);
		answer.put("duplicates", duplicates);
		answer.put("refused", refused);
		answer.put("results", results);
		return ResponseEntity.ok(answer);
	}

	private record Parsed(CtiEvent event, HeatDeskException refusal) {
	}

	private static Parsed parse(JsonNode node) {
		if (node == null || !node.isObject()) {
			return new Parsed(null, HeatDeskException.badInput("CTI_EVENT_REQUIRED", null));
		}
		Instant time = null;
		String rawTime = InputChecks.jsonText(node, "time");
		if (rawTime != null) {
			try {
				time = OffsetDateTime.parse(rawTime).toInstant();
			}
			catch (DateTimeParseException e) {
				return new Parsed(null, HeatDeskException.badInput("CTI_TIME_FORMAT", "time"));
			}
			if (!InputChecks.sensible(time)) {
				// year 0 or -999999999 parses; PostgreSQL would refuse to store it
				return new Parsed(null, InputChecks.dateOutOfRange("time"));
			}
		}
		return new Parsed(new CtiEvent(InputChecks.jsonText(node, "callId"), InputChecks.jsonText(node, "type"), time,
				InputChecks.jsonText(node, "caller"), InputChecks.jsonText(node, "dialled"),
				InputChecks.jsonText(node, "extension"), InputChecks.jsonText(node, "queue"),
				InputChecks.jsonText(node, "targetExtension"), InputChecks.jsonText(node, "recordingUrl"),
				InputChecks.jsonText(node, "direction")), null);
	}
}
