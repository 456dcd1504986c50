package org.heatdesk.customer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.SubstationView;

/** Communities and substations read once from the network module, for validating many rows. */
final class NetworkPlaces implements CustomerInput.Places {

	private final Map<Long, long[]> byId = new HashMap<>();

	private final Map<String, long[]> byName = new HashMap<>();

	private final Map<String, Long> substationsByCode = new HashMap<>();

	private final Set<Long> substationIds = new HashSet<>();

	NetworkPlaces(Network network) {
		for (CommunityView c : network.communities()) {
			long[] entry = { c.id(), c.substationId() };
			byId.put(c.id(), entry);
			byName.put(c.name(), entry);
		}
		for (SubstationView s : network.substations()) {
			substationsByCode.put(s.code().toUpperCase(), s.id());
			substationIds.add(s.id());
		}
	}

	@Override
	public long[] communityById(long id) {
		return byId.get(id);
	}

	@Override
	public long[] communityByName(String name) {
		return byName.get(name.strip());
	}

	@Override
	public Long substationByCode(String code) {
		return substationsByCode.get(code.strip().toUpperCase());
	}

	@Override
	public boolean substationExists(long id) {
		return substationIds.contains(id);
	}
}
