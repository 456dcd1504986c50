package org.heatdesk.portal;

import org.heatdesk.platform.Company;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the portal's own layout needs beyond the staff layout's model (company name, current path,
 * which {@code @PageController} already brings): the hotline in the footer. Every controller of the
 * package gets it, portal-b's included, so no page has to remember it.
 */
@ControllerAdvice(basePackages = "org.heatdesk.portal")
class PortalLayoutAdvice {

	private final Company company;

	PortalLayoutAdvice(Company company) {
		this.company = company;
	}

	@ModelAttribute
	void portalLayout(Model model) {
		model.addAttribute("portalHotline", company.hotline());
		model.addAttribute("portalCompanyShort", company.shortName());
	}
}
