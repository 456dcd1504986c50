package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager opens the dashboards for the hand-made day of {@link DashboardFixtures}, sees every chart
 * drawn from its table, reads the deadline table, switches to English, and downloads the xlsx: it
 * holds the numbers the page showed.
 */
@HeatDeskTest
class DashboardBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void aManagerReadsTheDashboardsAndExportsThem() throws Exception {
		DashboardFixtures.Set set = DashboardFixtures.write(jdbc, staff, 2015);
		String day = set.day().toString();
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("manager", "heatdesk2026").go("/reports/dashboards?from=" + day + "&to=" + day);
			assertThat(b.text(By.tagName("h1"))).isEqualTo("服务统计看板");
			b.waitFor(d -> d.findElements(By.cssSelector(".dash-chart[data-drawn='true']")).size() == 12);
			assertThat(b.driver().findElements(By.cssSelector(".dash-chart canvas"))).hasSizeGreaterThanOrEqualTo(12);
			b.screenshot("reporting-dashboards-top");

			// the deadline table: dispatch 4 due, 1 kept, 3 late, 25.0 % (worked out in DashboardFixtures)
			WebElement dispatch = b.find(By.xpath("//table[@id='marks-table']//tr[td[1]='有指令']"));
			assertThat(cells(dispatch)).containsExactly("有指令", "4", "1", "3", "25.0");
			WebElement community = b.find(By.xpath("//table[@id='network-table']//tr[td[2]='" + set.communityName() + "']"));
			assertThat(cells(community)).containsExactly(set.substationLabel(), set.communityName(), "400", "7", "2", "5.00");
			WebElement agent = b.find(By.xpath("//table[@id='agents-table']//tr[td[1]='" + set.agentName() + "']"));
			assertThat(cells(agent)).containsExactly(set.agentName(), set.teamName(), "4", "3", "75.0", "75", "7", "2");

			// every table is reachable from the keyboard: its scroll box takes the focus
			WebElement marksBox = b.find(By.cssSelector("#marks .dash-table"));
			assertThat(marksBox.getAttribute("tabindex")).isEqualTo("0");
			((JavascriptExecutor) b.driver()).executeScript("arguments[0].focus()", b.find(By.cssSelector("#repair-causes .dash-table")));
			b.find(By.cssSelector("#repair-causes .dash-table")).sendKeys(Keys.TAB);
			assertThat(b.driver().switchTo().activeElement().getAttribute("class")).contains("dash-table");
			((JavascriptExecutor) b.driver()).executeScript("document.getElementById('marks').scrollIntoView()");
			b.screenshot("reporting-dashboards-marks");
			((JavascriptExecutor) b.driver()).executeScript("document.getElementById('network').scrollIntoView()");
			b.screenshot("reporting-dashboards-network");
			((JavascriptExecutor) b.driver()).executeScript("document.getElementById('season').scrollIntoView()");
			b.screenshot("reporting-dashboards-season");

			// the xlsx downloaded in the same session holds the page's numbers
			String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
				.collect(Collectors.joining("; "));
			String href = b.find(By.id("export-xlsx")).getAttribute("href");
			HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
				.header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
				Sheet marks = book.getSheet("四个节点的时限执行");
				assertThat(marks.getRow(0).getCell(0).getStringCellValue()).isEqualTo("山东金鼎集团有限公司");
				assertThat(marks.getRow(2).getCell(0).getStringCellValue()).isEqualTo("统计期间：" + day + " 至 " + day);
				assertThat(marks.getRow(3).getCell(0).getStringCellValue()).startsWith("制表时间：");
				Row row = find(marks, "有指令");
				List<String> page = cells(dispatch).subList(1, 5);
				for (int c = 1; c <= 4; c++) {
					assertThat(new java.math.BigDecimal(String.valueOf(row.getCell(c).getNumericCellValue())).stripTrailingZeros())
						.isEqualByComparingTo(new java.math.BigDecimal(page.get(c - 1)));
				}
			}
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
					b.find(By.id("export-pdf")).getAttribute("href"))).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

			// in English the page, its tables and charts keep working
			b.go("/reports/dashboards?from=" + day + "&to=" + day + "&lang=en");
			assertThat(b.text(By.tagName("h1"))).isEqualTo("Service dashboards");
			b.waitFor(d -> d.findElements(By.cssSelector(".dash-chart[data-drawn='true']")).size() == 12);
			WebElement dispatchEn = b.find(By.xpath("//table[@id='marks-table']//tr[td[1]='" + markEn() + "']"));
			assertThat(cells(dispatchEn)).containsExactly(markEn(), "4", "1", "3", "25.0");
			assertThat(b.text(By.id("season"))).contains("This season's first cold week against last season's");
			b.screenshot("reporting-dashboards-en");
		}
	}

	private String markEn() {
		return "Instructed";
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

	private static Row find(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + label);
	}
}
