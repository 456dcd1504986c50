package org.heatdesk.network;

/**
 * The limits against which a substation's readings are judged (°C, MPa, m³/h). A value below a
 * {@code ...Min} (or above a {@code ...Max}) limit gives that severity.
 */
record Thresholds(double primarySupplyWarnMin, double primarySupplyFaultMin, double secondarySupplyWarnMin,
		double secondarySupplyFaultMin, double pressureWarnMin, double pressureWarnMax, double pressureFaultMin,
		double pressureFaultMax, double flowWarnMin, double flowFaultMin) {

	/** The company's usual limits, also the column defaults of {@code network_substation}. */
	static final Thresholds DEFAULTS = new Thresholds(70, 55, 45, 38, 0.25, 0.80, 0.15, 1.00, 20, 5);
}
