package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;

/** How the ticks of the outage form become whole substations and single communities. */
class OutageScopeTests {

	// substation 1 serves communities 11, 12, 13; substation 2 serves 21, 22; substation 3 serves none
	final Map<Long, List<Long>> served = Map.of(1L, List.of(11L, 12L, 13L), 2L, List.of(21L, 22L));

	final Map<Long, String> codes = Map.of(1L, "CY-01", 2L, "CY-02", 3L, "CY-03");

	@Test
	void aSubstationWithAllItsCommunitiesTickedIsOutAsAWhole() {
		OutageRules.Scope scope = OutageRules.scope(List.of(1L), List.of(1L), List.of(11L, 12L, 13L), served, codes);
		assertThat(scope.substationIds()).containsExactly(1L);
		assertThat(scope.communityIds()).isEmpty();
	}

	@Test
	void withSomeCommunitiesUntickedOnlyTheTickedOnesAreOut() {
		OutageRules.Scope scope = OutageRules.scope(List.of(1L, 2L), List.of(1L, 2L), List.of(11L, 13L, 21L, 22L), served,
				codes);
		assertThat(scope.substationIds()).containsExactly(2L);
		assertThat(scope.communityIds()).containsExactly(11L, 13L);
	}

	@Test
	void aSubstationWhoseCommunitiesWereNeverListedOrThatServesNoneIsOutAsAWhole() {
		OutageRules.Scope scope = OutageRules.scope(List.of(1L, 3L), List.of(), List.of(), served, codes);
		assertThat(scope.substationIds()).containsExactly(1L, 3L);
		assertThat(scope.communityIds()).isEmpty();
	}

	@Test
	void ticksLeftUnderASubstationNoLongerTickedMeanNothing() {
		OutageRules.Scope scope = OutageRules.scope(List.of(2L), List.of(1L, 2L), List.of(11L, 21L, 22L), served, codes);
		assertThat(scope.substationIds()).containsExactly(2L);
		assertThat(scope.communityIds()).isEmpty();
	}

	@Test
	void aTickedSubstationWithEveryCommunityUntickedIsRefusedByItsCode() {
		assertThatThrownBy(() -> OutageRules.scope(List.of(1L), List.of(1L), List.of(), served, codes))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("error.NETWORK_OUTAGE_NO_COMMUNITY_TICKED");
				assertThat(e.field()).isEqualTo("communityIds");
				assertThat(e.args()).containsExactly("CY-01");
			});
	}
}
