package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The compliance report's export: a hand-made report to xlsx and PDF (each line's numbers, the
 * "not measured yet" line, the heading), and the download beside {@code /reports} with its refusals.
 */
@HeatDeskTest
class ReportExportIntegrationTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	ReportExportController controller;

	@Autowired
	ReportExport export;

	@LocalServerPort
	int port;

	@Test
	void aHandMadeReportExportsItsNumbers() throws Exception {
		FigureDefinition answered = new FigureDefinition("calls.answered-in-limit", "7(三)", FigureUnit.PERCENT, true,
				new BigDecimal("95"), Set.of(ScopeKind.COMPANY));
		FigureDefinition median = new FigureDefinition("repairs.intake-to-dispatch", "9.2", FigureUnit.MEDIAN_MINUTES, false,
				null, Set.of(ScopeKind.COMPANY));
		FigureDefinition training = new FigureDefinition("people.training-hours", "4.6", FigureUnit.AVERAGE, true, null,
				Set.of(ScopeKind.COMPANY));
		// 188 of 200 within the limit = 94.0 %, below the 95 % target; the month before 96.5 % (193 / 200)
		FigureValue now = new FigureValue(answered, true, new BigDecimal("94.0"), 188, 200, new BigDecimal("95"));
		FigureValue before = new FigureValue(answered, true, new BigDecimal("96.5"), 193, 200, new BigDecimal("95"));
		FigureValue minutes = new FigureValue(median, true, new BigDecimal("12"), 0, 31, null);
		FigureValue none = new FigureValue(training, false, null, 0, 0, null);
		ComplianceReport report = new ComplianceReport(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
				Scope.COMPANY, "全公司", Instant.parse("2026-11-30T00:05:00Z"),
				List.of(new ReportLine(answered, "三声内接听率", now, before, Trend.WORSE),
						new ReportLine(median, "受理至派单时间（中位数）", minutes, null, Trend.NONE),
						new ReportLine(training, "人均培训时长", none, null, Trend.NONE)));

		ReportExport.Document document = controller.document(report, ZH);
		assertThat(document.title()).isEqualTo("服务规范合规报表 · 全公司");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.xlsx(document)))) {
			Sheet sheet = book.getSheet("合规报表");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("山东金鼎集团有限公司");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("统计期间：2026-10-01 至 2026-10-31");
			// 00:05 UTC is 08:05 in Shanghai
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("制表时间：2026-11-30 08:05（Asia/Shanghai）");
			Row calls = row(sheet, "7(三)");
			assertThat(calls.getCell(1).getStringCellValue()).isEqualTo("三声内接听率");
			assertThat(calls.getCell(3).getStringCellValue()).isEqualTo("未达标");
			assertThat(calls.getCell(4).getStringCellValue()).isEqualTo("变差");
			assertThat(calls.getCell(5).getNumericCellValue()).isEqualTo(94.0);
			assertThat(calls.getCell(6).getNumericCellValue()).isEqualTo(95.0);
			assertThat(calls.getCell(7).getNumericCellValue()).isEqualTo(96.5);
			assertThat(calls.getCell(8).getNumericCellValue()).isEqualTo(188);
			assertThat(calls.getCell(9).getNumericCellValue()).isEqualTo(200);
			assertThat(row(sheet, "9.2").getCell(5).getNumericCellValue()).isEqualTo(12);
			Row notMeasured = row(sheet, "4.6");
			assertThat(notMeasured.getCell(3).getStringCellValue()).isEqualTo("尚未统计");
			assertThat(notMeasured.getCell(5)).isNull();
		}
		byte[] pdf = export.pdf(document);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(controller.document(report, Locale.ENGLISH).tables().get(0).rows().get(2).labels())
			.contains("Not measured yet");
	}

	@Test
	void theReportsDownloadKeepsTheReportsRules() throws Exception {
		ExportDownloads manager = ExportDownloads.login(port, "manager");
		var file = manager.get("/reports/export.xlsx?period=month&day=2026-10-15&scope=company");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("heatdesk-compliance-2026-10-01_2026-10-31.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("服务规范合规报表");
			// every figure of the standard is a line, those not measured yet too (the catalogue has 30 or more)
			assertThat(sheet.getLastRowNum()).isGreaterThan(25);
		}
		var pdf = manager.get("/reports/export.pdf?period=month&day=2026-10-15&scope=company&lang=en");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(manager.get("/reports/export.xlsx?period=range&from=2026-10-05&to=2026-10-01").statusCode()).isEqualTo(400);
		assertThat(manager.get("/reports/export.xlsx?period=range&from=2020-01-01&to=2026-10-01").statusCode()).isEqualTo(400);
		assertThat(manager.get("/reports/export.xlsx?scope=team:987654321").statusCode()).isEqualTo(404);
		assertThat(manager.get("/reports/export.doc").statusCode()).isIn(404, 400);
		// an agent may not export the company's report
		assertThat(ExportDownloads.login(port, "agent").get("/reports/export.xlsx?scope=company").statusCode()).isEqualTo(403);
	}

	private static Row row(Sheet sheet, String article) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && article.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no line " + article);
	}
}
