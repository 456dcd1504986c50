package org.heatdesk.contact.ami;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heatdesk.contact.cti.CtiEvent;


/**
 * Turns AMI events into HeatDesk's switch events. A call is Asterisk's {@code Linkedid}; the
 * caller's own channel is the one whose {@code Uniqueid} equals it; an agent's extension is read
 * from the channel name ({@code PJSIP/8001-0000002a} → {@code 8001}).
 * <ul>
 * <li>{@code Newchannel} of the caller's channel → {@code RINGING} in the queue</li>
 * <li>{@code DialBegin} → {@code RINGING} at the dialled agent</li>
 * <li>{@code BridgeEnter} of an agent's channel → {@code ANSWERED}</li>
 * <li>{@code Hangup} of the caller's channel → {@code ENDED}</li>
 * <li>{@code QueueCallerAbandon} → {@code ABANDONED}</li>
 * </ul>
 */
final class AmiTranslator {

	private static final Pattern CHANNEL_EXTENSION = Pattern.compile("^[A-Za-z0-9]+/([0-9]{2,20})-[^-]+$");

	private final String queue;

	AmiTranslator(String queue) {
		this.queue = queue;
	}

	/** The switch event for one AMI event, or none when it says nothing HeatDesk records. */
	List<CtiEvent> translate(Map<String, String> m, Instant now) {
		String event = m.get("Event");
		if (event == null) {
			return List.of();
		}
		Instant time = time(m.get("Timestamp"), now);
		String linked = m.getOrDefault("Linkedid", m.get("Uniqueid"));
		boolean callerChannel = linked != null && linked.equals(m.get("Uniqueid"));
		return switch (event) {
			case "Newchannel" -> callerChannel
					? List.of(new CtiEvent(linked, "RINGING", time, m.get("CallerIDNum"), m.get("Exten"), null, queue, null, null))
					: List.of();
			case "DialBegin" -> {
				String ext = extension(m.get("DestChannel"));
				if (ext == null) {
					ext = digits(m.get("DialString"));
				}
				String call = m.getOrDefault("Linkedid", m.get("DestLinkedid"));
				yield ext == null || call == null ? List.of()
						: List.of(new CtiEvent(call, "RINGING", time, m.get("CallerIDNum"), null, ext, null, null, null));
			}
			case "BridgeEnter" -> {
				String ext = extension(m.get("Channel"));
				yield callerChannel || ext == null || linked == null ? List.of()
						: List.of(new CtiEvent(linked, "ANSWERED", time, null, null, ext, null, null, null));
			}
			case "Hangup" -> callerChannel
					? List.of(new CtiEvent(linked, "ENDED", time, m.get("CallerIDNum"), null, null, null, null, null))
					: List.of();
			case "QueueCallerAbandon" -> linked == null ? List.of()
					: List.of(new CtiEvent(linked, "ABANDONED", time, m.get("CallerIDNum"), null, null,
							m.getOrDefault("Queue", queue), null, null));
			default -> List.of();
		};
	}

	static String extension(String channel) {
		if (channel == null) {
			return null;
		}
		Matcher matcher = CHANNEL_EXTENSION.matcher(channel);
		return matcher.matches() ? matcher.group(1) : null;
	}

	private static String digits(String dialString) {
		if (dialString == null) {
			return null;
		}
		String d = dialString.replaceAll(".*?([0-9]{2,20})$", "$1");
		return d.matches("[0-9]{2,20}") ? d : null;
	}

	private static Instant time(String timestamp, Instant now) {
		if (timestamp == null) {
			return now;
		}
		try {
			BigDecimal seconds = new BigDecimal(timestamp.strip());
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}
		catch (NumberFormatException e) {
			return now;
		}
	}
}
