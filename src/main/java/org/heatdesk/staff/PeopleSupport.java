package org.heatdesk.staff;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PastDaysChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What the people records share: who a record is about, who is acting, today in the company's zone. */
@Component
class PeopleSupport {

	private final Staff staff;

	private final Clock clock;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	PeopleSupport(Staff staff, Clock clock, Company company, ApplicationEventPublisher events) {
		this.staff = staff;
		this.clock = clock;
		this.zone = company.zone();
		this.events = events;
	}

	/**
	 * A record dated {@code day} was entered: when that is before today, the days from it to yesterday
	 * (at most the last 400, as far back as reports roll) are counted again for the people figures.
	 */
	void recordedFor(LocalDate day) {
		LocalDate yesterday = today().minusDays(1);
		if (!day.isAfter(yesterday)) {
			LocalDate from = day.isBefore(yesterday.minusDays(400)) ? yesterday.minusDays(400) : day;
			events.publishEvent(new PastDaysChanged(from, yesterday, "people."));
		}
	}

	/**
	 * The staff member a record is about.
	 * @throws HeatDeskException 400 {@code REQUIRED} or {@code PEOPLE_STAFF_UNKNOWN} naming {@code field}
	 */
	StaffView person(Long id, String field) {
		if (id == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		return staff.find(id).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("PEOPLE_STAFF_UNKNOWN", field));
	}

	/** The staff id of the person acting, or {@code null} for the system or an integration's key. */
	Long actorId(Actor actor) {
		return actor == null || actor.system() ? null : staff.findByUsername(actor.name()).map(StaffView::id).orElse(null);
	}

	String name(long id) {
		return staff.find(id).map(StaffView::displayName).orElse("#" + id);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	java.time.Instant now() {
		return clock.instant();
	}

	/**
	 * A date a person typed: given, and in the sensible years.
	 * @throws HeatDeskException 400 {@code REQUIRED} or {@code DATE_OUT_OF_RANGE}
	 */
	static LocalDate date(LocalDate value, String field) {
		if (value == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		if (!InputChecks.sensibleYear(value.getYear())) {
			throw InputChecks.dateOutOfRange(field);
		}
		return value;
	}

	/** Minutes as hours with one decimal, rounded half up (135 minutes: 2.3). */
	static String hours(long minutes) {
		return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

	static Date sql(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}
}
