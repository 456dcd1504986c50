package org.heatdesk.platform.internal;

import java.util.Comparator;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	/**
	 * One card per page the user may open, in the order of the navigation, under the names of their
	 * roles: a lead who is also an agent sees each page once, not once per role.
	 */
	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		TreeSet<Role> roles = new TreeSet<>(Comparator.reverseOrder());
		roles.addAll(Role.of(authentication));
		if (roles.equals(java.util.Set.of(Role.TECHNICIAN))) {
			// a technician's day is their jobs, on a phone: straight there, not to a page of tiles
			return "redirect:/field";
		}
		model.addAttribute("roles", roles);
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
