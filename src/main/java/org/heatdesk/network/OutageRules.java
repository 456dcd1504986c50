package org.heatdesk.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;

/** Checks of an outage request that need no database. */
final class OutageRules {

	private OutageRules() {
	}

	record Checked(String title, String notice, List<Long> substationIds, List<Long> communityIds) {
	}

	static Checked check(Network.NewOutage r) {
		if (r.kind() == null) {
			throw HeatDeskException.badInput("REQUIRED", "kind");
		}
		String title = InputChecks.required(r.title(), "title", Network.TITLE_MAX);
		String notice = InputChecks.required(r.noticeText(), "noticeText", Network.NOTICE_MAX);
		if (r.startsAt() == null) {
			throw HeatDeskException.badInput("REQUIRED", "startsAt");
		}
		if (r.expectedRestoreAt() == null) {
			throw HeatDeskException.badInput("REQUIRED", "expectedRestoreAt");
		}
		if (!r.expectedRestoreAt().isAfter(r.startsAt())) {
			throw HeatDeskException.badInput("NETWORK_OUTAGE_RESTORE_NOT_AFTER_START", "expectedRestoreAt");
		}
		List<Long> substations = Network.distinct(r.substationIds());
		List<Long> communities = Network.distinct(r.communityIds());
		if (substations.isEmpty() && communities.isEmpty()) {
			throw HeatDeskException.badInput("NETWORK_OUTAGE_NOTHING_AFFECTED", "substationIds");
		}
		return new Checked(title, notice, substations, communities);
	}

	/** What an outage covers: whole substations, and communities cut off on their own. */
	record Scope(List<Long> substationIds, List<Long> communityIds) {
	}

	/**
	 * Reads the ticks of the outage form. A ticked substation whose communities were listed
	 * ({@code shown}) and are all still ticked, or that serves none, is out as a whole; with some
	 * of them unticked only the ticked ones are out. A ticked substation whose list was never
	 * shown (the page without script) is out as a whole. Ticks of communities whose substation is
	 * not ticked are left over from an earlier choice and mean nothing.
	 * @param served the community ids each substation serves
	 * @throws HeatDeskException when every community of a ticked substation is unticked
	 */
	static Scope scope(List<Long> substations, Collection<Long> shown, Collection<Long> communities,
			Map<Long, List<Long>> served, Map<Long, String> codes) {
		Set<Long> shownIds = shown == null ? Set.of() : new HashSet<>(shown);
		Set<Long> ticked = communities == null ? Set.of() : new HashSet<>(communities);
		List<Long> whole = new ArrayList<>();
		List<Long> some = new ArrayList<>();
		for (Long substation : Network.distinct(substations)) {
			List<Long> all = served.getOrDefault(substation, List.of());
			List<Long> chosen = all.stream().filter(ticked::contains).toList();
			if (all.isEmpty() || !shownIds.contains(substation) || chosen.size() == all.size()) {
				whole.add(substation);
			}
			else if (chosen.isEmpty()) {
				throw HeatDeskException.badInput("NETWORK_OUTAGE_NO_COMMUNITY_TICKED", "communityIds",
						codes.getOrDefault(substation, String.valueOf(substation)));
			}
			else {
				some.addAll(chosen);
			}
		}
		return new Scope(List.copyOf(whole), List.copyOf(some));
	}
}
