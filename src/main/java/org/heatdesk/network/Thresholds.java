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

	/**
	 * Checks that the limits are possible values and nest: each fault limit lies beyond its warning
	 * limit ({@code faultMin ≤ warnMin}, {@code warnMax ≤ faultMax}).
	 * @return the name of the first field that breaks a rule, or {@code null}
	 */
	String firstProblem() {
		if (!TelemetryIntake.possible("primarySupplyTemp", primarySupplyWarnMin)) {
			return "primarySupplyWarnMin";
		}
		if (!TelemetryIntake.possible("primarySupplyTemp", primarySupplyFaultMin) || primarySupplyFaultMin > primarySupplyWarnMin) {
			return "primarySupplyFaultMin";
		}
		if (!TelemetryIntake.possible("secondarySupplyTemp", secondarySupplyWarnMin)) {
			return "secondarySupplyWarnMin";
		}
		if (!TelemetryIntake.possible("secondarySupplyTemp", secondarySupplyFaultMin)
				|| secondarySupplyFaultMin > secondarySupplyWarnMin) {
			return "secondarySupplyFaultMin";
		}
		if (!TelemetryIntake.possible("pressure", pressureWarnMin)) {
			return "pressureWarnMin";
		}
		if (!TelemetryIntake.possible("pressure", pressureWarnMax) || pressureWarnMax <= pressureWarnMin) {
			return "pressureWarnMax";
		}
		if (!TelemetryIntake.possible("pressure", pressureFaultMin) || pressureFaultMin > pressureWarnMin) {
			return "pressureFaultMin";
		}
		if (!TelemetryIntake.possible("pressure", pressureFaultMax) || pressureFaultMax < pressureWarnMax) {
			return "pressureFaultMax";
		}
		if (!TelemetryIntake.possible("flow", flowWarnMin)) {
			return "flowWarnMin";
		}
		if (!TelemetryIntake.possible("flow", flowFaultMin) || flowFaultMin > flowWarnMin) {
			return "flowFaultMin";
		}
		return null;
	}
}
