package org.heatdesk.platform.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the company, the user's roles and their navigation. One model
 * method rather than one per attribute, and only for {@link PageController}s: Spring builds and
 * calls model methods for every controller an advice applies to, and on the JSON API they were
 * pure cost. The error page is Spring Boot's controller, and needs the layout as much as any page.
 */
@ControllerAdvice(annotations = PageController.class,
		assignableTypes = org.springframework.boot.webmvc.error.ErrorController.class)
class LayoutAdvice {

	private final PlatformConfiguration.CompanyProperties company;

	private final List<NavItem> navigation;

	LayoutAdvice(PlatformConfiguration.CompanyProperties company, List<NavItem> navigation) {
		this.company = company;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
	}

	@ModelAttribute
	void layout(Model model, HttpServletRequest request, Authentication authentication) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Set<Role> roles = Role.of(authentication);
		model.addAttribute("companyName", company.name());
		model.addAttribute("zone", company.zone().getId());
		model.addAttribute("currentPath", path);
		model.addAttribute("displayName", displayName(authentication));
		model.addAttribute("userRoles", roles);
		List<NavItem> visible = navigation.stream().filter(item -> item.visibleTo(roles)).toList();
		model.addAttribute("nav", visible);
		// a crowded bar keeps the day's work on one line and puts the settings and maintenance pages
		// (the later entries) under 更多
		boolean crowded = visible.size() > CROWDED;
		model.addAttribute("navMain", crowded ? visible.stream().filter(i -> i.order() < MORE_FROM).toList() : visible);
		List<NavItem> more = crowded ? visible.stream().filter(i -> i.order() >= MORE_FROM).toList() : List.of();
		model.addAttribute("navMore", more);
		model.addAttribute("navMoreCurrent", more.stream().anyMatch(i -> path.startsWith(i.path())));
	}

	/** More entries than fit on one line at 1366 px beside the brand and the user box. */
	static final int CROWDED = 13;

	/** Entries from this order on (complaint replies, settings, templates, crews, phrases, outbox…) go under 更多 when crowded. */
	static final int MORE_FROM = 345;

	private static String displayName(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		return authentication.getPrincipal() instanceof org.heatdesk.platform.StaffPrincipal staff ? staff.displayName()
				: authentication.getName();
	}
}
