package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's follow-ups and messages, written for tickets the ticket module seeded without events:
 * what an agent, a lead and a manager see on a fresh demo.
 */
@HeatDeskTest
class FollowUpDemoDataIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySampledResolvedDemoTicketWaitsInTheQueueAndEveryClosedOneWasFollowedUp() {
		// the demo's resolved tickets without a parent, and which of them their type's rate samples
		// (the demo's week: recorded in the 9 days before the follow-up module seeded and numbered by the ticket
		// module; other tests write tickets after that, hand-made ones of years ago, or a generated season (GR…-9000001 on))
		List<String[]> resolved = jdbc.sql("""
				select ticket_no, type from ticket
				 where status = 'RESOLVED' and parent_id is null and ticket_no ~ '^GR[0-9]{8}-[0-9]+$'
				   and recorded_at < (select seeded_at from platform_demo_seed where name = 'followup')
				   and recorded_at > (select seeded_at from platform_demo_seed where name = 'followup') - interval '9 days'""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		long sampled = resolved.stream()
			.filter(r -> Sampling.sampled(r[0], rate(r[1])))
			.filter(r -> jdbc.sql("select count(*) from followup_follow_up where ticket_no = ?").param(r[0]).query(Long.class).single() > 0)
			.count();
		long expected = resolved.stream().filter(r -> Sampling.sampled(r[0], rate(r[1]))).count();
		assertThat(sampled).as("every sampled resolved ticket has its follow-up").isEqualTo(expected);
		assertThat(expected).as("the demo has resolved tickets to follow up").isPositive();

		// closed demo tickets were followed up and their customers mostly satisfied; nobody was dissatisfied
		assertThat(jdbc.sql("select count(*) from followup_follow_up where status = 'DONE'").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from followup_follow_up where satisfaction = 'DISSATISFIED' and done_by in ('agent','agent2','agent3')")
			.query(Long.class).single()).isZero();
		// the manager has suggestions to answer
		assertThat(jdbc.sql("select count(*) from followup_suggestion where status = 'OPEN' and text like '%通知%'").query(Long.class).single())
			.isPositive();
		// every demo complaint has its reply deadline; the closed ones were answered
		assertThat(jdbc.sql("""
				select count(*) from ticket t where t.type = 'COMPLAINT' and t.parent_id is null
				   and t.ticket_no ~ '^GR[0-9]{8}-[0-9]+$'
				   and t.recorded_at < (select seeded_at from platform_demo_seed where name = 'followup')
				   and t.recorded_at > (select seeded_at from platform_demo_seed where name = 'followup') - interval '9 days'
				   and not exists (select 1 from followup_complaint c where c.ticket_no = t.ticket_no)""")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from ticket t join followup_complaint c on c.ticket_no = t.ticket_no
				 where t.status = 'CLOSED' and c.replied_at is null""").query(Long.class).single()).isZero();
	}

	@Test
	void theOutboxHoldsWhatTheDemosCustomersWereTold() {
		// each repair of the last two days with a customer or a caller's number was told its number
		long repairs = jdbc.sql("""
				select count(*) from ticket t
				 where t.type in ('REPAIR', 'COMPLAINT') and not t.incident
				   and t.recorded_at > (select seeded_at from platform_demo_seed where name = 'notification') - interval '47 hours'
				   and t.recorded_at < (select seeded_at from platform_demo_seed where name = 'notification')
				   and (t.customer_id is not null or t.caller_phone is not null or t.contact_phone is not null)""")
			.query(Long.class).single();
		long told = jdbc.sql("""
				select count(distinct m.ticket_no) from notification_message m join ticket t on t.ticket_no = m.ticket_no
				 where m.kind = 'TICKET_RECORDED'
				   and t.recorded_at > (select seeded_at from platform_demo_seed where name = 'notification') - interval '47 hours'
				   and t.recorded_at < (select seeded_at from platform_demo_seed where name = 'notification')""").query(Long.class).single();
		assertThat(repairs).isPositive();
		assertThat(told).isEqualTo(repairs);
	}

	private int rate(String type) {
		return jdbc.sql("select rate_percent from followup_rule where ticket_type = ?").param(type).query(Integer.class).single();
	}
}
