package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrator opens the outbox at 1366×768, finds one ticket's messages by typing its number
 * (keyboard only): one delivered, one waiting for the end of the quiet hours, one failed with its
 * reason; sends the failed one again and sees it delivered.
 */
@HeatDeskTest
class OutboxBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	CustomerMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	OutboxDelivery node;

	@Test
	void theAdministratorFindsATicketsMessagesAndSendsAFailedOneAgain() throws Exception {
		String ticketNo = "GR" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^0-9]", "7");
		String phone = "133" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		long recorded = queue(MessageKind.TICKET_RECORDED, ticketNo, phone, true, Map.of());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(recorded)));
		long failed;
		long waiting;
		try (AutoCloseable paused = node.pause()) {
			failed = queue(MessageKind.TICKET_DISPATCHED, ticketNo, phone, true,
					Map.of("technician", "孙师傅", "technicianNo", "T018", "window", "10:30"));
			jdbc.sql("update notification_message set status = 'FAILED', attempts = 6, last_error = 'HTTP 503: 服务暂不可用' where id = ?")
				.param(failed)
				.update();
			waiting = queue(MessageKind.TICKET_RESOLVED, ticketNo, phone, false, Map.of("result", "阀门已更换，室温恢复"));
			jdbc.sql("update notification_message set not_before = now() + interval '8 hours' where id = ?").param(waiting).update();
		}
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("admin", "heatdesk2026").go("/admin/outbox");
			WebElement ticketField = b.find(By.name("ticketNo"));
			ticketField.sendKeys(ticketNo, Keys.ENTER);
			b.waitFor(d -> d.getCurrentUrl().contains("ticketNo=" + ticketNo));
			assertThat(b.driver().findElements(By.cssSelector("tr[data-message]"))).hasSize(3);
			WebElement sent = b.find(By.cssSelector("tr[data-message='" + recorded + "']"));
			assertThat(sent.getText()).contains("工单登记", "已发送", phone.substring(0, 3) + "****" + phone.substring(7))
				.doesNotContain(phone);
			WebElement later = b.find(By.cssSelector("tr[data-message='" + waiting + "']"));
			assertThat(later.getText()).contains("处理结果", "排队中", "后发送", "阀门已更换，室温恢复");
			WebElement broken = b.find(By.cssSelector("tr[data-message='" + failed + "']"));
			assertThat(broken.getText()).contains("已派工", "发送失败", "HTTP 503: 服务暂不可用", "重新发送");
			assertThat(b.text(By.cssSelector("[data-figure='failed']"))).contains("发送失败");
			assertThat(b.driver().getTitle()).contains("短信发件箱");
			b.screenshot("notification-outbox");

			broken.findElement(By.cssSelector("button")).click();
			b.driver().switchTo().alert().accept();
			assertThat(b.text(By.cssSelector(".alert-ok"))).isEqualTo("消息已重新放入队列，将立即发送。");
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(failed)));
			b.go("/admin/outbox?ticketNo=" + ticketNo);
			assertThat(b.find(By.cssSelector("tr[data-message='" + failed + "']")).getAttribute("data-status")).isEqualTo("SENT");
			b.screenshot("notification-outbox-retried");
		}
	}

	private String status(long id) {
		return jdbc.sql("select status from notification_message where id = ?").param(id).query(String.class).single();
	}

	private long queue(MessageKind kind, String ticketNo, String phone, boolean urgent, Map<String, String> more) {
		Map<String, String> values = new java.util.HashMap<>(more);
		values.put("ticketNo", ticketNo);
		return new TransactionTemplate(transactions).execute(s -> messages.queue(Actor.system("test"),
				new MessageRequest(kind, null, phone, ticketNo, values, null, urgent))).id();
	}
}
