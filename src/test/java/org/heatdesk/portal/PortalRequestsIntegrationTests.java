package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request online: the phone confirmed by a code sent through the outbox (10 minutes, 5 tries, used
 * once), the ticket of channel ONLINE with the deadlines of any repair and the receiver as its first
 * responder, the number shown and sent; the limits per phone and per address; refusals write nothing.
 */
@HeatDeskTest
class PortalRequestsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OneTimeCodes codes;

	@Autowired
	PortalRequests requests;

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

	@Test
	void aCodeFromTheOutboxConfirmsThePhoneAndTheRequestBecomesAnOnlineTicketWhoseNumberIsShownAndSent() {
		String phone = PortalClient.phone();
		PortalClient.Answer sent = portal.post("/api/v1/portal/codes", Map.of("phone", phone));
		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
		// 166 1234 5678 → 166****5678: the first three and last four digits
		assertThat(sent.text("maskedPhone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(sent.body().path("validMinutes").asInt()).isEqualTo(10);
		Map<String, Object> message = jdbc.sql("""
				select status, urgent, body, ticket_no from notification_message where kind = 'PORTAL_CODE' and phone = ?""")
			.param(phone).query().singleRow();
		assertThat((String) message.get("status")).isIn("QUEUED", "SENDING", "SENT");
		assertThat((Boolean) message.get("urgent")).isTrue();
		assertThat(message.get("ticket_no")).isNull();
		// the database keeps a salted hash, never the code
		String code = PortalClient.lastCode(jdbc, phone);
		Map<String, Object> stored = jdbc.sql("select code_hash, extract(epoch from expires_at - created_at) as life from portal_code where phone = ?")
			.param(phone).query().singleRow();
		assertThat((String) stored.get("code_hash")).hasSize(64).doesNotContain(code);
		assertThat(((Number) stored.get("life")).longValue()).isEqualTo(10 * 60);

		PortalClient.Answer made = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", "翠园小区3号楼2单元501", "暖气片不热，室温只有15度"));
		assertThat(made.status()).as(made.raw()).isEqualTo(201);
		String no = made.text("ticketNo");
		assertThat(no).matches("GR\\d{8}-\\d{4,}");
		Map<String, Object> ticket = jdbc.sql("""
				select channel, type, status, first_responder, caller_phone, contact_phone, address, description,
				  extract(epoch from dispatch_due - recorded_at) as d, extract(epoch from respond_due - recorded_at) as r,
				  extract(epoch from on_site_due - recorded_at) as o, extract(epoch from resolve_due - recorded_at) as z
				from ticket where ticket_no = ?""").param(no).query().singleRow();
		assertThat(ticket.get("channel")).isEqualTo("ONLINE");
		assertThat(ticket.get("type")).isEqualTo("REPAIR");
		assertThat(ticket.get("status")).isEqualTo("RECORDED");
		assertThat(ticket.get("first_responder")).isEqualTo("lead");
		assertThat(ticket.get("caller_phone")).isEqualTo(phone);
		assertThat(ticket.get("address")).isEqualTo("翠园小区3号楼2单元501");
		// the same limits as a repair by phone in the heating season (every second counts): 15 min to
		// dispatch, 30 to answer back, 2 h on site, 8 h to the result
		assertThat(((Number) ticket.get("d")).longValue()).isEqualTo(15 * 60);
		assertThat(((Number) ticket.get("r")).longValue()).isEqualTo(30 * 60);
		assertThat(((Number) ticket.get("o")).longValue()).isEqualTo(2 * 3600);
		assertThat(((Number) ticket.get("z")).longValue()).isEqualTo(8 * 3600);
		// the number went to the confirmed phone (a repair without a customer: the ticket module's own message)
		List<String> told = jdbc.sql("select body from notification_message where ticket_no = ? and phone = ?")
			.params(no, phone).query(String.class).list();
		assertThat(told).hasSize(1);
		assertThat(told.get(0)).contains(no);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'PORTAL_REQUEST_SUBMITTED' and entity_id = ?")
			.param(no).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select used_at is not null from portal_code where phone = ?").param(phone)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void anInquiryIsSentItsNumberByThePortalsOwnMessage() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		PortalClient.Answer made = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "INQUIRY", "翠园小区", "今年供暖到哪天结束？"));
		assertThat(made.status()).as(made.raw()).isEqualTo(201);
		String no = made.text("ticketNo");
		// an inquiry gets no TICKET_RECORDED from the ticket module; the portal tells the number itself
		assertThat(jdbc.sql("select kind from notification_message where ticket_no = ? and phone = ?").params(no, phone)
			.query(String.class).list()).containsExactly("PORTAL_REQUEST_RECORDED");
	}

	@Test
	void theSameFormSubmittedTwiceRecordsOneTicket() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		Map<String, Object> body = PortalClient.request(phone, code, "COMPLAINT", "金鼎花园", "师傅上门态度不好");
		body.put("idempotencyKey", "form-" + System.nanoTime());
		PortalClient.Answer first = portal.post("/api/v1/portal/requests", body);
		PortalClient.Answer second = portal.post("/api/v1/portal/requests", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.text("ticketNo")).isEqualTo(first.text("ticketNo"));
		assertThat(jdbc.sql("select count(*) from ticket where caller_phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aCodeDiesAfterFiveWrongTriesAndAWrongTryWritesNoTicket() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		// tries 1–4 say how many are left: 4, 3, 2, 1; the fifth wrong one kills the code
		for (int left = 4; left >= 1; left--) {
			PortalClient.Answer a = portal.post("/api/v1/portal/requests",
					PortalClient.request(phone, wrong, "REPAIR", "翠园小区", "不热"));
			assertThat(a.status()).isEqualTo(400);
			assertThat(a.text("code")).isEqualTo("PORTAL_CODE_WRONG");
			assertThat(a.text("field")).isEqualTo("code");
			assertThat(a.text("message")).isEqualTo("验证码不对，还可以再试 " + left + " 次。");
		}
		PortalClient.Answer fifth = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, wrong, "REPAIR", "翠园小区", "不热"), "en");
		assertThat(fifth.text("code")).isEqualTo("PORTAL_CODE_TRIES_EXCEEDED");
		assertThat(fifth.text("message")).isEqualTo("Too many wrong tries: the code no longer works. Ask for a new one.");
		PortalClient.Answer right = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", "翠园小区", "不热"));
		assertThat(right.text("code")).isEqualTo("PORTAL_CODE_TRIES_EXCEEDED");
		assertThat(jdbc.sql("select count(*) from ticket where caller_phone = ?").param(phone).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select attempts from portal_code where phone = ?").param(phone).query(Integer.class).single())
			.isEqualTo(5);
	}

	@Test
	void aCodeOlderThanTenMinutesOrUsedOnceIsRefused() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		jdbc.sql("update portal_code set created_at = created_at - interval '10 minutes', expires_at = expires_at - interval '10 minutes' where phone = ?")
			.param(phone).update();
		PortalClient.Answer late = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", "翠园小区", "不热"));
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.text("code")).isEqualTo("PORTAL_CODE_EXPIRED");

		String fresh = portal.code(jdbc, phone);
		assertThat(portal.post("/api/v1/portal/requests", PortalClient.request(phone, fresh, "REPAIR", "翠园小区", "不热"))
			.status()).isEqualTo(201);
		PortalClient.Answer again = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, fresh, "REPAIR", "翠园小区", "又不热了"));
		assertThat(again.text("code")).isEqualTo("PORTAL_CODE_EXPIRED");
		assertThat(jdbc.sql("select count(*) from ticket where caller_phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aPhoneGetsOneCodeAMinuteAndFiveAnHour() {
		String phone = PortalClient.phone();
		portal.code(jdbc, phone);
		PortalClient.Answer soon = portal.post("/api/v1/portal/codes", Map.of("phone", phone));
		assertThat(soon.status()).isEqualTo(429);
		assertThat(soon.text("code")).isEqualTo("PORTAL_CODE_TOO_SOON");
		for (int i = 2; i <= 5; i++) {
			PortalClient.age(jdbc, phone);
			portal.code(jdbc, phone);
		}
		PortalClient.age(jdbc, phone);
		PortalClient.Answer sixth = portal.post("/api/v1/portal/codes", Map.of("phone", phone));
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.text("code")).isEqualTo("PORTAL_RATE_LIMITED");
		assertThat(sixth.text("field")).isEqualTo("phone");
		// the oldest of the five was sent just now: a place is free in 60 minutes
		assertThat(sixth.text("message")).isEqualTo("操作太频繁，请 60 分钟后再试；急事请拨打服务热线。");
		assertThat(jdbc.sql("select count(*) from portal_code where phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(5);
	}

	@Test
	void anAddressGetsThirtyCodesAnHourWhateverThePhones() {
		String client = "198.51.100." + (System.nanoTime() % 250);
		jdbc.sql("delete from portal_rate_event where subject = ?").param("addr:" + client).update();
		for (int i = 0; i < 30; i++) {
			codes.send(PortalClient.phone(), client);
		}
		String next = PortalClient.phone();
		assertThatThrownBy(() -> codes.send(next, client)).isInstanceOfSatisfying(HeatDeskException.class,
				e -> assertThat(e.code()).isEqualTo("PORTAL_RATE_LIMITED"));
		assertThat(jdbc.sql("select count(*) from portal_code where phone = ?").param(next).query(Long.class).single())
			.isZero();
	}

	@Test
	void aPhoneMakesThreeRequestsAnHourAndTheFourthKeepsItsCode() {
		String phone = PortalClient.phone();
		for (int i = 0; i < 3; i++) {
			PortalClient.age(jdbc, phone);
			String code = portal.code(jdbc, phone);
			assertThat(portal.post("/api/v1/portal/requests", PortalClient.request(phone, code, "SUGGESTION", "翠园小区",
					"建议 " + i)).status()).isEqualTo(201);
		}
		PortalClient.age(jdbc, phone);
		String code = portal.code(jdbc, phone);
		PortalClient.Answer fourth = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "SUGGESTION", "翠园小区", "建议 4"), "en");
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.text("code")).isEqualTo("PORTAL_RATE_LIMITED");
		assertThat(fourth.text("message")).isEqualTo("Too many attempts: try again in 60 minutes, or call the service hotline if it is urgent.");
		assertThat(jdbc.sql("select count(*) from ticket where caller_phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(3);
		// refused before the code was tried: it is neither used nor counted
		assertThat(jdbc.sql("select attempts from portal_code where phone = ? order by id desc limit 1").param(phone)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void photosAreCheckedBeforeAnythingIsWrittenAndKeptOnTheTicket() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		PortalRequests.PortalRequestForm form = new PortalRequests.PortalRequestForm("REPAIR", null, "翠园小区5号楼",
				phone, code, "管道漏水", null);
		byte[] png = png();
		byte[] pdf = "%PDF-1.4 letter".getBytes();
		assertThatThrownBy(() -> requests.submit(form, List.of(new PortalRequestPhoto("a.pdf", pdf)), "203.0.113.9"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("PORTAL_PHOTO_TYPE"));
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(png, 0, big, 0, png.length);
		assertThatThrownBy(() -> requests.submit(form, List.of(new PortalRequestPhoto("big.png", big)), "203.0.113.9"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("PORTAL_PHOTO_TOO_LARGE"));
		List<PortalRequestPhoto> four = List.of(photo(1), photo(2), photo(3), photo(4));
		assertThatThrownBy(() -> requests.submit(form, four, "203.0.113.9"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("PORTAL_PHOTOS_TOO_MANY"));
		assertThat(jdbc.sql("select attempts from portal_code where phone = ?").param(phone).query(Integer.class).single())
			.isZero();

		PortalRequests.PortalRequestReceipt receipt = requests.submit(form, List.of(photo(1), photo(2)), "203.0.113.9");
		List<Map<String, Object>> stored = jdbc.sql("""
				select a.content_type, a.uploaded_by from ticket_attachment a join ticket t on t.id = a.ticket_id
				where t.ticket_no = ? order by a.id""").param(receipt.ticketNo()).query().listOfRows();
		assertThat(stored).hasSize(2);
		assertThat(stored).allSatisfy(r -> {
			assertThat(r.get("content_type")).isEqualTo("image/png");
			assertThat(r.get("uploaded_by")).isEqualTo("system:portal");
		});
		assertThat(jdbc.sql("select photos from portal_request where ticket_no = ?").param(receipt.ticketNo())
			.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void anAccountNumberFindsTheCustomerAndAnUnknownOneIsKeptAsTyped() {
		Map<String, Object> customer = jdbc.sql("select id, account_no from customer order by id limit 1").query().singleRow();
		String phone = PortalClient.phone();
		Map<String, Object> body = PortalClient.request(phone, portal.code(jdbc, phone), "REPAIR", null, "不热");
		body.put("accountNo", customer.get("account_no"));
		String known = portal.post("/api/v1/portal/requests", body).text("ticketNo");
		assertThat(jdbc.sql("select customer_id from ticket where ticket_no = ?").param(known).query(Long.class).single())
			.isEqualTo(((Number) customer.get("id")).longValue());

		PortalClient.age(jdbc, phone);
		Map<String, Object> unknown = PortalClient.request(phone, portal.code(jdbc, phone), "REPAIR", null, "不热");
		unknown.put("accountNo", "NOSUCH" + System.nanoTime() % 100000);
		PortalClient.Answer a = portal.post("/api/v1/portal/requests", unknown);
		// not refused: a refusal would tell a stranger which account numbers exist
		assertThat(a.status()).as(a.raw()).isEqualTo(201);
		Map<String, Object> t = jdbc.sql("select customer_id, address from ticket where ticket_no = ?")
			.param(a.text("ticketNo")).query().singleRow();
		assertThat(t.get("customer_id")).isNull();
		assertThat((String) t.get("address")).contains((String) unknown.get("accountNo"));
	}

	@Test
	void aRequestWithoutAPlaceOrOfAnotherTypeIsRefusedNamingTheFieldAndWritesNothing() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		PortalClient.Answer noPlace = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", null, "不热"));
		assertThat(noPlace.status()).isEqualTo(400);
		assertThat(noPlace.text("code")).isEqualTo("PORTAL_PLACE_REQUIRED");
		assertThat(noPlace.text("field")).isEqualTo("address");
		PortalClient.Answer praise = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "PRAISE", "翠园小区", "谢谢"), "en");
		assertThat(praise.text("code")).isEqualTo("PORTAL_REQUEST_TYPE");
		assertThat(praise.text("message")).isEqualTo("Choose repair, complaint, inquiry or suggestion.");
		PortalClient.Answer badPhone = portal.post("/api/v1/portal/codes", Map.of("phone", "0531-12345678"));
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.text("code")).isEqualTo("PORTAL_PHONE_INVALID");
		assertThat(jdbc.sql("select count(*) from ticket where caller_phone = ?").param(phone).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select attempts from portal_code where phone = ?").param(phone).query(Integer.class).single())
			.isZero();
	}

	static PortalRequestPhoto photo(int n) {
		byte[] png = png();
		byte[] b = java.util.Arrays.copyOf(png, png.length + 1);
		b[png.length] = (byte) n;
		return new PortalRequestPhoto("photo" + n + ".png", b);
	}

	/** The smallest PNG: the signature and a little more (the bytes decide the type). */
	static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
	}

	static Instant now() {
		return Instant.now().plus(Duration.ZERO);
	}
}
