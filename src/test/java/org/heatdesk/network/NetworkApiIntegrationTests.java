package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API and the demo network it shows. */
@HeatDeskTest
class NetworkApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Network network;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String user) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes()))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.get(field).asString()));
		return out;
	}

	@Test
	void theDemoNetworkHasItsSourcesSubstationsAndCommunities() {
		assertThat(network.heatSources()).hasSize(3);
		assertThat(network.substations()).filteredOn(s -> s.code().matches("(CY|LX|SZ|HY|TQ)-0[1-8]")).hasSize(40);
		assertThat(network.communities()).hasSizeGreaterThanOrEqualTo(300);
		SubstationView cy07 = network.substationByCode("CY-07").orElseThrow();
		assertThat(cy07.status()).isEqualTo(OperatingStatus.FAULT);
		CommunityView cuiyuan = network.communityByName("翠园小区").orElseThrow();
		assertThat(cuiyuan.substationCode()).isEqualTo("CY-07");
		assertThat(network.activeOutagesAffecting(cy07.id(), null)).extracting(OutageView::kind).contains(OutageKind.FAULT);
		assertThat(network.activeOutagesAffecting(null, cuiyuan.id())).isNotEmpty();
		assertThat(network.openOutages()).extracting(OutageView::kind).contains(OutageKind.PLANNED);
	}

	@Test
	void communitiesAreFoundByPartOfTheirName() {
		assertThat(network.matchCommunities("翠园", 5)).first().extracting(CommunityView::name).isEqualTo("翠园小区");
		assertThat(network.matchCommunities("翠园小区", 5)).first().extracting(CommunityView::name).isEqualTo("翠园小区");
		assertThat(network.matchCommunities("%", 5)).isEmpty();
		assertThat(network.matchCommunities(" ", 5)).isEmpty();
		assertThat(network.matchCommunities("花园", 3)).hasSize(3).allSatisfy(c -> assertThat(c.name()).contains("花园"));
	}

	@Test
	void staffListSubstationsAndReadOne() throws Exception {
		HttpResponse<String> list = get("/api/v1/substations", "agent");
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode all = json.readTree(list.body());
		assertThat(texts(all, "code")).contains("CY-07", "TQ-08");
		JsonNode faults = json.readTree(get("/api/v1/substations?status=FAULT", "dispatcher").body());
		assertThat(texts(faults, "code")).contains("CY-07").allSatisfy(c -> assertThat(c).isNotEqualTo("LX-01"));

		JsonNode one = json.readTree(get("/api/v1/substations/cy-07", "agent").body());
		assertThat(one.get("substation").get("status").asString()).isEqualTo("FAULT");
		assertThat(one.get("substation").get("heatSourceName").asString()).isEqualTo("金鼎热电厂");
		assertThat(texts(one.get("communities"), "name")).contains("翠园小区");
		assertThat(one.get("thresholds").get("secondarySupplyFaultMin").asDouble()).isEqualTo(38.0);
		assertThat(texts(one.get("outages"), "kind")).contains("FAULT");

		HttpResponse<String> missing = get("/api/v1/substations/NOPE-1?lang=en", "agent");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(json.readTree(missing.body()).get("code").asString()).isEqualTo("NETWORK_SUBSTATION_NOT_FOUND");
	}

	@Test
	void activeOutagesLeaveOutThoseNotStarted() throws Exception {
		JsonNode active = json.readTree(get("/api/v1/outages?active=true", "agent").body());
		assertThat(texts(active, "kind")).contains("FAULT");
		assertThat(active).allSatisfy(o -> assertThat(o.get("restoredAt").isNull()).isTrue());
		JsonNode open = json.readTree(get("/api/v1/outages", "agent").body());
		assertThat(texts(open, "kind")).contains("FAULT", "PLANNED");
	}

	@Test
	void rolesWithoutBusinessInTheNetworkAreRefused() throws Exception {
		assertThat(get("/api/v1/substations", "auditor").statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/outages", "admin").statusCode()).isEqualTo(403);
	}
}
