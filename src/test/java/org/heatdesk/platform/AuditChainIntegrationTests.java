package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.internal.AuditSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HeatDeskTest
class AuditChainIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditSealer sealer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void alteringARowBehindTheApplicationsBackIsNamedByTheVerifier() throws Exception {
		long id = recordAndSeal("TEST_TAMPER", Map.of("amount", 100));
		assertThat(verify().path("valid").asBoolean()).isTrue();

		String original = jdbc.sql("select after_state from platform_audit_event where id = ?").param(id)
			.query(String.class).single();
		// An intruder with database rights: switch the guard off and rewrite history.
		tx.executeWithoutResult(s -> {
			jdbc.sql("alter table platform_audit_event disable trigger platform_audit_event_append_only").update();
			jdbc.sql("update platform_audit_event set after_state = ? where id = ?").params("{\"amount\":1}", id).update();
			jdbc.sql("alter table platform_audit_event enable trigger platform_audit_event_append_only").update();
		});
		try {
			JsonNode result = verify();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenId").asLong()).isEqualTo(id);
			assertThat(result.path("problem").asString()).isEqualTo("CONTENT_CHANGED");
		}
		finally {
			tx.executeWithoutResult(s -> {
				jdbc.sql("alter table platform_audit_event disable trigger platform_audit_event_append_only").update();
				jdbc.sql("update platform_audit_event set after_state = ? where id = ?").params(original, id).update();
				jdbc.sql("alter table platform_audit_event enable trigger platform_audit_event_append_only").update();
			});
		}
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void theDatabaseRefusesToEditOrDeleteAnAuditRow() {
		long id = recordAndSeal("TEST_GUARD", Map.of("x", 1));
		assertThatThrownBy(() -> tx.executeWithoutResult(
				s -> jdbc.sql("update platform_audit_event set actor = 'someone' where id = ?").param(id).update()))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> tx.executeWithoutResult(
				s -> jdbc.sql("delete from platform_audit_event where id = ?").param(id).update()))
			.hasMessageContaining("cannot be deleted");
	}

	@Test
	void eachSealedRowCarriesThePreviousRowsHash() {
		long id = recordAndSeal("TEST_CHAIN", Map.of("n", 1));
		var row = jdbc.sql("select chain_seq, prev_hash, hash from platform_audit_event where id = ?")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		long seq = Long.parseLong(row[0]);
		assertThat(row[2]).matches("[0-9a-f]{64}");
		// the demo data was audited before this row, so there is always a row before it in the chain
		assertThat(seq).isGreaterThan(1);
		String previous = jdbc.sql("select hash from platform_audit_event where chain_seq = ?").param(seq - 1)
			.query(String.class)
			.single();
		assertThat(row[1]).isEqualTo(previous);
	}

	@Test
	void onlyAuditorsAndAdministratorsMayVerify() throws Exception {
		HttpResponse<String> agent = get("/api/v1/audit/verify", "agent");
		assertThat(agent.statusCode()).isEqualTo(403);
		assertThat(json.readTree(agent.body()).path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(get("/api/v1/audit/verify", "admin").statusCode()).isEqualTo(200);
	}

	@Test
	void recordingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> audit.record("X", "y", 1, null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	private long recordAndSeal(String action, Object after) {
		String entityId = java.util.UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> audit.record(action, "test", entityId, null, after));
		sealer.sealAll();
		return jdbc.sql("select id from platform_audit_event where entity_id = ?").param(entityId).query(Long.class).single();
	}

	private JsonNode verify() throws Exception {
		HttpResponse<String> response = get("/api/v1/audit/verify", "auditor");
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path, String user) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + basic)
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
