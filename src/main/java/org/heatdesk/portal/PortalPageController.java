package org.heatdesk.portal;

import org.heatdesk.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's home page: open to everyone (the page chain permits {@code /portal/**}); what a
 * customer comes for, in big tiles, and whether heating is out somewhere now.
 */
@PageController
class PortalPageController {

	private final PortalOutages outages;

	PortalPageController(PortalOutages outages) {
		this.outages = outages;
	}

	@GetMapping({ "/portal", "/portal/" })
	String home(Model model, jakarta.servlet.http.HttpServletResponse response) {
		model.addAttribute("now", outages.now());
		// the band of outages is on it: kept no longer than the outage page
		PortalCacheHeaders.shared(response, PortalCacheHeaders.OUTAGES);
		return "portal/home";
	}
}
