package org.heatdesk.contact.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.contact.cti.Dialler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Asterisk's Manager Interface: connects, logs in, reads events, hands the ones that
 * matter to {@link CtiIntake} (the same intake as the REST API), and connects again after a drop.
 * It also places calls from the desk ({@code Action: Originate}) on the same connection.
 */
final class AmiClient implements Dialler {

	private static final Logger log = LoggerFactory.getLogger(AmiClient.class);

	private final AmiProperties properties;

	private final CtiIntake calls;

	private final AmiTranslator translator;

	private final Clock clock;

	private final AtomicInteger logins = new AtomicInteger();

	private volatile boolean running;

	private volatile Socket socket;

	/** The logged-in connection's output, for actions; {@code null} while not logged in. */
	private volatile OutputStream actions;

	private final Object writing = new Object();

	private Thread thread;

	AmiClient(AmiProperties properties, CtiIntake calls, Clock clock) {
		this.properties = properties;
		this.calls = calls;
		this.clock = clock;
		this.translator = new AmiTranslator(properties.queue());
	}

	synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(this::run, "ami-client");
		thread.setDaemon(true);
		thread.start();
	}

	synchronized void stop() {
		running = false;
		closeQuietly();
		if (thread != null) {
			thread.interrupt();
		}
	}

	/** How many times the client has logged in (a reconnection logs in again). */
	int logins() {
		return logins.get();
	}

	private void run() {
		while (running) {
			try (Socket s = new Socket()) {
				socket = s;
				s.connect(new InetSocketAddress(properties.host(), properties.port()), 5000);
				BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = s.getOutputStream();
				String banner = in.readLine();
				log.info("AMI connected to {}:{} ({})", properties.host(), properties.port(), banner);
				out.write(("Action: Login\r\nUsername: " + properties.username() + "\r\nSecret: " + properties.secret()
						+ "\r\nEvents: on\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				Map<String, String> response = readMessage(in);
				if (response == null || !"Success".equalsIgnoreCase(response.get("Response"))) {
					log.warn("AMI login refused: {}", response == null ? "connection closed" : response.get("Message"));
					pause();
					continue;
				}
				logins.incrementAndGet();
				actions = out;
				Map<String, String> message;
				while (running && (message = readMessage(in)) != null) {
					answered(message);
					List<CtiEvent> events = translator.translate(message, clock.instant());
					if (!events.isEmpty()) {
						List<CtiIntake.Accepted> results = calls.accept(events);
						for (CtiIntake.Accepted result : results) {
							if (result.refusal() != null) {
								log.warn("AMI event refused: {} {}", result.refusal().code(), message.get("Event"));
							}
						}
					}
				}
				actions = null;
				log.warn("AMI connection closed by the switch; reconnecting");
			}
			catch (IOException | RuntimeException e) {
				actions = null;
				if (running) {
					log.warn("AMI connection lost ({}); reconnecting in {}", e.toString(), properties.reconnectDelay());
				}
			}
			pause();
		}
	}

	/**
	 * Rings the agent's phone ({@code originate-channel-prefix} and extension) and, once it is picked up,
	 * dials the customer's number in {@code originate-context}; the dial request's id goes with it as
	 * the channel variable {@code HEATDESK_DIAL}. No {@code CallerID} is set: the originated channel's
	 * caller id would travel on to the customer, so what the customer sees is the dialplan's and
	 * trunk's business (the hotline number). Asynchronous at the switch: the call itself is then
	 * reported by its events like any other.
	 * @return whether it was sent (false while not connected and logged in)
	 */
	@Override
	public boolean originate(DialOrder order) {
		OutputStream out = actions;
		if (out == null) {
			log.warn("AMI not connected: dial {} is left to the desk phone", order.dialId());
			return false;
		}
		String number = order.number().replaceAll("[^0-9]", "");
		String action = "Action: Originate\r\n"
				+ "ActionID: " + ACTION_PREFIX + order.dialId() + "\r\n"
				+ "Channel: " + properties.originateChannelPrefix() + order.extension() + "\r\n"
				+ "Context: " + properties.originateContext() + "\r\n"
				+ "Exten: " + number + "\r\n"
				+ "Priority: 1\r\n"
				+ "Timeout: " + properties.originateTimeout().toMillis() + "\r\n"
				+ "Variable: HEATDESK_DIAL=" + order.dialId() + "\r\n"
				+ "Async: true\r\n\r\n";
		try {
			synchronized (writing) {
				out.write(action.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			return true;
		}
		catch (IOException e) {
			log.warn("AMI originate of dial {} not sent: {}", order.dialId(), e.toString());
			return false;
		}
	}

	/** The ActionID of a call placed from the desk: the prefix and the dial request's id. */
	static final String ACTION_PREFIX = "heatdesk-dial-";

	/** The switch's answer to an Originate, or the call it placed failing: logged for whoever looks. */
	private static void answered(Map<String, String> message) {
		String id = message.get("ActionID");
		if (id == null || !id.startsWith(ACTION_PREFIX)) {
			return;
		}
		if ("Error".equalsIgnoreCase(message.get("Response")) || "Failure".equalsIgnoreCase(message.get("Response"))) {
			log.warn("AMI could not place dial {}: {}", id.substring(ACTION_PREFIX.length()),
					message.getOrDefault("Message", message.getOrDefault("Reason", "")));
		}
	}

	private void pause() {
		if (!running) {
			return;
		}
		try {
			Thread.sleep(properties.reconnectDelay().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/** One AMI message: {@code Key: Value} lines up to an empty line; {@code null} at end of stream. */
	static Map<String, String> readMessage(BufferedReader in) throws IOException {
		Map<String, String> message = new LinkedHashMap<>();
		String line;
		while ((line = in.readLine()) != null) {
			if (line.isEmpty()) {
				if (message.isEmpty()) {
					continue;
				}
				return message;
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				message.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
		}
		return message.isEmpty() ? null : message;
	}

	private void closeQuietly() {
		Socket s = socket;
		if (s != null) {
			try {
				s.close();
			}
			catch (IOException ignored) {
				// closing on shutdown
			}
		}
	}
}
