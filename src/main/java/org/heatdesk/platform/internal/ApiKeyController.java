package org.heatdesk.platform.internal;

import java.util.List;

import org.heatdesk.platform.ApiKeyScope;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create integration keys (shown once) and revoke them. */
@PageController
@PreAuthorize(Roles.ADMIN)
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/admin/api-keys")
	String list(Model model) {
		model.addAttribute("keys", keys.list());
		model.addAttribute("scopes", List.of(ApiKeyScope.values()));
		return "platform/api-keys";
	}

	@PostMapping("/admin/api-keys")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) ApiKeyScope scope,
			Model model, RedirectAttributes redirect) {
		try {
			ApiKeys.CreatedKey created = keys.create(name, scope);
			redirect.addFlashAttribute("createdSecret", created.secret());
			redirect.addFlashAttribute("createdName", created.key().name());
			return "redirect:/admin/api-keys";
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
			model.addAttribute("name", name);
			return list(model);
		}
	}

	@PostMapping("/admin/api-keys/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		keys.revoke(id);
		redirect.addFlashAttribute("notice", "apiKeys.revoked");
		return "redirect:/admin/api-keys";
	}
}
