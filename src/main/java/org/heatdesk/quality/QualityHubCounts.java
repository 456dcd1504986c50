package org.heatdesk.quality;

import java.time.Instant;

import org.heatdesk.platform.Actor;
import org.heatdesk.staff.StaffView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The numbers on the hub's tiles for the person reading it. */
@Component
class QualityHubCounts {

	private final SpotChecks checks;

	private final Rectifications rectifications;

	private final CaseLibrary cases;

	private final QualityPeople people;

	QualityHubCounts(SpotChecks checks, Rectifications rectifications, CaseLibrary cases, QualityPeople people) {
		this.checks = checks;
		this.rectifications = rectifications;
		this.cases = cases;
		this.people = people;
	}

	/** What waits for the reader; zero where the reader has no part in it. */
	record Counts(long toScore, long toAcknowledge, long disputesOpen, long rectificationsOpen, long rectificationsOverdue,
			long cases) {
	}

	@Transactional(readOnly = true)
	Counts forCurrentUser() {
		StaffView me = people.who(Actor.current());
		Instant now = people.clock().instant();
		long toScore = checks.supervised(me, SpotChecks.Status.TO_SCORE, 1000).stream()
			.filter(c -> c.agentId() != me.id()).count();
		long toAck = checks.mine(me, 1000).stream().filter(c -> c.status() == SpotChecks.Status.SCORED).count();
		long disputes = checks.supervised(me, SpotChecks.Status.DISPUTED, 1000).size();
		var open = rectifications.visible(me, true, 1000);
		return new Counts(toScore, toAck, disputes, open.size(), open.stream().filter(r -> r.overdue(now)).count(),
				cases.count());
	}
}
