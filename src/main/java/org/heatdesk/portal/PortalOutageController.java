package org.heatdesk.portal;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outages now, for everyone: which communities, since when, when heat is expected back, the last
 * word from the company; and "is my heating affected" by address or account number. The list is the
 * same for every visitor and cached (in memory and by the phone); a lookup's answer is the asker's
 * own and is not.
 */
@PageController
class PortalOutageController {

	/** Lookups by account number from one address in a minute, before it must wait: no reading the accounts one by one. */
	static final String LOOKUP_LIMIT = "portal-lookup";

	private final PortalOutages outages;

	private final AuditTrail audit;

	PortalOutageController(PortalOutages outages, AuditTrail audit) {
		this.outages = outages;
		this.audit = audit;
	}

	@GetMapping("/portal/outages")
	String outages(Model model, HttpServletResponse response) {
		model.addAttribute("now", outages.now());
		PortalCacheHeaders.shared(response, PortalCacheHeaders.OUTAGES);
		return "portal/outages";
	}

	@GetMapping("/portal/outages/lookup")
	String lookup(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
		model.addAttribute("now", outages.now());
		model.addAttribute("q", q);
		boolean account = PortalOutages.looksLikeAccount(q);
		OptionalLong wait = account ? audit.tooManyRefusals(LOOKUP_LIMIT, "account") : OptionalLong.empty();
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
			model.addAttribute("failure", new HeatDeskException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
					"PORTAL_LOOKUP_TOO_MANY", "q", wait.getAsLong()));
			return "portal/outages";
		}
		try {
			PortalOutages.Lookup found = outages.lookup(q);
			if (found.byAccount()) {
				audit.countRefusal(LOOKUP_LIMIT, "account");
			}
			model.addAttribute("lookup", found);
		}
		catch (HeatDeskException e) {
			response.setStatus(e.status().value());
			model.addAttribute("failure", e);
		}
		return "portal/outages";
	}
}
