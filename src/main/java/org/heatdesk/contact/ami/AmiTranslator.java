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
 * A call whose first channel is an agent's own ({@code PJSIP/8001-…}: the agent dialled on the desk
 * phone, or HeatDesk's {@code Originate} rang it first) is a call the agent makes, reported with
 * direction {@code OUTBOUND}: nothing while only the agent's phone rings; {@code DialBegin} (the
 * customer's phone rings) → {@code RINGING} at the agent's extension with the number dialled;
 * {@code BridgeEnter} of the agent's channel (the customer picked up) → {@code ANSWERED}; {@code Hangup}
 * of the agent's channel → {@code ENDED}. An originated call the agent never picked up dialled nobody
 * and is not reported.
 */
final class AmiTranslator {

	private static final Pattern CHANNEL_EXTENSION = Pattern.compile("^[A-Za-z0-9]+/([0-9]{2,20})-[^-]+$");

	private static final String OUTBOUND = "OUTBOUND";

	private static final Pattern NUMBER = Pattern.compile("([0-9]{5,20})(?!.*[0-9]{5,20})");

	private final String queue;

	/** Calls the agents are making now, by Linkedid: the agent's extension and whether the customer was dialled. */
	private final Map<String, Outbound> outbound = java.util.Collections.synchronizedMap(
			new java.util.LinkedHashMap<>(16, 0.75f, false) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Outbound> eldest) {
					// a call whose hang-up was never seen (a dropped connection) is forgotten in time
					return size() > 10_000;
				}
			});

	private record Outbound(String extension, boolean dialled) {
	}

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
		if (linked != null && "Newchannel".equals(event) && callerChannel && extension(m.get("Channel")) != null) {
			outbound.put(linked, new Outbound(extension(m.get("Channel")), false));
			return List.of();
		}
		Outbound out = linked == null ? null : outbound.get(linked);
		if (out != null) {
			return outbound(event, m, linked, callerChannel, out, time);
		}
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

	private List<CtiEvent> outbound(String event, Map<String, String> m, String linked, boolean callerChannel,
			Outbound out, Instant time) {
		String ext = out.extension();
		return switch (event) {
			case "DialBegin" -> {
				String number = number(m.get("DialString"));
				if (number == null) {
					number = number(m.getOrDefault("DestExten", m.get("DestCallerIDNum")));
				}
				outbound.put(linked, new Outbound(ext, true));
				yield List.of(new CtiEvent(linked, "RINGING", time, ext, number, ext, null, null, null, OUTBOUND));
			}
			case "BridgeEnter" -> callerChannel && out.dialled()
					? List.of(new CtiEvent(linked, "ANSWERED", time, null, null, ext, null, null, null, OUTBOUND))
					: List.of();
			case "Hangup" -> {
				if (!callerChannel) {
					yield List.of();
				}
				outbound.remove(linked);
				yield out.dialled()
						? List.of(new CtiEvent(linked, "ENDED", time, null, null, ext, null, null, null, OUTBOUND))
						: List.of();
			}
			default -> List.of();
		};
	}

	/** The customer's number in a dial string ({@code PJSIP/13805311234@trunk}, {@code trunk/9013805311234}). */
	static String number(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = NUMBER.matcher(text);
		return m.find() ? m.group(1) : null;
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
