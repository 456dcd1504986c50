package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Changing a substation's thresholds judges its latest reading again. */
@HeatDeskTest
class ThresholdsIntegrationTests {

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	/** A substation whose latest reading has a secondary supply of 44 °C: a warning under the defaults. */
	long substationAt44() {
		String code = "TH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return jdbc.sql("""
				insert into network_substation (code, name, heat_source_id, status, status_since, last_reading_at,
				  primary_supply_temp, primary_return_temp, secondary_supply_temp, secondary_return_temp, pressure, flow)
				values (?, ?, (select min(id) from network_heat_source), 'WARNING', ?, ?, 95, 50, 44, 38, 0.45, 120)
				returning id""")
			.params(code, "test " + code, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
			.query(Long.class)
			.single();
	}

	@Test
	void looserThresholdsClearAWarningAndTheChangeIsRecorded() {
		long id = substationAt44();
		Thresholds looser = new Thresholds(70, 55, 42, 36, 0.25, 0.80, 0.15, 1.00, 20, 5);
		SubstationView after = network.changeThresholds(id, looser);
		assertThat(after.status()).isEqualTo(OperatingStatus.NORMAL);
		assertThat(network.thresholds(id)).isEqualTo(looser);
		assertThat(jdbc.sql("select action from platform_audit_event where entity_type = 'network_substation' and entity_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("SUBSTATION_THRESHOLDS_CHANGED");
	}

	@Test
	void thresholdsThatDoNotNestAreRefusedAndNothingChanges() {
		long id = substationAt44();
		Thresholds crossed = new Thresholds(70, 55, 45, 50, 0.25, 0.80, 0.15, 1.00, 20, 5);
		assertThatThrownBy(() -> network.changeThresholds(id, crossed)).isInstanceOf(HeatDeskException.class)
			.satisfies(e -> assertThat(((HeatDeskException) e).field()).isEqualTo("secondarySupplyFaultMin"));
		assertThat(network.thresholds(id)).isEqualTo(Thresholds.DEFAULTS);
		assertThat(network.substation(id).orElseThrow().status()).isEqualTo(OperatingStatus.WARNING);
	}
}
