package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo tickets ({@code heatdesk.ticket.demo-tickets}, 300 by default) over the last ten days for the
 * demo customers, in every state, some of them overdue, with their timelines.
 */
@Component
@Order(40)
class TicketDemoData implements DemoDataSeeder {

	private static final String[][] TEXTS = {
			{ "REPAIR", "REPAIR_NOT_WARM", "家里暖气片不热，摸着是凉的，室温只有十四五度" },
			{ "REPAIR", "REPAIR_LEAK", "卫生间暖气片接口漏水，地面已经湿了" },
			{ "REPAIR", "REPAIR_VALVE", "进户阀门拧不动，关不上" },
			{ "REPAIR", "REPAIR_ROOM_TEMP", "室温不达标，要求上门测温" },
			{ "REPAIR", "REPAIR_NOISE", "暖气管道夜里咚咚响，影响休息" },
			{ "REPAIR", "REPAIR_AIR", "暖气片上半截不热，可能有气需要排气" },
			{ "INQUIRY", "INQUIRY_FEES", "咨询今年供暖费怎么交，能不能开发票" },
			{ "INQUIRY", "INQUIRY_SEASON", "问今年什么时候开始供暖" },
			{ "INQUIRY", "INQUIRY_SUSPEND", "房子没人住，想办理报停" },
			{ "INQUIRY", "INQUIRY_OUTAGE", "小区停热了，问什么时候来热" },
			{ "COMPLAINT", "COMPLAINT_SLOW_REPAIR", "报修两天了还没人来修，要求尽快处理" },
			{ "COMPLAINT", "COMPLAINT_ATTITUDE", "维修人员态度不好，不耐烦" },
			{ "COMPLAINT", "COMPLAINT_TEMP", "家里太冷，室温一直不达标" },
			{ "SUGGESTION", "SUGGESTION_SERVICE", "建议停热时提前发短信通知" },
			{ "PRAISE", "PRAISE_STAFF", "感谢维修师傅半夜上门抢修" } };

	private static final String[] RESULTS = { "已上门处理，更换阀芯，室温恢复到 20 度", "已排气，暖气片恢复正常",
			"已电话答复用户，用户表示满意", "已更换漏水接口，地面已清理", "测温 19 度，达标，已向用户解释" };

	private final Catalog catalog;

	private final TicketRepository repository;

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Staff staff;

	private final TextSegmenter segmenter;

	private final TicketProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	TicketDemoData(Catalog catalog, TicketRepository repository, JdbcClient jdbc, Customers customers, Staff staff,
			TextSegmenter segmenter, TicketProperties properties, AuditTrail audit, Clock clock) {
		this.catalog = catalog;
		this.repository = repository;
		this.jdbc = jdbc;
		this.customers = customers;
		this.staff = staff;
		this.segmenter = segmenter;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "ticket";
	}

	@Override
	public void seed() {
		List<StaffView> agents = staff.withRole(Role.AGENT);
		List<StaffView> techs = staff.withRole(Role.TECHNICIAN);
		if (agents.isEmpty()) {
			return;
		}
		Random random = new Random(20261127L);
		Instant now = clock.instant();
		SlaPolicy policy = catalog.currentPolicy();
		Map<String, Category> byCode = new java.util.HashMap<>();
		catalog.categories().values().forEach(c -> byCode.put(c.code(), c));
		List<Long> customerIds = new ArrayList<>();
		for (long id = 1; id <= 400 && customerIds.size() < 200; id++) {
			customers.find(id).map(CustomerView::id).ifPresent(customerIds::add);
		}
		int written = 0;
		for (int i = 0; i < properties.demoTickets(); i++) {
			String[] text = TEXTS[random.nextInt(TEXTS.length)];
			TicketType type = TicketType.valueOf(text[0]);
			Category category = byCode.get(text[1]);
			Priority priority = type == TicketType.REPAIR && random.nextInt(8) == 0 ? Priority.URGENT
					: random.nextInt(6) == 0 ? Priority.HIGH : Priority.NORMAL;
			// newest first: the last tenth of the tickets are from the last few hours, the rest over ten days
			Instant recorded = i % 10 == 0 ? now.minusSeconds(60 + random.nextInt(4 * 3600))
					: now.minus(Duration.ofMinutes(60 + random.nextInt(10 * 24 * 60)));
			Deadlines due = policy.deadlines(type, category == null ? null : category.id(), null, priority,
					TicketScope.HOUSEHOLD, recorded, catalog.zone());
			StaffView fr = agents.get(random.nextInt(agents.size()));
			Long customerId = customerIds.isEmpty() ? null : customerIds.get(random.nextInt(customerIds.size()));
			CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
			int stage = stage(random, recorded, now);
			LocalDate day = LocalDate.ofInstant(recorded, catalog.zone());
			String no = properties.numberPrefix() + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-"
					+ String.format("%04d", repository.nextNumber(day));
			Instant dispatched = stage >= 1 ? min(recorded.plus(Duration.ofMinutes(5 + random.nextInt(20))), now) : null;
			Instant responded = stage >= 2 ? min(dispatched.plus(Duration.ofMinutes(10 + random.nextInt(40))), now) : null;
			Instant resolved = stage >= 3 ? min(responded.plus(Duration.ofMinutes(30 + random.nextInt(300))), now) : null;
			Instant closed = stage >= 4 ? min(resolved.plus(Duration.ofHours(2)), now) : null;
			TicketStatus status = switch (stage) {
				case 0 -> TicketStatus.RECORDED;
				case 1 -> TicketStatus.DISPATCHED;
				case 2 -> TicketStatus.RESPONDED;
				case 3 -> TicketStatus.RESOLVED;
				default -> TicketStatus.CLOSED;
			};
			StaffView assignee = stage >= 1 && type == TicketType.REPAIR && !techs.isEmpty()
					? techs.get(random.nextInt(techs.size())) : fr;
			String result = stage >= 3 ? RESULTS[random.nextInt(RESULTS.length)] : null;
			Long id = jdbc.sql("""
					insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, customer_id, caller_phone,
					  address, description, substation_id, community_id, first_responder_id, first_responder, assignee_id,
					  assignee, assignee_team_id, policy_id, recorded_at, dispatched_at, dispatched_by, responded_at,
					  responded_by, resolved_at, resolved_by, result, closed_at, dispatch_due, respond_due, on_site_due,
					  resolve_due, search_text)
					values (?, ?, ?, ?, 'HOUSEHOLD', 'PHONE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					returning id""")
				.params(no, type.name(), category == null ? null : category.id(), priority.name(), status.name(), customerId,
						customer == null ? "1380000" + String.format("%04d", random.nextInt(10000)) : null,
						customer == null ? null : customer.address(), text[2],
						customer == null ? null : customer.substationId(), customer == null ? null : customer.communityId(),
						fr.id(), fr.username(), assignee.id(), assignee.username(), assignee.teamId(), policy.id(),
						ts(recorded), ts(dispatched), dispatched == null ? null : fr.username(), ts(responded),
						responded == null ? null : assignee.username(), ts(resolved), resolved == null ? null : assignee.username(),
						result, ts(closed), ts(due.dispatch()), ts(due.respond()), ts(due.onSite()), ts(due.resolve()),
						segmenter.segment(text[2], result))
				.query(Long.class)
				.single();
			repository.addEvent(id, recorded, fr.username(), "RECORDED", null, null);
			if (dispatched != null) {
				repository.addEvent(id, dispatched, fr.username(), "DISPATCHED", assignee.displayName(), null);
			}
			if (responded != null) {
				repository.addEvent(id, responded, assignee.username(), "RESPONDED", null, null);
			}
			if (resolved != null) {
				repository.addEvent(id, resolved, assignee.username(), "RESOLVED", result, null);
			}
			if (closed != null) {
				repository.addEvent(id, closed, fr.username(), "CLOSED", null, null);
			}
			written++;
		}
		audit.record("DEMO_TICKETS_GENERATED", "ticket", null, null, Map.of("tickets", written));
	}

	/** How far a demo ticket got: older tickets are mostly finished; some stay open past their deadlines. */
	private static int stage(Random random, Instant recorded, Instant now) {
		long hours = Duration.between(recorded, now).toHours();
		int r = random.nextInt(100);
		if (hours < 4) {
			return r < 40 ? 0 : r < 70 ? 1 : r < 90 ? 2 : 3;
		}
		return r < 4 ? 0 : r < 8 ? 1 : r < 12 ? 2 : r < 45 ? 3 : 4;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static java.sql.Timestamp ts(Instant i) {
		return TicketRepository.ts(i);
	}
}
