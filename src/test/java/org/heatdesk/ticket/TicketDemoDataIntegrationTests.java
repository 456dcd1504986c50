package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tickets look like a center's morning at whatever time the demo starts: written with a
 * fixed clock, inside a transaction that is rolled back, so nothing stays behind.
 */
@HeatDeskTest
class TicketDemoDataIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** A Thursday in the heating season, 10:00 in Jinan. */
	static final Instant MORNING = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

	@Autowired
	Catalog catalog;

	@Autowired
	TicketRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Customers customers;

	@Autowired
	Staff staff;

	@Autowired
	TextSegmenter segmenter;

	@Autowired
	TicketProperties properties;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate tx;

	record Written(String no, String type, String category, String status, String description, String result,
			Instant recorded, Instant dispatched, Instant responded, Instant resolved, Instant closed, Instant nextDue) {
	}

	/** Seeds {@code count} demo tickets at {@code now}, hands their rows to {@code check}, and rolls back. */
	void seeded(Instant now, int count, Consumer<List<Written>> check) {
		TicketProperties sized = new TicketProperties(properties.numberPrefix(), properties.sweepInterval(), count);
		TicketDemoData demo = new TicketDemoData(catalog, repository, jdbc, customers, staff, segmenter, sized, audit,
				Clock.fixed(now, ZoneOffset.UTC));
		tx.executeWithoutResult(status -> {
			long before = jdbc.sql("select coalesce(max(id), 0) from ticket").query(Long.class).single();
			demo.seed();
			List<Written> rows = jdbc.sql("""
					select t.ticket_no, t.type, c.code, t.status, t.description, t.result, t.recorded_at, t.dispatched_at,
					  t.responded_at, t.resolved_at, t.closed_at,
					  case t.status when 'RECORDED' then t.dispatch_due when 'DISPATCHED' then t.respond_due
					    when 'RESPONDED' then t.resolve_due end as next_due
					from ticket t left join ticket_category c on c.id = t.category_id where t.id > ? order by t.id""")
				.param(before)
				.query((rs, n) -> new Written(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), at(rs.getTimestamp(7)), at(rs.getTimestamp(8)),
						at(rs.getTimestamp(9)), at(rs.getTimestamp(10)), at(rs.getTimestamp(11)), at(rs.getTimestamp(12))))
				.list();
			try {
				check.accept(rows);
				assertMarksInOrder(before, now);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	static Instant at(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	@Test
	void aFewTicketsAreOverdueByMinutesToHoursAndTheRestOnTime() {
		for (int count : new int[] { properties.demoTickets(), 300 }) {
			seeded(MORNING, count, rows -> {
				assertThat(rows).hasSize(count);
				List<Written> overdue = rows.stream().filter(r -> r.nextDue() != null && r.nextDue().isBefore(MORNING)).toList();
				List<Written> open = rows.stream().filter(r -> List.of("RECORDED", "DISPATCHED", "RESPONDED").contains(r.status()))
					.toList();
				// a board a lead can take in: three to six, never more than a tenth of the tickets
				assertThat(overdue).as("overdue of %d", count).hasSizeBetween(3, 6);
				assertThat(overdue.size()).isLessThanOrEqualTo(count / 10);
				assertThat(open.size() - overdue.size()).as("open and on time").isGreaterThan(overdue.size());
				assertThat(overdue).allSatisfy(r -> assertThat(Duration.between(r.nextDue(), MORNING))
					.isBetween(Duration.ofMinutes(1), Duration.ofHours(5)));
				// recorded over the last week and this morning, none in the future
				assertThat(rows).allSatisfy(r -> assertThat(r.recorded()).isBetween(MORNING.minus(Duration.ofDays(8)), MORNING));
				LocalDate today = LocalDate.ofInstant(MORNING, SHANGHAI);
				assertThat(rows).anySatisfy(r -> assertThat(LocalDate.ofInstant(r.recorded(), SHANGHAI)).isEqualTo(today));
				assertThat(rows).anySatisfy(r -> assertThat(r.status()).isEqualTo("CLOSED"));
				// no two open tickets say the same
				assertThat(open.stream().map(Written::description).distinct().count()).isEqualTo(open.size());
			});
		}
	}

	@Test
	void resultsFitTheirCategory() {
		seeded(MORNING, 300, rows -> {
			List<Written> closedComplaints = rows.stream()
				.filter(r -> r.type().equals("COMPLAINT") && r.status().equals("CLOSED"))
				.toList();
			assertThat(closedComplaints).isNotEmpty();
			List<Pattern> complaintResults = patterns(TicketType.COMPLAINT);
			List<Pattern> repairResults = patterns(TicketType.REPAIR);
			for (Written r : closedComplaints) {
				assertThat(complaintResults).as(r.no() + " " + r.result()).anyMatch(p -> p.matcher(r.result()).matches());
				assertThat(repairResults).noneMatch(p -> p.matcher(r.result()).matches());
			}
			for (Written r : rows) {
				if (r.result() != null) {
					DemoTexts.Texts texts = DemoTexts.ALL.stream().filter(t -> t.category().equals(r.category())).findFirst().orElseThrow();
					assertThat(texts.results().stream().map(DemoTexts::pattern)).as(r.no() + " " + r.result())
						.anyMatch(p -> p.matcher(r.result()).matches());
					assertThat(texts.descriptions().stream().map(DemoTexts::pattern)).as(r.description())
						.anyMatch(p -> p.matcher(r.description()).matches());
				}
			}
		});
	}

	static List<Pattern> patterns(TicketType type) {
		List<Pattern> result = new ArrayList<>();
		DemoTexts.ALL.stream().filter(t -> t.type() == type).forEach(t -> t.results().forEach(s -> result.add(DemoTexts.pattern(s))));
		return result;
	}

	/** Every ticket's marks and timeline run forward in time and end before now. */
	void assertMarksInOrder(long after, Instant now) {
		List<String> backwards = jdbc.sql("""
				select t.ticket_no from ticket t where t.id > ? and not (
				  t.recorded_at <= coalesce(t.dispatched_at, t.recorded_at)
				  and coalesce(t.dispatched_at, t.recorded_at) <= coalesce(t.responded_at, t.dispatched_at, t.recorded_at)
				  and coalesce(t.responded_at, t.dispatched_at, t.recorded_at) <= coalesce(t.resolved_at, t.responded_at, t.dispatched_at, t.recorded_at)
				  and coalesce(t.resolved_at, t.recorded_at) <= coalesce(t.closed_at, t.resolved_at, t.recorded_at)
				  and coalesce(t.closed_at, t.resolved_at, t.responded_at, t.dispatched_at, t.recorded_at) <= ?
				  and (t.responded_at is null or t.dispatched_at is not null)
				  and (t.resolved_at is null or t.responded_at is not null)
				  and (t.closed_at is null or t.resolved_at is not null))""")
			.params(after, Timestamp.from(now))
			.query(String.class)
			.list();
		assertThat(backwards).as("tickets whose marks are out of order").isEmpty();
		List<String> timeline = jdbc.sql("""
				select distinct t.ticket_no from ticket t join ticket_event e on e.ticket_id = t.id
				where t.id > ? and (e.at > ? or exists (select 1 from ticket_event f where f.ticket_id = t.id and f.id > e.id and f.at < e.at))""")
			.params(after, Timestamp.from(now))
			.query(String.class)
			.list();
		assertThat(timeline).as("timelines out of order").isEmpty();
	}
}
