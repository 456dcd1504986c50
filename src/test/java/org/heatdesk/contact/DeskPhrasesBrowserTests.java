package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 孙丽华 calls to complain. The desk greets with the company's name when the call pops; choosing
 * the complaint type brings the complaint and apology phrases with her surname; a click or Alt+2
 * copies one; the three voices ticked stay with the call; the farewell comes when the call ends.
 */
@HeatDeskTest
class DeskPhrasesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void aComplaintBringsTheComplaintPhrasesWithTheCompanyAndTheCallersSurname() {
		CtiClient cti = CtiClient.create(port, jdbc);
		String phone = TestCustomers.uniqueMobile();
		TestCustomers.insert(jdbc, "孙丽华", phone);
		TestStaff.Account agent = TestStaff.create(staff, "phrdesk", Role.AGENT);
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(agent.username(), TestStaff.PASSWORD).go("/desk");
			b.waitFor(d -> "true".equals(b.find(By.id("main")).getAttribute("data-stream-open")));
			// before any call: the greeting of chapter 7 (一), the company's short name filled in
			b.waitFor(d -> b.text(By.id("phrase-box")).contains("您好！金鼎公司供热客服中心！"));

			String switchId = "PH-" + UUID.randomUUID();
			assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(3), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			b.find(By.id("pop-customer"));
			assertThat(cti.post(CtiClient.event(switchId, "ANSWERED", Instant.now().minusSeconds(1), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			b.waitFor(d -> "TALKING".equals(b.find(By.id("pop-status")).getAttribute("data-status")));
			b.waitFor(d -> "GREETING,ACKNOWLEDGE,CLARIFY".equals(b.find(By.id("phrase-box")).getAttribute("data-set")));
			// the acknowledgement names her: 孙 from the name on file, title unknown
			b.waitFor(d -> b.text(By.id("phrase-box")).contains("好的，孙先生/女士，您反映的情况我已经记下了。"));

			// the three voices for this call: 问声 ticked is kept with the call
			long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
			b.find(By.id("voice-GREET")).click();
			b.waitFor(d -> jdbc.sql("select count(*) from knowledge_call_voice where call_id = ? and voice = 'GREET'")
				.param(callId).query(Long.class).single() == 1);

			// the caller complains: the complaint and apology phrases, with the company and her surname
			new Select(b.find(By.id("ticket-type"))).selectByValue("COMPLAINT");
			b.waitFor(d -> "COMPLAINT,APOLOGY".equals(b.find(By.id("phrase-box")).getAttribute("data-set")));
			String complaint = b.text(By.id("phrase-box"));
			assertThat(complaint).contains("孙先生/女士您好！金鼎公司供热客服中心！请问您有什么需要帮忙的？")
				.contains("对不起，孙先生/女士，我们会立即处理这个问题，会在最短时间给您答复。")
				.contains("对不起，这是我们的失误。");
			// one click copies a phrase, Alt+2 the second
			b.find(By.cssSelector("#phrase-box button.phrase")).click();
			b.waitFor(d -> "true".equals(d.findElements(By.cssSelector("#phrase-box button.phrase")).get(0).getAttribute("data-copied")));
			new Actions(b.driver()).keyDown(Keys.ALT).sendKeys("2").keyUp(Keys.ALT).perform();
			b.waitFor(d -> "true".equals(d.findElements(By.cssSelector("#phrase-box button.phrase")).get(1).getAttribute("data-copied")));
			assertThat(((JavascriptExecutor) b.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
			b.screenshot("desk-phrases-complaint");

			// not a complaint after all: the caller asks why her radiator is cold; the knowledge panel finds
			// the article from what the agent types, she is answered in the call, the article is linked
			new Select(b.find(By.id("ticket-type"))).selectByValue("INQUIRY");
			b.waitFor(d -> "GREETING,ACKNOWLEDGE,CLARIFY".equals(b.find(By.id("phrase-box")).getAttribute("data-set")));
			String title = jdbc.sql("""
					select v.title from knowledge_article a join knowledge_article_version v
					  on v.article_id = a.id and v.version = a.published_version where a.slug = 'radiator-not-warm'""")
				.query(String.class).single();
			long article = jdbc.sql("select id from knowledge_article where slug = 'radiator-not-warm'").query(Long.class).single();
			b.find(By.id("ticket-description")).sendKeys("暖气不热");
			b.waitFor(d -> b.text(By.id("kb-panel")).contains(title));
			b.screenshot("desk-knowledge-panel");
			b.find(By.cssSelector("#kb-panel .kb-mark[data-article-id='" + article + "']")).click();
			long contactId = jdbc.sql("select contact_id from contact_call where id = ?").param(callId).query(Long.class).single();
			b.waitFor(d -> jdbc.sql("select count(*) from knowledge_answered where article_id = ? and contact_id = ?")
				.param(article).param(contactId).query(Long.class).single() == 1);
			b.find(By.id("ticket-answer")).sendKeys("先给暖气片排气，再看阀门是否全开。");
			b.find(By.id("answered-in-call")).click();
			String ticketNo = b.waitFor(d -> d.findElement(By.id("ticket-recorded")).getAttribute("data-ticket-no"));
			b.waitFor(d -> ticketNo.equals(jdbc.sql("select ticket_no from knowledge_answered where article_id = ? and contact_id = ?")
				.param(article).param(contactId).query(String.class).single()));
			assertThat(jdbc.sql("select count(*) from knowledge_answered where article_id = ? and contact_id = ?")
				.param(article).param(contactId).query(Long.class).single()).isEqualTo(1);

			// the call ends: the farewell
			assertThat(cti.post(CtiClient.event(switchId, "ENDED", Instant.now(), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			b.waitFor(d -> "CLOSING".equals(b.find(By.id("phrase-box")).getAttribute("data-set")));
			assertThat(b.text(By.id("phrase-box"))).contains("感谢您的来电，请您保持电话畅通，再见！");
			b.screenshot("desk-phrases-farewell");

			// the ticket page shows the article that answered her
			b.go("/tickets/" + ticketNo);
			b.waitFor(d -> "true".equals(d.findElement(By.id("kb-used")).getAttribute("data-loaded")));
			assertThat(b.text(By.id("kb-used"))).contains(title);
		}
	}
}
