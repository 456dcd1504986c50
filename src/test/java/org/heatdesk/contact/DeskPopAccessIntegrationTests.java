package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.ticket.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening a screen pop reads; saying who the caller is writes, and only by a POST with the CSRF
 * token. An agent opens and identifies only calls that rang at their own extension.
 */
@HeatDeskTest
class DeskPopAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGetChangesNothingAndOnlyTheAgentTheCallRangForIdentifiesIt() {
		CtiClient cti = CtiClient.create(port, jdbc);
		String phone = TestCustomers.uniqueMobile();
		// two customers share the number, so the pop asks the agent which one is calling
		long first = TestCustomers.insert(jdbc, "测试甲", phone);
		long second = TestCustomers.insert(jdbc, "测试乙", phone);
		String switchId = "ID-" + UUID.randomUUID();
		assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(2), "8003", "caller", phone))
			.statusCode()).isEqualTo(200);
		long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
		long contactId = jdbc.sql("select contact_id from contact_call where id = ?").param(callId).query(Long.class).single();

		PageSession agent3 = PageSession.login(port, "agent3");
		PageSession agent4 = PageSession.login(port, "agent4");

		// the call rang at 8003: agent3 sees the choice of two customers
		var pop = agent3.get("/desk/calls/" + callId);
		assertThat(pop.statusCode()).isEqualTo(200);
		assertThat(pop.body()).contains("测试甲").contains("测试乙");

		// a GET naming a customer changes nothing and writes no audit row
		assertThat(agent3.get("/desk/calls/" + callId + "?customer=" + first).statusCode()).isEqualTo(200);
		assertThat(customerOf(contactId)).isNull();
		assertThat(identifiedRows(contactId)).isZero();

		// another agent may neither open the pop nor identify the caller
		assertThat(agent4.get("/desk/calls/" + callId).statusCode()).isEqualTo(403);
		assertThat(agent4.get("/desk/calls/" + callId + "/status").statusCode()).isEqualTo(403);
		assertThat(agent4.post("/desk/calls/" + callId + "/customer", Map.of("customer", String.valueOf(first))).statusCode())
			.isEqualTo(403);
		assertThat(agent4.post("/desk/calls/" + callId + "/ticket", Map.of("type", "REPAIR", "description", "不热"))
			.statusCode()).isEqualTo(403);
		// a forged form without the token is refused as well
		assertThat(agent3.postWithoutToken("/desk/calls/" + callId + "/customer", Map.of("customer", String.valueOf(first)))
			.statusCode()).isEqualTo(403);
		assertThat(customerOf(contactId)).isNull();
		assertThat(identifiedRows(contactId)).isZero();

		// the agent it rang for identifies the caller with a POST
		var identified = agent3.post("/desk/calls/" + callId + "/customer", Map.of("customer", String.valueOf(second)));
		assertThat(identified.statusCode()).isEqualTo(200);
		assertThat(identified.body()).contains("data-customer-id=\"" + second + "\"");
		assertThat(customerOf(contactId)).isEqualTo(second);
		assertThat(identifiedRows(contactId)).isEqualTo(1);

		// a team lead may open any call's pop
		assertThat(PageSession.login(port, "lead").get("/desk/calls/" + callId).statusCode()).isEqualTo(200);
	}

	@Test
	void theDeskOffersThePrioritiesInTheWordsTheTicketShows() {
		CtiClient cti = CtiClient.create(port, jdbc);
		String phone = TestCustomers.uniqueMobile();
		TestCustomers.insert(jdbc, "测试丙", phone);
		String switchId = "PR-" + UUID.randomUUID();
		assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(2), "8003", "caller", phone))
			.statusCode()).isEqualTo(200);
		long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
		PageSession agent3 = PageSession.login(port, "agent3");

		String pop = agent3.get("/desk/calls/" + callId).body();
		Matcher select = Pattern.compile("<select name=\"priority\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(pop);
		assertThat(select.find()).isTrue();
		Map<String, String> offered = new LinkedHashMap<>();
		Matcher option = Pattern.compile("<option value=\"(\\w+)\"[^>]*>([^<]+)</option>").matcher(select.group(1));
		while (option.find()) {
			offered.put(option.group(1), option.group(2));
		}
		// the ticket's words, one list
		assertThat(offered).containsExactly(Map.entry("URGENT", "紧急"), Map.entry("HIGH", "高"), Map.entry("NORMAL", "一般"),
				Map.entry("LOW", "低"));

		// a ticket recorded from the desk with each priority shows on its page the word the desk offered
		String[] types = { "REPAIR", "INQUIRY", "COMPLAINT", "SUGGESTION" };
		int i = 0;
		for (Priority p : Priority.values()) {
			var recorded = agent3.post("/desk/calls/" + callId + "/ticket",
					Map.of("type", types[i++], "priority", p.name(), "description", "优先级测试 " + p));
			Matcher no = Pattern.compile("GR\\d{8}-\\d+").matcher(recorded.body());
			assertThat(no.find()).as(recorded.body()).isTrue();
			String page = agent3.get("/tickets/" + no.group()).body();
			Matcher head = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL).matcher(page);
			assertThat(head.find()).isTrue();
			assertThat(head.group(1)).contains(">" + offered.get(p.name()) + "</span>");
			assertThat(jdbc.sql("select priority from ticket where ticket_no = ?").param(no.group()).query(String.class).single())
				.isEqualTo(p.name());
		}
	}

	private Long customerOf(long contactId) {
		return jdbc.sql("select customer_id from contact_contact where id = ?").param(contactId)
			.query((rs, n) -> (Long) rs.getObject(1))
			.list()
			.get(0);
	}

	private long identifiedRows(long contactId) {
		return jdbc.sql("select count(*) from platform_audit_event where action = 'CONTACT_IDENTIFIED' and entity_id = ?")
			.param(String.valueOf(contactId))
			.query(Long.class)
			.single();
	}
}
