package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.LiveUpdates;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A follow-up call made from the desk: the dial request, the switch's OUTBOUND call matched to it
 * (its talk time and recording on the follow-up's contact), and the center's figures, the queue and
 * the screen pop left alone by it.
 */
@HeatDeskTest
class OutboundCallsIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboundCalls outbound;

	@Autowired
	Staff staff;

	@Autowired
	Tickets tickets;

	@Autowired
	CallQueries queries;

	@Autowired
	Wallboard wallboard;

	@Autowired
	Presences presences;

	@Autowired
	LiveUpdates live;

	@Autowired
	ApplicationEventMulticaster multicaster;

	@Autowired
	JsonMapper json;

	@Autowired
	CallSweep sweep;

	final List<OutboundCallEnded> ended = new CopyOnWriteArrayList<>();

	final ApplicationListener<org.springframework.context.ApplicationEvent> endedListener = e -> {
		if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof OutboundCallEnded o) {
			ended.add(o);
		}
	};

	@BeforeEach
	void listen() {
		multicaster.addApplicationListener(endedListener);
	}

	@AfterEach
	void stopListening() {
		multicaster.removeApplicationListener(endedListener);
		SecurityContextHolder.clearContext();
	}

	@Test
	void aFollowUpCallIsTheFollowUpsContactWithItsTalkTimeAndRecordingAndCountsInNoFigure() throws Exception {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "回访甲", phone);
		signIn(agent.username());
		String ticketNo = ticket(customerId, phone);
		List<LiveUpdates.Update> desk = new CopyOnWriteArrayList<>();
		Runnable unsubscribe = live.subscribe(DeskStreams.desk(agent.username()), desk::add);
		CtiClient cti = CtiClient.create(port, jdbc);
		try {
			Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(50);
			Instant dayStart = LocalDate.ofInstant(t0, ZONE).atStartOfDay(ZONE).toInstant();
			Instant windowFrom = t0.minusSeconds(1);
			Instant windowTo = t0.plusSeconds(120);
			List<CallQueries.HourFigures> hoursBefore = queries.byHour(windowFrom, windowTo, ZONE.getId());
			Wallboard.Figures boardBefore = wallboard.figures(Instant.now());

			// no number given: the customer's own, revealed (and logged) for the call
			OutboundCall started = outbound.start(Actor.current(), agentId, ticketNo, customerId, null, "回访：维修后室温是否正常");
			assertThat(started.status()).isEqualTo("DIALLING");
			assertThat(started.extension()).isEqualTo(agent.extension());
			assertThat(started.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
			assertThat(started.ticketNo()).isEqualTo(ticketNo);
			assertThat(started.callId()).isNull();
			long contactId = started.contactId();
			Map<String, Object> contact = jdbc.sql("select direction, channel, ticket_no, phone, staff_id, customer_id from contact_contact where id = ?")
				.param(contactId).query().singleRow();
			assertThat(contact).containsEntry("direction", "OUTBOUND").containsEntry("channel", "PHONE")
				.containsEntry("ticket_no", ticketNo).containsEntry("phone", phone).containsEntry("staff_id", agentId)
				.containsEntry("customer_id", customerId);
			assertThat(jdbc.sql("""
					select count(*) from customer_access_log where customer_id = ? and purpose = 'REVEAL_PHONE'
					  and actor = ? and reason like ?""").params(customerId, agent.username(), "%" + ticketNo + "%")
				.query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("""
					select count(*) from platform_audit_event where action = 'CONTACT_OUTBOUND_STARTED' and entity_id = ?
					  and actor = ?""").params(String.valueOf(contactId), agent.username()).query(Long.class).single()).isEqualTo(1);
			Map<String, Object> dial = jdbc.sql("select extension, number_digits, status, call_id, originate, purpose from contact_dial where contact_id = ?")
				.param(contactId).query().singleRow();
			assertThat(dial).containsEntry("extension", agent.extension()).containsEntry("number_digits", phone)
				.containsEntry("status", "OPEN").containsEntry("call_id", null).containsEntry("purpose", "回访：维修后室温是否正常");
			// no switch adapter here: nothing is originated, the agent dials on the desk phone
			assertThat(dial.get("originate")).isNull();

			// the switch reports the call the agent dials, the number written its own way
			String switchId = "OUT-" + UUID.randomUUID();
			String dialled = phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
			HttpResponse<String> rang = cti.post(outboundEvent(switchId, "RINGING", t0, agent.extension(), dialled, null));
			assertThat(rang.statusCode()).as(rang.body()).isEqualTo(200);
			long callId = json.readTree(rang.body()).get("callId").asLong();
			assertThat(jdbc.sql("select contact_id from contact_call where id = ?").param(callId).query(Long.class).single())
				.as("the call is the follow-up's contact").isEqualTo(contactId);
			assertThat(jdbc.sql("select direction from contact_call where id = ?").param(callId).query(String.class).single())
				.isEqualTo("OUTBOUND");
			assertThat(jdbc.sql("select count(*) from contact_contact where phone = ?").param(phone).query(Long.class).single())
				.as("no second contact for the call").isEqualTo(1);
			assertThat(jdbc.sql("select status || ':' || call_id from contact_dial where contact_id = ?").param(contactId)
				.query(String.class).single()).isEqualTo("MATCHED:" + callId);
			assertThat(outbound.find(contactId).orElseThrow().status()).isEqualTo("DIALLING");
			assertThat(outbound.find(contactId).orElseThrow().callId()).isEqualTo(callId);
			// the customer's phone ringing is not a caller waiting, and the agent's desk does not pop it
			assertThat(wallboard.figures(Instant.now()).waiting()).isEqualTo(boardBefore.waiting());
			PageSession agentPages = PageSession.login(port, agent.username());
			assertThat(agentPages.get("/desk/calls/current").statusCode()).isEqualTo(204);

			// picked up after 8 s: the agent is on the call
			assertThat(cti.post(outboundEvent(switchId, "ANSWERED", t0.plusSeconds(8), agent.extension(), null, null))
				.statusCode()).isEqualTo(200);
			assertThat(presences.current(agentId).orElseThrow().state()).isEqualTo(PresenceState.ON_CALL);
			assertThat(outbound.find(contactId).orElseThrow().status()).isEqualTo("TALKING");
			assertThat(ended).isEmpty();

			// hung up 40 s later (8 s → 48 s): talk time 40 s, the agent wraps up
			assertThat(cti.post(outboundEvent(switchId, "ENDED", t0.plusSeconds(48), agent.extension(), null, null))
				.statusCode()).isEqualTo(200);
			assertThat(presences.current(agentId).orElseThrow().state()).isEqualTo(PresenceState.WRAP_UP);
			assertThat(ended).containsExactly(new OutboundCallEnded(contactId, callId, ticketNo, true, t0.plusSeconds(48)));

			// the recording belongs to the follow-up's contact
			assertThat(cti.post(outboundEvent(switchId, "RECORDING_READY", t0.plusSeconds(49), null, null,
					"https://pbx.example/rec/" + switchId + ".wav")).statusCode()).isEqualTo(200);
			OutboundCall done = outbound.find(contactId).orElseThrow();
			assertThat(done).isEqualTo(new OutboundCall(contactId, ticketNo, agent.extension(), started.maskedPhone(), "ENDED",
					started.startedAt(), t0.plusSeconds(8), t0.plusSeconds(48), 40L, true, callId));

			// the switch sending the answer again changes nothing
			HttpResponse<String> again = cti.post(outboundEvent(switchId, "ANSWERED", t0.plusSeconds(8), agent.extension(), null, null));
			assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("DUPLICATE");
			assertThat(ended).hasSize(1);

			// the agent's desk heard where the call stands, and never popped it
			assertThat(desk).extracting(LiveUpdates.Update::event).doesNotContain("pop");
			List<String> statuses = desk.stream().filter(u -> u.event().equals("outbound"))
				.map(u -> json.readTree(u.payload())).filter(p -> p.get("contactId").asLong() == contactId)
				.map(p -> p.get("status").asString()).toList();
			assertThat(statuses).containsSubsequence("DIALLING", "TALKING", "ENDED");
			assertThat(desk).filteredOn(u -> u.event().equals("presence")).extracting(u -> json.readTree(u.payload()).get("state").asString())
				.containsSubsequence("ON_CALL", "WRAP_UP");

			// the follow-up page reads it as the agent
			HttpResponse<String> shown = agentPages.get("/desk/outbound/" + contactId);
			assertThat(shown.statusCode()).isEqualTo(200);
			JsonNode body = json.readTree(shown.body());
			assertThat(body.get("status").asString()).isEqualTo("ENDED");
			assertThat(body.get("talkSeconds").asLong()).isEqualTo(40);
			assertThat(body.get("hasRecording").asBoolean()).isTrue();
			assertThat(body.get("callId").asLong()).isEqualTo(callId);

			// in the call list with its marker and the recording on its page
			PageSession lead = PageSession.login(port, "lead");
			String list = lead.get("/calls?caller=").body();
			assertThat(lead.get("/calls/" + callId).body()).contains("/calls/" + callId + "/recording")
				.contains("外呼（不计入三声接听统计）");
			assertThat(list).contains("/calls/" + callId);

			// none of the center's figures moved: hours in this window, today's wallboard, the agent's answering
			List<CallQueries.HourFigures> hoursAfter = queries.byHour(windowFrom, windowTo, ZONE.getId());
			assertThat(sum(hoursAfter)).isEqualTo(sum(hoursBefore));
			Wallboard.Figures boardAfter = wallboard.figures(Instant.now());
			assertThat(boardAfter.answered()).isEqualTo(boardBefore.answered());
			assertThat(boardAfter.abandoned()).isEqualTo(boardBefore.abandoned());
			assertThat(boardAfter.offered()).isEqualTo(boardBefore.offered());
			assertThat(queries.byAgent(dayStart, dayStart.plus(Duration.ofDays(1))))
				.noneMatch(a -> Long.valueOf(agentId).equals(a.staffId()));
			assertThat(lead.get("/calls/figures").body()).doesNotContain(agent.displayName());

			// the measure itself works: an inbound call the same agent answers does count, once
			String inbound = "IN-" + UUID.randomUUID();
			cti.post(CtiClient.event(inbound, "RINGING", t0.plusSeconds(50), agent.extension()));
			cti.post(CtiClient.event(inbound, "ANSWERED", t0.plusSeconds(53), agent.extension()));
			cti.post(CtiClient.event(inbound, "ENDED", t0.plusSeconds(63), agent.extension()));
			assertThat(queries.byAgent(dayStart, dayStart.plus(Duration.ofDays(1))))
				.filteredOn(a -> Long.valueOf(agentId).equals(a.staffId()))
				.singleElement()
				.satisfies(a -> {
					assertThat(a.answered()).isEqualTo(1);
					// 53 − 50 = 3 s ring, 63 − 53 = 10 s talk: the outbound call's 40 s is not in it
					assertThat(a.averageRingSeconds()).isEqualTo(3.0);
					assertThat(a.averageTalkSeconds()).isEqualTo(10.0);
				});
			assertThat(sum(queries.byHour(windowFrom, windowTo, ZONE.getId())))
				.isEqualTo(new long[] { sum(hoursBefore)[0] + 1, sum(hoursBefore)[1] + 1, sum(hoursBefore)[2] });
		}
		finally {
			unsubscribe.run();
		}
	}

	@Test
	void anOutboundCallWithoutARequestIsStillAnOutboundCallWithItsOwnContact() {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		String number = TestCustomers.uniqueMobile();
		CtiClient cti = CtiClient.create(port, jdbc);
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(40);

		// answered: dialled from the desk phone without the follow-up page
		String answered = "OUT-" + UUID.randomUUID();
		cti.post(outboundEvent(answered, "RINGING", t0, agent.extension(), number, null));
		cti.post(outboundEvent(answered, "ANSWERED", t0.plusSeconds(5), agent.extension(), null, null));
		cti.post(outboundEvent(answered, "ENDED", t0.plusSeconds(25), agent.extension(), null, null));
		Map<String, Object> call = jdbc.sql("""
				select c.id, c.direction, c.status, c.abandoned, c.within_limit, c.talk_ms, k.id as contact_id,
				       k.direction as contact_direction, k.phone, k.staff_id
				from contact_call c join contact_contact k on k.id = c.contact_id where c.switch_call_id = ?""")
			.param(answered).query().singleRow();
		assertThat(call).containsEntry("direction", "OUTBOUND").containsEntry("status", "ENDED")
			.containsEntry("abandoned", false).containsEntry("within_limit", null).containsEntry("talk_ms", 20_000L)
			.containsEntry("contact_direction", "OUTBOUND").containsEntry("phone", number).containsEntry("staff_id", agentId);
		long contactId = ((Number) call.get("contact_id")).longValue();
		assertThat(outbound.find(contactId).orElseThrow().status()).isEqualTo("ENDED");
		assertThat(outbound.find(contactId).orElseThrow().talkSeconds()).isEqualTo(20);

		// not answered: the customer was not reached, which is not a caller who gave up
		String unanswered = "OUT-" + UUID.randomUUID();
		cti.post(outboundEvent(unanswered, "RINGING", t0.plusSeconds(30), agent.extension(), number, null));
		cti.post(outboundEvent(unanswered, "ENDED", t0.plusSeconds(38), agent.extension(), null, null));
		Map<String, Object> missed = jdbc.sql("""
				select id, contact_id, status, abandoned, within_limit from contact_call where switch_call_id = ?""")
			.param(unanswered).query().singleRow();
		assertThat(missed).containsEntry("status", "ENDED").containsEntry("abandoned", false).containsEntry("within_limit", null);
		long missedContact = ((Number) missed.get("contact_id")).longValue();
		assertThat(missedContact).isNotEqualTo(contactId);
		OutboundCall notReached = outbound.find(missedContact).orElseThrow();
		assertThat(notReached.status()).isEqualTo("NO_ANSWER");
		assertThat(notReached.answeredAt()).isNull();
		assertThat(ended).contains(new OutboundCallEnded(contactId, ((Number) call.get("id")).longValue(), null, true,
				t0.plusSeconds(25)), new OutboundCallEnded(missedContact, ((Number) missed.get("id")).longValue(), null, false,
						t0.plusSeconds(38)));

		// an inbound call's contact is no outbound call
		String in = "IN-" + UUID.randomUUID();
		cti.post(CtiClient.event(in, "RINGING", t0, agent.extension()));
		long inboundContact = jdbc.sql("select contact_id from contact_call where switch_call_id = ?").param(in)
			.query(Long.class).single();
		assertThat(outbound.find(inboundContact)).isEmpty();
	}

	@Test
	void anOutboundCallTheSweepClosesHasEndedForTheFollowUpOnce() {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		List<LiveUpdates.Update> desk = new CopyOnWriteArrayList<>();
		Runnable unsubscribe = live.subscribe(DeskStreams.desk(agent.username()), desk::add);
		try {
			CtiClient cti = CtiClient.create(port, jdbc);
			String switchId = "OUT-" + UUID.randomUUID();
			Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
			cti.post(outboundEvent(switchId, "RINGING", t0, agent.extension(), TestCustomers.uniqueMobile(), null));
			cti.post(outboundEvent(switchId, "ANSWERED", t0.plusSeconds(6), agent.extension(), null, null));
			long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
			long contactId = contactOf(switchId);
			assertThat(ended).filteredOn(e -> e.contactId() == contactId).isEmpty();
			sweep.sweep(Instant.now());
			// its end never came: the switch's last word (the answer) is when it ended, as far as anyone knows
			// (other tests' forgotten calls may be swept too: only this one's are looked at)
			assertThat(ended).filteredOn(e -> e.contactId() == contactId)
				.containsExactly(new OutboundCallEnded(contactId, callId, null, true, t0.plusSeconds(6)));
			OutboundCall swept = outbound.find(contactId).orElseThrow();
			assertThat(swept.status()).isEqualTo("ENDED");
			assertThat(swept.endedAt()).isEqualTo(t0.plusSeconds(6));
			assertThat(desk).filteredOn(u -> u.event().equals("outbound"))
				.extracting(u -> json.readTree(u.payload()).get("status").asString()).contains("ENDED");
			// the late end closes it properly (talk 6 s → 66 s) and is not a second end for the follow-up
			cti.post(outboundEvent(switchId, "ENDED", t0.plusSeconds(66), agent.extension(), null, null));
			assertThat(outbound.find(contactId).orElseThrow().talkSeconds()).isEqualTo(60);
			assertThat(ended).filteredOn(e -> e.contactId() == contactId).hasSize(1);
		}
		finally {
			unsubscribe.run();
		}
	}

	@Test
	void theLatestRequestWithinFifteenMinutesIsMatchedAndAnOlderOneIsLeftOpen() {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "回访乙", phone);
		signIn(agent.username());
		String ticketNo = ticket(customerId, phone);
		OutboundCall stale = outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "第一次回访");
		OutboundCall earlier = outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "第二次回访");
		OutboundCall latest = outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "第三次回访");
		// the first asked 20 minutes ago (out of the window), the second 10 minutes ago
		jdbc.sql("update contact_dial set created_at = created_at - interval '20 minutes' where contact_id = ?")
			.param(stale.contactId()).update();
		jdbc.sql("update contact_dial set created_at = created_at - interval '10 minutes' where contact_id = ?")
			.param(earlier.contactId()).update();
		CtiClient cti = CtiClient.create(port, jdbc);
		String first = "OUT-" + UUID.randomUUID();
		// an outside-line 0 before the number is the same number
		cti.post(outboundEvent(first, "RINGING", Instant.now().minusSeconds(5), agent.extension(), "0" + phone, null));
		assertThat(contactOf(first)).isEqualTo(latest.contactId());
		String second = "OUT-" + UUID.randomUUID();
		cti.post(outboundEvent(second, "RINGING", Instant.now().minusSeconds(2), agent.extension(), phone, null));
		assertThat(contactOf(second)).isEqualTo(earlier.contactId());
		String third = "OUT-" + UUID.randomUUID();
		cti.post(outboundEvent(third, "RINGING", Instant.now().minusSeconds(1), agent.extension(), phone, null));
		assertThat(contactOf(third)).as("20 minutes is too old: a contact of its own").isNotEqualTo(stale.contactId());
		assertThat(jdbc.sql("select status from contact_dial where contact_id = ?").param(stale.contactId())
			.query(String.class).single()).isEqualTo("OPEN");
		// never reported within the window: nobody was reached
		assertThat(outbound.find(stale.contactId()).orElseThrow().status()).isEqualTo("NO_ANSWER");
		// another extension's request for the same number is not taken
		TestStaff.Account other = TestStaff.create(staff, "out", Role.AGENT);
		String fourth = "OUT-" + UUID.randomUUID();
		OutboundCall mine = outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "第四次回访");
		cti.post(outboundEvent(fourth, "RINGING", Instant.now().minusSeconds(1), other.extension(), phone, null));
		assertThat(contactOf(fourth)).isNotEqualTo(mine.contactId());
		assertThat(outbound.find(mine.contactId()).orElseThrow().status()).isEqualTo("DIALLING");
	}

	@Test
	void aMalformedDirectionIsRefusedInTheCallersLanguageAndNothingIsStored() throws Exception {
		CtiClient cti = CtiClient.create(port, jdbc);
		String switchId = "DIR-" + UUID.randomUUID();
		HttpResponse<String> zh = cti.post(outboundEvent(switchId, "RINGING", Instant.now(), "8003", "13800001111", null)
			.replace("\"OUTBOUND\"", "\"SIDEWAYS\""), "zh-CN");
		assertThat(zh.statusCode()).isEqualTo(400);
		JsonNode zhBody = json.readTree(zh.body());
		assertThat(zhBody.get("code").asString()).isEqualTo("CTI_DIRECTION_UNKNOWN");
		assertThat(zhBody.get("field").asString()).isEqualTo("direction");
		assertThat(zhBody.get("message").asString()).contains("呼叫方向").contains("SIDEWAYS");
		HttpResponse<String> en = cti.post(outboundEvent(switchId, "RINGING", Instant.now(), "8003", "13800001111", null)
			.replace("\"OUTBOUND\"", "42"), "en");
		assertThat(en.statusCode()).isEqualTo(400);
		JsonNode enBody = json.readTree(en.body());
		assertThat(enBody.get("code").asString()).isEqualTo("CTI_DIRECTION_UNKNOWN");
		assertThat(enBody.get("message").asString()).startsWith("Unknown call direction \"42\"");
		// in a batch, the event is refused and the good one beside it stored
		String good = "DIR-" + UUID.randomUUID();
		HttpResponse<String> batch = cti.post("[" + outboundEvent(switchId, "RINGING", Instant.now(), "8003", "13800001111", null)
			.replace("\"OUTBOUND\"", "\"\"") + "," + outboundEvent(good, "RINGING", Instant.now(), "8003", "13800001111", null) + "]", "en");
		JsonNode results = json.readTree(batch.body());
		assertThat(results.get("refused").asInt()).isEqualTo(1);
		assertThat(results.get("results").get(0).get("code").asString()).isEqualTo("CTI_DIRECTION_UNKNOWN");
		assertThat(results.get("results").get(1).get("status").asString()).isEqualTo("STORED");
		assertThat(jdbc.sql("select count(*) from contact_call where switch_call_id = ?").param(switchId).query(Long.class)
			.single()).isZero();
		// lower case is the same word
		String lower = "DIR-" + UUID.randomUUID();
		assertThat(cti.post(outboundEvent(lower, "RINGING", Instant.now(), "8003", "13800001111", null)
			.replace("\"OUTBOUND\"", "\"outbound\"")).statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select direction from contact_call where switch_call_id = ?").param(lower).query(String.class)
			.single()).isEqualTo("OUTBOUND");
	}

	@Test
	void aCallCannotStartWithoutAnExtensionOrWithABadNumberAndNothingIsWritten() {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		long noExtension = noExtensionAgent();
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "回访丙", phone);
		signIn(agent.username());
		String ticketNo = ticket(customerId, phone);
		long contactsBefore = jdbc.sql("select count(*) from contact_contact where ticket_no = ?").param(ticketNo)
			.query(Long.class).single();

		assertRefused(() -> outbound.start(Actor.current(), noExtension, ticketNo, customerId, null, "回访"),
				"CONTACT_NO_EXTENSION", "staffId");
		assertRefused(() -> outbound.start(Actor.current(), agentId, ticketNo, customerId, "138abc5678", "回访"),
				"CONTACT_PHONE_FORMAT", "phone");
		assertRefused(() -> outbound.start(Actor.current(), agentId, ticketNo, customerId, "1234", "回访"),
				"CONTACT_PHONE_FORMAT", "phone");
		assertRefused(() -> outbound.start(Actor.current(), agentId, ticketNo, null, null, "回访"),
				"CONTACT_PHONE_OR_CUSTOMER_REQUIRED", "phone");
		assertRefused(() -> outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "  "),
				"CONTACT_PURPOSE_REQUIRED", "purpose");
		assertRefused(() -> outbound.start(Actor.current(), agentId, ticketNo, customerId, phone, "很".repeat(201)),
				"TOO_LONG", "purpose");
		assertRefused(() -> outbound.start(Actor.current(), agentId, " ", customerId, phone, "回访"),
				"CONTACT_TICKET_REQUIRED", "ticketNo");
		assertThatThrownBy(() -> outbound.start(Actor.current(), agentId, "GR19990101-9999", customerId, phone, "回访"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_NOT_FOUND"));
		assertThatThrownBy(() -> outbound.start(Actor.current(), agentId, ticketNo, Long.MAX_VALUE, phone, "回访"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CUSTOMER_NOT_FOUND"));

		assertThat(jdbc.sql("select count(*) from contact_dial where staff_id in (?, ?)").params(agentId, noExtension)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from contact_contact where ticket_no = ?").param(ticketNo).query(Long.class)
			.single()).isEqualTo(contactsBefore);
		assertThat(jdbc.sql("select count(*) from customer_access_log where customer_id = ? and purpose = 'REVEAL_PHONE'")
			.param(customerId).query(Long.class).single()).as("a refused call revealed nothing").isZero();
	}

	@Test
	void theFollowUpPageReadsOnlyTheAgentsOwnCallAndRefusesBadIdsAsJson() throws Exception {
		TestStaff.Account agent = TestStaff.create(staff, "out", Role.AGENT);
		TestStaff.Account other = TestStaff.create(staff, "out", Role.AGENT);
		long agentId = staff.findByUsername(agent.username()).orElseThrow().id();
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "回访丁", phone);
		signIn(agent.username());
		OutboundCall call = outbound.start(Actor.current(), agentId, ticket(customerId, phone), customerId, phone, "回访");
		PageSession mine = PageSession.login(port, agent.username());
		assertThat(mine.get("/desk/outbound/" + call.contactId()).statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, other.username()).get("/desk/outbound/" + call.contactId()).statusCode())
			.isEqualTo(403);
		assertThat(PageSession.login(port, "lead").get("/desk/outbound/" + call.contactId()).statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "dispatcher").get("/desk/outbound/" + call.contactId()).statusCode()).isEqualTo(403);
		HttpResponse<String> bad = mine.get("/desk/outbound/abc?lang=en");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json.readTree(bad.body()).has("code")).isTrue();
		HttpResponse<String> unknown = mine.get("/desk/outbound/" + Long.MAX_VALUE);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json.readTree(unknown.body()).get("code").asString()).isEqualTo("CONTACT_NOT_FOUND");
		assertThat(json.readTree(unknown.body()).get("message").asString()).isEqualTo("找不到该联络记录");
	}

	private static void assertRefused(Runnable action, String code, String field) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(HeatDeskException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			assertThat(e.field()).isEqualTo(field);
		});
	}

	private long contactOf(String switchId) {
		return jdbc.sql("select contact_id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
	}

	/** Offered, answered, abandoned of some hours. */
	private static long[] sum(List<CallQueries.HourFigures> hours) {
		long[] s = new long[3];
		for (CallQueries.HourFigures h : hours) {
			s[0] += h.offered();
			s[1] += h.answered();
			s[2] += h.abandoned();
		}
		return s;
	}

	private String ticket(long customerId, String phone) {
		return tickets.record(Actor.current(), new RecordTicket(TicketType.REPAIR, null, Priority.NORMAL, null, Channel.PHONE,
				customerId, phone, null, "暖气片不热，已上门排气 " + UUID.randomUUID().toString().substring(0, 6), phone, null,
				null)).ticketNo();
	}

	private static void signIn(String username) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username,
				null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
	}

	private long noExtensionAgent() {
		String username = "noext" + Long.toString(System.nanoTime(), 36);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			return staff.create(new Staff.NewStaff(username, "无分机", username, null, null, java.util.EnumSet.of(Role.AGENT),
					TestStaff.PASSWORD)).id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** One switch event of an outbound call; {@code null} values left out. */
	static String outboundEvent(String callId, String type, Instant time, String extension, String dialled,
			String recordingUrl) {
		StringBuilder b = new StringBuilder("{\"callId\":\"").append(callId).append("\",\"type\":\"").append(type)
			.append("\",\"time\":\"").append(time).append('"');
		if (extension != null) {
			b.append(",\"extension\":\"").append(extension).append("\",\"caller\":\"").append(extension).append('"');
		}
		if (dialled != null) {
			b.append(",\"dialled\":\"").append(dialled).append('"');
		}
		if (recordingUrl != null) {
			b.append(",\"recordingUrl\":\"").append(recordingUrl).append('"');
		}
		return b.append(",\"direction\":\"OUTBOUND\"}").toString();
	}
}
