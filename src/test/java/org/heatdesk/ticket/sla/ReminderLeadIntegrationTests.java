package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.ticket.Api;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reminder warns of a deadline before it comes: a repair recorded now (15 minutes to dispatch) is
 * not reminded at once, only when its deadline is near; and a policy whose reminder lead is not
 * shorter than one of its limits is refused, in Chinese, with nothing written.
 */
@HeatDeskTest
class ReminderLeadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineSweep sweep;

	@Test
	void aRepairRecordedNowIsNotRemindedUntilItsDeadlineIsNear() {
		Map<String, Object> repair = new HashMap<>();
		repair.put("type", "REPAIR");
		repair.put("priority", "NORMAL");
		repair.put("callerPhone", "13900002222");
		repair.put("description", "提醒测试 " + UUID.randomUUID());
		Api.Response r = Api.as(port, "agent").post("/api/v1/tickets", repair);
		assertThat(r.status()).isEqualTo(201);
		String no = r.text("ticketNo");
		Instant recorded = jdbc.sql("select recorded_at from ticket where ticket_no = ?").param(no).query(Timestamp.class)
			.single().toInstant();
		Instant due = jdbc.sql("select dispatch_due from ticket where ticket_no = ?").param(no).query(Timestamp.class)
			.single().toInstant();
		// the season's clock runs around the clock: 15 minutes to dispatch
		assertThat(Duration.between(recorded, due)).isEqualTo(Duration.ofMinutes(15));

		// recorded just now: the sweep reminds nobody yet (with a 15-minute lead it reminded at once)
		sweepAt(Instant.now());
		assertThat(reminders(no)).isZero();
		// six minutes before the deadline: still no reminder; four minutes before: one
		moveDeadline(no, Duration.ofMinutes(6));
		sweepAt(Instant.now());
		assertThat(reminders(no)).isZero();
		moveDeadline(no, Duration.ofMinutes(4));
		sweepAt(Instant.now());
		assertThat(reminders(no)).isEqualTo(1);
	}

	private void moveDeadline(String no, Duration ahead) {
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?")
			.params(Timestamp.from(Instant.now().plus(ahead)), no)
			.update();
	}

	@Test
	void aPolicyWhoseReminderIsNotShorterThanALimitIsRefused() {
		long versions = jdbc.sql("select count(*) from ticket_policy").query(Long.class).single();
		PageSession manager = PageSession.login(port, "manager");
		Map<String, String> form = new HashMap<>(Map.of("note", "提醒与时限一样长", "seasonStart", "11-15", "seasonEnd", "03-15",
				"workStart", "08:00", "workEnd", "17:30", "workDays", "MONDAY", "ruleType", "REPAIR", "ruleCategory", "",
				"rulePriority", "", "ruleScope", ""));
		form.putAll(Map.of("dispatch", "15m", "respond", "30m", "onSite", "", "resolve", "3d", "remindMinutes", "15"));
		assertThat(manager.post("/tickets/policy", form).statusCode()).isEqualTo(302);
		String page = manager.get("/tickets/policy").body();
		assertThat(page).contains("提醒提前量 15 分钟不短于时限 15m：提醒须在时限到来之前发出");
		assertThat(jdbc.sql("select count(*) from ticket_policy").query(Long.class).single()).isEqualTo(versions);
	}

	@Test
	void theServiceRefusesALeadAsLongAsALimit() {
		var rules = java.util.List.of(new SlaPolicy.Rule(TicketType.REPAIR, null, null, null, "15m", "30m", "2h", "8h"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketPolicies.checkReminder(15, rules))
			.isInstanceOfSatisfying(org.heatdesk.platform.HeatDeskException.class,
					e -> assertThat(e.code()).isEqualTo("TICKET_POLICY_REMIND"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketPolicies.checkReminder(16, rules))
			.isInstanceOfSatisfying(org.heatdesk.platform.HeatDeskException.class,
					e -> assertThat(e.code()).isEqualTo("TICKET_POLICY_REMIND"));
		TicketPolicies.checkReminder(14, rules);
	}

	private void sweepAt(Instant at) {
		org.awaitility.Awaitility.await().until(() -> sweep.sweep(at).ran());
	}

	private long reminders(String no) {
		return jdbc.sql("""
				select count(*) from ticket_notification n join ticket t on t.id = n.ticket_id
				where t.ticket_no = ? and n.kind = 'REMINDER'""").param(no).query(Long.class).single();
	}
}
