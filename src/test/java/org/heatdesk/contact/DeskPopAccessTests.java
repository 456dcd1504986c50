package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening a screen pop reads; saying who the caller is writes, and only by a POST with the CSRF
 * token. An agent opens and identifies only calls that rang at their own extension.
 */
@HeatDeskTest
class DeskPopAccessTests {

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

	private Long customerOf(long contactId) {
		return jdbc.sql("select customer_id from contact_contact where id = ?").param(contactId).query(Long.class).single();
	}

	private long identifiedRows(long contactId) {
		return jdbc.sql("select count(*) from platform_audit_event where action = 'CONTACT_IDENTIFIED' and entity_id = ?")
			.param(String.valueOf(contactId))
			.query(Long.class)
			.single();
	}
}
