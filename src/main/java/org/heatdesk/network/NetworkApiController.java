package org.heatdesk.network;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only network API for staff and integrations: substations with their live state, outages. */
@RestController
@PreAuthorize(Roles.OPERATIONS_AND_FIELD)
class NetworkApiController {

	private final Network network;

	private final Readings readings;

	NetworkApiController(Network network, Readings readings) {
		this.network = network;
		this.readings = readings;
	}

	/** A substation with its thresholds, the communities it serves and the outages not yet restored. */
	record SubstationDetail(SubstationView substation, Thresholds thresholds, List<CommunityView> communities,
			List<OutageView> outages) {
	}

	@GetMapping("/api/v1/substations")
	List<SubstationView> substations(@RequestParam(required = false) Long heatSourceId,
			@RequestParam(required = false) OperatingStatus status) {
		return network.substations(heatSourceId, status);
	}

	@GetMapping("/api/v1/substations/{code}")
	SubstationDetail substation(@PathVariable String code) {
		SubstationView s = network.substationByCode(code)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		return new SubstationDetail(s, readings.thresholds(s.id()), network.communitiesServedBy(s.id()),
				network.openOutagesAffecting(s.id(), null));
	}

	/** Outages: {@code active=true} those in progress; otherwise those not restored (in progress or announced). */
	@GetMapping("/api/v1/outages")
	List<OutageView> outages(@RequestParam(defaultValue = "false") boolean active) {
		return active ? network.activeOutages() : network.openOutages();
	}
}
