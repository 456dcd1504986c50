package org.heatdesk.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage accounts: list, create, change roles, deactivate, reset passwords, unlock. */
@PageController
@PreAuthorize(Roles.ADMIN)
class StaffAdminController {

	private final Staff staff;

	StaffAdminController(Staff staff) {
		this.staff = staff;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem staffNav() {
			return new NavItem("nav.staff", "nav.staff.description", "/admin/staff", Roles.ADMIN, 910, "s");
		}
	}

	/** The form of the create and edit pages. */
	record StaffForm(Long id, Integer version, String username, String displayName, String employeeNo, Long teamId,
			String extension, Set<Role> roles, String password) {

		static StaffForm of(StaffRepository.Account account) {
			StaffView v = account.view();
			return new StaffForm(v.id(), account.version(), v.username(), v.displayName(), v.employeeNo(), v.teamId(),
					v.extension(), v.roles(), null);
		}

		static StaffForm empty() {
			return new StaffForm(null, null, "", "", "", null, "", EnumSet.noneOf(Role.class), "");
		}
	}

	@GetMapping("/admin/staff")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean active, Model model) {
		List<StaffRepository.Account> accounts = staff.search(q, role, active);
		model.addAttribute("accounts", accounts);
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("active", active);
		model.addAttribute("roles", Role.values());
		model.addAttribute("now", java.time.Instant.now());
		return "staff/list";
	}

	@GetMapping("/admin/staff/new")
	String createForm(Model model) {
		return form(model, StaffForm.empty(), null);
	}

	@PostMapping("/admin/staff")
	String create(StaffForm form, Model model, RedirectAttributes redirect) {
		try {
			StaffView created = staff.create(new Staff.NewStaff(form.username(), form.displayName(), form.employeeNo(),
					form.teamId(), form.extension(), form.roles(), form.password()));
			redirect.addFlashAttribute("notice", "staff.created");
			return "redirect:/admin/staff/" + created.id();
		}
		catch (HeatDeskException e) {
			return form(model, form, e);
		}
	}

	@GetMapping("/admin/staff/{id}")
	String edit(@PathVariable long id, Model model) {
		StaffRepository.Account account = staff.account(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
		model.addAttribute("account", account);
		model.addAttribute("locked", staff.locked(account));
		return form(model, StaffForm.of(account), null);
	}

	@PostMapping("/admin/staff/{id}")
	String update(@PathVariable long id, StaffForm form, Model model, RedirectAttributes redirect) {
		try {
			staff.change(new Staff.StaffChange(id, form.version() == null ? -1 : form.version(), form.displayName(),
					form.teamId(), form.extension(), form.roles()));
			redirect.addFlashAttribute("notice", "staff.saved");
			return "redirect:/admin/staff/" + id;
		}
		catch (HeatDeskException e) {
			StaffRepository.Account account = staff.account(id).orElseThrow(() -> HeatDeskException.notFound("STAFF_NOT_FOUND"));
			model.addAttribute("account", account);
			model.addAttribute("locked", staff.locked(account));
			return form(model, form, e);
		}
	}

	@PostMapping("/admin/staff/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		staff.deactivate(id);
		redirect.addFlashAttribute("notice", "staff.deactivated");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/reactivate")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		staff.reactivate(id);
		redirect.addFlashAttribute("notice", "staff.reactivated");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		staff.unlock(id);
		redirect.addFlashAttribute("notice", "staff.unlocked");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		try {
			staff.resetPassword(id, password);
			redirect.addFlashAttribute("notice", "staff.passwordReset");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("passwordError", e.messageKey());
			redirect.addFlashAttribute("passwordErrorArgs", e.args());
		}
		return "redirect:/admin/staff/" + id;
	}

	private String form(Model model, StaffForm form, HeatDeskException error) {
		model.addAttribute("form", form);
		model.addAttribute("teams", staff.teams());
		model.addAttribute("roles", Role.values());
		model.addAttribute("error", error);
		return "staff/form";
	}
}
