package org.heatdesk.network;

import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/telemetry}: SCADA sends a batch of readings with an API key of scope
 * {@code telemetry}. The answer lists what happened to each item; refused items carry the reason.
 */
@RestController
@PreAuthorize("hasAuthority('SCOPE_telemetry')")
class TelemetryController {

	private final TelemetryIntake intake;

	private final MessageSource messages;

	TelemetryController(TelemetryIntake intake, MessageSource messages) {
		this.intake = intake;
		this.messages = messages;
	}

	record Batch(List<TelemetryIntake.Item> readings) {
	}

	record ItemAnswer(int index, String substation, Instant readAt, TelemetryIntake.Outcome result, String code,
			String message, String field) {
	}

	record Answer(int received, long stored, long duplicates, long refused, List<ItemAnswer> results,
			List<TelemetryIntake.Change> statusChanges) {
	}

	@PostMapping("/api/v1/telemetry")
	Answer receive(@RequestBody Batch batch) {
		TelemetryIntake.Result result = intake.receive(batch == null ? null : batch.readings());
		List<ItemAnswer> answers = result.items()
			.stream()
			.map(i -> new ItemAnswer(i.index(), i.substation(), i.readAt(), i.result(), i.code(),
					i.code() == null ? null
							: messages.getMessage("error." + i.code(), i.args(), i.code(), LocaleContextHolder.getLocale()),
					i.field()))
			.toList();
		return new Answer(result.items().size(), result.count(TelemetryIntake.Outcome.STORED),
				result.count(TelemetryIntake.Outcome.DUPLICATE), result.count(TelemetryIntake.Outcome.REFUSED), answers,
				result.changes());
	}
}
