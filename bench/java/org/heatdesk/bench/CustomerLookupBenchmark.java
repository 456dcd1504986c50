package org.heatdesk.bench;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Customer lookups at 1,000,000 customers: by full phone, by account number, by last four digits
 * plus community, through the {@link Customers} front door (transaction, masking, mapping) and, as
 * the baseline, the same SQL by raw JDBC on the same pool. Also times the scale generator (bulk
 * COPY up to 1,000,000) and a 100,000-row CSV import through {@code POST /api/v1/customers/import}.
 * Run: {@code mvn -B -o test -Dtest=CustomerLookupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class CustomerLookupBenchmark {

	static final int TOTAL = Integer.getInteger("bench.customers", 1_000_000);

	static final int WARMUP = 2_000;

	static final int MEASURED = 10_000;

	static final String SELECT = """
			select c.id, c.account_no, c.name, c.id_number, c.community_id, n.name as community_name, c.building, c.unit,
			       c.room, c.heated_area, c.substation_id, c.heating_status, c.notes, c.version, c.updated_at,
			       array(select p.phone from customer_phone p where p.customer_id = c.id order by p.position) as phones
			from customer c join network_community n on n.id = c.community_id
			""";

	@Autowired
	Customers customers;

	@Autowired
	Network network;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	record Key(String phone, String accountNo, String last4, long communityId) {
	}

	@Test
	void lookups() throws Exception {
		StringBuilder report = new StringBuilder();
		long before = count();
		Object scaler = context.getBean("scaleCustomers");
		Method scaleTo = scaler.getClass().getDeclaredMethod("scaleTo", long.class);
		scaleTo.setAccessible(true);
		long start = System.nanoTime();
		long added = (long) scaleTo.invoke(scaler, (long) TOTAL);
		double scaleSeconds = (System.nanoTime() - start) / 1e9;
		report.append(String.format("scale: %,d -> %,d customers (%,d added) in %.1f s%n", before, count(), added, scaleSeconds));
		jdbc.sql("analyze customer").update();
		jdbc.sql("analyze customer_phone").update();

		List<Key> keys = jdbc.sql("""
				select p.phone, c.account_no, p.last4, p.community_id from customer_phone p join customer c on c.id = p.customer_id
				where p.customer_id in (select id from customer tablesample bernoulli (1)) limit 5000""")
			.query((rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		report.append(String.format("keys: %d sampled phones/accounts%n", keys.size()));

		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("agent", null,
					List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
		try {
			report.append(String.format("%-28s %9s %9s %9s %9s %7s%n", "lookup", "app p50", "app p99", "jdbc p50", "jdbc p99",
					"p50 x"));
			compare(report, "full phone", keys,
					k -> customers.findByPhone(k.phone()),
					k -> raw(SELECT + " where c.id in (select p.customer_id from customer_phone p where p.phone = ?) order by c.account_no",
							k.phone()));
			compare(report, "account number", keys,
					k -> customers.findByAccountNo(k.accountNo()),
					k -> raw(SELECT + " where c.account_no = ?", k.accountNo()));
			compare(report, "last 4 digits + community", keys,
					k -> customers.search(k.last4(), k.communityId(), 20),
					k -> raw(SELECT + """
							 where c.id in (select p.customer_id from customer_phone p where p.last4 = ? and p.community_id = ?)
							 order by n.name, c.building, c.unit, c.room limit 20""", k.last4(), k.communityId()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		report.append(importHundredThousand());
		System.out.println("\n===== CustomerLookupBenchmark =====\n" + report + "===================================\n");
	}

	interface Lookup {

		void run(Key key) throws Exception;
	}

	private void compare(StringBuilder report, String name, List<Key> keys, Lookup app, Lookup baseline) throws Exception {
		Random random = new Random(42);
		System.gc();
		double[] appTimes = new double[MEASURED];
		double[] rawTimes = new double[MEASURED];
		for (int i = 0; i < WARMUP; i++) {
			Key k = keys.get(random.nextInt(keys.size()));
			app.run(k);
			baseline.run(k);
		}
		// Interleaved, so that both see the same machine noise.
		for (int i = 0; i < MEASURED; i++) {
			Key k = keys.get(random.nextInt(keys.size()));
			long t0 = System.nanoTime();
			app.run(k);
			long t1 = System.nanoTime();
			baseline.run(k);
			long t2 = System.nanoTime();
			appTimes[i] = (t1 - t0) / 1e6;
			rawTimes[i] = (t2 - t1) / 1e6;
		}
		Arrays.sort(appTimes);
		Arrays.sort(rawTimes);
		double appP50 = appTimes[MEASURED / 2];
		double rawP50 = rawTimes[MEASURED / 2];
		report.append(String.format("%-28s %7.3f ms %7.3f ms %7.3f ms %7.3f ms %6.2f%n", name, appP50,
				appTimes[(int) (MEASURED * 0.99)], rawP50, rawTimes[(int) (MEASURED * 0.99)], appP50 / rawP50));
	}

	private void raw(String sql, Object... params) throws Exception {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				if (params[i] instanceof Long[] array) {
					s.setArray(i + 1, c.createArrayOf("bigint", array));
				}
				else {
					s.setObject(i + 1, params[i]);
				}
			}
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rs.getLong(1);
					rs.getString(3);
					rs.getArray("phones").getArray();
				}
			}
		}
	}

	private long count() {
		return jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	/** 100,000 new customers as one CSV through the API, as the billing system would send them. */
	private String importHundredThousand() throws Exception {
		List<CommunityView> communities = network.communities();
		StringBuilder csv = new StringBuilder("accountNo,name,phones,idNumber,community,building,unit,room,heatedArea,substationCode,heatingStatus,notes\n");
		Random random = new Random(7);
		for (int i = 0; i < 100_000; i++) {
			CommunityView c = communities.get(i % communities.size());
			csv.append("IMP").append(String.format("%07d", i)).append(",测试").append((char) ('甲' + i % 10)).append(',')
				.append("17").append(String.format("%09d", i)).append(",,").append(c.name()).append(',')
				.append(200 + i / communities.size() / 72).append(',').append(1 + i / communities.size() / 18 % 4).append(',')
				.append(101 + i / communities.size() % 18 * 100).append(',').append(50 + random.nextInt(110)).append(",,,\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		String boundary = "----bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"billing-100k.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/import"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:heatdesk2026".getBytes()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		System.gc();
		long start = System.nanoTime();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		String outcome = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
		return String.format("import: 100,000-row CSV (%.1f MB) via POST /api/v1/customers/import: HTTP %d in %.1f s: %s%n",
				file.length / 1e6, response.statusCode(), seconds, outcome);
	}

}
