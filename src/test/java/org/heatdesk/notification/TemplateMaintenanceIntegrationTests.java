package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A template's text changes only by a draft another manager approves; every version is kept. */
@HeatDeskTest
class TemplateMaintenanceIntegrationTests {

	static final Actor MANAGER = Actor.person("manager", "刘强");

	@Autowired
	TemplateMaintenance templates;

	@Autowired
	CustomerMessages messages;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aDraftIsApprovedByAnotherManagerRetiresTheOldTextAndTheNextMessageUsesTheNewOne() {
		TestStaff.Account second = TestStaff.create(staff, "nmgr", Role.MANAGER);
		Actor other = Actor.person(second.username(), second.displayName());
		TemplateVersion before = approved(MessageKind.SUGGESTION_REPLY);
		try {
			TemplateVersion draft = templates.draft(MANAGER, MessageKind.SUGGESTION_REPLY, "  谢谢您的建议（{ticketNo}）：{reply}。热线{hotline}  ");
			assertThat(draft.status()).isEqualTo("DRAFT");
			assertThat(draft.version()).isEqualTo(maxVersion(MessageKind.SUGGESTION_REPLY));
			assertThat(draft.body()).isEqualTo("谢谢您的建议（{ticketNo}）：{reply}。热线{hotline}");
			assertThat(audits("NOTIFICATION_TEMPLATE_DRAFTED", "SUGGESTION_REPLY v" + draft.version())).isEqualTo(1);

			// four eyes: the author may not approve his own draft
			assertThatThrownBy(() -> templates.approve(MANAGER, draft.id())).isInstanceOfSatisfying(HeatDeskException.class,
					e -> {
						assertThat(e.code()).isEqualTo("NOTIFICATION_TEMPLATE_OWN_DRAFT");
						assertThat(e.status().value()).isEqualTo(403);
					});
			assertThat(approved(MessageKind.SUGGESTION_REPLY).id()).isEqualTo(before.id());

			TemplateVersion done = templates.approve(other, draft.id());
			assertThat(done.status()).isEqualTo("APPROVED");
			assertThat(done.decidedBy()).isEqualTo(second.username());
			assertThat(templates.find(before.id()).status()).isEqualTo("RETIRED");
			assertThat(templates.history(MessageKind.SUGGESTION_REPLY)).extracting(TemplateVersion::status)
				.filteredOn("APPROVED"::equals).hasSize(1);
			assertThat(audits("NOTIFICATION_TEMPLATE_APPROVED", "SUGGESTION_REPLY v" + draft.version())).isEqualTo(1);
			// decided once
			assertThatThrownBy(() -> templates.approve(other, draft.id())).isInstanceOfSatisfying(HeatDeskException.class,
					e -> assertThat(e.code()).isEqualTo("NOTIFICATION_TEMPLATE_NOT_DRAFT"));

			String no = "GRT" + System.nanoTime();
			new TransactionTemplate(transactions).executeWithoutResult(s -> messages.queue(Actor.system("test"),
					new MessageRequest(MessageKind.SUGGESTION_REPLY, null, "13905310001", no, Map.of("ticketNo", no, "reply", "已采纳"),
							null, false)));
			assertThat(messages.forTicket(no).get(0).body()).isEqualTo("【金鼎公司】谢谢您的建议（" + no + "）：已采纳。热线96123");
		}
		finally {
			// the seeded text back in use for the other tests
			TemplateVersion back = templates.draft(MANAGER, MessageKind.SUGGESTION_REPLY, before.body());
			templates.approve(other, back.id());
		}
	}

	@Test
	void anUnknownPlaceholderATooLongTextAndAnUnclosedBraceAreRefusedAndNothingIsStored() {
		int versions = maxVersion(MessageKind.TICKET_RECORDED);
		assertThatThrownBy(() -> templates.draft(MANAGER, MessageKind.TICKET_RECORDED, "工单{ticketNo}由{technician}处理"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("NOTIFICATION_TEMPLATE_PLACEHOLDER_UNKNOWN");
				assertThat(e.field()).isEqualTo("body");
				assertThat(e.args()[0]).isEqualTo("technician");
			});
		assertThatThrownBy(() -> templates.draft(MANAGER, MessageKind.TICKET_RECORDED, "工单{ticketNo"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("NOTIFICATION_PLACEHOLDER_UNKNOWN"));
		assertThatThrownBy(() -> templates.draft(MANAGER, MessageKind.TICKET_RECORDED, "长".repeat(301)))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("NOTIFICATION_TEMPLATE_TOO_LONG"));
		assertThat(maxVersion(MessageKind.TICKET_RECORDED)).isEqualTo(versions);
	}

	@Test
	void aDraftSentBackKeepsItsNoteAndStaysInTheHistory() {
		TemplateVersion draft = templates.draft(MANAGER, MessageKind.OUTAGE_RESTORED, "{community}已恢复供热。");
		assertThatThrownBy(() -> templates.reject(MANAGER, draft.id(), " ")).isInstanceOf(HeatDeskException.class);
		TemplateVersion rejected = templates.reject(Actor.person("manager2", "x"), draft.id(), "请保留热线号码");
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.note()).isEqualTo("请保留热线号码");
		assertThat(templates.history(MessageKind.OUTAGE_RESTORED)).extracting(TemplateVersion::id).contains(draft.id());
	}

	@Test
	void thePreviewFillsInARealTicketsValuesAndMarksThoseItLacks() {
		Long category = queries.categories(TicketType.REPAIR).get(0).id();
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		String no = tickets.record(Actor.person("agent", "王丽"), new RecordTicket(TicketType.REPAIR, category, null, null, null,
				customer, null, "测试小区 2-2-202", "暖气不热", null, null, null)).ticketNo();
		String body = "工单{ticketNo}：{technician}（{technicianNo}）预计{window}前到达，结果{result}。热线{hotline}";
		// not yet dispatched: no technician, no result; the on-site deadline is the policy's
		TemplatePreview p = templates.preview(MANAGER, MessageKind.TICKET_DISPATCHED, "工单{ticketNo}：{technician}（{technicianNo}）。热线{hotline}", no);
		assertThat(p.missing()).containsExactly("technician", "technicianNo");
		assertThat(p.text()).isEqualTo("【金鼎公司】工单" + no + "：{technician}（{technicianNo}）。热线96123");
		// every character counts, the signature and a marked placeholder's name included: 6 + 2 + the number + 1 +
		// 12 ({technician}) + 1 + 14 ({technicianNo}) + 3 (）。热) + 1 (线) + 5 (96123)
		assertThat(p.chars()).isEqualTo(6 + 2 + no.length() + 1 + 12 + 1 + 14 + 3 + 1 + 5);
		assertThat(p.segments()).isEqualTo(1);

		TestStaff.Account tech = TestStaff.create(staff, "ntech", Role.TECHNICIAN);
		tickets.dispatchToField(Actor.person("dispatcher", "赵敏"), no, staff.findByUsername(tech.username()).orElseThrow().id(), null);
		Actor t = Actor.person(tech.username(), tech.displayName());
		tickets.respondAt(t, no, Instant.now(), null);
		tickets.arrive(t, no, Instant.now());
		tickets.resolveAt(t, no, Instant.now(), "疏通了回水管");
		assertThatThrownBy(() -> templates.preview(MANAGER, MessageKind.TICKET_RESOLVED, body, no))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("NOTIFICATION_TEMPLATE_PLACEHOLDER_UNKNOWN"));
		TemplatePreview full = templates.preview(MANAGER, MessageKind.TICKET_DISPATCHED,
				"工单{ticketNo}：{technician}（工号{technicianNo}）预计{window}前到达", no);
		assertThat(full.missing()).isEmpty();
		assertThat(full.text()).startsWith("【金鼎公司】工单" + no + "：测师傅（工号" + tech.username() + "）预计");
		assertThat(templates.preview(MANAGER, MessageKind.TICKET_RESOLVED, "{ticketNo}：{result}", no).text())
			.isEqualTo("【金鼎公司】" + no + "：疏通了回水管");
		assertThatThrownBy(() -> templates.preview(MANAGER, MessageKind.TICKET_RESOLVED, "{ticketNo}", "GR00000000-9999"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_NOT_FOUND"));
	}

	@Test
	void segmentsAreSeventyCharactersInOneAndSixtySevenEachWhenLonger() {
		assertThat(TemplateMaintenance.segments(0)).isZero();
		assertThat(TemplateMaintenance.segments(70)).isEqualTo(1);
		// 71 characters: two parts of at most 67
		assertThat(TemplateMaintenance.segments(71)).isEqualTo(2);
		assertThat(TemplateMaintenance.segments(134)).isEqualTo(2);
		assertThat(TemplateMaintenance.segments(135)).isEqualTo(3);
	}

	private TemplateVersion approved(MessageKind kind) {
		return templates.history(kind).stream().filter(v -> "APPROVED".equals(v.status())).findFirst().orElseThrow();
	}

	private int maxVersion(MessageKind kind) {
		return templates.history(kind).stream().mapToInt(TemplateVersion::version).max().orElse(0);
	}

	private long audits(String action, String entity) {
		return jdbc.sql("select count(*) from platform_audit_event where action = ? and entity_id = ?").params(action, entity)
			.query(Long.class).single();
	}
}
