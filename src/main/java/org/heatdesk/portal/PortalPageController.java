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

	@GetMapping({ "/portal", "/portal/" })
	String home(Model model) {
		return "portal/home";
	}
}
