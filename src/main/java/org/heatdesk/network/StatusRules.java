package org.heatdesk.network;

/**
 * Derives a substation's status from a reading and its thresholds: {@code FAULT} when any value is
 * past a fault limit, else {@code WARNING} when any is past a warning limit, else {@code NORMAL}.
 * Only supply temperatures, pressure and flow are judged; return temperatures are shown, not judged.
 */
final class StatusRules {

	private StatusRules() {
	}

	static OperatingStatus derive(Thresholds t, Reading r) {
		if (r.primarySupplyTemp() < t.primarySupplyFaultMin() || r.secondarySupplyTemp() < t.secondarySupplyFaultMin()
				|| r.pressure() < t.pressureFaultMin() || r.pressure() > t.pressureFaultMax()
				|| r.flow() < t.flowFaultMin()) {
			return OperatingStatus.FAULT;
		}
		if (r.primarySupplyTemp() < t.primarySupplyWarnMin() || r.secondarySupplyTemp() < t.secondarySupplyWarnMin()
				|| r.pressure() < t.pressureWarnMin() || r.pressure() > t.pressureWarnMax()
				|| r.flow() < t.flowWarnMin()) {
			return OperatingStatus.WARNING;
		}
		return OperatingStatus.NORMAL;
	}

	/**
	 * The status after a reading: a manual status (maintenance) stays until lifted by hand; a reading
	 * older than the latest one already applied changes nothing (late readings are history only).
	 */
	static OperatingStatus next(OperatingStatus current, boolean manual, java.time.Instant lastReadingAt, Thresholds t,
			Reading r) {
		if (lastReadingAt != null && !r.readAt().isAfter(lastReadingAt)) {
			return current;
		}
		return manual ? current : derive(t, r);
	}
}
