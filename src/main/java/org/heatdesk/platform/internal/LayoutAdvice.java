package org.heatdesk.platform.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** What every page's layout needs: the company, the user's roles and their navigation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final PlatformConfiguration.CompanyProperties company;

	private final List<NavItem> navigation;

	LayoutAdvice(PlatformConfiguration.CompanyProperties company, List<NavItem> navigation) {
		this.company = company;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
	}

	@ModelAttribute("companyName")
	String companyName() {
		return company.name();
	}

	@ModelAttribute("zone")
	String zone() {
		return company.zone().getId();
	}

	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("displayName")
	String displayName(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		return authentication.getPrincipal() instanceof org.heatdesk.platform.StaffPrincipal staff ? staff.displayName()
				: authentication.getName();
	}

	@ModelAttribute("userRoles")
	Set<Role> userRoles(Authentication authentication) {
		return Role.of(authentication);
	}

	@ModelAttribute("nav")
	List<NavItem> nav(Authentication authentication) {
		Set<Role> roles = Role.of(authentication);
		return navigation.stream().filter(item -> item.visibleTo(roles)).toList();
	}
}
