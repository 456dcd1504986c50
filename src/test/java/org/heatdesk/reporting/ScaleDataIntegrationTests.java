package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scale generator on a small scale: the rows land in the season asked for, the cold snap is about
 * three times as busy as an ordinary day, late and abandoned calls rise in it, and a second run adds
 * nothing.
 */
@HeatDeskTest
class ScaleDataIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	ScaleData scale;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void aSeasonWithAColdSnap() throws Exception {
		int season = 2012;
		assertThat(scale.fill(season, 6_000, 12_000)).isEqualTo(18_000);
		Timestamp from = ts(LocalDate.of(2012, 11, 15));
		Timestamp to = ts(LocalDate.of(2013, 3, 16));
		assertThat(jdbc.sql("select count(*) from ticket where recorded_at >= ? and recorded_at < ? and description = '规模测试工单'")
			.params(from, to).query(Long.class).single()).isEqualTo(6_000);
		assertThat(jdbc.sql("select count(*) from contact_call where first_ring_at >= ? and first_ring_at < ? and switch_call_id like 'scale-%'")
			.params(from, to).query(Long.class).single()).isEqualTo(12_000);
		// every generated call has its contact
		assertThat(jdbc.sql("""
				select count(*) from contact_call k left join contact_contact c on c.id = k.contact_id
				where k.first_ring_at >= ? and k.first_ring_at < ? and c.id is null""").params(from, to).query(Long.class).single())
			.isZero();

		// the cold snap is days 52-59 of the season (2013-01-06 to 01-13), weight 3 against 1 for days 14-51:
		// per day about three times as many calls
		double snapPerDay = calls(LocalDate.of(2013, 1, 6), LocalDate.of(2013, 1, 14)) / 8.0;
		double ordinaryPerDay = calls(LocalDate.of(2012, 12, 1), LocalDate.of(2013, 1, 1)) / 31.0;
		assertThat(snapPerDay / ordinaryPerDay).isBetween(2.6, 3.4);
		// the morning peak (09:00, weight 8.5) against the small hours (03:00, weight 0.3)
		long nine = hour(9);
		long three = hour(3);
		assertThat(nine).isGreaterThan(10 * Math.max(three, 1));
		// abandoned: 3 % on ordinary days, 9 % in the snap
		double abandonedSnap = abandonedShare(LocalDate.of(2013, 1, 6), LocalDate.of(2013, 1, 14));
		double abandonedOrdinary = abandonedShare(LocalDate.of(2012, 12, 1), LocalDate.of(2013, 1, 1));
		assertThat(abandonedSnap).isGreaterThan(abandonedOrdinary);

		// one ticket in fifty without the caller's number and address (2 %), seven inquiries in ten answered in the call
		double complete = jdbc.sql("""
				select avg(case when caller_phone is not null and address is not null then 1.0 else 0 end) from ticket
				where recorded_at >= ? and recorded_at < ? and description = '规模测试工单'""").params(from, to)
			.query(Double.class).single();
		assertThat(complete).isBetween(0.96, 0.995);
		double answered = jdbc.sql("""
				select avg(case when exists (select 1 from ticket_event e where e.ticket_id = t.id and e.kind = 'ANSWERED_IN_CALL')
				  then 1.0 else 0 end) from ticket t
				where t.recorded_at >= ? and t.recorded_at < ? and t.description = '规模测试工单' and t.type = 'INQUIRY'""")
			.params(from, to).query(Double.class).single();
		assertThat(answered).isBetween(0.6, 0.8);

		// a generated ticket is numbered as the ticket module numbers them: its page opens (the report's drill-down links it)
		String no = jdbc.sql("select ticket_no from ticket where description = '规模测试工单' and recorded_at >= ? order by id limit 1")
			.param(from).query(String.class).single();
		assertThat(no).matches("GR2012\\d{4}-9\\d{6}|GR2013\\d{4}-9\\d{6}");
		org.heatdesk.PageSession manager = org.heatdesk.PageSession.login(port, "manager");
		assertThat(manager.get("/tickets/" + no).statusCode()).isEqualTo(200);
		assertThat(manager.get("/tickets/" + no).body()).contains(no);

		// again: nothing more
		assertThat(scale.fill(season, 6_000, 12_000)).isZero();
	}

	@Test
	void theDefaultSeasonIsTheLastOneEnded() {
		assertThat(ScaleData.lastEndedSeason(LocalDate.of(2026, 11, 30))).isEqualTo(2025);
		assertThat(ScaleData.lastEndedSeason(LocalDate.of(2026, 3, 15))).isEqualTo(2024);
		assertThat(ScaleData.lastEndedSeason(LocalDate.of(2026, 3, 16))).isEqualTo(2025);
	}

	private long calls(LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from contact_call where first_ring_at >= ? and first_ring_at < ? and switch_call_id like 'scale-%'")
			.params(ts(from), ts(to)).query(Long.class).single();
	}

	private long hour(int h) {
		return jdbc.sql("""
				select count(*) from contact_call where first_ring_at >= ? and first_ring_at < ? and switch_call_id like 'scale-%'
				  and extract(hour from first_ring_at at time zone 'Asia/Shanghai') = ?""")
			.params(ts(LocalDate.of(2012, 11, 15)), ts(LocalDate.of(2013, 3, 16)), h).query(Long.class).single();
	}

	private double abandonedShare(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select avg(case when abandoned then 1.0 else 0.0 end) from contact_call
				where first_ring_at >= ? and first_ring_at < ? and switch_call_id like 'scale-%'""")
			.params(ts(from), ts(to)).query(Double.class).single();
	}

	private static Timestamp ts(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
	}
}
