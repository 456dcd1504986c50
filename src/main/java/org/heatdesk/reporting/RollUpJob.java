package org.heatdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rolls up the closed days no one has rolled yet, newest first, a batch at a time: after downtime it
 * catches up by itself over the following runs. A day counts as closed once it ended
 * {@code heatdesk.reporting.rollup.grace} (26 hours) ago: late records of it (a call's last events, a
 * record entered the next morning) have arrived by then, and yesterday stays live. Days further back
 * than {@code heatdesk.reporting.rollup.days} stay live (they are rarely asked for).
 *
 * <p>Records keep coming in late now and then (a follow-up's last try entered the next week, a
 * complaint's reply recorded after the fact): the days of the last
 * {@code heatdesk.reporting.rollup.settle-days} (7) are rolled again once their roll is
 * {@code heatdesk.reporting.rollup.refresh} (12 hours) old. Records dated further back announce
 * themselves ({@link org.heatdesk.platform.PastDaysChanged}), which takes their days out of the
 * roll-up until they are rolled again.
 */
@Component
class RollUpJob {

	private static final Logger log = LoggerFactory.getLogger(RollUpJob.class);

	private final ComplianceReports reports;

	private final RollUps rollUps;

	private final Clock clock;

	private final int days;

	private final int batch;

	private final Duration grace;

	private final int settleDays;

	private final Duration refresh;

	RollUpJob(ComplianceReports reports, RollUps rollUps, Clock clock,
			@Value("${heatdesk.reporting.rollup.days:400}") int days, @Value("${heatdesk.reporting.rollup.batch:120}") int batch,
			@Value("${heatdesk.reporting.rollup.grace:PT26H}") Duration grace,
			@Value("${heatdesk.reporting.rollup.settle-days:7}") int settleDays,
			@Value("${heatdesk.reporting.rollup.refresh:PT12H}") Duration refresh) {
		this.reports = reports;
		this.rollUps = rollUps;
		this.clock = clock;
		this.days = days;
		this.batch = batch;
		this.grace = grace;
		this.settleDays = settleDays;
		this.refresh = refresh;
	}

	@Scheduled(initialDelayString = "${heatdesk.reporting.rollup.initial-delay:PT60S}",
			fixedDelayString = "${heatdesk.reporting.rollup.interval:PT15S}")
	void run() {
		try {
			catchUp(batch);
		}
		catch (RuntimeException e) {
			log.warn("roll-up of closed days failed; the next run tries again", e);
		}
	}

	/**
	 * Rolls at most {@code limit} day-figures, the newest days first across all figures (so the recent
	 * weeks every report asks for are rolled first after a start or downtime); the number rolled.
	 */
	int catchUp(int limit) {
		ZoneId zone = reports.zone();
		// the first day not closed yet: the one whose end lies less than the grace period back
		LocalDate firstOpen = LocalDate.ofInstant(clock.instant().minus(grace), zone);
		List<String> codes = reports.definitions().stream().map(FigureDefinition::code).toList();
		int rolled = 0;
		for (RollUps.DayFigure m : rollUps.missing(codes, firstOpen, days, settleDays, clock.instant().minus(refresh))) {
			if (rolled >= limit) {
				break;
			}
			rollUps.roll(reports.figure(m.code()).orElseThrow(), m.day(), reports.start(m.day()), reports.start(m.day().plusDays(1)));
			rolled++;
		}
		return rolled;
	}
}
