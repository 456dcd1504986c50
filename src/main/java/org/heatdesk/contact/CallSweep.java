package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes calls whose {@code ENDED} never came ({@code heatdesk.contact.sweep-after}, 2 h by
 * default) and marks them swept; makes agents ready again after wrap-up. On several nodes
 * each may run it: closing a call takes the call's lock and checks it is still open, so a call is
 * closed once.
 */
@Component
class CallSweep {

	private static final Logger log = LoggerFactory.getLogger(CallSweep.class);

	private final JdbcClient jdbc;

	private final CallRecorder recorder;

	private final Presences presences;

	private final CallSettings settings;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CallSweep(JdbcClient jdbc, CallRecorder recorder, Presences presences, CallSettings settings,
			TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.recorder = recorder;
		this.presences = presences;
		this.settings = settings;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${heatdesk.contact.sweep-interval:60s}", initialDelayString = "30s")
	void run() {
		sweep(clock.instant());
	}

	/**
	 * Sweeps as of {@code now}.
	 * @return how many calls were closed
	 */
	int sweep(Instant now) {
		List<Long> stale = jdbc.sql("""
				select id from contact_call where status in ('RINGING', 'TALKING') and last_event_at < ?
				order by id limit 1000""")
			.param(Timestamp.from(now.minus(settings.sweepAfter())))
			.query(Long.class)
			.list();
		List<Long> closed = new ArrayList<>();
		for (long id : stale) {
			CallRecorder.Swept swept = recorder.sweep(id, now);
			if (swept.closed()) {
				closed.add(id);
				events.publishEvent(new CallChanged(id, null, null, true, null, true, swept.outboundContactId()));
			}
		}
		for (long staffId : presences.wrapUpSince(now.minus(settings.wrapUp()))) {
			tx.executeWithoutResult(s -> presences.set(staffId, PresenceState.READY, null, now, "sweep", false));
		}
		if (!closed.isEmpty()) {
			log.info("swept {} calls without an end", closed.size());
		}
		return closed.size();
	}
}
