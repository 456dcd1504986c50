package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Progress by ticket number and phone: the marks as the ticket reaches them, the technician and his
 * window, the result; masked; a wrong number and a wrong phone answer byte for byte the same, and
 * misses are limited; information and photos added; the rating after the result closes the ticket,
 * or reopens it when low.
 */
@HeatDeskTest
class PortalProgressIntegrationTests {

	static final Actor LEAD = Actor.person("lead", null);

	static final Actor DISPATCHER = Actor.person("dispatcher", null);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tickets tickets;

	@Autowired
	PortalProgress progress;

	PortalClient portal;

	@BeforeEach
	void setUp() {
		portal = new PortalClient(port);
		PortalClient.forgetLoopback(jdbc);
	}

	@AfterEach
	void tearDown() {
		PortalClient.forgetLoopback(jdbc);
	}

	/** A repair made online by {@code phone}; its number. */
	String request(String phone, String type) {
		String code = portal.code(jdbc, phone);
		PortalClient.Answer made = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, type, "翠园小区3号楼2单元501", "暖气不热，张三家里只有15度"));
		assertThat(made.status()).as(made.raw()).isEqualTo(201);
		return made.text("ticketNo");
	}

	PortalClient.Answer lookup(String no, String phone) {
		return portal.post("/api/v1/portal/progress", Map.of("ticketNo", no, "phone", phone));
	}

	@Test
	void theProgressFollowsTheMarksAndShowsNoPersonalData() {
		String phone = PortalClient.phone();
		String no = request(phone, "REPAIR");
		PortalClient.Answer recorded = lookup(no, phone);
		assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
		assertThat(recorded.text("status")).isEqualTo("RECORDED");
		assertThat(recorded.text("maskedAddress")).isEqualTo("翠园小区*号楼*单元***");
		assertThat(recorded.text("maskedPhone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		// no room, no full phone, no description (it may name the family) anywhere in the answer
		assertThat(recorded.raw()).doesNotContain("501").doesNotContain(phone).doesNotContain("张三");
		assertThat(marks(recorded.body())).containsExactly("RECORDED", "-", "-", "-");

		long technician = jdbc.sql("select id from staff_member where username = 'tech'").query(Long.class).single();
		tickets.dispatchToField(DISPATCHER, no, technician, "上门查看");
		PortalClient.Answer dispatched = lookup(no, phone);
		assertThat(marks(dispatched.body())).containsExactly("RECORDED", "DISPATCHED", "-", "-");
		String techName = jdbc.sql("select display_name from staff_member where id = ?").param(technician)
			.query(String.class).single();
		// the surname and 师傅, never the full name
		assertThat(dispatched.text("technician")).isEqualTo(techName.substring(0, 1) + "师傅");
		Instant onSiteDue = jdbc.sql("select on_site_due from ticket where ticket_no = ?").param(no)
			.query(java.sql.Timestamp.class).single().toInstant();
		assertThat(Instant.parse(dispatched.text("arriveBy"))).isEqualTo(onSiteDue);

		tickets.respond(LEAD, no, null, "已联系用户");
		tickets.resolve(LEAD, no, null, "更换暖气片阀门，室温恢复到20度");
		PortalClient.Answer resolved = lookup(no, phone);
		assertThat(marks(resolved.body())).containsExactly("RECORDED", "DISPATCHED", "RESPONDED", "RESOLVED");
		assertThat(resolved.text("result")).isEqualTo("更换暖气片阀门，室温恢复到20度");
		assertThat(resolved.body().path("arriveBy").isNull()).isTrue();
		assertThat(resolved.body().path("canRate").asBoolean()).isTrue();
	}

	@Test
	void aWrongNumberAndAWrongPhoneGetTheSameAnswer() {
		String phone = PortalClient.phone();
		String no = request(phone, "REPAIR");
		String other = PortalClient.phone();
		PortalClient.Answer wrongPhone = lookup(no, other);
		String unknownNo = no.substring(0, no.length() - 4) + "9" + no.substring(no.length() - 3);
		PortalClient.Answer wrongNumber = lookup(unknownNo.equals(no) ? no + "1" : unknownNo, phone);
		PortalClient.Answer nonsense = lookup("GR00000000-0000", other);
		assertThat(wrongPhone.status()).isEqualTo(404);
		assertThat(wrongPhone.raw()).isEqualTo(wrongNumber.raw()).isEqualTo(nonsense.raw());
		assertThat(wrongPhone.text("code")).isEqualTo("PORTAL_PROGRESS_NOT_FOUND");
		assertThat(wrongPhone.text("message")).isEqualTo("没有找到与这个工单号和手机号对应的工单，请核对后再试。");
		assertThat(wrongPhone.body().path("field").isNull()).isTrue();
		PortalClient.Answer en = portal.post("/api/v1/portal/progress", Map.of("ticketNo", no, "phone", other), "en");
		assertThat(en.text("message")).isEqualTo("No ticket matches this number and phone. Check both and try again.");
	}

	@Test
	void tenMissesOnOneNumberCloseItForTheHourAndThirtyMissesCloseAnAddress() {
		String phone = PortalClient.phone();
		String no = request(phone, "INQUIRY");
		for (int i = 0; i < 10; i++) {
			assertThat(lookup(no, PortalClient.phone()).status()).isEqualTo(404);
		}
		// guessing the phone of a known number stops here, for the right phone too (the customer may call)
		PortalClient.Answer limited = lookup(no, phone);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.text("code")).isEqualTo("PORTAL_RATE_LIMITED");

		String client = "192.0.2." + (System.nanoTime() % 250);
		jdbc.sql("delete from portal_rate_event where subject = ?").param("addr:" + client).update();
		for (int i = 0; i < 30; i++) {
			String guess = "GR20261130-" + (7000 + i);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.lookup(guess, PortalClient.phone(), client))
				.hasFieldOrPropertyWithValue("code", "PORTAL_PROGRESS_NOT_FOUND");
		}
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.lookup("GR20261130-8000", PortalClient.phone(), client))
			.hasFieldOrPropertyWithValue("code", "PORTAL_RATE_LIMITED");
	}

	@Test
	void theCustomerAddsWordsAndAPhotoToTheTimeline() {
		String phone = PortalClient.phone();
		String no = request(phone, "REPAIR");
		PortalClient.Answer added = portal.post("/api/v1/portal/progress/information",
				Map.of("ticketNo", no, "phone", phone, "text", "下午两点后家里有人"));
		assertThat(added.status()).as(added.raw()).isEqualTo(200);
		progress.add(no, phone, null, List.of(PortalRequestsIntegrationTests.photo(7)), "203.0.113.20");
		List<Map<String, Object>> events = jdbc.sql("""
				select e.kind, e.actor, e.detail from ticket_event e join ticket t on t.id = e.ticket_id
				where t.ticket_no = ? and e.kind in ('NOTE', 'ATTACHMENT_ADDED') order by e.id""").param(no).query().listOfRows();
		assertThat(events).extracting(e -> e.get("kind")).containsExactly("NOTE", "ATTACHMENT_ADDED");
		assertThat(events).extracting(e -> e.get("actor")).containsOnly("system:portal");
		assertThat(events.get(0).get("detail")).isEqualTo("客户网上补充：下午两点后家里有人");
		PortalClient.Answer empty = portal.post("/api/v1/portal/progress/information",
				Map.of("ticketNo", no, "phone", phone, "text", "  "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text("code")).isEqualTo("PORTAL_ADDITION_EMPTY");
		// a stranger adds nothing, and hears what a wrong pair hears
		PortalClient.Answer stranger = portal.post("/api/v1/portal/progress/information",
				Map.of("ticketNo", no, "phone", PortalClient.phone(), "text", "垃圾信息"));
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'NOTE'")
			.param(no).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSatisfiedRatingClosesTheTicketAndADissatisfiedOneReopensItToItsResolver() {
		String phone = PortalClient.phone();
		String happy = resolved(phone);
		PortalClient.Answer rated = portal.post("/api/v1/portal/ratings",
				Map.of("ticketNo", happy, "phone", phone, "satisfaction", "SATISFIED", "comment", "师傅很专业"));
		assertThat(rated.status()).as(rated.raw()).isEqualTo(200);
		assertThat(rated.text("status")).isEqualTo("CLOSED");
		assertThat(rated.text("rating")).isEqualTo("SATISFIED");
		Map<String, Object> f = jdbc.sql("select status, channel, satisfaction, comment, done_by from followup_follow_up where ticket_no = ?")
			.param(happy).query().singleRow();
		assertThat(f).containsEntry("status", "DONE").containsEntry("channel", "PORTAL")
			.containsEntry("satisfaction", "SATISFIED").containsEntry("comment", "师傅很专业")
			.containsEntry("done_by", "system:portal");
		PortalClient.Answer twice = portal.post("/api/v1/portal/ratings",
				Map.of("ticketNo", happy, "phone", phone, "satisfaction", "DISSATISFIED"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("code")).isEqualTo("FOLLOWUP_ALREADY_DONE");
		// closed: nobody reads it any more, the customer makes a new request
		assertThat(rated.body().path("canAdd").asBoolean()).isFalse();
		PortalClient.Answer late = portal.post("/api/v1/portal/progress/information",
				Map.of("ticketNo", happy, "phone", phone, "text", "又不热了"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("code")).isEqualTo("PORTAL_TICKET_CLOSED");

		PortalClient.age(jdbc, phone);
		String unhappy = resolved(phone);
		PortalClient.Answer low = portal.post("/api/v1/portal/ratings",
				Map.of("ticketNo", unhappy, "phone", phone, "satisfaction", "DISSATISFIED", "comment", "还是不热"));
		assertThat(low.status()).as(low.raw()).isEqualTo(200);
		assertThat(low.text("status")).isEqualTo("REOPENED");
		Map<String, Object> t = jdbc.sql("select status, assignee from ticket where ticket_no = ?").param(unhappy)
			.query().singleRow();
		// handed back to whoever resolved the round: the lead resolved it
		assertThat(t).containsEntry("status", "REOPENED").containsEntry("assignee", "lead");
		PortalClient.Answer invalid = portal.post("/api/v1/portal/ratings",
				Map.of("ticketNo", unhappy, "phone", phone, "satisfaction", "SUPER"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text("code")).isEqualTo("FOLLOWUP_SATISFACTION_INVALID");
	}

	@Test
	void aTicketNotResolvedCannotBeRated() {
		String phone = PortalClient.phone();
		String no = request(phone, "REPAIR");
		PortalClient.Answer early = portal.post("/api/v1/portal/ratings",
				Map.of("ticketNo", no, "phone", phone, "satisfaction", "SATISFIED"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("code")).isEqualTo("FOLLOWUP_TICKET_NOT_RESOLVED");
		assertThat(jdbc.sql("select count(*) from followup_follow_up where ticket_no = ?").param(no).query(Long.class)
			.single()).isZero();
	}

	String resolved(String phone) {
		String no = request(phone, "REPAIR");
		tickets.dispatch(LEAD, no, null, null, null, "自己处理");
		tickets.respond(LEAD, no, null, "已联系");
		tickets.resolve(LEAD, no, null, "已修好");
		return no;
	}

	/** Each mark's name when reached, "-" when not yet. */
	static List<String> marks(JsonNode view) {
		List<String> marks = new java.util.ArrayList<>();
		view.path("marks").forEach(m -> marks.add(m.path("at").isNull() ? "-" : m.path("mark").asString()));
		return marks;
	}
}
