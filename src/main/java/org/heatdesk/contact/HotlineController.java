package org.heatdesk.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.TicketType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/hotline12345/cases}: the 12345 city hotline platform hands a case over (201 the
 * first time, 200 with the same ticket for a case number it posted before) and fetches its state,
 * with the result once resolved. Integration keys of scope {@code hotline12345} only.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_hotline12345')")
class HotlineController {

	private final HotlineCases cases;

	HotlineController(HotlineCases cases) {
		this.cases = cases;
	}

	@PostMapping("/api/v1/hotline12345/cases")
	ResponseEntity<HotlineCases.CaseState> receive(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HeatDeskException.badInput("HOTLINE_CASE_BODY_REQUIRED", null);
		}
		HotlineCases.Received received = cases.receive(new HotlineCases.HotlineCase(InputChecks.jsonText(body, "caseNo"),
				time(body, "handedOverAt"), time(body, "replyDueAt"), InputChecks.jsonText(body, "name"),
				InputChecks.jsonText(body, "phone"), InputChecks.jsonText(body, "address"),
				InputChecks.jsonText(body, "request"), type(body)));
		if (!received.created()) {
			return ResponseEntity.ok(received.state());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(UriComponentsBuilder.fromPath("/api/v1/hotline12345/cases/{caseNo}")
				.buildAndExpand(received.state().caseNo())
				.encode()
				.toUri())
			.body(received.state());
	}

	@GetMapping("/api/v1/hotline12345/cases/{caseNo}")
	HotlineCases.CaseState state(@PathVariable String caseNo) {
		return cases.state(caseNo).orElseThrow(() -> HeatDeskException.notFound("HOTLINE_CASE_NOT_FOUND", caseNo));
	}

	private static TicketType type(JsonNode body) {
		String hint = InputChecks.jsonText(body, "typeHint");
		if (hint == null || hint.isBlank()) {
			return null;
		}
		try {
			return TicketType.valueOf(hint.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("HOTLINE_TYPE_UNKNOWN", "typeHint", hint);
		}
	}

	private static Instant time(JsonNode body, String field) {
		String raw = InputChecks.jsonText(body, field);
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return InputChecks.instant(OffsetDateTime.parse(raw.strip()).toInstant(), field);
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("HOTLINE_TIME_FORMAT", field);
		}
	}
}
