package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outages as anyone sees them, and "is my heating affected" by address or account: what is
 * shown, what is never shown, the refusals, the limit on reading accounts one by one.
 */
@HeatDeskTest
// the limit on account lookups is per address and minute: its test goes last, not to refuse the others'
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PortalOutagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> lookup(String q) throws Exception {
		return get("/portal/outages/lookup?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
	}

	@Test
	void anOutageIsPublicAndALookupByAddressOrAccountFindsItMasked() throws Exception {
		String name = "测试苑" + UUID.randomUUID().toString().substring(0, 6);
		long community = community(name);
		String account = "PT" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
		customer(community, account, "欧阳测试", "1502");
		String title = "主管道漏水抢修 " + UUID.randomUUID().toString().substring(0, 6);
		OutageView outage = network.publishOutage(new Network.NewOutage(OutageKind.FAULT, title, "正在关阀抢修", Instant.now()
			.minus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofHours(3)), List.of(), List.of(community)));
		network.extendOutage(outage.id(), outage.expectedRestoreAt().plus(Duration.ofHours(2)), "发现第二处漏点");

		HttpResponse<String> page = get("/portal/outages");
		assertThat(page.statusCode()).isEqualTo(200);
		String card = card(page.body(), outage.id());
		assertThat(card).contains(title, name, "停热中", "突发故障", "正在关阀抢修", "发现第二处漏点");
		// the same for everyone: cached for 30 s, no session opened
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).isEqualTo("public, max-age=30");
		assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(get("/portal").body()).contains("id=\"home-outages\"", "个小区正在停热");

		// by address, as people write it: the community's name and the rest
		HttpResponse<String> byAddress = lookup(name + " 3号楼2单元501");
		assertThat(byAddress.statusCode()).isEqualTo(200);
		assertThat(byAddress.body()).contains(name + " 正在停热，我们正在处理。", "data-outage=\"" + outage.id() + "\"");
		// by account, in lower case with a space: masked to its first three and last two characters
		HttpResponse<String> byAccount = lookup(account.toLowerCase().substring(0, 4) + " " + account.substring(4));
		String masked = account.substring(0, 3) + "******" + account.substring(9);
		assertThat(byAccount.body()).contains("户号 " + masked, name + " 正在停热")
			.doesNotContain(account)
			.doesNotContain("欧阳")
			.doesNotContain("1502");
		// a lookup is the asker's own: not cached
		assertThat(byAccount.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

		network.restoreOutage(outage.id(), null);
		assertThat(card(get("/portal/outages").body(), outage.id())).contains("已恢复", "恢复时间");
		assertThat(lookup(name).body()).contains(name + " 目前没有停热。");
		assertThat(get("/portal/outages?lang=en").body()).contains("Heating outages", "Restored");
	}

	@Test
	void aPlannedOutageIsAnnounced() throws Exception {
		String name = "测试苑" + UUID.randomUUID().toString().substring(0, 6);
		long community = community(name);
		String title = "阀门更换 " + UUID.randomUUID().toString().substring(0, 6);
		OutageView outage = network.publishOutage(new Network.NewOutage(OutageKind.PLANNED, title, "更换阀门",
				Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1).plusHours(6)), List.of(),
				List.of(community)));
		assertThat(card(get("/portal/outages").body(), outage.id())).contains("计划停热", "计划开始", "计划检修");
		assertThat(lookup(name).body()).contains(name + " 目前正常供热，近期有计划停热。");
	}

	@Test
	void badLookupsAreRefusedBesideTheFormNeverWithA500() throws Exception {
		HttpResponse<String> blank = lookup("   ");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("id=\"lookup-failure\"", "请输入小区地址或户号");
		HttpResponse<String> missing = get("/portal/outages/lookup");
		assertThat(missing.statusCode()).isEqualTo(400);
		HttpResponse<String> tooLong = lookup("长".repeat(61));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("最多 60 个字符");
		assertThat(lookup("无此小区" + UUID.randomUUID().toString().substring(0, 4)).body()).contains("没有找到这个小区");
		assertThat(lookup("ZQ000000001").body()).contains("没有找到这个户号");
		assertThat(lookup("a\u0000b").statusCode()).isEqualTo(400);
		HttpResponse<String> en = get("/portal/outages/lookup?lang=en&q=");
		assertThat(en.body()).contains("Enter an address or an account number");
	}

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void accountsCannotBeReadOneByOne() throws Exception {
		// 20 account lookups a minute from one address, then 429: 45 tries span at most two minutes, so one
		// minute holds at least 21 of them (k + (45 − k) with k ≤ 24 or k ≥ 21)
		HttpResponse<String> limited = null;
		int tries = 0;
		while (limited == null && tries < 45) {
			tries++;
			HttpResponse<String> r = lookup("ZQ" + (100_000_000 + tries));
			if (r.statusCode() == 429) {
				limited = r;
			}
			else {
				assertThat(r.statusCode()).isEqualTo(200);
			}
		}
		assertThat(limited).as("refused within 45 tries").isNotNull();
		// (how many came before the refusal depends on the other tests' lookups from the same address in that minute:
		// the lower bound is the unit of the limiter, not of this test)
		assertThat(tries).isLessThanOrEqualTo(45);
		assertThat(limited.body()).contains("查询太频繁");
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		// an address lookup names no account: it is not limited
		assertThat(lookup("翠园").statusCode()).isEqualTo(200);
	}

	/** The card of one outage on the page, from its start to the next card. */
	private static String card(String page, long outageId) {
		int from = page.indexOf("data-outage=\"" + outageId + "\"");
		assertThat(from).as("outage " + outageId + " on the page").isGreaterThan(0);
		int to = page.indexOf("</article>", from);
		return page.substring(from, to);
	}

	private long community(String name) {
		long substation = jdbc.sql("select id from network_substation order by id limit 1").query(Long.class).single();
		return jdbc.sql("insert into network_community (name, district, substation_id) values (?, '测试区', ?) returning id")
			.params(name, substation)
			.query(Long.class)
			.single();
	}

	private void customer(long community, String account, String name, String room) {
		jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				    created_at, updated_at)
				values (?, ?, ?, '3', '2', ?, 80, 'HEATING', now(), now())""").params(account, name, community, room).update();
	}
}
