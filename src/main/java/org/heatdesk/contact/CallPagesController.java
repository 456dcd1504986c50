package org.heatdesk.contact;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.OnDuty;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/** The lead's wallboard, the call list, a call's page with its recording, and the figures by agent and hour. */
@PageController
class CallPagesController {

	private final Wallboard wallboard;

	private final DeskStreams streams;

	private final CallQueries queries;

	private final Staff staff;

	private final AnswerProperties answer;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId zone;

	/** Who answers for each team (the shift module), shown above the figures when it is there. */
	private final ObjectProvider<OnDuty> onDuty;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NORMAL).build();

	CallPagesController(Wallboard wallboard, DeskStreams streams, CallQueries queries, Staff staff, AnswerProperties answer,
			MessageSource messages, JsonMapper json, Clock clock, @Value("${heatdesk.company.zone:Asia/Shanghai}") String zone,
			ObjectProvider<OnDuty> onDuty) {
		this.onDuty = onDuty;
		this.wallboard = wallboard;
		this.streams = streams;
		this.queries = queries;
		this.staff = staff;
		this.answer = answer;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/wallboard")
	@PreAuthorize(Roles.SUPERVISORS)
	String wallboard(Model model) {
		model.addAttribute("figures", wallboard.figures(clock.instant()));
		model.addAttribute("states", PresenceState.values());
		model.addAttribute("limitSeconds", answer.limit().toSeconds());
		Map<String, String> labels = Arrays.stream(PresenceState.values())
			.collect(Collectors.toMap(Enum::name,
					s -> messages.getMessage("presence." + s.name(), null, LocaleContextHolder.getLocale()),
					(a, b) -> a, LinkedHashMap::new));
		model.addAttribute("presenceLabels", json.writeValueAsString(labels));
		OnDuty duty = onDuty.getIfAvailable();
		model.addAttribute("duty", duty == null ? List.of() : duty.answeringAll(clock.instant()));
		model.addAttribute("dutyZone", zone.getId());
		return "contact/wallboard";
	}

	@GetMapping(path = "/wallboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize(Roles.SUPERVISORS)
	SseEmitter wallboardStream() {
		return streams.openWallboard();
	}

	@GetMapping("/calls")
	@PreAuthorize(Roles.DESK_MANAGER_AND_AUDIT)
	String calls(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Long staffId, @RequestParam(required = false) CallStatus status,
			@RequestParam(required = false) Boolean withinLimit, @RequestParam(required = false) String caller, Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate f = from == null ? today : from;
		LocalDate t = to == null ? f : to;
		var filter = new CallQueries.Filter(f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant(),
				staffId, status, withinLimit, caller);
		model.addAttribute("calls", queries.list(filter, 300));
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("staffId", staffId);
		model.addAttribute("status", status);
		model.addAttribute("withinLimit", withinLimit);
		model.addAttribute("caller", caller);
		model.addAttribute("statuses", CallStatus.values());
		List<StaffView> agents = staff.withRole(Role.AGENT);
		model.addAttribute("agents", agents);
		model.addAttribute("agentNames", agents.stream().collect(Collectors.toMap(StaffView::id, StaffView::displayName)));
		return "contact/calls";
	}

	@GetMapping("/calls/{id}")
	@PreAuthorize(Roles.DESK_MANAGER_AND_AUDIT)
	String call(@PathVariable long id, Model model) {
		var call = queries.find(id).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		model.addAttribute("call", call);
		model.addAttribute("callerShown", call.callerShown());
		model.addAttribute("events", queries.events(id));
		model.addAttribute("agentName", call.answeredStaffId() == null ? null
				: staff.find(call.answeredStaffId()).map(StaffView::displayName).orElse(null));
		return "contact/call";
	}

	/**
	 * Streams the recording from the switch through HeatDesk, so the browser needs no access to the
	 * switch and the page's content security policy stays {@code 'self'}.
	 */
	@GetMapping("/calls/{id}/recording")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	ResponseEntity<InputStreamResource> recording(@PathVariable long id) {
		var call = queries.find(id).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		if (call.recordingUrl() == null) {
			throw HeatDeskException.notFound("RECORDING_UNAVAILABLE");
		}
		try {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(call.recordingUrl()))
				.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				throw HeatDeskException.notFound("RECORDING_UNAVAILABLE");
			}
			String type = response.headers().firstValue("Content-Type").orElse("audio/wav");
			return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
				.body(new InputStreamResource(response.body()));
		}
		catch (java.io.IOException e) {
			throw HeatDeskException.notFound("RECORDING_UNAVAILABLE");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw HeatDeskException.notFound("RECORDING_UNAVAILABLE");
		}
	}

	@GetMapping("/calls/figures")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String figures(@RequestParam(required = false) LocalDate day, Model model) {
		LocalDate d = day == null ? LocalDate.ofInstant(clock.instant(), zone) : day;
		var from = d.atStartOfDay(zone).toInstant();
		var to = d.plusDays(1).atStartOfDay(zone).toInstant();
		model.addAttribute("day", d);
		model.addAttribute("byAgent", queries.byAgent(from, to));
		List<CallQueries.HourFigures> hours = queries.byHour(from, to, zone.getId());
		model.addAttribute("byHour", hours);
		model.addAttribute("maxOffered", hours.stream().mapToLong(CallQueries.HourFigures::offered).max().orElse(0));
		model.addAttribute("agentNames", staff.withRole(Role.AGENT).stream()
			.collect(Collectors.toMap(StaffView::id, StaffView::displayName, (a, b) -> a)));
		model.addAttribute("limitSeconds", answer.limit().toSeconds());
		return "contact/figures";
	}

}
