package org.heatdesk.network;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;

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
		String title = text(r.title(), "title", Network.TITLE_MAX);
		String notice = text(r.noticeText(), "noticeText", Network.NOTICE_MAX);
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

	static String text(String value, String field, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		if (v.length() > max) {
			throw HeatDeskException.badInput("TOO_LONG", field, max);
		}
		return v;
	}
}
