package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket recorded for a contact, whichever way (the API, the intake page opened from a contact),
 * is the contact's ticket: {@code contact_contact.ticket_no} is filled from {@link TicketRecorded}
 * once the ticket commits, once, and never replaced by a later delivery or another ticket.
 */
@HeatDeskTest
@EnableScenarios
class ContactTicketLinkIntegrationTests {

	private static final Pattern TICKET_NO = Pattern.compile("\"ticketNo\"\\s*:\\s*\"([^\"]+)\"");

	private static final Duration LINKED_WITHIN = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	ContactTicketLinks links;

	@Autowired
	TransactionTemplate tx;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aTicketRecordedThroughTheApiWithAContactIdBecomesTheContactsTicket(Scenario scenario) {
		TestStaff.Account agent = TestStaff.create(staff, "apilink", Role.AGENT);
		long contactId = ringingCall(agent);
		assertThat(ticketNoOf(contactId)).as("a ringing call has no ticket yet").isNull();

		scenario.stimulate((Supplier<String>) () -> recordThroughApi(agent, contactId, "楼道暖气管滴水"))
			.andWaitAtMost(LINKED_WITHIN)
			.andWaitForStateChange(() -> ticketNoOf(contactId))
			.andVerify((linked, recorded) -> {
				assertThat(linked).isEqualTo(recorded);
				assertThat(linkAudits(contactId)).containsExactly(agent.username() + " " + recorded);
			});
	}

	@Test
	void aTicketRecordedOnTheIntakePageOpenedFromAContactBecomesTheContactsTicket() {
		TestStaff.Account agent = TestStaff.create(staff, "pagelink", Role.AGENT);
		long contactId = ringingCall(agent);
		PageSession page = PageSession.login(port, agent.username());
		HttpResponse<String> form = page.get("/tickets/new?contactId=" + contactId);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"contactId\" value=\"" + contactId + "\"");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", "REPAIR");
		fields.put("priority", "NORMAL");
		fields.put("scope", "HOUSEHOLD");
		fields.put("channel", "PHONE");
		fields.put("callerPhone", "13900001111");
		fields.put("description", "厨房暖气片不热");
		fields.put("contactId", String.valueOf(contactId));
		fields.put("idempotencyKey", UUID.randomUUID().toString());
		fields.put("mode", "record");
		HttpResponse<String> recorded = page.post("/tickets", fields);
		assertThat(recorded.statusCode()).isEqualTo(302);
		String ticketNo = recorded.headers().firstValue("Location").orElseThrow().replaceAll(".*/tickets/", "");
		assertThat(ticketNo).matches("[A-Z]+\\d{8}-\\d+");

		await().atMost(LINKED_WITHIN).untilAsserted(() -> assertThat(ticketNoOf(contactId)).isEqualTo(ticketNo));
		assertThat(linkAudits(contactId)).containsExactly(agent.username() + " " + ticketNo);
	}

	@Test
	void aRepeatedDeliveryChangesNothingAndAnotherTicketNeverReplacesTheFirst() {
		TestStaff.Account agent = TestStaff.create(staff, "redeliver", Role.AGENT);
		StaffView who = staff.findByUsername(agent.username()).orElseThrow();
		long contactId = ringingCall(agent);
		String first = recordThroughApi(agent, contactId, "单元门口管道漏水");
		await().atMost(LINKED_WITHIN).untilAsserted(() -> assertThat(ticketNoOf(contactId)).isEqualTo(first));
		long firstId = jdbc.sql("select id from ticket where ticket_no = ?").param(first).query(Long.class).single();

		// the registry delivers the same event again (after a restart, say)
		TicketRecorded again = new TicketRecorded(firstId, first, TicketType.REPAIR, null, who.id(), contactId, Instant.now());
		assertThat(tx.<Boolean>execute(s -> links.link(again))).isFalse();
		// a second ticket recorded for the same contact
		String second = recordThroughApi(agent, contactId, "另一户也漏水");
		assertThat(second).isNotEqualTo(first);
		long secondId = jdbc.sql("select id from ticket where ticket_no = ?").param(second).query(Long.class).single();
		assertThat(tx.<Boolean>execute(s -> links.link(new TicketRecorded(secondId, second, TicketType.REPAIR, null, who.id(),
				contactId, Instant.now())))).isFalse();

		assertThat(ticketNoOf(contactId)).isEqualTo(first);
		assertThat(linkAudits(contactId)).containsExactly(agent.username() + " " + first);
	}

	@Test
	void aTicketWithoutAContactCostsTheRegistryNothingAndOneWithAContactIsCompleted() {
		TestStaff.Account agent = TestStaff.create(staff, "nolink", Role.AGENT);
		long before = linkPublications();
		String body = """
				{"type":"REPAIR","callerPhone":"13900001112","description":"没有来电的工单"}""";
		String basic = Base64.getEncoder()
			.encodeToString((agent.username() + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		// no contact: the listener's condition keeps the event out of the registry (no row to write and complete)
		assertThat(linkPublications()).isEqualTo(before);

		long contactId = ringingCall(agent);
		String linked = recordThroughApi(agent, contactId, "有来电的工单");
		await().atMost(LINKED_WITHIN).untilAsserted(() -> assertThat(ticketNoOf(contactId)).isEqualTo(linked));
		// with a contact: one publication, completed once the link is written
		await().atMost(LINKED_WITHIN).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from event_publication where listener_id like '%ContactTicketLinks%'
				and completion_date is null""").query(Long.class).single()).isZero());
		assertThat(linkPublications()).isEqualTo(before + 1);
	}

	private long linkPublications() {
		return jdbc.sql("select count(*) from event_publication where listener_id like '%ContactTicketLinks%'")
			.query(Long.class).single();
	}

	/** A call ringing at the agent's extension: its contact, with no ticket. */
	private long ringingCall(TestStaff.Account agent) {
		CtiClient cti = CtiClient.create(port, jdbc);
		String switchId = "LINK-" + UUID.randomUUID();
		assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(1), agent.extension()))
			.statusCode()).isEqualTo(200);
		return jdbc.sql("select contact_id from contact_call where switch_call_id = ?").param(switchId).query(Long.class)
			.single();
	}

	private String recordThroughApi(TestStaff.Account agent, long contactId, String description) {
		String body = """
				{"type":"REPAIR","callerPhone":"13900001111","description":"%s","contactId":%d}"""
			.formatted(description, contactId);
		String basic = Base64.getEncoder()
			.encodeToString((agent.username() + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			Matcher m = TICKET_NO.matcher(response.body());
			assertThat(m.find()).isTrue();
			return m.group(1);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private String ticketNoOf(long contactId) {
		return jdbc.sql("select ticket_no from contact_contact where id = ?").param(contactId)
			.query((rs, n) -> rs.getString(1)).list().get(0);
	}

	/** The contact's CONTACT_TICKET_LINKED audit rows, as "actor ticketNo". */
	private java.util.List<String> linkAudits(long contactId) {
		return jdbc.sql("""
				select actor || ' ' || (after_state::jsonb ->> 'ticketNo') from platform_audit_event
				where action = 'CONTACT_TICKET_LINKED' and entity_type = 'contact' and entity_id = ? order by id""")
			.param(String.valueOf(contactId)).query(String.class).list();
	}
}
