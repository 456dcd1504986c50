package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class StatusRulesTests {

	static final Thresholds T = Thresholds.DEFAULTS;

	static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

	static Reading reading(double primarySupply, double secondarySupply, double pressure, double flow) {
		return new Reading(AT, primarySupply, 50, secondarySupply, 40, pressure, flow);
	}

	@Test
	void aReadingWithinEveryLimitIsNormal() {
		assertThat(StatusRules.derive(T, reading(95, 52, 0.45, 120))).isEqualTo(OperatingStatus.NORMAL);
	}

	@Test
	void eachValuePastAWarningLimitGivesAWarning() {
		assertThat(StatusRules.derive(T, reading(69.9, 52, 0.45, 120))).isEqualTo(OperatingStatus.WARNING);
		assertThat(StatusRules.derive(T, reading(95, 44.9, 0.45, 120))).isEqualTo(OperatingStatus.WARNING);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.24, 120))).isEqualTo(OperatingStatus.WARNING);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.81, 120))).isEqualTo(OperatingStatus.WARNING);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.45, 19.9))).isEqualTo(OperatingStatus.WARNING);
	}

	@Test
	void eachValuePastAFaultLimitGivesAFault() {
		assertThat(StatusRules.derive(T, reading(54.9, 52, 0.45, 120))).isEqualTo(OperatingStatus.FAULT);
		assertThat(StatusRules.derive(T, reading(95, 37.9, 0.45, 120))).isEqualTo(OperatingStatus.FAULT);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.14, 120))).isEqualTo(OperatingStatus.FAULT);
		assertThat(StatusRules.derive(T, reading(95, 52, 1.01, 120))).isEqualTo(OperatingStatus.FAULT);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.45, 4.9))).isEqualTo(OperatingStatus.FAULT);
	}

	@Test
	void limitsThemselvesAreStillAcceptable() {
		assertThat(StatusRules.derive(T, reading(70, 45, 0.25, 20))).isEqualTo(OperatingStatus.NORMAL);
		assertThat(StatusRules.derive(T, reading(95, 52, 0.80, 120))).isEqualTo(OperatingStatus.NORMAL);
		assertThat(StatusRules.derive(T, reading(55, 38, 0.15, 5))).isEqualTo(OperatingStatus.WARNING);
	}

	@Test
	void aFaultOutweighsAWarning() {
		assertThat(StatusRules.derive(T, reading(60, 30, 0.45, 120))).isEqualTo(OperatingStatus.FAULT);
	}

	@Test
	void returnTemperaturesAreNotJudged() {
		Reading r = new Reading(AT, 95, -10, 52, 150, 0.45, 120);
		assertThat(StatusRules.derive(T, r)).isEqualTo(OperatingStatus.NORMAL);
	}

	@Test
	void aLateReadingLeavesTheStatusAlone() {
		Reading late = new Reading(AT.minusSeconds(3600), 95, 50, 30, 40, 0.45, 120);
		assertThat(StatusRules.next(OperatingStatus.NORMAL, false, AT, T, late)).isEqualTo(OperatingStatus.NORMAL);
		Reading same = new Reading(AT, 95, 50, 30, 40, 0.45, 120);
		assertThat(StatusRules.next(OperatingStatus.NORMAL, false, AT, T, same)).isEqualTo(OperatingStatus.NORMAL);
		Reading newer = new Reading(AT.plusSeconds(60), 95, 50, 30, 40, 0.45, 120);
		assertThat(StatusRules.next(OperatingStatus.NORMAL, false, AT, T, newer)).isEqualTo(OperatingStatus.FAULT);
	}

	@Test
	void maintenanceSetByHandStaysWhateverTheReading() {
		Reading bad = new Reading(AT, 95, 50, 30, 40, 0.05, 1);
		assertThat(StatusRules.next(OperatingStatus.MAINTENANCE, true, null, T, bad)).isEqualTo(OperatingStatus.MAINTENANCE);
	}

	@Property
	void theStatusIsAlwaysDerivedAndNeverManual(@ForAll @DoubleRange(min = -40, max = 200) double primarySupply,
			@ForAll @DoubleRange(min = -40, max = 200) double secondarySupply,
			@ForAll @DoubleRange(min = 0, max = 4) double pressure, @ForAll @DoubleRange(min = 0, max = 20000) double flow) {
		assertThat(StatusRules.derive(T, reading(primarySupply, secondarySupply, pressure, flow)))
			.isIn(OperatingStatus.NORMAL, OperatingStatus.WARNING, OperatingStatus.FAULT);
	}

	@Property
	void worseningOneValueNeverImprovesTheStatus(@ForAll @DoubleRange(min = 0, max = 150) double secondarySupply,
			@ForAll @DoubleRange(min = 0, max = 30) double drop, @ForAll @DoubleRange(min = 0, max = 2) double pressure,
			@ForAll @DoubleRange(min = 0, max = 300) double flow) {
		OperatingStatus before = StatusRules.derive(T, reading(95, secondarySupply, pressure, flow));
		OperatingStatus after = StatusRules.derive(T, reading(95, secondarySupply - drop, pressure, flow));
		assertThat(after.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
	}

	@Property
	void theStatusFollowsTheSecondarySupplyBands(@ForAll @DoubleRange(min = 0, max = 120) double secondarySupply) {
		OperatingStatus expected = secondarySupply < 38 ? OperatingStatus.FAULT
				: secondarySupply < 45 ? OperatingStatus.WARNING : OperatingStatus.NORMAL;
		assertThat(StatusRules.derive(T, reading(95, secondarySupply, 0.45, 120))).isEqualTo(expected);
	}

	@Test
	void thresholdsMustNestAndBePossible() {
		assertThat(Thresholds.DEFAULTS.firstProblem()).isNull();
		assertThat(new Thresholds(70, 71, 45, 38, 0.25, 0.80, 0.15, 1.00, 20, 5).firstProblem()).isEqualTo("primarySupplyFaultMin");
		assertThat(new Thresholds(70, 55, 45, 38, 0.25, 0.20, 0.15, 1.00, 20, 5).firstProblem()).isEqualTo("pressureWarnMax");
		assertThat(new Thresholds(70, 55, 45, 38, 0.25, 0.80, 0.15, 0.70, 20, 5).firstProblem()).isEqualTo("pressureFaultMax");
		assertThat(new Thresholds(70, 55, 45, 38, 0.25, 0.80, 0.30, 1.00, 20, 5).firstProblem()).isEqualTo("pressureFaultMin");
		assertThat(new Thresholds(70, 55, 45, 38, 0.25, 0.80, 0.15, 1.00, 20, -1).firstProblem()).isEqualTo("flowFaultMin");
		assertThat(new Thresholds(300, 55, 45, 38, 0.25, 0.80, 0.15, 1.00, 20, 5).firstProblem()).isEqualTo("primarySupplyWarnMin");
	}

	@Test
	void impossibleValuesAreRecognised() {
		assertThat(TelemetryIntake.possible("pressure", -0.1)).isFalse();
		assertThat(TelemetryIntake.possible("pressure", 4.1)).isFalse();
		assertThat(TelemetryIntake.possible("flow", -1)).isFalse();
		assertThat(TelemetryIntake.possible("secondarySupplyTemp", 250)).isFalse();
		assertThat(TelemetryIntake.possible("secondarySupplyTemp", Double.NaN)).isFalse();
		assertThat(TelemetryIntake.possible("secondarySupplyTemp", 52)).isTrue();
		assertThat(TelemetryIntake.possible("pressure", 0.45)).isTrue();
	}
}
