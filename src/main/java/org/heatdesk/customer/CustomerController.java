package org.heatdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: search as you type, the customer page (details, contract, the substation's
 * live state and outages; every view logged), reveal phones with a reason, create and edit.
 */
@PageController
class CustomerController {

	/** Who may read customers (masked by role). */
	static final String VIEWERS = Roles.CASEWORK;

	/** Who may create and edit customers. */
	static final String EDITORS = Roles.DESK_AND_MANAGER;

	private final Customers customers;

	private final CustomerRecords records;

	private final Network network;

	private final ObjectProvider<CustomerPanels> panels;

	CustomerController(Customers customers, CustomerRecords records, Network network, ObjectProvider<CustomerPanels> panels) {
		this.panels = panels;
		this.customers = customers;
		this.records = records;
		this.network = network;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem customerSearchNav() {
			return new NavItem("nav.customers", "nav.customers.description", "/customers",
					Roles.OPERATIONS_AND_FIELD, 100, "c");
		}

		@Bean
		NavItem customerContractsNav() {
			return new NavItem("nav.customerContracts", "nav.customerContracts.description", "/customers/contracts",
					Roles.SUPERVISORS, 370, null);
		}

		@Bean
		NavItem customerImportNav() {
			return new NavItem("nav.customerImport", "nav.customerImport.description", "/customers/import",
					Roles.MANAGER_AND_ADMIN, 120, null);
		}

		@Bean
		NavItem customerAccessLogNav() {
			return new NavItem("nav.customerAccessLog", "nav.customerAccessLog.description", "/customers/access-log",
					Roles.AUDITOR, 130, "l");
		}
	}

	@GetMapping("/customers")
	@PreAuthorize(VIEWERS)
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String community,
			Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("community", community == null ? "" : community);
		model.addAttribute("communities", network.communities());
		model.addAttribute("results", results(q, community));
		model.addAttribute("mayCreate", mayEdit());
		return "customer/search";
	}

	@GetMapping("/customers/results")
	@PreAuthorize(VIEWERS)
	String results(@RequestParam(required = false) String q, @RequestParam(required = false) String community,
			Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("results", results(q, community));
		return "customer/fragments/results :: results";
	}

	private List<CustomerView> results(String q, String community) {
		if (q == null || q.isBlank()) {
			return null;
		}
		Long communityId = null;
		if (community != null && !community.isBlank()) {
			communityId = network.communityByName(community.strip()).map(CommunityView::id).orElse(null);
		}
		return customers.search(q, communityId, 30);
	}

	@GetMapping("/customers/{id}")
	@PreAuthorize(VIEWERS)
	String page(@PathVariable long id, Model model) {
		CustomerRecords.Details details = records.open(id, Customers.PURPOSE_VIEW);
		CustomerView c = details.view();
		model.addAttribute("customer", c);
		model.addAttribute("details", details);
		model.addAttribute("notes", details.row().notes());
		model.addAttribute("substation", c.substationId() == null ? null : network.substation(c.substationId()).orElse(null));
		model.addAttribute("outages", network.activeOutagesAffecting(c.substationId(), c.communityId()));
		// A manager already sees the phones in full: nothing to reveal.
		model.addAttribute("mayReveal", Masking.mayReveal(Customers.currentRoles()) && Customers.masking() != Masking.NONE);
		model.addAttribute("mayEdit", mayEdit());
		model.addAttribute("messagesOptOut", customers.messageRecipient(id).map(MessageRecipient::optedOut).orElse(false));
		model.addAttribute("templates", mayEdit() ? records.templates() : List.of());
		model.addAttribute("today", customers.today());
		model.addAttribute("panels", panels.orderedStream().flatMap(p -> p.panels(id).stream()).toList());
		return "customer/page";
	}

	/** 不接收短信通知: the customer asks for no text messages (or again for them); audited by {@link Customers#setMessagesOptOut}. */
	@PostMapping("/customers/{id}/messages")
	@PreAuthorize(EDITORS)
	String messagesOptOut(@PathVariable long id, @RequestParam(required = false) String optOut, RedirectAttributes redirect) {
		boolean out = "true".equals(optOut) || "on".equals(optOut);
		customers.setMessagesOptOut(org.heatdesk.platform.Actor.current(), id, out);
		redirect.addFlashAttribute("notice", out ? "customer.messages.optedOut" : "customer.messages.optedIn");
		return "redirect:/customers/" + id;
	}

	@PostMapping("/customers/{id}/reveal")
	@PreAuthorize(Roles.OPERATIONS)
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
		model.addAttribute("customerId", id);
		try {
			model.addAttribute("revealed", records.revealPhones(id, reason).stream().map(Phones::display).toList());
		}
		catch (HeatDeskException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			// the refusal of the reason came first; for no such customer the answer is that, not a 500
			model.addAttribute("customer", customers.find(id).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND")));
			model.addAttribute("mayReveal", true);
			model.addAttribute("error", e);
			model.addAttribute("reason", reason);
		}
		return "customer/fragments/phones :: phones";
	}

	@PostMapping("/customers/{id}/contracts")
	@PreAuthorize(EDITORS)
	String addContract(@PathVariable long id, @RequestParam(required = false) Long templateId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			RedirectAttributes redirect) {
		try {
			records.addContract(id, templateId, signedOn, validFrom, validTo);
			redirect.addFlashAttribute("notice", "customer.contract.recorded");
		}
		catch (HeatDeskException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("contractError", e);
		}
		return "redirect:/customers/" + id;
	}

	// create and edit

	/** The form of the create and edit pages; phones as one text, numbers separated by ; or ,. */
	record CustomerForm(Long id, Integer version, String accountNo, String name, String phones, String idNumber,
			Long communityId, String building, String unit, String room, String heatedArea, Long substationId,
			String heatingStatus, String notes) {

		static CustomerForm empty() {
			return new CustomerForm(null, null, "", "", "", "", null, "", "", "", "", null, HeatingStatus.HEATING.name(), "");
		}

		/** The form of a stored customer, with phones and ID number masked as the user's role requires. */
		static CustomerForm of(CustomerRow r, Masking masking) {
			return new CustomerForm(r.id(), r.version(), r.accountNo(), r.name(),
					String.join("; ", r.phones().stream().map(masking::phone).toList()), masking.idNumber(r.idNumber()), r.communityId(), r.building(), r.unit(), r.room(), plain(r.heatedArea()),
					r.substationId(), r.heatingStatus().name(), r.notes());
		}

		CustomerInput input() {
			return new CustomerInput(accountNo, name, phones, idNumber, communityId, null, building, unit, room,
					heatedArea, substationId, null, heatingStatus, notes);
		}

		private static String plain(BigDecimal b) {
			return b == null ? "" : b.stripTrailingZeros().toPlainString();
		}
	}

	@GetMapping("/customers/new")
	@PreAuthorize(EDITORS)
	String createForm(Model model) {
		return form(model, CustomerForm.empty(), null);
	}

	@PostMapping("/customers")
	@PreAuthorize(EDITORS)
	String create(CustomerForm form, Model model, RedirectAttributes redirect) {
		try {
			CustomerView created = records.create(form.input());
			redirect.addFlashAttribute("notice", "customer.created");
			return "redirect:/customers/" + created.id();
		}
		catch (HeatDeskException e) {
			return form(model, form, e);
		}
	}

	@GetMapping("/customers/{id}/edit")
	@PreAuthorize(EDITORS)
	String editForm(@PathVariable long id, Model model) {
		CustomerRow row = records.row(id).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		customers.logAccess(id, "EDIT");
		return form(model, CustomerForm.of(row, Customers.masking()), null);
	}

	@PostMapping("/customers/{id}")
	@PreAuthorize(EDITORS)
	String update(@PathVariable long id, CustomerForm form, Model model, RedirectAttributes redirect) {
		try {
			records.change(id, form.version() == null ? -1 : form.version(), form.input());
			redirect.addFlashAttribute("notice", "customer.saved");
			return "redirect:/customers/" + id;
		}
		catch (HeatDeskException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			CustomerRow row = records.row(id).orElseThrow();
			return form(model, new CustomerForm(id, form.version(), row.accountNo(), form.name(), form.phones(),
					form.idNumber(), form.communityId(), form.building(), form.unit(), form.room(), form.heatedArea(),
					form.substationId(), form.heatingStatus(), form.notes()), e);
		}
	}

	private String form(Model model, CustomerForm form, HeatDeskException error) {
		model.addAttribute("form", form);
		model.addAttribute("communities", network.communities());
		model.addAttribute("substations", network.substations());
		model.addAttribute("statuses", HeatingStatus.values());
		model.addAttribute("error", error);
		return "customer/form";
	}

	static boolean mayEdit() {
		return Roles.of(EDITORS).stream().anyMatch(Customers.currentRoles()::contains);
	}
}
