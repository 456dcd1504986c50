package org.heatdesk.portal;

import java.util.Map;

import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.ticket.TicketType;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests made online this morning (portal-b): a repair by account number, a complaint and an
 * inquiry by address, recorded through the same path as a customer's (the ticket's front door, the
 * receiver as first responder, the number sent), so the desk's lists and the outbox show ONLINE
 * tickets and the progress page has tickets to find.
 */
@Component
@Order(80)
class PortalRequestDemoData implements DemoDataSeeder {

	private final PortalRequests requests;

	private final JdbcClient jdbc;

	PortalRequestDemoData(PortalRequests requests, JdbcClient jdbc) {
		this.requests = requests;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "portal-requests";
	}

	@Override
	public void seed() {
		Map<String, Object> customer = jdbc.sql("select account_no from customer order by id limit 1").query().listOfRows()
			.stream().findFirst().orElse(null);
		if (customer != null) {
			requests.demo(TicketType.REPAIR, (String) customer.get("account_no"), null, "13905310101",
					"卧室暖气片上面热下面凉，室温只有16度，麻烦派人看看。");
		}
		requests.demo(TicketType.COMPLAINT, null, "金鼎花园2号楼1单元", "13905310202", "楼道里的暖气管漏水三天了，物业说归热力公司管，一直没人来。");
		requests.demo(TicketType.INQUIRY, null, "翠园小区", "13905310303", "今年供暖季到哪天结束？停暖前能不能延长几天？");
	}
}
