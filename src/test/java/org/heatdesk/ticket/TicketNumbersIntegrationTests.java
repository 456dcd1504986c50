package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MovableClock;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ticket numbers as intake draws them ({@code GR20200106-0042}: prefix, Shanghai date, at least four
 * digits): unique under concurrent intake, starting again at 1 after Shanghai midnight, never given
 * twice after a rollback, and drawn without waiting for another ticket's commit.
 * <p>
 * Each test records on a day of its own in January 2020, by the front door with a clock set to that
 * day, so that no other ticket shares the day; the tickets are inquiries answered in the call, closed
 * matters that no deadline, board or open list shows.
 */
@HeatDeskTest
class TicketNumbersIntegrationTests {

	@Autowired
	TicketRepository repository;

	@Autowired
	Catalog catalog;

	@Autowired
	TicketSupport support;

	@Autowired
	Staff staff;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TextSegmenter segmenter;

	@Autowired
	TicketProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CustomerLookup customers;

	@Autowired
	AttachmentRepository attachments;

	@Autowired
	JdbcClient jdbc;


	@Autowired
	org.springframework.beans.factory.ObjectProvider<CloseCondition> closeConditions;

	/** The front door as the application builds it, on {@code clock}. */
	Tickets tickets(Clock clock) {
		return new Tickets(repository, support, catalog, staff, audit, events, clock, segmenter, properties, transactions,
				customers, closeConditions);
	}

	static <T> T asAgent(Supplier<T> action) {
		return TicketFlowsIntegrationTests.as("agent", "AGENT", action);
	}

	/** Records an inquiry answered during the call; its number. */
	static String answered(Tickets tickets, String description) {
		return asAgent(() -> tickets.answerInCall(org.heatdesk.platform.Actor.current(), new RecordTicket(TicketType.INQUIRY, null, Priority.NORMAL, null, null, null,
				"13800002222", null, description + " " + UUID.randomUUID().toString().substring(0, 8), null, null, null),
				"已答复：今日起正常供热").ticketNo());
	}

	/** {@code instant} at this Shanghai wall time. */
	static Instant shanghai(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

	static int numberWithinDay(String ticketNo) {
		return Integer.parseInt(ticketNo.substring(ticketNo.indexOf('-') + 1));
	}

	long tickets(String ticketNo) {
		return jdbc.sql("select count(*) from ticket where ticket_no = ?").param(ticketNo).query(Long.class).single();
	}

	@Test
	void eightClientsRecordingFourHundredTicketsOfADayGetFourHundredNumbersOfThatDay() throws Exception {
		Tickets tickets = tickets(Clock.fixed(shanghai("2020-01-06T10:00"), ZoneOffset.UTC));
		int clients = 8;
		int each = 50;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<List<String>> byClient = new ArrayList<>();
		try {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					start.await();
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						mine.add(answered(tickets, "并发编号"));
					}
					return mine;
				}));
			}
			start.countDown();
			for (Future<List<String>> f : futures) {
				byClient.add(f.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> all = byClient.stream().flatMap(List::stream).toList();
		assertThat(all).hasSize(400).doesNotHaveDuplicates().allMatch(no -> no.matches("GR20200106-\\d{4,}"), "GR20200106-NNNN");
		// nothing was rolled back and nobody else drew a number that day: 1 to 400, no gap
		assertThat(all.stream().map(TicketNumbersIntegrationTests::numberWithinDay))
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
		// each client's numbers grow with the time it recorded them
		for (List<String> mine : byClient) {
			assertThat(mine.stream().map(TicketNumbersIntegrationTests::numberWithinDay).toList()).isSorted();
		}
		assertThat(jdbc.sql("select count(*) from ticket where ticket_no like 'GR20200106-%'").query(Long.class).single())
			.isEqualTo(400);
	}

	@Test
	void theFirstTicketAfterShanghaiMidnightIsNumberOneOfTheNewDay() {
		MovableClock clock = new MovableClock(shanghai("2020-01-07T23:59:58"));
		Tickets tickets = tickets(clock);
		assertThat(answered(tickets, "午夜前")).isEqualTo("GR20200107-0001");
		assertThat(answered(tickets, "午夜前")).isEqualTo("GR20200107-0002");
		// 16:00 UTC is midnight in Shanghai: the new day, counted from 1 again
		clock.set(Instant.parse("2020-01-07T16:00:00Z"));
		assertThat(answered(tickets, "午夜后")).isEqualTo("GR20200108-0001");
		assertThat(answered(tickets, "午夜后")).isEqualTo("GR20200108-0002");
	}

	@Test
	void aRolledBackTicketsNumberIsNotGivenAgain() {
		Tickets tickets = tickets(Clock.fixed(shanghai("2020-01-09T10:00"), ZoneOffset.UTC));
		String rolledBack = new TransactionTemplate(transactions).execute(s -> {
			String no = answered(tickets, "回滚");
			s.setRollbackOnly();
			return no;
		});
		assertThat(rolledBack).isEqualTo("GR20200109-0001");
		assertThat(tickets(rolledBack)).as("the rolled-back ticket is gone").isZero();
		String next = answered(tickets, "回滚之后");
		assertThat(next).isEqualTo("GR20200109-0002");
		assertThat(tickets(next)).isEqualTo(1);
	}

	@Test
	void aTicketDoesNotWaitForAnotherTicketOfTheDayThatIsNotCommittedYet() throws Exception {
		Tickets tickets = tickets(Clock.fixed(shanghai("2020-01-10T10:00"), ZoneOffset.UTC));
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// the first agent's ticket is written but its transaction still open (a slow request)
			Future<String> slow = pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
				String no = answered(tickets, "慢事务");
				recorded.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				s.setRollbackOnly();
				return no;
			}));
			assertThat(recorded.await(60, TimeUnit.SECONDS)).isTrue();
			Future<String> other = pool.submit(() -> answered(tickets, "另一位坐席"));
			String no;
			try {
				no = other.get(10, TimeUnit.SECONDS);
			}
			finally {
				release.countDown();
			}
			assertThat(no).isEqualTo("GR20200110-0002");
			assertThat(tickets(no)).isEqualTo(1);
			assertThat(slow.get(60, TimeUnit.SECONDS)).isEqualTo("GR20200110-0001");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}
}
