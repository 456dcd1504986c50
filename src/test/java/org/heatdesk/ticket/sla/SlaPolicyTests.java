package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketScope;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The most specific rule wins; a new policy version changes new tickets only (their deadlines are stored). */
class SlaPolicyTests {

	static final long ROOM_TEMP = 4;

	static SlaPolicy policy(long id, String repairResolve) {
		return new SlaPolicy(id, (int) id, "v" + id, MonthDay.of(11, 15), MonthDay.of(3, 15), LocalTime.of(8, 0),
				LocalTime.of(17, 30), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "manager", Instant.EPOCH,
				List.of(new SlaPolicy.Rule(TicketType.REPAIR, null, null, null, "15m", "30m", "2h", repairResolve),
						new SlaPolicy.Rule(TicketType.REPAIR, null, Priority.URGENT, null, "15m", "30m", "30m", repairResolve),
						new SlaPolicy.Rule(TicketType.REPAIR, ROOM_TEMP, null, null, "15m", "30m", "24h", "3d"),
						new SlaPolicy.Rule(TicketType.INQUIRY, null, null, null, "60m", "EOD", null, "EOD")), 5);
	}

	@Test
	void theMostSpecificRuleWins() {
		SlaPolicy p = policy(1, "8h");
		Instant t = SlaCalendarTests.at("2026-11-27T10:00");
		Deadlines normal = p.deadlines(TicketType.REPAIR, null, null, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE);
		assertThat(normal.onSite()).isEqualTo(t.plus(Duration.ofHours(2)));
		assertThat(normal.resolve()).isEqualTo(t.plus(Duration.ofHours(8)));
		Deadlines urgent = p.deadlines(TicketType.REPAIR, null, null, Priority.URGENT, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE);
		assertThat(urgent.onSite()).isEqualTo(t.plus(Duration.ofMinutes(30)));
		// a room-temperature repair: measurement within 24 h; a child category matches through its parent
		assertThat(p.deadlines(TicketType.REPAIR, ROOM_TEMP, null, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE).onSite())
			.isEqualTo(t.plus(Duration.ofHours(24)));
		assertThat(p.deadlines(TicketType.REPAIR, 99L, ROOM_TEMP, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE).onSite())
			.isEqualTo(t.plus(Duration.ofHours(24)));
		Deadlines inquiry = p.deadlines(TicketType.INQUIRY, null, null, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE);
		assertThat(inquiry.respond()).isEqualTo(SlaCalendarTests.at("2026-11-28T00:00"));
		assertThat(inquiry.onSite()).isNull();
		assertThat(p.deadlines(TicketType.PRAISE, null, null, Priority.LOW, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE))
			.isEqualTo(new Deadlines(null, null, null, null));
	}

	@Test
	void aPolicyChangeAppliesToNewTicketsOnly() {
		Instant t = SlaCalendarTests.at("2026-11-27T10:00");
		Deadlines underV1 = policy(1, "8h").deadlines(TicketType.REPAIR, null, null, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE);
		Deadlines underV2 = policy(2, "4h").deadlines(TicketType.REPAIR, null, null, Priority.NORMAL, TicketScope.HOUSEHOLD, t, SlaCalendarTests.ZONE);
		assertThat(underV1.resolve()).isEqualTo(t.plus(Duration.ofHours(8)));
		assertThat(underV2.resolve()).isEqualTo(t.plus(Duration.ofHours(4)));
		// a paused ticket recorded under v1 resumes on its stored deadlines: the pause is not lost by a change
		Deadlines resumed = underV1.resumed(t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(3)),
				policy(1, "8h").calendar(SlaCalendarTests.ZONE));
		assertThat(resumed.resolve()).isEqualTo(t.plus(Duration.ofHours(10)));
	}
}
