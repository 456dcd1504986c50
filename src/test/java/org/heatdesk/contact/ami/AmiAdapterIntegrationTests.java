package org.heatdesk.contact.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.contact.cti.CtiIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The AMI adapter against a scripted Asterisk: a server socket in the test speaks the Manager
 * Interface's text protocol, drops the connection in the middle of a call, and finishes the call
 * on the second connection.
 */
@HeatDeskTest
class AmiAdapterIntegrationTests {

	@Autowired
	CtiIntake calls;

	@Autowired
	JdbcClient jdbc;

	/** What the scripted switch received, one entry per message. */
	final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	@Test
	void translatesEventsLogsInAndReconnectsAfterADrop() throws Exception {
		long t0 = Instant.now().getEpochSecond() - 600;
		String call = t0 + "." + ThreadLocalRandom.current().nextInt(1_000_000);
		String agentLeg = call + "1";
		String lost = (t0 + 1) + "." + ThreadLocalRandom.current().nextInt(1_000_000);
		CountDownLatch heard = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0)) {
			Thread script = new Thread(() -> {
				try {
					try (Socket first = server.accept()) {
						OutputStream out = login(first);
						send(out, "Event: FullyBooted", "Privilege: system,all", "Status: Fully Booted");
						send(out, "Event: Newchannel", "Channel: PJSIP/trunk-00000001", "CallerIDNum: 13800001234",
								"Exten: 96123", "Uniqueid: " + call, "Linkedid: " + call, "Timestamp: " + t0 + ".000000");
						send(out, "Event: Newchannel", "Channel: PJSIP/8003-00000002", "CallerIDNum: 8003",
								"Uniqueid: " + agentLeg, "Linkedid: " + call, "Timestamp: " + t0 + ".500000");
						send(out, "Event: DialBegin", "Channel: PJSIP/trunk-00000001", "Uniqueid: " + call, "Linkedid: " + call,
								"CallerIDNum: 13800001234", "DestChannel: PJSIP/8003-00000002", "DestUniqueid: " + agentLeg,
								"DestLinkedid: " + call, "DialString: 8003", "Timestamp: " + (t0 + 2) + ".000000");
						send(out, "Event: BridgeEnter", "Channel: PJSIP/trunk-00000001", "Uniqueid: " + call,
								"Linkedid: " + call, "Timestamp: " + (t0 + 6) + ".000000");
						send(out, "Event: BridgeEnter", "Channel: PJSIP/8003-00000002", "Uniqueid: " + agentLeg,
								"Linkedid: " + call, "Timestamp: " + (t0 + 6) + ".000000");
						// the switch drops the connection in the middle of the call
					}
					try (Socket second = server.accept()) {
						OutputStream out = login(second);
						send(out, "Event: Hangup", "Channel: PJSIP/8003-00000002", "Uniqueid: " + agentLeg,
								"Linkedid: " + call, "Timestamp: " + (t0 + 66) + ".000000");
						send(out, "Event: Hangup", "Channel: PJSIP/trunk-00000001", "Uniqueid: " + call, "Linkedid: " + call,
								"CallerIDNum: 13800001234", "Cause: 16", "Timestamp: " + (t0 + 66) + ".000000");
						send(out, "Event: Newchannel", "Channel: PJSIP/trunk-00000003", "CallerIDNum: 13900005678",
								"Exten: 96123", "Uniqueid: " + lost, "Linkedid: " + lost, "Timestamp: " + (t0 + 100) + ".000000");
						send(out, "Event: QueueCallerAbandon", "Queue: hotline", "Uniqueid: " + lost, "Linkedid: " + lost,
								"CallerIDNum: 13900005678", "HoldTime: 30", "Timestamp: " + (t0 + 130) + ".000000");
						// the switch keeps the line open until the adapter has stopped
						heard.await(20, TimeUnit.SECONDS);
					}
				}
				catch (Exception e) {
					// the test ends the conversation by closing the server
				}
			}, "scripted-ami");
			script.setDaemon(true);
			script.start();

			AmiClient client = new AmiClient(new AmiProperties(true, "localhost", server.getLocalPort(), "heatdesk",
					"s3cret", "hotline", Duration.ofMillis(200), "PJSIP/", "from-internal", Duration.ofSeconds(30)), calls, Clock.systemUTC());
			client.start();
			try {
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(status(lost)).isEqualTo("ABANDONED");
					assertThat(status(call)).isEqualTo("ENDED");
				});
			}
			finally {
				client.stop();
				heard.countDown();
			}
			Map<String, Object> row = jdbc.sql("""
					select ring_ms, talk_ms, answered_ext, caller, dialled, queue from contact_call where switch_call_id = ?""")
				.param(call).query().singleRow();
			assertThat(row.get("ring_ms")).isEqualTo(6_000L);
			assertThat(row.get("talk_ms")).isEqualTo(60_000L);
			assertThat(row.get("answered_ext")).isEqualTo("8003");
			assertThat(row.get("caller")).isEqualTo("13800001234");
			assertThat(row.get("dialled")).isEqualTo("96123");
			assertThat(row.get("queue")).isEqualTo("hotline");
			assertThat(jdbc.sql("select ring_ms from contact_call where switch_call_id = ?").param(lost).query(Long.class)
				.single()).isEqualTo(30_000L);
			assertThat(client.logins()).isEqualTo(2);
			assertThat(received).hasSize(2).allSatisfy(login -> {
				assertThat(login).containsEntry("Action", "Login").containsEntry("Username", "heatdesk")
					.containsEntry("Secret", "s3cret");
			});
		}
	}

	private String status(String switchCallId) {
		return jdbc.sql("select status from contact_call where switch_call_id = ?").param(switchCallId)
			.query(String.class).optional().orElse(null);
	}

	private OutputStream login(Socket socket) throws Exception {
		OutputStream out = socket.getOutputStream();
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		out.write("Asterisk Call Manager/5.0.1\r\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		received.add(AmiClient.readMessage(in));
		send(out, "Response: Success", "Message: Authentication accepted");
		return out;
	}

	private static void send(OutputStream out, String... lines) throws Exception {
		out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}
}
