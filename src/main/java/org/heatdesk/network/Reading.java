package org.heatdesk.network;

import java.time.Instant;

/** One telemetry reading of a substation (°C, MPa, m³/h), all values present. */
record Reading(Instant readAt, double primarySupplyTemp, double primaryReturnTemp, double secondarySupplyTemp,
		double secondaryReturnTemp, double pressure, double flow) {
}
