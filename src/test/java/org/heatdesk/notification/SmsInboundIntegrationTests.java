package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.TestApiKeys;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.ApiKeyScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/sms/inbound}: a customer's reply put on the message it answers, or kept unmatched. */
@HeatDeskTest
@RecordApplicationEvents
class SmsInboundIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CustomerMessages messages;

	@Autowired
	SmsInbound inbound;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void aReplyGoesToTheLatestFollowUpSentToTheNumberWithinSevenDaysAndIsStoredOnce() throws Exception {
		String key = TestApiKeys.create(jdbc, ApiKeyScope.SMS, "sms provider");
		String phone = mobile();
		Instant now = clock.instant();
		long oldFollowUp = sent(MessageKind.FOLLOW_UP, phone, now.minus(Duration.ofDays(8)));
		long followUp = sent(MessageKind.FOLLOW_UP, phone, now.minus(Duration.ofDays(2)));
		// sent later than the follow-up, but a digit answers the follow-up's question
		long resolved = sent(MessageKind.TICKET_RESOLVED, phone, now.minus(Duration.ofHours(1)));
		String providerId = "in-" + UUID.randomUUID();
		String body = """
				{"from":"+86 %s","text":"1","receivedAt":"%s","providerId":"%s"}""".formatted(phone,
				now.truncatedTo(ChronoUnit.SECONDS), providerId);

		HttpResponse<String> first = post(key, body, "zh-CN");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode answer = json.readTree(first.body());
		assertThat(answer.path("matched").asBoolean()).isTrue();
		assertThat(answer.path("messageId").asLong()).isEqualTo(followUp);
		assertThat(answer.path("duplicate").asBoolean()).isFalse();
		Map<String, Object> row = jdbc.sql("select reply_text, replied_at from notification_message where id = ?")
			.param(followUp).query().singleRow();
		assertThat(row.get("reply_text")).isEqualTo("1");
		assertThat(jdbc.sql("select count(*) from notification_message where id in (?, ?) and reply_text is not null")
			.params(oldFollowUp, resolved).query(Long.class).single()).isZero();

		// the provider posts it again (its answer got lost): nothing new, the same answer
		HttpResponse<String> again = post(key, body, "en");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("messageId").asLong()).isEqualTo(followUp);
		assertThat(json.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from notification_inbound where provider_id = ?").param(providerId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'SMS_REPLY_RECEIVED' and entity_id = ?")
			.param(String.valueOf(followUp)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aReplyThatAnswersNothingIsKeptAndAnswered202() throws Exception {
		String key = TestApiKeys.create(jdbc, ApiKeyScope.SMS, "sms provider");
		String phone = mobile();
		// the only message to this number went out eight days ago: outside the window
		sent(MessageKind.TICKET_RESOLVED, phone, clock.instant().minus(Duration.ofDays(8)));
		String providerId = "in-" + UUID.randomUUID();
		HttpResponse<String> response = post(key, """
				{"from":"%s","text":"暖气还是不热","providerId":"%s"}""".formatted(phone, providerId), "zh-CN");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(json.readTree(response.body()).path("matched").asBoolean()).isFalse();
		Map<String, Object> row = jdbc.sql("select phone, text, message_id from notification_inbound where provider_id = ?")
			.param(providerId).query().singleRow();
		assertThat(row).containsEntry("phone", phone).containsEntry("text", "暖气还是不热");
		assertThat(row.get("message_id")).isNull();
	}

	@Test
	void aMatchedReplyPublishesCustomerReplied() {
		String phone = mobile();
		long followUp = sent(MessageKind.FOLLOW_UP, phone, clock.instant().minus(Duration.ofMinutes(30)));
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		inbound.receive(new SmsInbound.Reply(phone, "4", at, "in-" + UUID.randomUUID()));
		List<CustomerReplied> replies = events.stream(CustomerReplied.class).filter(r -> r.messageId() == followUp).toList();
		assertThat(replies).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(MessageKind.FOLLOW_UP);
			assertThat(r.text()).isEqualTo("4");
			assertThat(r.phone()).isEqualTo(phone);
			assertThat(r.ticketNo()).startsWith("GRI");
			assertThat(r.receivedAt()).isEqualTo(at);
		});
	}

	@Test
	void onlyAKeyOfScopeSmsMayPost() throws Exception {
		String cti = TestApiKeys.create(jdbc, ApiKeyScope.CTI, "switch");
		HttpResponse<String> response = post(cti, """
				{"from":"%s","text":"1","providerId":"in-%s"}""".formatted(mobile(), UUID.randomUUID()), "en");
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void malformedRepliesAreRefusedInTheCallersLanguageAndStoreNothing() throws Exception {
		String key = TestApiKeys.create(jdbc, ApiKeyScope.SMS, "sms malformed");
		// a refused reply writes no inbound row and touches no message
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json,
				() -> jdbc.sql("select (select count(*) from notification_inbound) + (select count(*) from notification_message where reply_text is not null)")
					.query(Long.class)
					.single());
		String valid = """
				{"from":"13805311234","text":"1","receivedAt":"2026-11-29T08:15:00+08:00","providerId":"in-%s"}""".formatted(MalformedInput.UNIQUE);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, 40);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(MalformedInput.at(port, "/api/v1/sms/inbound")
				.header("X-Api-Key", key)
				.header("Accept-Language", i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isGreaterThan(100);

		// the words, in each language
		HttpResponse<String> zh = post(key, "{\"from\":\"12345\",\"text\":\"1\",\"providerId\":\"x-1\"}", "zh-CN");
		assertThat(zh.statusCode()).isEqualTo(400);
		assertThat(json.readTree(zh.body()).path("code").asString()).isEqualTo("SMS_FROM_INVALID");
		assertThat(json.readTree(zh.body()).path("field").asString()).isEqualTo("from");
		assertThat(json.readTree(zh.body()).path("message").asString()).isEqualTo("发信号码不是有效的手机号（11 位，以 1 开头）。");
		HttpResponse<String> en = post(key, "{\"from\":\"13805311234\",\"text\":\"1\",\"providerId\":\"x-2\",\"receivedAt\":\"yesterday\"}", "en");
		assertThat(en.statusCode()).isEqualTo(400);
		assertThat(json.readTree(en.body()).path("field").asString()).isEqualTo("receivedAt");
		assertThat(json.readTree(en.body()).path("message").asString()).startsWith("The time received is not an ISO 8601 time");
		HttpResponse<String> future = post(key, "{\"from\":\"13805311234\",\"text\":\"1\",\"providerId\":\"x-3\",\"receivedAt\":\""
				+ clock.instant().plus(Duration.ofDays(1)) + "\"}", "en");
		assertThat(json.readTree(future.body()).path("code").asString()).isEqualTo("SMS_TIME_IN_FUTURE");
		assertThat(jdbc.sql("select count(*) from notification_inbound where provider_id like 'x-%'").query(Long.class).single())
			.isZero();
	}

	// ---- helpers

	private HttpResponse<String> post(String key, String body, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sms/inbound"))
			.header("X-Api-Key", key)
			.header("Content-Type", "application/json")
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A message queued and marked sent at {@code sentAt}, as the delivery would have. */
	private long sent(MessageKind kind, String phone, Instant sentAt) {
		String ticketNo = "GRI" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> values = Map.of("ticketNo", ticketNo, "result", "已修复");
		long id = new TransactionTemplate(transactions).execute(s -> messages.queue(Actor.system("test"),
				new MessageRequest(kind, null, phone, ticketNo, values, null, true))).id();
		jdbc.sql("update notification_message set status = 'SENT', sent_at = ?, attempts = 1, provider_id = ? where id = ?")
			.params(java.sql.Timestamp.from(sentAt), "p-" + id, id)
			.update();
		return id;
	}

	private static String mobile() {
		return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
