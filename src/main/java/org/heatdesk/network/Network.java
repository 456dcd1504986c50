package org.heatdesk.network;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of the heating network: substations and their live state, the communities they
 * serve, and outages. Publishing, extending and closing an outage and setting a substation under
 * maintenance are audited and published as events.
 */
@Service
public class Network {

	static final int TITLE_MAX = 200;

	static final int NOTICE_MAX = 2000;

	private final NetworkRepository repository;

	private final OutageRepository outages;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Network(NetworkRepository repository, OutageRepository outages, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.outages = outages;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a team lead, dispatcher or manager fills in to publish an outage. */
	public record NewOutage(OutageKind kind, String title, String noticeText, Instant startsAt, Instant expectedRestoreAt,
			List<Long> substationIds, List<Long> communityIds) {
	}

	@Transactional(readOnly = true)
	public List<HeatSourceView> heatSources() {
		return repository.heatSources()
			.stream()
			.map(h -> new HeatSourceView(h.id(), h.code(), h.name(), h.kind(), h.capacityMw()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<SubstationView> substation(long id) {
		return repository.substation(id);
	}

	@Transactional(readOnly = true)
	public Optional<SubstationView> substationByCode(String code) {
		return code == null ? Optional.empty() : repository.substationByCode(code.strip().toUpperCase());
	}

	/** Every substation, by code. */
	@Transactional(readOnly = true)
	public List<SubstationView> substations() {
		return repository.substations(null, null);
	}

	/** Substations of one heat source and/or in one status (either may be {@code null}), by code. */
	@Transactional(readOnly = true)
	public List<SubstationView> substations(Long heatSourceId, OperatingStatus status) {
		return repository.substations(heatSourceId, status);
	}

	@Transactional(readOnly = true)
	public Optional<CommunityView> community(long id) {
		return repository.community(id);
	}

	@Transactional(readOnly = true)
	public Optional<CommunityView> communityByName(String name) {
		return name == null ? Optional.empty() : repository.communityByName(name.strip());
	}

	/** Every community, by name. */
	@Transactional(readOnly = true)
	public List<CommunityView> communities() {
		return repository.communities();
	}

	/** The communities a substation serves, by name. */
	@Transactional(readOnly = true)
	public List<CommunityView> communitiesServedBy(long substationId) {
		return repository.communitiesServedBy(substationId);
	}

	/**
	 * Communities whose name contains {@code text} (for reading addresses: 翠园 finds 翠园小区): the
	 * exact name first, then names starting with the text, then the rest; shorter names first.
	 */
	@Transactional(readOnly = true)
	public List<CommunityView> matchCommunities(String text, int limit) {
		if (text == null || text.isBlank() || limit <= 0) {
			return List.of();
		}
		return repository.matchCommunities(text.strip(), limit);
	}

	@Transactional(readOnly = true)
	public Optional<OutageView> outage(long id) {
		return repository.outage(id);
	}

	/**
	 * The communities an outage cuts off, by substation code and name. An outage that names a
	 * substation cuts off every community that substation serves (now, not when it was published);
	 * communities named on their own are cut off even though the rest of their substation is not.
	 */
	@Transactional(readOnly = true)
	public List<CommunityView> communitiesAffectedBy(long outageId) {
		return repository.communitiesAffectedBy(outageId);
	}

	/** Outages in progress now (started, not restored), the earliest start first. */
	@Transactional(readOnly = true)
	public List<OutageView> activeOutages() {
		return repository.activeOutages(clock.instant());
	}

	/** Outages not restored: those in progress and those announced for later. */
	@Transactional(readOnly = true)
	public List<OutageView> openOutages() {
		return repository.openOutages();
	}

	/** The latest outages of any state, newest first. */
	@Transactional(readOnly = true)
	public List<OutageView> recentOutages(int limit) {
		return repository.recentOutages(limit);
	}

	/**
	 * Outages in progress that cover the substation or the community (directly, or through the
	 * substation serving it). Either argument may be {@code null}.
	 */
	@Transactional(readOnly = true)
	public List<OutageView> activeOutagesAffecting(Long substationId, Long communityId) {
		if (substationId == null && communityId == null) {
			return List.of();
		}
		return repository.outagesAffecting(substationId, communityId, clock.instant(), true);
	}

	/** Like {@link #activeOutagesAffecting} but also announced outages that have not started yet. */
	@Transactional(readOnly = true)
	public List<OutageView> openOutagesAffecting(Long substationId, Long communityId) {
		if (substationId == null && communityId == null) {
			return List.of();
		}
		return repository.outagesAffecting(substationId, communityId, clock.instant(), false);
	}

	/** Outages touching a substation, newest first. */
	@Transactional(readOnly = true)
	public List<OutageView> outagesOfSubstation(long substationId, int limit) {
		return repository.outagesOfSubstation(substationId, limit);
	}

	/**
	 * Publishes an outage; publishes {@link OutagePublished}.
	 * @throws HeatDeskException for a missing kind, title, notice or time, a restore time not after
	 * the start, no affected substation or community, or an unknown one
	 */
	@Transactional
	public OutageView publishOutage(NewOutage request) {
		OutageRules.Checked checked = OutageRules.check(request);
		for (Long id : checked.substationIds()) {
			if (repository.substation(id).isEmpty()) {
				throw HeatDeskException.badInput("NETWORK_SUBSTATION_UNKNOWN", "substationIds", id);
			}
		}
		for (Long id : checked.communityIds()) {
			if (repository.community(id).isEmpty()) {
				throw HeatDeskException.badInput("NETWORK_COMMUNITY_UNKNOWN", "communityIds", id);
			}
		}
		long id = outages.insert(request.kind(), checked.title(), checked.notice(), request.startsAt(),
				request.expectedRestoreAt(), AuditTrail.currentActor(), clock.instant(), checked.substationIds(),
				checked.communityIds());
		OutageView created = repository.outage(id).orElseThrow();
		audit.record("OUTAGE_PUBLISHED", "network_outage", id, null, snapshot(created));
		events.publishEvent(new OutagePublished(id, created.kind(), created.title(), created.startsAt(),
				created.expectedRestoreAt(), created.substationIds(), created.communityIds()));
		return created;
	}

	/**
	 * Moves an open outage's expected restore time later; publishes {@link OutageExtended}.
	 * @throws HeatDeskException when the outage is unknown or restored, the new time is not later
	 * than the current one, or no reason is given
	 */
	@Transactional
	public OutageView extendOutage(long outageId, Instant expectedRestoreAt, String reason) {
		OutageView before = repository.outage(outageId).orElseThrow(() -> HeatDeskException.notFound("NETWORK_OUTAGE_NOT_FOUND"));
		if (before.restoredAt() != null) {
			throw HeatDeskException.conflict("NETWORK_OUTAGE_RESTORED");
		}
		String why = InputChecks.required(reason, "reason", NOTICE_MAX);
		if (expectedRestoreAt == null) {
			throw HeatDeskException.badInput("REQUIRED", "expectedRestoreAt");
		}
		if (!expectedRestoreAt.isAfter(before.expectedRestoreAt())) {
			throw HeatDeskException.badInput("NETWORK_OUTAGE_EXTEND_NOT_LATER", "expectedRestoreAt");
		}
		Instant now = clock.instant();
		if (!outages.extend(outageId, before.expectedRestoreAt(), expectedRestoreAt)) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
		outages.recordExtension(outageId, before.expectedRestoreAt(), expectedRestoreAt, why, AuditTrail.currentActor(), now);
		OutageView after = repository.outage(outageId).orElseThrow();
		audit.record("OUTAGE_EXTENDED", "network_outage", outageId,
				Map.of("expectedRestoreAt", before.expectedRestoreAt().toString()),
				Map.of("expectedRestoreAt", expectedRestoreAt.toString(), "reason", why));
		events.publishEvent(new OutageExtended(outageId, before.expectedRestoreAt(), expectedRestoreAt, why));
		return after;
	}

	/**
	 * Closes an outage: heat is back at {@code restoredAt} (now when {@code null}); publishes
	 * {@link OutageRestored}.
	 * @throws HeatDeskException when the outage is unknown or already restored, or the time is
	 * before its start or in the future
	 */
	@Transactional
	public OutageView restoreOutage(long outageId, Instant restoredAt) {
		OutageView before = repository.outage(outageId).orElseThrow(() -> HeatDeskException.notFound("NETWORK_OUTAGE_NOT_FOUND"));
		if (before.restoredAt() != null) {
			throw HeatDeskException.conflict("NETWORK_OUTAGE_RESTORED");
		}
		Instant now = clock.instant();
		Instant at = restoredAt == null ? now : restoredAt;
		if (at.isBefore(before.startsAt())) {
			throw HeatDeskException.badInput("NETWORK_OUTAGE_RESTORE_BEFORE_START", "restoredAt");
		}
		if (at.isAfter(now)) {
			throw HeatDeskException.badInput("NETWORK_OUTAGE_RESTORE_IN_FUTURE", "restoredAt");
		}
		if (!outages.restore(outageId, at, AuditTrail.currentActor())) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
		OutageView after = repository.outage(outageId).orElseThrow();
		audit.record("OUTAGE_RESTORED", "network_outage", outageId, Map.of("restoredAt", ""),
				Map.of("restoredAt", at.toString()));
		events.publishEvent(new OutageRestored(outageId, at, after.substationIds(), after.communityIds()));
		return after;
	}

	/** The extensions of an outage, oldest first. */
	@Transactional(readOnly = true)
	public List<OutageExtension> extensions(long outageId) {
		return outages.extensions(outageId);
	}

	/**
	 * Puts a substation under maintenance (its status stays {@code MAINTENANCE} whatever the
	 * readings) or lifts it (the status is derived again from the latest reading); publishes
	 * {@link SubstationStatusChanged} when the status changes.
	 * @throws HeatDeskException when the substation is unknown or already in that state
	 */
	@Transactional
	public SubstationView setMaintenance(long substationId, boolean maintenance) {
		SubstationView before = repository.substation(substationId)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		if (before.statusManual() == maintenance) {
			throw HeatDeskException.conflict(maintenance ? "NETWORK_ALREADY_MAINTENANCE" : "NETWORK_NOT_MAINTENANCE");
		}
		OperatingStatus to;
		if (maintenance) {
			to = OperatingStatus.MAINTENANCE;
		}
		else if (before.lastReadingAt() == null) {
			to = OperatingStatus.UNKNOWN;
		}
		else {
			Thresholds t = repository.thresholds(substationId).orElse(Thresholds.DEFAULTS);
			to = StatusRules.derive(t, new Reading(before.lastReadingAt(), before.primarySupplyTemp(),
					before.primaryReturnTemp(), before.secondarySupplyTemp(), before.secondaryReturnTemp(),
					before.pressure(), before.flow()));
		}
		Instant now = clock.instant();
		outages.setManualStatus(substationId, maintenance, to, to == before.status() ? before.statusSince() : now);
		audit.record(maintenance ? "SUBSTATION_MAINTENANCE_SET" : "SUBSTATION_MAINTENANCE_LIFTED", "network_substation",
				substationId, Map.of("status", before.status().name()), Map.of("status", to.name()));
		if (to != before.status()) {
			events.publishEvent(new SubstationStatusChanged(substationId, before.code(), before.status(), to, now));
		}
		return repository.substation(substationId).orElseThrow();
	}

	/** A substation's thresholds (its own, or the defaults it was created with). */
	@Transactional(readOnly = true)
	Thresholds thresholds(long substationId) {
		return repository.thresholds(substationId).orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
	}

	/**
	 * Changes a substation's thresholds and derives its status again from the latest reading
	 * (unless under maintenance); publishes {@link SubstationStatusChanged} when the status changes.
	 * @throws HeatDeskException when a limit is impossible or a fault limit is not beyond its warning limit
	 */
	@Transactional
	SubstationView changeThresholds(long substationId, Thresholds thresholds) {
		SubstationView before = repository.substation(substationId)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		String problem = thresholds.firstProblem();
		if (problem != null) {
			throw HeatDeskException.badInput("NETWORK_THRESHOLDS_INVALID", problem);
		}
		Thresholds old = thresholds(substationId);
		OperatingStatus to = before.status();
		if (!before.statusManual() && before.lastReadingAt() != null) {
			to = StatusRules.derive(thresholds, new Reading(before.lastReadingAt(), before.primarySupplyTemp(),
					before.primaryReturnTemp(), before.secondarySupplyTemp(), before.secondaryReturnTemp(), before.pressure(),
					before.flow()));
		}
		Instant now = clock.instant();
		outages.setThresholds(substationId, thresholds, to, to == before.status() ? before.statusSince() : now);
		audit.record("SUBSTATION_THRESHOLDS_CHANGED", "network_substation", substationId, old, thresholds);
		if (to != before.status()) {
			events.publishEvent(new SubstationStatusChanged(substationId, before.code(), before.status(), to, now));
		}
		return repository.substation(substationId).orElseThrow();
	}

	private static Map<String, Object> snapshot(OutageView o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", o.kind().name());
		m.put("title", o.title());
		m.put("noticeText", o.noticeText());
		m.put("startsAt", o.startsAt().toString());
		m.put("expectedRestoreAt", o.expectedRestoreAt().toString());
		m.put("substations", o.substationCodes());
		m.put("communities", o.communityNames());
		return m;
	}

	/** Distinct ids without nulls, in the given order. */
	static List<Long> distinct(List<Long> ids) {
		if (ids == null) {
			return List.of();
		}
		LinkedHashSet<Long> set = new LinkedHashSet<>();
		ids.stream().filter(java.util.Objects::nonNull).forEach(set::add);
		return List.copyOf(set);
	}
}
