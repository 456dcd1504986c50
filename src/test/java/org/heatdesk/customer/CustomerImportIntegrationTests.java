package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.customer.CustomerTestSupport.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import from billing: good files stored, bad rows reported (row, column, problem) with nothing stored; CSV and xlsx. */
@HeatDeskTest
class CustomerImportIntegrationTests {

	static final String HEADER = "户号,姓名,电话,身份证号,小区,楼号,单元,室号,供热面积,换热站编号,供热状态,备注\n";

	@Autowired
	CustomerImport importer;

	@Autowired
	CustomerRepository repository;

	@Autowired
	Customers customers;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	private static String prefix() {
		return "I" + String.format("%05d", CustomerTestSupport.next());
	}

	@Test
	void goodCsvIsStoredAndSearchable() {
		String p = prefix();
		String csv = HEADER
				+ p + "1,赵一,13911110001,,翠园小区,701,1,101,80.5,,,\n"
				+ p + "2,\"钱二\",\"13911110002; 0531-86110002\",370102198001011234,翠园小区,701,1,102,95,CY-07,报停,\"备注,含逗号\"\n";
		CustomerImport.Report report = as("manager", () -> importer.importFile("billing.csv", csv.getBytes(StandardCharsets.UTF_8)),
				Role.MANAGER);
		assertThat(report.problems()).isEmpty();
		assertThat(report.imported()).isEqualTo(2);
		CustomerView second = as("manager", () -> customers.findByAccountNo(p + "2").orElseThrow(), Role.MANAGER);
		assertThat(second.phones()).containsExactly("13911110002", "0531-86110002");
		assertThat(second.heatingStatus()).isEqualTo(HeatingStatus.SUSPENDED);
		assertThat(repository.find(second.id()).orElseThrow().notes()).isEqualTo("备注,含逗号");
		assertThat(as("agent", () -> customers.findByPhone("0531 8611 0002"), Role.AGENT)).extracting(CustomerView::accountNo)
			.containsExactly(p + "2");
		assertThat(as("agent", () -> customers.search("翠园 0001", 50), Role.AGENT)).extracting(CustomerView::accountNo)
			.contains(p + "1");
	}

	@Test
	void gbkCsvFromExcelIsReadToo() {
		String p = prefix();
		String csv = HEADER + p + "1,孙三,13911120001,,翠园小区,702,1,101,70,,,\n";
		CustomerImport.Report report = as("manager",
				() -> importer.importFile("billing.csv", csv.getBytes(Charset.forName("GB18030"))), Role.MANAGER);
		assertThat(report.imported()).isEqualTo(1);
		assertThat(as("manager", () -> customers.findByAccountNo(p + "1").orElseThrow().name(), Role.MANAGER)).isEqualTo("孙三");
	}

	@Test
	void badRowsAreReportedAndNothingIsStored() {
		String p = prefix();
		String existing = DemoCustomers.accountNo(1);
		String csv = HEADER
				+ p + "1,好行,13911130001,,翠园小区,703,1,101,80,,,\n"               // row 2: fine
				+ p + "1,重复,13911130002,,翠园小区,703,1,102,80,,,\n"               // row 3: duplicate in file
				+ existing + ",已有,13911130003,,翠园小区,703,1,103,80,,,\n"          // row 4: exists in the database
				+ p + "4,坏号,1391113,,翠园小区,703,1,104,80,,,\n"                   // row 5: malformed phone
				+ p + "5,无小区,13911130005,,不存在小区,703,1,105,80,,,\n"             // row 6: unknown community
				+ p + "6,无站,13911130006,,翠园小区,703,1,106,80,XX-99,,\n"           // row 7: unknown substation
				+ p + "7,,13911130007,,翠园小区,703,1,107,,,,\n";                    // row 8: name and area missing
		CustomerImport.Report report = as("manager", () -> importer.importFile("bad.csv", csv.getBytes(StandardCharsets.UTF_8)),
				Role.MANAGER);
		assertThat(report.imported()).isZero();
		assertThat(report.problems()).extracting(pr -> pr.row() + "/" + pr.column() + "/" + pr.code())
			.containsExactlyInAnyOrder("3/accountNo/CUSTOMER_ACCOUNT_NO_DUPLICATE_IN_FILE", "4/accountNo/CUSTOMER_ACCOUNT_NO_TAKEN",
					"5/phones/CUSTOMER_PHONE_FORMAT", "6/community/CUSTOMER_COMMUNITY_UNKNOWN",
					"7/substationCode/CUSTOMER_SUBSTATION_UNKNOWN", "8/name/REQUIRED", "8/heatedArea/REQUIRED");
		assertThat(repository.existingAccountNos(List.of(p + "1", p + "4", p + "5", p + "6", p + "7"))).isEmpty();
	}

	@Test
	void missingColumnIsReported() {
		String csv = "户号,姓名,电话\nX1,a,13900000000\n";
		CustomerImport.Report report = as("manager", () -> importer.importFile("x.csv", csv.getBytes(StandardCharsets.UTF_8)),
				Role.MANAGER);
		assertThat(report.imported()).isZero();
		assertThat(report.problems()).extracting(CustomerImport.RowProblem::column)
			.contains("community", "building", "unit", "room", "heatedArea");
		assertThat(report.problems()).allSatisfy(pr -> assertThat(pr.row()).isEqualTo(1));
	}

	@Test
	void xlsxGoodAndBad() throws IOException {
		String p = prefix();
		byte[] good = xlsx(List.of(List.of("accountNo", "name", "phones", "community", "building", "unit", "room", "heatedArea"),
				List.of(p + "1", "周五", "13911140001", "翠园小区", "704", "1", "101", "66.6"),
				List.of(p + "2", "吴六", "13911140002", "翠园小区", "704", "1", "102", "77")));
		CustomerImport.Report ok = as("manager", () -> importer.importFile("billing.xlsx", good), Role.MANAGER);
		assertThat(ok.problems()).isEmpty();
		assertThat(ok.imported()).isEqualTo(2);
		assertThat(as("manager", () -> customers.findByPhone("13911140002"), Role.MANAGER)).extracting(CustomerView::name)
			.containsExactly("吴六");
		byte[] bad = xlsx(List.of(List.of("户号", "姓名", "电话", "小区", "楼号", "单元", "室号", "供热面积"),
				List.of(p + "3", "郑七", "13911140003", "翠园小区", "704", "1", "103", "77"),
				List.of(p + "4", "王八", "13911140004", "翠园小区", "704", "1", "104", "abc")));
		CustomerImport.Report rejected = as("manager", () -> importer.importFile("bad.xlsx", bad), Role.MANAGER);
		assertThat(rejected.problems()).extracting(pr -> pr.row() + "/" + pr.column() + "/" + pr.code())
			.containsExactly("3/heatedArea/CUSTOMER_AREA_FORMAT");
		assertThat(repository.existingAccountNos(List.of(p + "3", p + "4"))).isEmpty();
	}

	@Test
	void apiImportReportsProblemsInTheCallersLanguageAndNeedsTheRole() throws Exception {
		String p = prefix();
		String csv = HEADER + p + "1,冯九,139111,,翠园小区,705,1,101,80,,,\n";
		HttpResponse<String> zh = postImport("manager", csv, "zh_CN");
		assertThat(zh.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(zh.body());
		assertThat(body.get("code").asString()).isEqualTo("CUSTOMER_IMPORT_INVALID");
		assertThat(body.get("problems").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(body.get("problems").get(0).get("column").asString()).isEqualTo("phones");
		assertThat(body.get("problems").get(0).get("columnLabel").asString()).isEqualTo("电话");
		assertThat(body.get("problems").get(0).get("message").asString()).contains("139111").contains("手机");
		HttpResponse<String> en = postImport("manager", csv, "en");
		assertThat(json.readTree(en.body()).get("problems").get(0).get("message").asString()).contains("malformed");
		assertThat(postImport("agent", csv, "en").statusCode()).isEqualTo(403);
		String good = HEADER + p + "2,冯十,13911150002,,翠园小区,705,1,102,80,,,\n";
		HttpResponse<String> ok = postImport("admin", good, "en");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(json.readTree(ok.body()).get("imported").asInt()).isEqualTo(1);
	}

	private HttpResponse<String> postImport(String user, String csv, String language) throws Exception {
		String boundary = "----heatdesk" + System.nanoTime();
		byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"billing.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/import?lang=" + language))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	static byte[] xlsx(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet();
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
