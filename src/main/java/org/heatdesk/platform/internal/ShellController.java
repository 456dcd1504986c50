package org.heatdesk.platform.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page, the per-role home page and the refusal page. */
@PageController
class ShellController {

	@GetMapping("/login")
	String login(Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated() && !Role.of(authentication).isEmpty()) {
			return "redirect:/";
		}
		return "login";
	}

	/** Each of the user's roles gets a section listing its work, in the order of the navigation. */
	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Set<Role> roles = Role.of(authentication);
		@SuppressWarnings("unchecked")
		List<NavItem> nav = (List<NavItem>) model.getAttribute("nav");
		Map<Role, List<NavItem>> sections = new EnumMap<>(Role.class);
		for (Role role : roles) {
			sections.put(role, nav.stream().filter(item -> item.roles().contains(role)).toList());
		}
		model.addAttribute("sections", sections);
		return "home";
	}

	@RequestMapping("/denied")
	String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		boolean csrf = "csrf".equals(request.getAttribute("heatdesk.denied"));
		model.addAttribute("status", 403);
		model.addAttribute("messageKey", csrf ? "error.CSRF" : "error.FORBIDDEN");
		return "error";
	}
}
