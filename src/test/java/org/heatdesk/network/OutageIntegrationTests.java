package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing, extending and closing outages through the front door, on substations made for each test. */
@HeatDeskTest
class OutageIntegrationTests {

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	record Place(long substationId, long communityId, long otherCommunityId) {
	}

	/** A new substation serving two new communities. */
	Place newPlace() {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long s = jdbc.sql("""
				insert into network_substation (code, name, heat_source_id)
				values (?, ?, (select min(id) from network_heat_source)) returning id""")
			.params("O-" + tag, "outage test " + tag)
			.query(Long.class)
			.single();
		long c1 = jdbc.sql("insert into network_community (name, district, substation_id) values (?, 'test', ?) returning id")
			.params("测试小区" + tag, s)
			.query(Long.class)
			.single();
		long c2 = jdbc.sql("insert into network_community (name, district, substation_id) values (?, 'test', ?) returning id")
			.params("测试花园" + tag, s)
			.query(Long.class)
			.single();
		return new Place(s, c1, c2);
	}

	Network.NewOutage fault(List<Long> substations, List<Long> communities) {
		return new Network.NewOutage(OutageKind.FAULT, "pipe burst", "Heat is off while the crew repairs a pipe.",
				now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(3)), substations, communities);
	}

	List<String> audited(long outageId) {
		return jdbc.sql("select action from platform_audit_event where entity_type = 'network_outage' and entity_id = ? order by id")
			.param(String.valueOf(outageId))
			.query(String.class)
			.list();
	}

	@Test
	void anOutageOfASubstationCutsOffEveryCommunityItServesAndThoseNamedOnTheirOwn() {
		Place whole = newPlace();
		Place other = newPlace();
		OutageView o = network.publishOutage(fault(List.of(whole.substationId()), List.of(other.otherCommunityId())));
		// the outage itself names no community of the whole substation: they are cut off through it
		assertThat(o.communityIds()).containsExactly(other.otherCommunityId());
		assertThat(network.communitiesAffectedBy(o.id())).extracting(CommunityView::id)
			.containsExactlyInAnyOrder(whole.communityId(), whole.otherCommunityId(), other.otherCommunityId());
		assertThat(network.communitiesAffectedBy(o.id())).extracting(CommunityView::id)
			.doesNotContain(other.communityId());
	}

	@Test
	void anOutageIsPublishedExtendedAndRestoredWithEveryStepRecorded() {
		Place p = newPlace();
		OutageView published = network.publishOutage(fault(List.of(p.substationId()), List.of()));
		assertThat(published.restoredAt()).isNull();
		assertThat(network.activeOutages()).extracting(OutageView::id).contains(published.id());
		assertThat(network.activeOutagesAffecting(p.substationId(), null)).extracting(OutageView::id).containsExactly(published.id());

		Instant later = now.plus(Duration.ofHours(5));
		OutageView extended = network.extendOutage(published.id(), later, "more damage found");
		assertThat(extended.expectedRestoreAt()).isEqualTo(later);
		assertThat(network.extensions(published.id())).singleElement().satisfies(e -> {
			assertThat(e.previousRestoreAt()).isEqualTo(now.plus(Duration.ofHours(3)));
			assertThat(e.expectedRestoreAt()).isEqualTo(later);
			assertThat(e.reason()).isEqualTo("more damage found");
		});

		OutageView restored = network.restoreOutage(published.id(), null);
		assertThat(restored.restoredAt()).isNotNull();
		assertThat(network.activeOutagesAffecting(p.substationId(), null)).isEmpty();
		assertThat(network.activeOutages()).extracting(OutageView::id).doesNotContain(published.id());
		assertThat(audited(published.id())).containsExactly("OUTAGE_PUBLISHED", "OUTAGE_EXTENDED", "OUTAGE_RESTORED");
	}

	@Test
	void anOutageOfASubstationAffectsTheCommunitiesItServes() {
		Place p = newPlace();
		Place elsewhere = newPlace();
		OutageView o = network.publishOutage(fault(List.of(p.substationId()), List.of()));
		assertThat(network.activeOutagesAffecting(null, p.communityId())).extracting(OutageView::id).containsExactly(o.id());
		assertThat(network.activeOutagesAffecting(null, elsewhere.communityId())).isEmpty();
		assertThat(network.activeOutagesAffecting(elsewhere.substationId(), elsewhere.communityId())).isEmpty();
	}

	@Test
	void anOutageOfOneCommunityAffectsOnlyThatCommunity() {
		Place p = newPlace();
		OutageView o = network.publishOutage(fault(List.of(), List.of(p.communityId())));
		assertThat(network.activeOutagesAffecting(p.substationId(), p.communityId())).extracting(OutageView::id).containsExactly(o.id());
		assertThat(network.activeOutagesAffecting(null, p.otherCommunityId())).isEmpty();
		assertThat(network.activeOutagesAffecting(p.substationId(), null)).isEmpty();
		assertThat(o.communityNames()).singleElement().asString().startsWith("测试小区");
	}

	@Test
	void aPlannedOutageIsOpenButNotActiveBeforeItStarts() {
		Place p = newPlace();
		OutageView planned = network.publishOutage(new Network.NewOutage(OutageKind.PLANNED, "cleaning", "Heat is off for cleaning.",
				now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)), List.of(p.substationId()), null));
		assertThat(network.activeOutagesAffecting(p.substationId(), null)).isEmpty();
		assertThat(network.openOutagesAffecting(p.substationId(), null)).extracting(OutageView::id).containsExactly(planned.id());
		assertThatThrownBy(() -> network.restoreOutage(planned.id(), null)).isInstanceOf(HeatDeskException.class)
			.extracting(e -> ((HeatDeskException) e).code())
			.isEqualTo("NETWORK_OUTAGE_RESTORE_BEFORE_START");
	}

	@Test
	void badRequestsAreRefusedAndChangeNothing() {
		Place p = newPlace();
		long before = jdbc.sql("select count(*) from network_outage").query(Long.class).single();
		assertThat(code(() -> network.publishOutage(new Network.NewOutage(OutageKind.FAULT, "x", "y", now, now,
				List.of(p.substationId()), List.of())))).isEqualTo("NETWORK_OUTAGE_RESTORE_NOT_AFTER_START");
		assertThat(code(() -> network.publishOutage(fault(List.of(), List.of())))).isEqualTo("NETWORK_OUTAGE_NOTHING_AFFECTED");
		assertThat(code(() -> network.publishOutage(fault(List.of(-1L), List.of())))).isEqualTo("NETWORK_SUBSTATION_UNKNOWN");
		assertThat(code(() -> network.publishOutage(new Network.NewOutage(OutageKind.FAULT, " ", "y", now,
				now.plusSeconds(60), List.of(p.substationId()), List.of())))).isEqualTo("REQUIRED");
		assertThat(jdbc.sql("select count(*) from network_outage").query(Long.class).single()).isEqualTo(before);

		OutageView o = network.publishOutage(fault(List.of(p.substationId()), List.of()));
		assertThat(code(() -> network.extendOutage(o.id(), o.expectedRestoreAt(), "same time"))).isEqualTo("NETWORK_OUTAGE_EXTEND_NOT_LATER");
		assertThat(code(() -> network.extendOutage(o.id(), o.expectedRestoreAt().plusSeconds(3600), " "))).isEqualTo("REQUIRED");
		assertThat(code(() -> network.restoreOutage(o.id(), now.plus(Duration.ofHours(1))))).isEqualTo("NETWORK_OUTAGE_RESTORE_IN_FUTURE");
		network.restoreOutage(o.id(), now);
		assertThat(code(() -> network.restoreOutage(o.id(), null))).isEqualTo("NETWORK_OUTAGE_RESTORED");
		assertThat(code(() -> network.extendOutage(o.id(), now.plus(Duration.ofDays(1)), "late"))).isEqualTo("NETWORK_OUTAGE_RESTORED");
		assertThat(network.extensions(o.id())).isEmpty();
		assertThat(audited(o.id())).containsExactly("OUTAGE_PUBLISHED", "OUTAGE_RESTORED");
	}

	static String code(Runnable action) {
		try {
			action.run();
		}
		catch (HeatDeskException e) {
			return e.code();
		}
		throw new AssertionError("no HeatDeskException");
	}
}
