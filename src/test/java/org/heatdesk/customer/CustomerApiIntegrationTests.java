package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.customer.CustomerTestSupport.as;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/customers}: masked as the caller's role requires, reads logged, errors as JSON; OpenAPI renders. */
@HeatDeskTest
class CustomerApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerRecords records;

	@Autowired
	CustomerRepository repository;

	@Autowired
	Network network;

	@Autowired
	JsonMapper json;

	@Test
	void searchIsMaskedPerRoleAndSingleReadIsLogged() throws Exception {
		int n = CustomerTestSupport.next();
		String mobile = CustomerTestSupport.uniqueMobile(n);
		String account = "P" + String.format("%06d", n);
		long community = network.communityByName("翠园小区").orElseThrow().id();
		as("manager", () -> records.create(new CustomerInput(account, "司马光", mobile, null, community, null, "990", "1", "101",
				"70", null, null, null, null)), Role.MANAGER);
		JsonNode agent = json.readTree(get("agent", "/api/v1/customers?q=" + mobile).body());
		assertThat(agent.get(0).get("accountNo").asString()).isEqualTo(account);
		assertThat(agent.get(0).get("name").asString()).isEqualTo("司马光");
		assertThat(agent.get(0).get("phones").get(0).asString()).isEqualTo("199****" + mobile.substring(7));
		assertThat(agent.get(0).get("address").asString()).isEqualTo("翠园小区 990-1-101");
		JsonNode manager = json.readTree(get("manager", "/api/v1/customers?q=" + mobile).body());
		assertThat(manager.get(0).get("phones").get(0).asString()).isEqualTo(mobile);
		JsonNode tech = json.readTree(get("tech", "/api/v1/customers?q=" + URLEncoder.encode("翠园 990-1-101", StandardCharsets.UTF_8)).body());
		assertThat(tech.get(0).get("name").asString()).isEqualTo("司**");
		HttpResponse<String> one = get("agent3", "/api/v1/customers/" + account);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(repository.accessLog("agent3", account, "API", null, null, 5)).hasSize(1);
	}

	@Test
	void errorsAreJson() throws Exception {
		HttpResponse<String> missing = get("agent", "/api/v1/customers/NOSUCH1");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(json.readTree(missing.body()).get("code").asString()).isEqualTo("CUSTOMER_NOT_FOUND");
		HttpResponse<String> noQuery = get("agent", "/api/v1/customers");
		assertThat(noQuery.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noQuery.body()).get("field").asString()).isEqualTo("q");
		assertThat(get("admin", "/api/v1/customers?q=1234").statusCode()).isEqualTo(403);
	}

	@Test
	void openApiDocumentsTheCustomerApiForLoggedInStaff() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String base = "http://localhost:" + port;
		HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=agent&password=heatdesk2026&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> docs = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/customers/import").contains("/api/v1/customers/{accountNo}");
		HttpResponse<String> ui = client.send(HttpRequest.newBuilder(URI.create(base + "/swagger-ui/index.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes()))
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}
}
