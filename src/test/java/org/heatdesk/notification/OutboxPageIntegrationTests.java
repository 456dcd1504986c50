package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox page (who may read it, its filters, the retry) and the outbox's Prometheus metrics. */
@HeatDeskTest
class OutboxPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerMessages messages;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	OutboxDelivery node;

	@Test
	void adminsLeadsAndManagersReadTheOutboxWithMaskedNumbersAndOthersAreRefused() throws Exception {
		String ticketNo = "GRO" + UUID.randomUUID().toString().substring(0, 8);
		String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		long id = queue(ticketNo, phone);
		for (String user : new String[] { "admin", "lead", "manager" }) {
			HttpResponse<String> page = PageSession.login(port, user).get("/admin/outbox?ticketNo=" + ticketNo);
			assertThat(page.statusCode()).as(user).isEqualTo(200);
			assertThat(page.body()).contains("data-message=\"" + id + "\"")
				.contains(phone.substring(0, 3) + "****" + phone.substring(7))
				.doesNotContain(phone)
				.contains("您反映的问题已登记，工单号" + ticketNo);
		}
		// the team lead reads tickets: the number links to it; the administrator does not: plain text
		assertThat(PageSession.login(port, "lead").get("/admin/outbox?ticketNo=" + ticketNo).body())
			.contains("href=\"/tickets/" + ticketNo + "\"");
		assertThat(PageSession.login(port, "admin").get("/admin/outbox?ticketNo=" + ticketNo).body())
			.doesNotContain("href=\"/tickets/" + ticketNo + "\"");
		assertThat(PageSession.login(port, "agent").get("/admin/outbox").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "auditor").get("/admin/outbox").statusCode()).isEqualTo(403);
		// a filter that excludes it, and nonsense filters that are dropped rather than an error page
		assertThat(PageSession.login(port, "admin").get("/admin/outbox?ticketNo=" + ticketNo + "&status=FAILED").body())
			.doesNotContain("data-message=\"" + id + "\"");
		HttpResponse<String> odd = PageSession.login(port, "admin").get("/admin/outbox?status=nonsense&kind=NOPE&day=2026-13-45&ticketNo=" + "x".repeat(80));
		assertThat(odd.statusCode()).isEqualTo(200);
	}

	@Test
	void aTicketWithMoreMessagesThanAPageShowsTheNewest200AndSaysSo() throws Exception {
		// 201 messages of one ticket: one more than a page holds
		String ticketNo = "GRPAGE" + System.nanoTime() % 1_000_000;
		jdbc.sql("""
				insert into notification_message (kind, channel, phone, ticket_no, body, status, dedup_key, not_before,
				    queued_at, queued_by, attempts, sent_at, provider_id)
				select 'TICKET_RECORDED', 'SMS', '13900001111', ?, '【金鼎公司】测试' || g, 'SENT', ? || ':' || g, now(), now(),
				       'system:test', 1, now(), 'local-' || g
				  from generate_series(1, 201) g
				""").params(ticketNo, ticketNo).update();
		HttpResponse<String> page = PageSession.login(port, "lead").get("/admin/outbox?ticketNo=" + ticketNo);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("只显示最新的 200 条").doesNotContain("出错");
		assertThat(page.body().split("data-message=", -1)).hasSize(201);
	}

	@Test
	void anAdministratorSendsAFailedMessageAgainAndItIsAudited() throws Exception {
		String ticketNo = "GRO" + UUID.randomUUID().toString().substring(0, 8);
		long id;
		try (AutoCloseable paused = node.pause()) {
			id = queue(ticketNo, "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
			jdbc.sql("update notification_message set status = 'FAILED', attempts = 6, last_error = 'HTTP 500: down' where id = ?")
				.param(id)
				.update();
			// a manager reads but may not retry
			assertThat(PageSession.login(port, "manager").post("/admin/outbox/" + id + "/retry", Map.of()).statusCode())
				.isEqualTo(403);
			assertThat(jdbc.sql("select status from notification_message where id = ?").param(id).query(String.class).single())
				.isEqualTo("FAILED");
			PageSession admin = PageSession.login(port, "admin");
			assertThat(admin.get("/admin/outbox?status=FAILED&ticketNo=" + ticketNo).body()).contains("/admin/outbox/" + id + "/retry");
			HttpResponse<String> retried = admin.post("/admin/outbox/" + id + "/retry", Map.of());
			assertThat(retried.statusCode()).isEqualTo(302);
			assertThat(jdbc.sql("select status from notification_message where id = ?").param(id).query(String.class).single())
				.isEqualTo("QUEUED");
			assertThat(jdbc.sql("select actor from platform_audit_event where action = 'NOTIFICATION_RETRY' and entity_id = ?")
				.param(String.valueOf(id)).query(String.class).single()).isEqualTo("admin");
			assertThat(admin.get("/admin/outbox").body()).contains("消息已重新放入队列");
			// a second retry of a message no longer FAILED changes nothing, and says where it stands in words
			admin.post("/admin/outbox/" + id + "/retry", Map.of());
			assertThat(admin.get("/admin/outbox").body()).contains("这条消息当前状态为“排队中”").doesNotContain("“QUEUED”");
			assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'NOTIFICATION_RETRY' and entity_id = ?")
				.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		}
		// the node, running again, sends it through the recording gateway
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> "SENT".equals(
				jdbc.sql("select status from notification_message where id = ?").param(id).query(String.class).single()));
	}

	@Test
	void theOutboxMetricsAreOnPrometheusForTheAdministrator() throws Exception {
		queue("GRO" + UUID.randomUUID().toString().substring(0, 8),
				"134" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:heatdesk2026".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("heatdesk_notification_queue{status=\"QUEUED\"}")
			.contains("heatdesk_notification_queue{status=\"SENT\"}")
			.contains("heatdesk_notification_oldest_due_age_seconds")
			.contains("heatdesk_notification_sent_total")
			.contains("heatdesk_notification_failed_total")
			.contains("heatdesk_notification_retried_total")
			.contains("heatdesk_notification_gateway_latency_seconds_count{outcome=\"ok\"}");
	}

	private long queue(String ticketNo, String phone) {
		return new TransactionTemplate(transactions).execute(s -> messages.queue(Actor.system("test"),
				new MessageRequest(MessageKind.TICKET_RECORDED, null, phone, ticketNo, Map.of("ticketNo", ticketNo), null, true)))
			.id();
	}
}
