package org.heatdesk.contact.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.contact.cti.Dialler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The desk can place calls exactly when the AMI adapter runs: its client is then the {@link Dialler}. */
class AmiConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AmiConfiguration.class)
		.withBean(CtiIntake.class, () -> events -> List.of())
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void withTheAdapterEnabledItsClientPlacesCallsWithTheOriginateSettings() {
		runner.withPropertyValues("heatdesk.ami.enabled=true", "heatdesk.ami.port=1",
				"heatdesk.ami.originate-channel-prefix=SIP/", "heatdesk.ami.originate-context=desk-out",
				"heatdesk.ami.originate-timeout=20s")
			.run(context -> {
				assertThat(context).hasSingleBean(Dialler.class);
				AmiProperties p = context.getBean(AmiProperties.class);
				assertThat(p.originateChannelPrefix()).isEqualTo("SIP/");
				assertThat(p.originateContext()).isEqualTo("desk-out");
				assertThat(p.originateTimeout()).hasSeconds(20);
				// nothing listens on port 1: not connected, so the desk phone it is
				assertThat(context.getBean(Dialler.class).originate(new Dialler.DialOrder(1, "8001", "13800001111"))).isFalse();
			});
	}

	@Test
	void withoutItNothingPlacesCallsAndTheDefaultsStand() {
		runner.run(context -> {
			assertThat(context).doesNotHaveBean(Dialler.class);
			AmiProperties p = context.getBean(AmiProperties.class);
			assertThat(p.originateChannelPrefix()).isEqualTo("PJSIP/");
			assertThat(p.originateContext()).isEqualTo("from-internal");
			assertThat(p.originateTimeout()).hasSeconds(30);
		});
	}
}
