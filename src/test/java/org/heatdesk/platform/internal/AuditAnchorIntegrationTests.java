package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone with the database's superuser rights cuts the chain's tail, or blanks the seals from a row
 * on so that the application would chain the edited rows again, or rebuilds the chain after an edit.
 * The checkpoint kept outside the database names each, and the sealer never seals a row twice.
 * Every test puts the rows back as they were, since the whole run shares one trail.
 */
@HeatDeskTest
class AuditAnchorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditAnchor anchor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void deletingTheLastRowsIsNamedAsARemovedTailAndTheirNumbersAreNotGivenAgain() throws Exception {
		recordAndSeal("TEST_TAIL_1");
		recordAndSeal("TEST_TAIL_2");
		assertThat(verify().path("valid").asBoolean()).isTrue();
		long anchored = anchor.current().orElseThrow().seq();

		// as the table's owner, with the guard switched off: delete the head and the row before it
		List<Map<String, Object>> removed = tamper(() -> {
			long from = anchor.current().orElseThrow().seq() - 1;
			List<Map<String, Object>> rows = rowsFrom(from);
			jdbc.sql("delete from platform_audit_event where chain_seq >= ?").param(from).update();
			return rows;
		});
		long firstRemoved = (Long) removed.get(0).get("chain_seq");
		try {
			JsonNode result = verify();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("problem").asString()).isEqualTo("HEAD_BEHIND_CHECKPOINT");
			assertThat(result.path("headSeq").asLong()).isEqualTo(firstRemoved - 1);
			assertThat(result.path("checkpointSeq").asLong()).isGreaterThanOrEqualTo(anchored);

			// the next row would have taken the deleted row's number and made the cut invisible: it stays unsealed
			long fresh = record("TEST_AFTER_CUT");
			sealer.sealAll();
			assertThat(seqOf(fresh)).isNull();
			assertThat(jdbc.sql("select count(*) from platform_audit_event where chain_seq = ?").param(firstRemoved)
				.query(Long.class).single()).isZero();
			assertThat(sealer.refusal()).contains("tail was removed");
			assertThat(verify().path("problem").asString()).isEqualTo("HEAD_BEHIND_CHECKPOINT");
		}
		finally {
			tamper(() -> {
				removed.forEach(this::insertBack);
				return null;
			});
		}
		sealer.sealAll();
		JsonNode restored = verify();
		assertThat(restored.path("valid").asBoolean()).as(restored.toString()).isTrue();
		assertThat(sealer.refusal()).isNull();
	}

	@Test
	void blankingTheSealsFromARowOnDoesNotGetThemSealedAgain() throws Exception {
		long first = recordAndSeal("TEST_BLANK_1");
		long second = recordAndSeal("TEST_BLANK_2");
		recordAndSeal("TEST_BLANK_3");
		long n = seqOf(second);

		List<Map<String, Object>> blanked = tamper(() -> {
			List<Map<String, Object>> rows = rowsFrom(n);
			jdbc.sql("update platform_audit_event set chain_seq = null, prev_hash = null, hash = null where chain_seq >= ?")
				.param(n)
				.update();
			return rows;
		});
		try {
			// the application's own sealer runs, as it does after every commit and every few seconds
			sealer.sealAll();
			List<Long> ids = blanked.stream().map(r -> (Long) r.get("id")).toList();
			for (long id : ids) {
				assertThat(seqOf(id)).as("row %d sealed again", id).isNull();
			}
			assertThat(seqOf(first)).isLessThan(n);
			JsonNode result = verify();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("problem").asString()).isEqualTo("HEAD_BEHIND_CHECKPOINT");
			assertThat(result.path("headSeq").asLong()).isEqualTo(n - 1);
		}
		finally {
			tamper(() -> {
				blanked.forEach(r -> jdbc.sql("update platform_audit_event set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")
					.params(r.get("chain_seq"), r.get("prev_hash"), r.get("hash"), r.get("id"))
					.update());
				return null;
			});
		}
		sealer.sealAll();
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void aRowInTheMiddleThatLostItsSealLeavesAGapAndIsNotSealedAtTheEnd() throws Exception {
		// rows written ten minutes ago: long past the moment a late commit could still join the chain
		long first = insertOld("TEST_MIDDLE_1");
		long middle = insertOld("TEST_MIDDLE_2");
		long last = insertOld("TEST_MIDDLE_3");
		sealer.sealAll();
		recordAndSeal("TEST_MIDDLE_AFTER");
		long middleSeq = seqOf(middle);
		Map<String, Object> saved = tamper(() -> {
			Map<String, Object> row = rowsFrom(middleSeq).get(0);
			jdbc.sql("update platform_audit_event set chain_seq = null, prev_hash = null, hash = null where id = ?")
				.param(middle)
				.update();
			return row;
		});
		try {
			sealer.sealAll();
			assertThat(seqOf(middle)).as("the blanked row is not chained again at the end").isNull();
			assertThat(sealer.refusal()).contains("hole");
			JsonNode result = verify();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("problem").asString()).isEqualTo("MISSING_ROW_BEFORE");
			assertThat(result.path("firstBrokenId").asLong()).isEqualTo(last);
			assertThat(seqOf(first)).isLessThan(middleSeq);
		}
		finally {
			tamper(() -> jdbc.sql("update platform_audit_event set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")
				.params(saved.get("chain_seq"), saved.get("prev_hash"), saved.get("hash"), middle)
				.update());
		}
		sealer.sealAll();
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void rebuildingTheChainAfterAnEditIsNamedByTheCheckpoint() throws Exception {
		recordAndSeal("TEST_REBUILD");
		// the intruder edits the head and recomputes its hash, as anyone can: every row recomputes
		Map<String, Object> saved = tamper(() -> {
			long head = anchor.current().orElseThrow().seq();
			Map<String, Object> row = rowsFrom(head).get(0);
			AuditRow stored = jdbc.sql("select * from platform_audit_event where chain_seq = ?").param(head)
				.query(AuditRow.MAPPER)
				.single();
			AuditRow edited = new AuditRow(stored.id(), stored.occurredAt(), "nobody", stored.actorAddress(), stored.action(),
					stored.entityType(), stored.entityId(), stored.beforeState(), stored.afterState(), stored.chainSeq(),
					stored.prevHash(), null);
			jdbc.sql("update platform_audit_event set actor = ?, hash = ? where id = ?")
				.params("nobody", edited.hash(head, stored.prevHash()), stored.id())
				.update();
			return row;
		});
		try {
			JsonNode result = verify();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("problem").asString()).isEqualTo("CHECKPOINT_MISMATCH");
			assertThat(result.path("firstBrokenId").asLong()).isEqualTo((Long) saved.get("id"));
		}
		finally {
			tamper(() -> jdbc.sql("update platform_audit_event set actor = ?, hash = ? where id = ?")
				.params(saved.get("actor"), saved.get("hash"), saved.get("id"))
				.update());
		}
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void theKeyOfTheCheckpointIsReadableByTheApplicationsUserOnly() throws Exception {
		recordAndSeal("TEST_KEY");
		var key = anchor.directory().resolve("audit-hmac.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		assertThat(Files.readString(anchor.directory().resolve("audit-checkpoint"))).startsWith("v1 ")
			.contains(" " + anchor.current().orElseThrow().hash() + " ");
	}

	/** Runs as the table's owner with the guard off, holding the sealer's lock so no seal runs in between. */
	private <T> T tamper(java.util.function.Supplier<T> change) {
		return tx.execute(s -> {
			jdbc.sql("select pg_advisory_xact_lock(?)::text").param(AuditSealer.LOCK_KEY).query(String.class).single();
			jdbc.sql("alter table platform_audit_event disable trigger platform_audit_event_append_only").update();
			T result = change.get();
			jdbc.sql("alter table platform_audit_event enable trigger platform_audit_event_append_only").update();
			return result;
		});
	}

	private List<Map<String, Object>> rowsFrom(long seq) {
		return new ArrayList<>(jdbc.sql("select * from platform_audit_event where chain_seq >= ? order by chain_seq")
			.param(seq)
			.query()
			.listOfRows());
	}

	private void insertBack(Map<String, Object> r) {
		jdbc.sql("""
				insert into platform_audit_event (id, occurred_at, actor, actor_address, action, entity_type, entity_id,
				  before_state, after_state, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.get("id"), r.get("occurred_at"), r.get("actor"), r.get("actor_address"), r.get("action"),
					r.get("entity_type"), r.get("entity_id"), r.get("before_state"), r.get("after_state"), r.get("chain_seq"),
					r.get("prev_hash"), r.get("hash"))
			.update();
	}

	private Long seqOf(long id) {
		return jdbc.sql("select chain_seq from platform_audit_event where id = ?").param(id).query(Long.class).optional()
			.orElse(null);
	}

	private long record(String action) {
		String entityId = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> audit.record(action, "test", entityId, null, Map.of("n", 1)));
		return jdbc.sql("select id from platform_audit_event where entity_id = ?").param(entityId).query(Long.class).single();
	}

	private long recordAndSeal(String action) {
		long id = record(action);
		// the seal the write itself asked for may hold the sealer's lock just now, and then this run seals nothing
		await("row " + id + " sealed").atMost(Duration.ofSeconds(10)).until(() -> {
			sealer.sealAll();
			return seqOf(id) != null;
		});
		return id;
	}

	private long insertOld(String action) {
		return jdbc.sql("""
				insert into platform_audit_event (occurred_at, actor, action, entity_type, entity_id)
				values (?, 'system', ?, 'test', ?) returning id""")
			.params(Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)), action, UUID.randomUUID().toString())
			.query(Long.class)
			.single();
	}

	private JsonNode verify() throws Exception {
		String basic = Base64.getEncoder().encodeToString("auditor:heatdesk2026".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
			.header("Authorization", "Basic " + basic)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}
}
