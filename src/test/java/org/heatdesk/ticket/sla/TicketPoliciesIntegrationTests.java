package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketFixtures.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Versions of the deadline policy through {@link TicketPolicies}: a new version applies to tickets recorded after it. */
@HeatDeskTest
class TicketPoliciesIntegrationTests {

	@Autowired
	Tickets tickets;

	@Autowired
	TicketPolicies policies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewPolicyVersionAppliesToNewTicketsOnly() {
		RecordTicket praise = new RecordTicket(TicketType.PRAISE, null, Priority.NORMAL, TicketScope.HOUSEHOLD, Channel.PHONE,
				null, "13800002222", null, "感谢师傅 " + UUID.randomUUID(), null, null, null);
		TicketView before = as("agent", "AGENT", () -> tickets.record(Actor.current(), praise));
		Map<String, Object> old = jdbc.sql("select policy_id, resolve_due from ticket where id = ?").param(before.id()).query().singleRow();

		SlaPolicy current = policies.current();
		List<SlaPolicy.Rule> rules = new ArrayList<>();
		for (SlaPolicy.Rule r : current.rules()) {
			rules.add(r.type() == TicketType.PRAISE ? new SlaPolicy.Rule(r.type(), r.categoryId(), r.priority(), r.scope(),
					r.dispatchLimit(), r.respondLimit(), r.onSiteLimit(), "30d") : r);
		}
		SlaPolicy added = as("manager", "MANAGER", () -> policies.addVersion(new TicketPolicies.Draft("表扬回复放宽到 30 天",
				"11-15", "03-15", "08:00", "17:30", current.workDays(), rules, 5)));
		assertThat(added.version()).isEqualTo(current.version() + 1);

		TicketView after = as("agent", "AGENT", () -> tickets.record(Actor.current(), praise));
		Map<String, Object> renewed = jdbc.sql("select policy_id, resolve_due from ticket where id = ?").param(after.id()).query().singleRow();
		assertThat(((Number) renewed.get("policy_id")).longValue()).isEqualTo(added.id());
		// 30 counting days (the season runs 24/7) lie well beyond the 3 of the old version
		assertThat(((java.sql.Timestamp) renewed.get("resolve_due")).toInstant())
			.isAfter(Instant.now().plus(25, ChronoUnit.DAYS));
		// the ticket recorded before keeps its version and deadline
		Map<String, Object> unchanged = jdbc.sql("select policy_id, resolve_due from ticket where id = ?").param(before.id()).query().singleRow();
		assertThat(unchanged).isEqualTo(old);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'TICKET_POLICY_VERSION_ADDED' and entity_id = ?")
			.param(String.valueOf(added.version())).query(Long.class).single()).isEqualTo(1);
		// a bad limit is refused
		List<SlaPolicy.Rule> bad = List.of(new SlaPolicy.Rule(TicketType.REPAIR, null, null, null, "soon", null, null, null));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> as("manager", "MANAGER", () -> policies.addVersion(
				new TicketPolicies.Draft("x", "11-15", "03-15", "08:00", "17:30", current.workDays(), bad, 5))))
			.isInstanceOfSatisfying(org.heatdesk.platform.HeatDeskException.class,
					e -> assertThat(e.code()).isEqualTo("TICKET_POLICY_LIMIT"));
	}
}
