package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates' API: refusals are the API's JSON in the caller's language and store nothing; the
 * author cannot approve; readers cannot write.
 */
@HeatDeskTest
class TemplateApiIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void refusalsNameTheProblemAndStoreNothing() {
		long before = rows();
		HttpResponse<String> unknownKind = send("/api/v1/notification-templates/NO_SUCH_KIND/drafts", "manager", "{\"body\":\"x\"}", "zh-CN");
		assertThat(unknownKind.statusCode()).isEqualTo(400);
		assertThat(code(unknownKind)).isEqualTo("NOTIFICATION_KIND_UNKNOWN");

		HttpResponse<String> unknown = send("/api/v1/notification-templates/TICKET_RECORDED/drafts", "manager",
				"{\"body\":\"工单{ticketNo}，师傅{technician}\"}", "zh-CN");
		assertThat(unknown.statusCode()).isEqualTo(400);
		JsonNode refusal = json.readTree(unknown.body());
		assertThat(refusal.path("code").asString()).isEqualTo("NOTIFICATION_TEMPLATE_PLACEHOLDER_UNKNOWN");
		assertThat(refusal.path("field").asString()).isEqualTo("body");
		assertThat(refusal.path("message").asString()).contains("“technician”").contains("{ticketNo}");
		HttpResponse<String> english = send("/api/v1/notification-templates/TICKET_RECORDED/drafts", "manager",
				"{\"body\":\"{oops}\"}", "en");
		assertThat(json.readTree(english.body()).path("message").asString()).contains("\"oops\" cannot be used");

		HttpResponse<String> tooLong = send("/api/v1/notification-templates/TICKET_RECORDED/drafts", "manager",
				"{\"body\":\"" + "长".repeat(301) + "\"}", "zh-CN");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(code(tooLong)).isEqualTo("NOTIFICATION_TEMPLATE_TOO_LONG");
		assertThat(rows()).isEqualTo(before);

		// an administrator reads but does not write; an agent does not even read
		assertThat(send("/api/v1/notification-templates/TICKET_RECORDED/drafts", "admin", "{\"body\":\"{ticketNo}\"}", "zh-CN")
			.statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/notification-templates", "admin").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/notification-templates", "agent").statusCode()).isEqualTo(403);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void theAuthorCannotApproveAnotherManagerCanAndADecidedVersionIsNotDecidedAgain() {
		TestStaff.Account author = TestStaff.create(staff, "nmgr", Role.MANAGER);
		TestStaff.Account lead = TestStaff.create(staff, "nlead", Role.TEAM_LEAD);
		// a team lead writes a draft; managers decide
		HttpResponse<String> drafted = send("/api/v1/notification-templates/SUGGESTION_REPLY/drafts", lead.username(),
				"{\"body\":\"感谢建议（{ticketNo}）：{reply}\"}", "zh-CN");
		assertThat(drafted.statusCode()).isEqualTo(201);
		long leadDraft = json.readTree(drafted.body()).path("id").asLong();
		assertThat(send("/api/v1/notification-templates/versions/" + leadDraft + "/approve", lead.username(), "{}", "zh-CN")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> rejected = send("/api/v1/notification-templates/versions/" + leadDraft + "/reject", author.username(),
				"{\"note\":\"请写明热线\"}", "zh-CN");
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(json.readTree(rejected.body()).path("status").asString()).isEqualTo("REJECTED");

		HttpResponse<String> own = send("/api/v1/notification-templates/SUGGESTION_REPLY/drafts", author.username(),
				"{\"body\":\"感谢建议（{ticketNo}）：{reply}\"}", "zh-CN");
		long id = json.readTree(own.body()).path("id").asLong();
		HttpResponse<String> selfApproval = send("/api/v1/notification-templates/versions/" + id + "/approve", author.username(), "{}",
				"en");
		assertThat(selfApproval.statusCode()).isEqualTo(403);
		assertThat(code(selfApproval)).isEqualTo("NOTIFICATION_TEMPLATE_OWN_DRAFT");
		assertThat(json.readTree(selfApproval.body()).path("message").asString()).contains("another manager");
		HttpResponse<String> again = send("/api/v1/notification-templates/versions/" + leadDraft + "/approve", "manager", "{}", "zh-CN");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(code(again)).isEqualTo("NOTIFICATION_TEMPLATE_NOT_DRAFT");
		// withdrawn, so the seeded text stays in use for the other tests
		assertThat(send("/api/v1/notification-templates/versions/" + id + "/reject", "manager", "{\"note\":\"测试\"}", "zh-CN")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> history = get("/api/v1/notification-templates/SUGGESTION_REPLY", "admin");
		assertThat(json.readTree(history.body()).findValuesAsString("status")).contains("APPROVED", "REJECTED");
	}

	@Test
	void malformedDraftsAndPreviews() {
		int accepted = probe("/api/v1/notification-templates/COMPLAINT_REPLY/drafts", "manager",
				"{\"body\":\"关于工单{ticketNo}：{reply} @@U@@\"}", 30);
		assertThat(accepted).isPositive();
		// drafts written by the probe are sent back: nothing waits for approval after the test
		jdbc.sql("update notification_template set status = 'REJECTED', note = 'test' where kind = 'COMPLAINT_REPLY' and status = 'DRAFT'")
			.update();
		probe("/api/v1/notification-templates/TICKET_RESOLVED/preview", "manager", "{\"body\":\"{ticketNo}：{result}\",\"ticketNo\":null}", 30);
		probe("/api/v1/notification-templates/versions/999999999/reject", "manager", "{\"note\":\"x\"}", 10);
	}

	private int probe(String path, String user, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::rows);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request(path, user, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		return probe.accepted();
	}

	private String code(HttpResponse<String> r) {
		return json.readTree(r.body()).path("code").asString();
	}

	private HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private HttpResponse<String> send(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	private HttpResponse<String> get(String path, String user) {
		return MalformedInput.send(http, json, request(path, user, "zh-CN").GET().build(), path);
	}

	private long rows() {
		return jdbc.sql("select count(*) from notification_template").query(Long.class).single();
	}
}
