package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent attaches a photo on the ticket page with the keyboard and sees it listed with a thumbnail. */
@HeatDeskTest
class TicketAttachmentsBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void anAgentAttachesAPhotoOnTheTicketPage() throws Exception {
		Api.Response r = Api.as(port, "agent").post("/api/v1/tickets",
				TicketsIntegrationTests.repair(TicketsIntegrationTests.unique("暖气片接口漏水，用户拍了照片")));
		assertThat(r.status()).isEqualTo(201);
		String no = r.text("ticketNo");
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xE8EEF5));
		g.fillRect(0, 0, 160, 120);
		g.setColor(new Color(0xB03A2E));
		g.fillRect(40, 30, 80, 60);
		g.dispose();
		Path file = Files.createTempFile("radiator-leak", ".png");
		ImageIO.write(image, "png", file.toFile());
		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketPagesBrowserTests.login(b, "agent");
			b.go("/tickets/" + no);
			assertThat(b.text(By.id("attachments"))).contains("暂无附件");
			WebElement input = b.find(By.id("attachment-file"));
			assertThat(input.getAttribute("accept")).isEqualTo("image/*,application/pdf");
			input.sendKeys(file.toAbsolutePath().toString());
			// keyboard only: from the file input, Tab to the upload button and press Enter
			// (a file input takes sendKeys as a path, so the Tab goes through Actions)
			((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].focus()", input);
			new org.openqa.selenium.interactions.Actions(b.driver()).sendKeys(Keys.TAB).perform();
			assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("attachment-submit");
			b.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			b.waitFor(d -> !d.findElements(By.cssSelector("#attachments .attachment-list img")).isEmpty());
			WebElement img = b.find(By.cssSelector("#attachments .attachment-list img"));
			b.waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
			assertThat(img.getAttribute("alt")).isEqualTo(file.getFileName().toString());
			assertThat(b.text(By.id("attachments"))).contains(file.getFileName().toString()).contains("附件（1）");
			assertThat(b.text(By.id("timeline"))).contains("添加附件");
			b.screenshot("ticket-page-attachment");
		}
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			TicketPagesBrowserTests.login(b, "agent");
			b.go("/tickets/" + no + "#attachments");
			b.find(By.cssSelector("#attachments .attachment-list img"));
			b.screenshot("ticket-page-attachment-phone");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
