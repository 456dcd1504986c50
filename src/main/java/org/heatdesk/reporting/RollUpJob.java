package org.heatdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rolls up the closed days no one has rolled yet, newest first, a batch at a time: after downtime it
 * catches up by itself over the following runs. A day is closed once it ended
 * {@code heatdesk.reporting.rollup.grace} ago (calls and marks of its last minutes have arrived); days
 * further back than {@code heatdesk.reporting.rollup.days} stay live (they are rarely asked for).
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

	RollUpJob(ComplianceReports reports, RollUps rollUps, Clock clock,
			@Value("${heatdesk.reporting.rollup.days:400}") int days, @Value("${heatdesk.reporting.rollup.batch:60}") int batch,
			@Value("${heatdesk.reporting.rollup.grace:PT30M}") Duration grace) {
		this.reports = reports;
		this.rollUps = rollUps;
		this.clock = clock;
		this.days = days;
		this.batch = batch;
		this.grace = grace;
	}

	@Scheduled(initialDelayString = "${heatdesk.reporting.rollup.initial-delay:PT60S}",
			fixedDelayString = "${heatdesk.reporting.rollup.interval:PT20S}")
	void run() {
		try {
			catchUp(batch);
		}
		catch (RuntimeException e) {
			log.warn("roll-up of closed days failed; the next run tries again", e);
		}
	}

	/** Rolls at most {@code limit} day-figures; the number rolled. */
	int catchUp(int limit) {
		ZoneId zone = reports.zone();
		// the last closed day is the one whose end lies at least the grace period back
		LocalDate firstOpen = LocalDate.ofInstant(clock.instant().minus(grace), zone);
		int rolled = 0;
		for (FigureDefinition d : reports.definitions()) {
			ComplianceFigure figure = reports.figure(d.code()).orElseThrow();
			for (LocalDate day : rollUps.missing(d.code(), firstOpen, days)) {
				if (rolled >= limit) {
					return rolled;
				}
				rollUps.roll(figure, day, reports.start(day), reports.start(day.plusDays(1)));
				rolled++;
			}
		}
		return rolled;
	}
}
