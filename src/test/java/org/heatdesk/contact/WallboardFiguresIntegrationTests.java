package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Today's figures on the wallboard are read in two parts (calls settled half an hour ago are summed
 * once and remembered); whatever the split, they must equal a plain count over the whole day, and a
 * late event for an old call must show at once.
 */
@HeatDeskTest
class WallboardFiguresIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Wallboard wallboard;

	@Test
	void figuresOfADayEqualAPlainCountAndFollowLateEventsOfOldCalls() {
		CtiClient cti = CtiClient.create(port, jdbc);
		// a past day, so that no other test's calls fall in it; "now" is 10:00 of that day
		Instant dayStart = LocalDate.now(ZONE).minusDays(3).atStartOfDay(ZONE).toInstant();
		Instant now = dayStart.plus(Duration.ofHours(10));
		Wallboard.Figures before = wallboard.figures(now);

		// 08:00, long settled: answered after 20 s (over the 15 s limit)
		String a = "WB-" + UUID.randomUUID();
		post(cti, a, "RINGING", dayStart.plus(Duration.ofHours(8)));
		post(cti, a, "ANSWERED", dayStart.plus(Duration.ofHours(8)).plusSeconds(20));
		// 09:50, still live: answered after 5 s
		String b = "WB-" + UUID.randomUUID();
		post(cti, b, "RINGING", dayStart.plus(Duration.ofMinutes(590)));
		post(cti, b, "ANSWERED", dayStart.plus(Duration.ofMinutes(590)).plusSeconds(5));
		// 09:55: the caller gave up after a minute
		String c = "WB-" + UUID.randomUUID();
		post(cti, c, "RINGING", dayStart.plus(Duration.ofMinutes(595)));
		post(cti, c, "ABANDONED", dayStart.plus(Duration.ofMinutes(596)));

		Wallboard.Figures after = wallboard.figures(now);
		assertThat(after.answered() - before.answered()).isEqualTo(2);
		assertThat(after.abandoned() - before.abandoned()).isEqualTo(1);
		assertThatEqualsAPlainCount(after, dayStart);

		// 08:30, long before the remembered cutoff: rings (remembered as waiting), then the caller gives up
		String d = "WB-" + UUID.randomUUID();
		post(cti, d, "RINGING", dayStart.plus(Duration.ofMinutes(510)));
		Wallboard.Figures ringing = wallboard.figures(now);
		assertThat(ringing.abandoned()).isEqualTo(after.abandoned());
		post(cti, d, "ABANDONED", dayStart.plus(Duration.ofMinutes(511)));
		Wallboard.Figures gaveUp = wallboard.figures(now);
		assertThat(gaveUp.abandoned()).as("a late event of a settled call counts at once").isEqualTo(after.abandoned() + 1);
		assertThatEqualsAPlainCount(gaveUp, dayStart);
	}

	private void assertThatEqualsAPlainCount(Wallboard.Figures f, Instant dayStart) {
		Map<String, Object> plain = jdbc.sql("""
				select count(*) filter (where answered_at is not null) as answered,
				       count(*) filter (where abandoned) as abandoned,
				       count(*) filter (where within_limit and answered_at is not null) as within,
				       avg(ring_ms) filter (where answered_at is not null) as asa
				from contact_call where first_ring_at >= ? and first_ring_at < ?""")
			.params(Timestamp.from(dayStart), Timestamp.from(dayStart.plus(Duration.ofDays(1))))
			.query()
			.singleRow();
		long answered = ((Number) plain.get("answered")).longValue();
		long abandoned = ((Number) plain.get("abandoned")).longValue();
		long within = ((Number) plain.get("within")).longValue();
		assertThat(f.answered()).isEqualTo(answered);
		assertThat(f.abandoned()).isEqualTo(abandoned);
		assertThat(f.withinLimitPercent()).isEqualTo(Math.round(1000.0 * within / answered) / 10.0);
		assertThat(f.averageAnswerSeconds())
			.isEqualTo(Math.round(((Number) plain.get("asa")).doubleValue() / 100.0) / 10.0);
	}

	private static void post(CtiClient cti, String callId, String type, Instant at) {
		assertThat(cti.post(CtiClient.event(callId, type, at, "8001")).statusCode()).isEqualTo(200);
	}
}
