package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketDispatched;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What a ticket's customer hears at each step, queued in the step's own transaction. */
@HeatDeskTest
class TicketMessagesIntegrationTests {

	static final Actor AGENT = Actor.person("agent", "王丽");

	static final Actor DISPATCHER = Actor.person("dispatcher", "赵敏");

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	CustomerMessages messages;

	@Autowired
	Customers customers;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theCustomerHearsTheNumberTheTechnicianAndWindowTheArrivalAndTheResult() {
		String mobile = NotificationFixtures.mobile();
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), mobile);
		String no = repair(customer);

		List<MessageView> recorded = messages.forTicket(no);
		assertThat(recorded).extracting(MessageView::kind).containsExactly(MessageKind.TICKET_RECORDED);
		// the seeded template with the company's signature and hotline 96123
		assertThat(recorded.get(0).body()).isEqualTo("【金鼎公司】您反映的问题已登记，工单号" + no + "。我们会尽快处理，查询进度请致电96123。");
		// queued, and perhaps sent already by the delivery running in this application
		assertThat(recorded.get(0).status()).isIn("QUEUED", "SENDING", "SENT");
		assertThat(recorded.get(0).maskedPhone()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));

		TestStaff.Account tech = TestStaff.create(staff, "ntech", Role.TECHNICIAN);
		long techId = staff.findByUsername(tech.username()).orElseThrow().id();
		tickets.dispatchToField(DISPATCHER, no, techId, null);
		Instant dispatchedAt = queries.forField(no).orElseThrow().dispatchedAt();
		Instant due = queries.forField(no).orElseThrow().onSiteDue();
		assertThat(due).as("a repair has an on-site deadline").isNotNull();
		// the window worked out here: the deadline's time, "今天" on the dispatch day, "明天" the day after
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		ZonedDateTime d = due.atZone(zone);
		LocalDate day = dispatchedAt.atZone(zone).toLocalDate();
		String hhmm = String.format("%02d:%02d", d.getHour(), d.getMinute());
		String window = d.toLocalDate().equals(day) ? "今天 " + hhmm
				: d.toLocalDate().equals(day.plusDays(1)) ? "明天 " + hhmm : d.getMonthValue() + "月" + d.getDayOfMonth() + "日 " + hhmm;
		// TestStaff names people 测试xxxx: the surname is 测; the employee number is the user name
		String technician = "测师傅";
		MessageView dispatched = only(no, MessageKind.TICKET_DISPATCHED);
		assertThat(dispatched.body()).isEqualTo("【金鼎公司】您的工单" + no + "已安排" + technician + "（工号" + tech.username()
				+ "）上门，预计" + window + "前到达。如有变化请致电96123。");

		Actor techActor = Actor.person(tech.username(), tech.displayName());
		tickets.respondAt(techActor, no, Instant.now(), "已联系客户");
		tickets.arrive(techActor, no, Instant.now());
		assertThat(only(no, MessageKind.TECHNICIAN_ARRIVED).body())
			.isEqualTo("【金鼎公司】" + technician + "已到达现场，处理您的工单" + no + "。");

		tickets.resolveAt(techActor, no, Instant.now(), "更换了放气阀，暖气已热");
		assertThat(only(no, MessageKind.TICKET_RESOLVED).body())
			.isEqualTo("【金鼎公司】您的工单" + no + "已处理完毕：更换了放气阀，暖气已热。如仍有问题请致电96123。");
		// the follow-up's request to rate the repair comes after its result (REPAIR: every ticket followed up)
		assertThat(messages.forTicket(no)).extracting(MessageView::kind).containsExactly(MessageKind.TICKET_RECORDED,
				MessageKind.TICKET_DISPATCHED, MessageKind.TECHNICIAN_ARRIVED, MessageKind.TICKET_RESOLVED, MessageKind.FOLLOW_UP);
	}

	@Test
	void theSameEventHeardTwiceQueuesOnceAndADeskDispatchIsNoVisit() {
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		String no = repair(customer);
		// sent to an agent at the desk: nothing to tell the customer of a visit
		tickets.dispatch(AGENT, no, null, staff.findByUsername("agent").orElseThrow().id(), null, null);
		assertThat(messages.forTicket(no)).extracting(MessageView::kind).containsExactly(MessageKind.TICKET_RECORDED);

		TestStaff.Account tech = TestStaff.create(staff, "ntech", Role.TECHNICIAN);
		long techId = staff.findByUsername(tech.username()).orElseThrow().id();
		jdbc.sql("update ticket set assignee_id = ? where ticket_no = ?").params(techId, no).update();
		long ticketId = queries.forField(no).orElseThrow().id();
		Instant at = Instant.parse("2026-11-30T02:00:00Z");
		TicketDispatched event = new TicketDispatched(ticketId, no, techId, null, at);
		new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
		new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
		assertThat(messages.forTicket(no)).extracting(MessageView::kind).containsExactly(MessageKind.TICKET_RECORDED,
				MessageKind.TICKET_DISPATCHED);
		// a later round (a reopened ticket dispatched again) is told again
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> events.publishEvent(new TicketDispatched(ticketId, no, techId, null, at.plusSeconds(3600))));
		assertThat(messages.forTicket(no)).extracting(MessageView::kind).containsExactly(MessageKind.TICKET_RECORDED,
				MessageKind.TICKET_DISPATCHED, MessageKind.TICKET_DISPATCHED);
	}

	@Test
	void anOptedOutCustomerIsSkippedWithTheReasonAndAnAnsweredInquiryTellsNothing() {
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		customers.setMessagesOptOut(AGENT, customer, true);
		String no = repair(customer);
		assertThat(messages.forTicket(no)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(MessageKind.TICKET_RECORDED);
			assertThat(m.status()).isEqualTo("SKIPPED");
			assertThat(m.skipReason()).isEqualTo("OPTED_OUT");
		});

		long other = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		Long category = queries.categories(TicketType.INQUIRY).get(0).id();
		String inquiry = tickets.answerInCall(AGENT, new RecordTicket(TicketType.INQUIRY, category, null, null, null, other, null,
				null, "问今年的供暖开始日期", null, null, null), "11月15日开始供暖").ticketNo();
		// nothing of this module: the caller heard the answer (the follow-up module may still sample the
		// inquiry, 30 % of them by its ticket number, and ask for a rating: that is its message, not ours)
		assertThat(messages.forTicket(inquiry)).extracting(MessageView::kind).doesNotContain(MessageKind.TICKET_RECORDED,
				MessageKind.TICKET_RESOLVED);
		assertThat(messages.forTicket(inquiry)).extracting(MessageView::kind).isSubsetOf(MessageKind.FOLLOW_UP);
	}

	@Test
	void aCallerWithoutACustomerHearsAtTheNumberLeft() {
		Long category = queries.categories(TicketType.REPAIR).get(0).id();
		String no = tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, null, null, null, null, "0531-86001234",
				"测试小区 9-9-909", "楼道暖气管漏水", "13905319876", null, null)).ticketNo();
		assertThat(messages.forTicket(no)).singleElement().satisfies(m -> {
			assertThat(m.status()).isIn("QUEUED", "SENDING", "SENT");
			// the contact phone left, not the landline called from
			assertThat(m.maskedPhone()).isEqualTo("139****9876");
		});
	}

	private MessageView only(String no, MessageKind kind) {
		List<MessageView> of = messages.forTicket(no).stream().filter(m -> m.kind() == kind).toList();
		assertThat(of).as(kind.name()).hasSize(1);
		return of.get(0);
	}

	private String repair(long customer) {
		Long category = queries.categories(TicketType.REPAIR).get(0).id();
		return tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, null, null, null, customer, null,
				"测试小区 1-1-101", "暖气片不热", null, null, null)).ticketNo();
	}
}
