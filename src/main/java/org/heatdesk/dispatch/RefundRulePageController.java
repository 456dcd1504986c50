package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The refund rule table: each city's version in force, its history, a new version (managers), and
 * a calculator that works a refund out by the version in force now.
 */
@PageController
@PreAuthorize(DispatchPageController.READ)
class RefundRulePageController {

	private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/** Rows of the band table on the form. */
	static final int BAND_ROWS = 5;

	private final RefundRules rules;

	private final Technicians technicians;

	private final Staff staff;

	RefundRulePageController(RefundRules rules, Technicians technicians, Staff staff) {
		this.staff = staff;
		this.rules = rules;
		this.technicians = technicians;
	}

	/** A city with its version in force now, the versions still to come and the older ones. */
	record CityRules(String city, String cityName, RefundRule current, List<RefundRule> upcoming, List<RefundRule> older) {
	}

	/** The new-version form as typed. */
	record RuleForm(String city, String cityName, String effectiveFrom, String pricePerM2, String seasonDays,
			List<String> bandFrom, List<String> bandBelow, List<String> bandPercent) {
	}

	/** The calculator's form as typed. */
	record QuoteForm(String city, String rooms, String heatedArea, String daysBelow) {
	}

	@GetMapping("/dispatch/refund-rules")
	String page(@RequestParam(required = false) String city, @RequestParam(required = false) String rooms,
			@RequestParam(required = false) String heatedArea, @RequestParam(required = false) String daysBelow,
			Authentication authentication, Model model) {
		QuoteForm quote = new QuoteForm(city, rooms, heatedArea, daysBelow);
		if (rooms != null) {
			try {
				List<BigDecimal> values = new ArrayList<>();
				for (String r : rooms.split("[,，\\s]+")) {
					if (!r.isBlank()) {
						values.add(DispatchPageController.decimal(r, "rooms"));
					}
				}
				BigDecimal household = RefundCalculator.householdTemperature(values);
				BigDecimal area = DispatchPageController.decimal(heatedArea, "heatedArea");
				int days;
				try {
					days = Integer.parseInt(daysBelow == null ? "" : daysBelow.strip());
				}
				catch (NumberFormatException e) {
					throw HeatDeskException.badInput("DISPATCH_NUMBER_FORMAT", "daysBelow");
				}
				model.addAttribute("quote", rules.quote(city, now(), household, area, days));
				model.addAttribute("roomCount", values.size());
			}
			catch (HeatDeskException e) {
				model.addAttribute("quoteError", e);
			}
		}
		return render(model, authentication, quote, null, null);
	}

	@PostMapping("/dispatch/refund-rules")
	@PreAuthorize(Roles.MANAGER)
	String publish(RuleForm form, Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			LocalDateTime local = DispatchPageController.dateTime(form.effectiveFrom(), "effectiveFrom");
			Instant from = local.atZone(technicians.zone()).toInstant();
			BigDecimal price = DispatchPageController.decimal(form.pricePerM2(), "pricePerM2");
			Integer days = null;
			if (form.seasonDays() != null && !form.seasonDays().isBlank()) {
				try {
					days = Integer.valueOf(form.seasonDays().strip());
				}
				catch (NumberFormatException e) {
					throw HeatDeskException.badInput("DISPATCH_NUMBER_FORMAT", "seasonDays");
				}
			}
			List<RefundBand> bands = new ArrayList<>();
			for (int i = 0; i < BAND_ROWS; i++) {
				String below = at(form.bandBelow(), i);
				String percent = at(form.bandPercent(), i);
				String lower = at(form.bandFrom(), i);
				if (below.isBlank() && percent.isBlank() && lower.isBlank()) {
					continue;
				}
				int p;
				try {
					p = Integer.parseInt(percent.strip());
				}
				catch (NumberFormatException e) {
					throw HeatDeskException.badInput("DISPATCH_BAND_PERCENT", "bands");
				}
				BigDecimal b = DispatchPageController.decimal(below, "bands");
				if (b == null) {
					throw HeatDeskException.badInput("DISPATCH_BANDS_GAP", "bands");
				}
				bands.add(new RefundBand(DispatchPageController.decimal(lower, "bands"), b, p));
			}
			RefundRule created = rules.publish(Actor.current(),
					new RefundRules.NewRule(form.city(), form.cityName(), from, price, days, bands));
			redirect.addFlashAttribute("notice", "dispatch.refund.published");
			return "redirect:/dispatch/refund-rules#city-" + created.city();
		}
		catch (HeatDeskException e) {
			return render(model, authentication, new QuoteForm(null, null, null, null), form, e);
		}
	}

	private String render(Model model, Authentication authentication, QuoteForm quote, RuleForm form, HeatDeskException error) {
		Instant now = now();
		Map<String, List<RefundRule>> byCity = new LinkedHashMap<>();
		for (RefundRule r : rules.versions()) {
			byCity.computeIfAbsent(r.city(), k -> new ArrayList<>()).add(r);
		}
		List<CityRules> cities = new ArrayList<>();
		byCity.forEach((code, versions) -> {
			RefundRule current = versions.stream().filter(r -> !r.effectiveFrom().isAfter(now)).findFirst().orElse(null);
			cities.add(new CityRules(code, versions.get(0).cityName(), current,
					versions.stream().filter(r -> r.effectiveFrom().isAfter(now)).sorted(java.util.Comparator.comparing(RefundRule::effectiveFrom)).toList(),
					versions.stream().filter(r -> !r.effectiveFrom().isAfter(now) && r != current).toList()));
		});
		model.addAttribute("cities", cities);
		// who published a version, by the name people know them by (the login name when the account is gone)
		Map<String, String> publishers = new LinkedHashMap<>();
		byCity.values().forEach(vs -> vs.forEach(r -> publishers.computeIfAbsent(r.createdBy(),
				u -> staff.findByUsername(u).map(StaffView::displayName).orElse(u))));
		model.addAttribute("publishers", publishers);
		model.addAttribute("standard", rules.standardTemperature());
		model.addAttribute("quoteForm", quote);
		model.addAttribute("bandRows", BAND_ROWS);
		model.addAttribute("canEdit", Role.of(authentication).contains(Role.MANAGER));
		if (form == null) {
			RefundRule sample = cities.stream().map(CityRules::current).filter(java.util.Objects::nonNull).findFirst().orElse(null);
			List<String> from = new ArrayList<>();
			List<String> below = new ArrayList<>();
			List<String> percent = new ArrayList<>();
			if (sample != null) {
				for (RefundBand b : sample.bands()) {
					from.add(b.from() == null ? "" : b.from().toPlainString());
					below.add(b.below().toPlainString());
					percent.add(String.valueOf(b.percent()));
				}
			}
			String start = FORM_TIME.format(now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).atZone(technicians.zone()));
			form = new RuleForm(sample == null ? "" : sample.city(), sample == null ? "" : sample.cityName(), start,
					sample == null ? "" : sample.pricePerM2().toPlainString(),
					sample == null ? "" : String.valueOf(sample.seasonDays()), from, below, percent);
		}
		model.addAttribute("form", form);
		if (error != null) {
			model.addAttribute("errorKey", error.messageKey());
			model.addAttribute("errorArgs", error.args());
			model.addAttribute("errorField", error.field());
		}
		return "dispatch/refund-rules";
	}

	private Instant now() {
		return technicians.clock().instant();
	}

	private static String at(List<String> values, int i) {
		return values == null || values.size() <= i || values.get(i) == null ? "" : values.get(i);
	}
}
