package org.heatdesk.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;

import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.heatdesk.dispatch.FieldBrowserTests.Setup;

/** The rows a field test makes for itself. */
record FieldFixtures(Jobs jobs, Technicians technicians, Tickets tickets, TicketQueries queries, Staff staff,
		Network network, JdbcClient jdbc) {

	static final Actor AGENT = Actor.person("agent", "王丽");

	static final Actor DISPATCHER = Actor.person("dispatcher", "赵敏");

	/** A crew of two pipe fitters, a customer at CY-07 with an earlier resolved ticket, and a new job for the first. */
	Setup dispatched() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);
		for (long t : crew.technicians()) {
			technicians.setSkills(Actor.system("test"), t, EnumSet.of(Skill.PIPE_FITTER));
		}
		long substation = network.substationByCode("CY-07").orElseThrow().id();
		long community = jdbc.sql("select min(id) from network_community").query(Long.class).single();
		String mobile = String.format("196%08d", System.nanoTime() % 100_000_000L);
		String room = mobile.substring(7);
		Timestamp now = Timestamp.from(Instant.now());
		long customerId = jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				                      substation_id, created_at, updated_at)
				values (?, '吕秀兰', ?, '7', '2', ?, 86, 'HEATING', ?, ?, ?) returning id""")
			.params("F" + System.nanoTime() % 1_000_000_000_000L, community, room, substation, now, now)
			.query(Long.class)
			.single();
		jdbc.sql("insert into customer_phone (customer_id, position, phone, last4, community_id) values (?, 0, ?, ?, ?)")
			.params(customerId, mobile, mobile.substring(7), community)
			.update();
		String address = jdbc.sql("select name from network_community where id = ?").param(community).query(String.class).single()
				+ " 7-2-" + room;
		Long category = queries.categories(TicketType.REPAIR).get(0).id();
		String earlier = tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, null, null, null, customerId,
				null, address, "上周暖气漏水", null, null, null)).ticketNo();
		tickets.dispatch(AGENT, earlier, null, staff.findByUsername("agent").orElseThrow().id(), null, null);
		tickets.respond(AGENT, earlier, null, "已约上门");
		tickets.resolve(AGENT, earlier, null, "更换了放气阀");
		String no = tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, null, null, null, customerId, null,
				address, "卧室暖气片不热，阀门处滴水", null, null, null)).ticketNo();
		JobView job = jobs.dispatch(DISPATCHER, no, crew.technicians()[0], JobKind.PIPE_REPAIR, "带上放气阀");
		return new Setup(crew, customerId, mobile, address, job, earlier);
	}

}
