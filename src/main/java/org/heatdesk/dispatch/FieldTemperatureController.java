package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The technician's room-temperature form on the phone ({@code /field/jobs/{id}/temperature}): rooms
 * added with one tap, readings with the decimal keypad, the method's four ticks, the instrument,
 * both signatures drawn with a finger, and the result (and refund) worked out on the phone before
 * it is sent; once recorded, the page shows the recorded result.
 */
@PageController
@PreAuthorize(Roles.FIELD)
class FieldTemperatureController {

	private final TemperatureTests tests;

	FieldTemperatureController(TemperatureTests tests) {
		this.tests = tests;
	}

	/** The form as entered, kept to show again with a refusal. */
	record Entered(String clientId, List<String> roomNames, List<String> roomTemps, boolean doorsClosed, boolean height,
			boolean centre, boolean reading, String instrumentNo) {

		static Entered empty() {
			return new Entered(UUID.randomUUID().toString(), List.of(""), List.of(""), false, false, false, false, "");
		}
	}

	@GetMapping("/field/jobs/{id}/temperature")
	String form(@PathVariable long id, Model model) {
		return page(id, model, Entered.empty(), null);
	}

	@PostMapping("/field/jobs/{id}/temperature")
	String record(@PathVariable long id, @RequestParam(required = false) String clientId,
			@RequestParam(required = false) String measuredAt,
			@RequestParam MultiValueMap<String, String> all,
			@RequestParam(required = false) boolean doorsClosed, @RequestParam(required = false) boolean height,
			@RequestParam(required = false) boolean centre, @RequestParam(required = false) boolean reading,
			@RequestParam(required = false) String instrumentNo, @RequestParam(required = false) String technicianSignature,
			@RequestParam(required = false) String customerSignature, Model model, RedirectAttributes redirect) {
		// the raw values: a List<String> parameter would split "16,5" (a decimal comma) into two rooms
		List<String> names = all.getOrDefault("roomName", List.of());
		List<String> temps = all.getOrDefault("roomTemp", List.of());
		Entered entered = new Entered(clientId == null || clientId.isBlank() ? UUID.randomUUID().toString() : clientId,
				names.isEmpty() ? List.of("") : names, temps.isEmpty() ? List.of("") : temps, doorsClosed, height, centre,
				reading, instrumentNo == null ? "" : instrumentNo);
		try {
			List<TemperatureTests.Room> rooms = new ArrayList<>();
			for (int i = 0; i < temps.size(); i++) {
				String t = temps.get(i) == null ? "" : temps.get(i).strip().replace('，', '.').replace(',', '.');
				String name = i < names.size() ? names.get(i) : null;
				if (t.isEmpty()) {
					if (name == null || name.isBlank()) {
						continue; // an empty row left on the form
					}
					throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", "rooms");
				}
				rooms.add(new TemperatureTests.Room(name == null || name.isBlank() ? null : name.strip(), number(t)));
			}
			tests.record(Actor.current(), id, new TemperatureTests.TestForm(entered.clientId(), instant(measuredAt), rooms,
					doorsClosed, height, centre, reading, instrumentNo, technicianSignature, customerSignature));
			redirect.addFlashAttribute("notice", "dispatch.field.test.recorded");
			return "redirect:/field/jobs/" + id + "/temperature";
		}
		catch (HeatDeskException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			return page(id, model, entered, e);
		}
	}

	@GetMapping("/field/jobs/{id}/temperature/signatures/{who:technician|customer}")
	ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable String who) {
		// the job's technician only: prepare refuses anyone else
		TemperatureTests.Preparation p = tests.prepare(Actor.current(), id);
		if (p.recorded() == null) {
			throw HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND");
		}
		byte[] png = tests.signature(p.recorded().id(), "customer".equals(who)).orElseThrow();
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

	private String page(long id, Model model, Entered entered, HeatDeskException error) {
		TemperatureTests.Preparation p = tests.prepare(Actor.current(), id);
		model.addAttribute("p", p);
		model.addAttribute("form", entered);
		model.addAttribute("error", error);
		model.addAttribute("zone", tests.zone().getId());
		model.addAttribute("bands", p.rule() == null ? "" : bands(p.rule()));
		return "dispatch/field-temperature";
	}

	/** The rule's bands for the phone's own reckoning: {@code from:below:percent;…}, warmest first. */
	private static String bands(RefundRule rule) {
		StringBuilder b = new StringBuilder();
		for (RefundBand band : rule.bands()) {
			if (!b.isEmpty()) {
				b.append(';');
			}
			b.append(band.from() == null ? "" : band.from().toPlainString()).append(':').append(band.below().toPlainString())
				.append(':').append(band.percent());
		}
		return b.toString();
	}

	private static BigDecimal number(String t) {
		if (t.length() > 8) {
			throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", "rooms");
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", "rooms");
		}
	}

	private static Instant instant(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("DISPATCH_DATE_FORMAT", "measuredAt");
		}
	}
}
