package org.heatdesk.contact;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /desk/outbound/{contactId}}: where a call made from the desk stands, for the page that
 * started it (the follow-up page) to read once when it opens or its stream reconnects; the changes
 * themselves are pushed on the desk stream as event {@code outbound} ({@link DeskPush}).
 */
@RestController
@PreAuthorize(Roles.DESK)
class OutboundController {

	private final OutboundCalls calls;

	private final Agents agents;

	OutboundController(OutboundCalls calls, Agents agents) {
		this.calls = calls;
		this.agents = agents;
	}

	/** An agent reads the calls they made; a team lead any. */
	@GetMapping("/desk/outbound/{contactId}")
	OutboundCall show(@PathVariable long contactId, Authentication auth) {
		StaffView me = agents.byUsername(auth.getName()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		OutboundCall call = calls.find(contactId).orElseThrow(() -> HeatDeskException.notFound("CONTACT_NOT_FOUND"));
		if (!me.has(Role.TEAM_LEAD) && !calls.staffOf(contactId).map(id -> id == me.id()).orElse(false)) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return call;
	}
}
