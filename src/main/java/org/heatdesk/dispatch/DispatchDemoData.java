package org.heatdesk.dispatch;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.WaitingTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo crew 维修一班 as a dispatcher finds it on a morning: 孙师傅 (tech) and 郑师傅 (tech2) with
 * their skills, certificates relative to the day HeatDesk first starts (孙师傅's welding permit ends
 * within the warning days, 郑师傅's electrical permit has expired), this week's and next week's
 * shifts, and the crew's service area around the faulty substation CY-07; and two of this morning's
 * waiting repairs already sent to 孙师傅 (a room-temperature test waiting for him to accept, a repair he
 * has accepted), so that his phone has jobs on it and the board and workload show them.
 */
@Component
@Order(45)
class DispatchDemoData implements DemoDataSeeder {

	private static final Logger log = LoggerFactory.getLogger(DispatchDemoData.class);

	private static final Actor DEMO = Actor.system("demo");

	private final Technicians technicians;

	private final Staff staff;

	private final Network network;

	private final Jobs jobs;

	private final TicketQueries tickets;

	DispatchDemoData(Technicians technicians, Staff staff, Network network, Jobs jobs, TicketQueries tickets) {
		this.technicians = technicians;
		this.staff = staff;
		this.network = network;
		this.jobs = jobs;
		this.tickets = tickets;
	}

	@Override
	public String name() {
		return "dispatch";
	}

	@Override
	public void seed() {
		StaffView sun = staff.findByUsername("tech").orElse(null);
		StaffView zheng = staff.findByUsername("tech2").orElse(null);
		if (sun == null || zheng == null || sun.teamId() == null) {
			return;
		}
		LocalDate today = technicians.dateAt(technicians.clock().instant());
		technicians.setSkills(DEMO, sun.id(), EnumSet.of(Skill.PIPE_FITTER, Skill.WELDER, Skill.VALVE_OPERATOR));
		technicians.setSkills(DEMO, zheng.id(), EnumSet.of(Skill.PIPE_FITTER, Skill.ELECTRICIAN, Skill.METER));
		technicians.addCertificate(DEMO, sun.id(), new Technicians.NewCertificate(CertificateKind.WELDING, "T370102198503120015",
				"济南市应急管理局", today.minusYears(6).plusDays(20), today.plusDays(20)), scan());
		technicians.addCertificate(DEMO, sun.id(), new Technicians.NewCertificate(CertificateKind.WORK_AT_HEIGHT,
				"T370102198503120015", "济南市应急管理局", today.minusYears(2), today.plusYears(4)), null);
		technicians.addCertificate(DEMO, zheng.id(), new Technicians.NewCertificate(CertificateKind.ELECTRICAL,
				"T370104199007250031", "济南市应急管理局", today.minusYears(6).minusDays(10), today.minusDays(10)), null);
		technicians.addCertificate(DEMO, zheng.id(), new Technicians.NewCertificate(CertificateKind.SPECIAL_EQUIPMENT,
				"TS3701042019000318", "济南市市场监督管理局", today.minusYears(1), today.plusYears(3)), null);
		long crew = sun.teamId();
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (LocalDate week = monday; !week.isAfter(monday.plusWeeks(1)); week = week.plusWeeks(1)) {
			Map<Long, Set<DutyTimes.Slot>> shifts = new HashMap<>();
			for (int d = 0; d < 7; d++) {
				LocalDate day = week.plusDays(d);
				// the two alternate: one on days, the other on nights, swapping each week
				boolean even = week.equals(monday);
				shifts.computeIfAbsent(sun.id(), k -> new HashSet<>())
					.add(new DutyTimes.Slot(day, even ? Shift.DAY : Shift.NIGHT));
				shifts.computeIfAbsent(zheng.id(), k -> new HashSet<>())
					.add(new DutyTimes.Slot(day, even ? Shift.NIGHT : Shift.DAY));
			}
			if (week.equals(monday)) {
				// last night's shift, which covers the small hours of today
				technicians.setWeek(DEMO, crew, week.minusWeeks(1),
						Map.of(zheng.id(), Set.of(new DutyTimes.Slot(week.minusDays(1), Shift.NIGHT))));
			}
			technicians.setWeek(DEMO, crew, week, shifts);
		}
		network.substationByCode("CY-07").ifPresent(s -> technicians.addArea(DEMO, crew, s.id(), null));
		network.substationByCode("CY-08").ifPresent(s -> technicians.addArea(DEMO, crew, s.id(), null));
		network.communityByName("翠园小区")
			.filter(c -> !"CY-07".equals(c.substationCode()) && !"CY-08".equals(c.substationCode()))
			.ifPresent(c -> technicians.addArea(DEMO, crew, null, c.id()));
		network.communities()
			.stream()
			.filter(c -> !c.substationCode().startsWith("CY-"))
			.findFirst()
			.ifPresent(c -> technicians.addArea(DEMO, crew, null, c.id()));
		try {
			jobs(sun);
		}
		catch (RuntimeException e) {
			// the jobs only decorate the morning: without them the demo is still whole
			log.warn("demo jobs not written: {}", e.getMessage());
		}
	}

	/** Two of the waiting repairs sent to 孙师傅 by the demo dispatcher, as the board would send them. */
	private void jobs(StaffView sun) {
		StaffView desk = staff.findByUsername("dispatcher").orElse(null);
		if (desk == null) {
			return;
		}
		Actor dispatcher = Actor.person(desk.username(), desk.displayName());
		Actor tech = Actor.person(sun.username(), sun.displayName());
		List<WaitingTicket> waiting = tickets.waitingForField(dispatcher, true, List.of(), 100);
		waiting.stream().filter(t -> "REPAIR_ROOM_TEMP".equals(t.categoryCode()) && !t.incident()).findFirst()
			.ifPresent(t -> jobs.dispatch(dispatcher, t.ticketNo(), sun.id(), JobKind.TEMPERATURE_TEST, "带上测温仪"));
		waiting.stream().filter(t -> !"REPAIR_ROOM_TEMP".equals(t.categoryCode()) && !t.incident()).findFirst()
			.ifPresent(t -> {
				JobView job = jobs.dispatch(dispatcher, t.ticketNo(), sun.id(), JobKind.PIPE_REPAIR, null);
				jobs.accept(tech, job.id(), "demo-accept-" + job.id(), technicians.clock().instant());
			});
	}

	/** A stand-in scanned copy: a plain PNG card. */
	private static Technicians.Scan scan() {
		BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xF3, 0xEE, 0xDC));
		g.fillRect(0, 0, 480, 300);
		g.setColor(new Color(0x9C, 0x2F, 0x2F));
		g.drawRect(12, 12, 456, 276);
		g.fillOval(360, 190, 80, 80);
		g.setColor(new Color(0x55, 0x55, 0x55));
		for (int y = 60; y < 240; y += 30) {
			g.fillRect(40, y, 260, 8);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			return null;
		}
		return new Technicians.Scan("焊工证扫描件.png", "image/png", out.toByteArray());
	}
}
