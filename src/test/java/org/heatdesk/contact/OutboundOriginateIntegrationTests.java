package org.heatdesk.contact;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.contact.ami.ScriptedAmiDialler;
import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the Asterisk adapter, a call started from the desk is placed by the switch: an AMI
 * {@code Originate} reaches a scripted Asterisk after the request commits (never for one rolled
 * back), with the agent's channel, the number, the context and the dial request's id.
 */
@HeatDeskTest
class OutboundOriginateIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contacts contacts;

	@Autowired
	Staff staff;

	@Autowired
	Customers customers;

	@Autowired
	AuditTrail audit;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	CtiIntake intake;

	@Autowired
	Tickets tickets;

	/** What the scripted switch received after the login, one entry per action. */
	final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theSwitchPlacesTheCallOnceTheRequestCommits() throws Exception {
		TestStaff.Account agent = TestStaff.create(staff, "orig", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "外呼甲", phone);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				agent.username(), null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
		String ticketNo = tickets.record(Actor.current(), new RecordTicket(TicketType.REPAIR, null, Priority.NORMAL, null,
				Channel.PHONE, customerId, phone, null, "回访测试 " + UUID.randomUUID().toString().substring(0, 6), phone,
				null, null)).ticketNo();
		try (ServerSocket server = new ServerSocket(0)) {
			Thread script = new Thread(() -> serve(server), "scripted-ami");
			script.setDaemon(true);
			script.start();
			OutboundCalls calls;
			try (ScriptedAmiDialler dialler = ScriptedAmiDialler.connect(server.getLocalPort(), intake)) {
				await().atMost(Duration.ofSeconds(10)).until(dialler::loggedIn);
				calls = new OutboundCalls(jdbc, contacts, staff, customers, audit, messages, clock, Optional.of(dialler),
						transactions);

				// a request rolled back is never dialled
				long rolledBack = tx.execute(s -> {
					long id = calls.start(Actor.current(), agentId, ticketNo, customerId, phone, "回访").contactId();
					s.setRollbackOnly();
					return id;
				});
				OutboundCall call = tx.execute(s -> calls.start(Actor.current(), agentId, ticketNo, customerId,
						"+86 " + phone, "回访：是否满意"));
				long dialId = jdbc.sql("select id from contact_dial where contact_id = ?").param(call.contactId())
					.query(Long.class).single();
				await().atMost(Duration.ofSeconds(10)).until(() -> !actions.isEmpty());
				// the switch reads one connection in order: had the rolled-back one been sent, it would be first
				assertThat(actions).hasSize(1);
				assertThat(actions.get(0)).containsEntry("Action", "Originate")
					.containsEntry("ActionID", "heatdesk-dial-" + dialId)
					.containsEntry("Channel", "PJSIP/" + agent.extension())
					.containsEntry("Context", "from-internal")
					.containsEntry("Exten", "86" + phone)
					.containsEntry("Priority", "1")
					.containsEntry("Timeout", "30000")
					.containsEntry("Variable", "HEATDESK_DIAL=" + dialId)
					.containsEntry("Async", "true")
					// the customer must not see their own number calling: the trunk sets the hotline's
					.doesNotContainKey("CallerID");
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
						"select originate from contact_dial where id = ?").param(dialId).query(String.class).single())
					.isEqualTo("SENT"));
				assertThat(jdbc.sql("select count(*) from contact_contact where id = ?").param(rolledBack).query(Long.class)
					.single()).isZero();
			}
			// the switch is gone: the request stands, the agent dials on the desk phone
			OutboundCall offline = tx.execute(s -> calls.start(Actor.current(), agentId, ticketNo, customerId, phone, "回访"));
			assertThat(offline.status()).isEqualTo("DIALLING");
			assertThat(jdbc.sql("select originate from contact_dial where contact_id = ?").param(offline.contactId())
				.query(String.class).single()).isEqualTo("FAILED");
		}
	}

	private void serve(ServerSocket server) {
		try (Socket socket = server.accept()) {
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			out.write("Asterisk Call Manager/5.0.1\r\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			read(in);
			out.write("Response: Success\r\nMessage: Authentication accepted\r\n\r\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			Map<String, String> action;
			while ((action = read(in)) != null) {
				actions.add(action);
				out.write(("Response: Success\r\nActionID: " + action.get("ActionID") + "\r\nMessage: Originate successfully queued\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (Exception e) {
			// the test ends the conversation by closing the server
		}
	}

	private static Map<String, String> read(BufferedReader in) throws Exception {
		Map<String, String> message = new LinkedHashMap<>();
		String line;
		while ((line = in.readLine()) != null) {
			if (line.isEmpty()) {
				if (!message.isEmpty()) {
					return message;
				}
				continue;
			}
			int colon = line.indexOf(':');
			message.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		return message.isEmpty() ? null : message;
	}
}
