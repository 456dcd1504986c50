package org.heatdesk.contact;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The front door for the telephone switch: takes its events (from the REST API or the AMI
 * adapter), keeps each call's record whatever the order and repetition of its events, and tells
 * of each change ({@link CallChanged}), so the caller pops on the agent's desk as the phone rings
 * there and the desks and wallboards follow the call.
 */
@Service
class Calls implements CtiIntake {

	private static final int MAX_TEXT = 100;

	private final CallRecorder recorder;

	private final Agents agents;

	private final CallSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** The events after which a call's status or holder may have changed (a ring is the pop's business). */
	private static final Set<CtiEventType> MOVES_A_CALL = Set.of(CtiEventType.ANSWERED, CtiEventType.TRANSFERRED,
			CtiEventType.ENDED, CtiEventType.ABANDONED);

	Calls(CallRecorder recorder, Agents agents, CallSettings settings, Clock clock, ApplicationEventPublisher events) {
		this.recorder = recorder;
		this.agents = agents;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Stores each event in its own transaction, so a refused one does not stop the rest of a batch.
	 * After each commit a stored event is told as a {@link CallChanged}: a {@code RINGING} at an agent's
	 * extension pops the caller on that agent's desk.
	 * @return one result per event, in the order given
	 */
	@Override
	public List<Accepted> accept(List<CtiEvent> events) {
		List<Accepted> results = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			results.add(acceptOne(i, events.get(i)));
		}
		return results;
	}

	private Accepted acceptOne(int index, CtiEvent event) {
		Instant now = clock.instant();
		CtiEventType type;
		CallRecorder.Agent agent;
		CallRecorder.Agent target;
		try {
			type = check(event, now);
			event = normalised(event);
			agent = agentAt(event.extension(), "extension");
			target = agentAt(event.targetExtension(), "targetExtension");
		}
		catch (HeatDeskException e) {
			return new Accepted(index, Accepted.Status.REFUSED, null, e);
		}
		CallRecorder.Outcome outcome = recorder.record(event, type, agent, target, now);
		if (!outcome.duplicate()) {
			events.publishEvent(new CallChanged(outcome.callId(), event.callId(), outcome.pop() ? agent.username() : null,
					MOVES_A_CALL.contains(type), outcome.facts().firstRingAt(), false, outcome.outboundContactId()));
		}
		return new Accepted(index, outcome.duplicate() ? Accepted.Status.DUPLICATE : Accepted.Status.STORED,
				outcome.callId(), null);
	}

	private CallRecorder.Agent agentAt(String extension, String field) {
		if (extension == null) {
			return null;
		}
		return agents.byExtension(extension)
			.orElseThrow(() -> HeatDeskException.badInput("CTI_EXTENSION_UNKNOWN", field, extension));
	}

	private CtiEventType check(CtiEvent event, Instant now) {
		if (event == null) {
			throw HeatDeskException.badInput("CTI_EVENT_REQUIRED", null);
		}
		if (InputChecks.blank(event.callId())) {
			throw HeatDeskException.badInput("CTI_CALL_ID_REQUIRED", "callId");
		}
		if (event.callId().length() > MAX_TEXT) {
			throw HeatDeskException.badInput("TOO_LONG", "callId", MAX_TEXT);
		}
		if (InputChecks.blank(event.type())) {
			throw HeatDeskException.badInput("CTI_TYPE_REQUIRED", "type");
		}
		CtiEventType type;
		try {
			type = CtiEventType.valueOf(event.type().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("CTI_TYPE_UNKNOWN", "type", event.type());
		}
		if (event.time() == null) {
			throw HeatDeskException.badInput("CTI_TIME_REQUIRED", "time");
		}
		if (event.time().isAfter(now.plus(settings.futureTolerance()))) {
			throw HeatDeskException.badInput("CTI_TIME_IN_FUTURE", "time");
		}
		if (event.direction() != null) {
			String d = event.direction().strip().toUpperCase(Locale.ROOT);
			if (!d.equals("INBOUND") && !d.equals("OUTBOUND")) {
				throw HeatDeskException.badInput("CTI_DIRECTION_UNKNOWN", "direction", clip(event.direction()));
			}
		}
		InputChecks.maxLength(event.caller(), "caller", 30);
		InputChecks.maxLength(event.dialled(), "dialled", 30);
		InputChecks.maxLength(event.extension(), "extension", 20);
		InputChecks.maxLength(event.targetExtension(), "targetExtension", 20);
		InputChecks.maxLength(event.queue(), "queue", 40);
		// stored with every event that carries it, not only RECORDING_READY
		InputChecks.maxLength(event.recordingUrl(), "recordingUrl", 500);
		if (type == CtiEventType.RINGING && InputChecks.blank(event.extension()) && InputChecks.blank(event.queue())) {
			throw HeatDeskException.badInput("CTI_EXTENSION_OR_QUEUE_REQUIRED", "extension");
		}
		if (type == CtiEventType.RECORDING_READY) {
			if (InputChecks.blank(event.recordingUrl())) {
				throw HeatDeskException.badInput("CTI_RECORDING_URL_REQUIRED", "recordingUrl");
			}
			try {
				String scheme = URI.create(event.recordingUrl().strip()).getScheme();
				if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
					throw HeatDeskException.badInput("CTI_RECORDING_URL_FORMAT", "recordingUrl");
				}
			}
			catch (IllegalArgumentException e) {
				throw HeatDeskException.badInput("CTI_RECORDING_URL_FORMAT", "recordingUrl");
			}
		}
		return type;
	}

	private static CtiEvent normalised(CtiEvent e) {
		return new CtiEvent(e.callId().strip(), e.type(), e.time(), InputChecks.trim(e.caller()),
				InputChecks.trim(e.dialled()), InputChecks.trim(e.extension()), InputChecks.trim(e.queue()),
				InputChecks.trim(e.targetExtension()), InputChecks.trim(e.recordingUrl()),
				e.direction() == null ? null : e.direction().strip().toUpperCase(Locale.ROOT));
	}

	/** A refused value as the message quotes it: short and printable. */
	private static String clip(String value) {
		String v = value.replaceAll("\\p{Cntrl}", "?");
		return v.length() > 20 ? v.substring(0, 20) + "…" : v;
	}
}
