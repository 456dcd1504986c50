package org.heatdesk.dispatch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a room-temperature test needs, made by the test itself: a technician, a customer, a complaint, a job on site. */
final class TemperatureTestSupport {

	static final Actor AGENT = Actor.person("agent", "李娜");

	private TemperatureTestSupport() {
	}

	record Technician(long id, String username, Actor actor) {
	}

	/** A technician of a crew of his own, a pipe fitter (so that he may take repairs as well as tests). */
	static Technician technician(Staff staff, JdbcClient jdbc, Technicians technicians) {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		long id = crew.technicians()[0];
		technicians.setSkills(Actor.system("test"), id, java.util.EnumSet.of(Skill.PIPE_FITTER));
		return new Technician(id, crew.usernames()[0], Actor.person(crew.usernames()[0], crew.names()[0]));
	}

	/** A customer with this heated area, in the first demo community; returns its id. */
	static long customer(JdbcClient jdbc, String name, String heatedArea) {
		long community = jdbc.sql("select min(id) from network_community").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				                      created_at, updated_at)
				values (?, ?, ?, '5', '2', '302', ?, 'HEATING', ?, ?) returning id""")
			.params("TT" + System.nanoTime() % 1_000_000_000_000L, name, community, new BigDecimal(heatedArea), now, now)
			.query(Long.class)
			.single();
	}

	/** A 室温不达标 complaint of the customer, recorded by the agent. */
	static String complaint(Tickets tickets, JdbcClient jdbc, Long customerId) {
		long category = jdbc.sql("select id from ticket_category where code = 'REPAIR_ROOM_TEMP'").query(Long.class).single();
		return tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, Priority.NORMAL, TicketScope.HOUSEHOLD,
				Channel.PHONE, customerId, customerId == null ? "13800000000" : null, customerId == null ? "测温小区 1-1-101" : null,
				"家里只有十五六度，要求上门测温 " + UUID.randomUUID(), null, null, null)).ticketNo();
	}

	/** Moves the complaint's recording back by {@code days} (the history a refund's days are counted from). */
	static void complainedDaysAgo(JdbcClient jdbc, String ticketNo, int days) {
		jdbc.sql("update ticket set recorded_at = recorded_at - make_interval(days => ?) where ticket_no = ?")
			.params(days, ticketNo)
			.update();
	}

	/**
	 * A job of this kind for the technician, taken through the jobs' front door as far as
	 * {@code status}: DISPATCHED, ACCEPTED, ON_THE_WAY or ON_SITE.
	 */
	static long job(Jobs jobs, String ticketNo, Technician tech, JobKind kind, String status) {
		Actor dispatcher = Actor.person("dispatcher", "调度");
		long id = jobs.dispatch(dispatcher, ticketNo, tech.id(), kind, null).id();
		List<String> steps = List.of("ACCEPTED", "ON_THE_WAY", "ON_SITE");
		int upTo = steps.indexOf(status);
		if (upTo >= 0) {
			jobs.accept(tech.actor(), id, UUID.randomUUID().toString(), Instant.now());
		}
		if (upTo >= 1) {
			jobs.onTheWay(tech.actor(), id, UUID.randomUUID().toString(), Instant.now());
		}
		if (upTo >= 2) {
			jobs.arrive(tech.actor(), id, UUID.randomUUID().toString(), Instant.now());
		}
		return id;
	}

	/** A signature as the phone sends it: a PNG with a stroke, as a data URL. */
	static String signature() {
		BufferedImage image = new BufferedImage(120, 50, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.setStroke(new BasicStroke(3));
		g.drawLine(5, 40, 60, 10);
		g.drawLine(60, 10, 115, 35);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
	}
}
