package org.heatdesk.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.DemoDataSeeder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo customers on the network's communities ({@code heatdesk.demo.customers}, 20,000 by default),
 * two versions of the standard contract, and a contract for most customers: 90% current, 5% only an
 * expired one, 5% none (they show up on the contract report).
 */
@Component
@Order(30)
class CustomerDemoData implements DemoDataSeeder {

	static final long SEED = 20261127L;

	private final Network network;

	private final CustomerRepository repository;

	private final CustomerBulkWriter writer;

	private final AuditTrail audit;

	private final Clock clock;

	private final int count;

	private final ZoneId zone;

	CustomerDemoData(Network network, CustomerRepository repository, CustomerBulkWriter writer, AuditTrail audit,
			Clock clock, @Value("${heatdesk.demo.customers:20000}") int count,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.network = network;
		this.repository = repository;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
		this.count = count;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public String name() {
		return "customer";
	}

	@Override
	public void seed() {
		List<CommunityView> communities = network.communities();
		if (communities.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		// The heating season starts on 15 November; contracts run three seasons from 1 October.
		int seasonYear = today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1;
		LocalDate currentStart = LocalDate.of(seasonYear, 10, 1);
		LocalDate oldStart = currentStart.minusYears(3);
		long oldTemplate = repository.insertTemplate("V" + (seasonYear - 3), "供用热合同（" + (seasonYear - 3) + "版）",
				CONTRACT_TEXT, oldStart.minusMonths(1), clock.instant(), AuditTrail.SYSTEM);
		long currentTemplate = repository.insertTemplate("V" + seasonYear, "供用热合同（" + seasonYear + "版）", CONTRACT_TEXT
				+ "\n第十条 本合同自双方签字之日起生效，有效期三个采暖期。", currentStart.minusMonths(1), clock.instant(), AuditTrail.SYSTEM);
		writeRange(communities, 0, count, currentTemplate, oldTemplate, currentStart);
	}

	/** Writes demo customers {@code from} to {@code to} with their contracts, in the caller's transaction. */
	void writeRange(List<CommunityView> communities, long from, long to, long currentTemplate, long oldTemplate,
			LocalDate currentStart) {
		DemoCustomers demo = new DemoCustomers(communities, SEED);
		List<NewCustomer> customers = demo.range(from, to);
		List<CustomerBulkWriter.BulkContract> contracts = new ArrayList<>();
		for (int i = 0; i < customers.size(); i++) {
			long n = from + i;
			int kind = demo.contractKind(n);
			if (kind == 0) {
				contracts.add(new CustomerBulkWriter.BulkContract(i, currentTemplate, demo.signedOn(n, currentStart),
						currentStart, currentStart.plusYears(3).minusDays(1)));
			}
			else if (kind == 1) {
				LocalDate oldStart = currentStart.minusYears(3);
				contracts.add(new CustomerBulkWriter.BulkContract(i, oldTemplate, demo.signedOn(n, oldStart), oldStart,
						currentStart.minusDays(1)));
			}
		}
		writer.write(customers, contracts, clock.instant(), AuditTrail.SYSTEM);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("customers", customers.size());
		summary.put("contracts", contracts.size());
		summary.put("firstAccountNo", DemoCustomers.accountNo(from));
		summary.put("lastAccountNo", DemoCustomers.accountNo(to - 1));
		audit.record("DEMO_CUSTOMERS_GENERATED", "customer", DemoCustomers.accountNo(from), null, summary);
	}

	static final String CONTRACT_TEXT = """
			供用热合同
			供热方（甲方）与用热方（乙方）本着平等、自愿、诚实信用的原则，就供用热事宜订立本合同。
			第一条 甲方在采暖期内向乙方供热，室内温度不低于18℃。
			第二条 乙方按核定的供热面积和价格按时缴纳热费。
			第三条 采暖期为每年11月15日至次年3月15日，遇特殊天气可提前或延长。
			第四条 因故障停热，甲方应及时通知乙方并尽快抢修；计划停热应提前公告。
			第五条 乙方不得擅自改动供热设施，不得私接、扩大供热面积。
			第六条 乙方申请报停应在采暖期开始前办理。
			第七条 双方发生争议时协商解决，协商不成的可向有关部门申诉或依法起诉。
			第八条 甲方对乙方的个人信息负有保密义务。
			第九条 本合同一式两份，甲乙双方各执一份。""";
}
