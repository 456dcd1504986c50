package org.heatdesk.contact;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead sets an agent's presence. An agent who left the desk without signing off still counts
 * as ready: the wallboard's figures are wrong and its alarm (calls waiting while agents are away)
 * stays silent. The change is audited under the lead and pushed to the agent's desk. On a call and
 * wrap-up come from the switch and are not set by hand.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS)
class AgentPresenceController {

	static final List<PresenceState> SETTABLE = List.of(PresenceState.READY, PresenceState.AWAY, PresenceState.OFFLINE);

	private final Wallboard wallboard;

	private final Presences presences;

	private final Staff staff;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ZoneId zone;

	AgentPresenceController(Wallboard wallboard, Presences presences, Staff staff, TransactionTemplate tx, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.wallboard = wallboard;
		this.presences = presences;
		this.staff = staff;
		this.tx = tx;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/wallboard/agents")
	String agents(Model model) {
		model.addAttribute("agents", wallboard.agents());
		model.addAttribute("settable", SETTABLE);
		model.addAttribute("reasons", Presences.AWAY_REASONS);
		model.addAttribute("zoneId", zone);
		return "contact/agents";
	}

	@PostMapping("/wallboard/agents/{staffId}/presence")
	String set(@PathVariable long staffId, @RequestParam(required = false) PresenceState state,
			@RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
		try {
			StaffView agent = staff.find(staffId)
				.filter(v -> v.active() && v.has(Role.AGENT))
				.orElseThrow(() -> HeatDeskException.badInput("PRESENCE_AGENT_UNKNOWN", "staffId"));
			if (state == null || !SETTABLE.contains(state)) {
				throw HeatDeskException.badInput("PRESENCE_STATE_NOT_SETTABLE", "state");
			}
			String r = Presences.reasonFor(state, reason);
			tx.executeWithoutResult(s -> presences.set(agent.id(), state, r, clock.instant(), auth.getName(), true));
			redirect.addFlashAttribute("done", agent.displayName());
			redirect.addFlashAttribute("doneState", state);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/wallboard/agents";
	}
}
