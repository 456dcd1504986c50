package org.heatdesk.network;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network pages: the overview of every substation with the outages on top, a substation's
 * page with its 24-hour chart, and publishing, extending and closing outages (team leads,
 * dispatchers and managers).
 */
@PageController
@PreAuthorize(Roles.OPERATIONS)
class NetworkPageController {

	/** Who may publish outages and set a substation's maintenance. */
	static final String MANAGE = Roles.SUPERVISORS_AND_DISPATCH;

	private static final Set<Role> MANAGERS = Roles.of(MANAGE);

	private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final DateTimeFormatter CHART_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final Network network;

	private final Readings readings;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<OutageNoticeCounts> noticeCounts;

	NetworkPageController(Network network, Readings readings, Clock clock,
			org.springframework.beans.factory.ObjectProvider<OutageNoticeCounts> noticeCounts) {
		this.noticeCounts = noticeCounts;
		this.network = network;
		this.readings = readings;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem networkNav() {
			return new NavItem("nav.network", "nav.network.description", "/network",
					Roles.OPERATIONS, 200, "w");
		}
	}

	@GetMapping("/network")
	String overview(@RequestParam(required = false) Long source, @RequestParam(required = false) OperatingStatus status,
			Authentication authentication, Model model) {
		Instant now = clock.instant();
		List<SubstationView> all = network.substations();
		Map<OperatingStatus, Long> counts = new EnumMap<>(OperatingStatus.class);
		for (OperatingStatus s : OperatingStatus.values()) {
			counts.put(s, all.stream().filter(v -> v.status() == s).count());
		}
		List<OutageView> open = network.openOutages();
		model.addAttribute("substations", all.stream()
			.filter(v -> source == null || v.heatSourceId() == source)
			.filter(v -> status == null || v.status() == status)
			.toList());
		model.addAttribute("total", all.size());
		model.addAttribute("counts", counts);
		model.addAttribute("sources", network.heatSources());
		model.addAttribute("statuses", OperatingStatus.values());
		model.addAttribute("source", source);
		model.addAttribute("status", status);
		model.addAttribute("active", open.stream().filter(o -> o.activeAt(now)).toList());
		model.addAttribute("upcoming", open.stream().filter(o -> o.upcomingAt(now)).toList());
		model.addAttribute("now", now);
		model.addAttribute("canManage", canManage(authentication));
		return "network/overview";
	}

	@GetMapping("/network/substations/{code}")
	String substation(@PathVariable String code, Authentication authentication,
			Model model) {
		SubstationView s = network.substationByCode(code)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		model.addAttribute("substation", s);
		model.addAttribute("thresholds", readings.thresholds(s.id()));
		model.addAttribute("communities", network.communitiesServedBy(s.id()));
		model.addAttribute("openOutages", network.openOutagesAffecting(s.id(), null));
		model.addAttribute("outages", network.outagesOfSubstation(s.id(), 10));
		model.addAttribute("changes", readings.statusChanges(s.id(), 8));
		model.addAttribute("now", clock.instant());
		model.addAttribute("canManage", canManage(authentication));
		return "network/substation";
	}

	/** The series of the 24-hour chart, with times already written in the company's zone. */
	record Chart(List<String> times, List<Double> primarySupply, List<Double> primaryReturn, List<Double> secondarySupply,
			List<Double> secondaryReturn, List<Double> pressure, List<Double> flow) {
	}

	@GetMapping("/network/substations/{code}/readings")
	@ResponseBody
	Chart chart(@PathVariable String code, @ModelAttribute("zone") String zone) {
		SubstationView s = network.substationByCode(code)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		List<Reading> list = readings.since(s.id(), clock.instant().minus(Duration.ofHours(24)));
		ZoneId z = ZoneId.of(zone);
		return new Chart(list.stream().map(r -> CHART_TIME.format(r.readAt().atZone(z))).toList(),
				list.stream().map(Reading::primarySupplyTemp).toList(), list.stream().map(Reading::primaryReturnTemp).toList(),
				list.stream().map(Reading::secondarySupplyTemp).toList(),
				list.stream().map(Reading::secondaryReturnTemp).toList(), list.stream().map(Reading::pressure).toList(),
				list.stream().map(Reading::flow).toList());
	}

	@PostMapping("/network/substations/{code}/maintenance")
	@PreAuthorize(MANAGE)
	String maintenance(@PathVariable String code, @RequestParam boolean on, RedirectAttributes redirect) {
		SubstationView s = network.substationByCode(code)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		try {
			network.setMaintenance(s.id(), on);
			redirect.addFlashAttribute("notice", on ? "network.substation.maintenanceSetDone" : "network.substation.maintenanceLiftDone");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "redirect:/network/substations/" + s.code();
	}

	/** The thresholds as typed; a missing value is refused. */
	record ThresholdsForm(Double primarySupplyWarnMin, Double primarySupplyFaultMin, Double secondarySupplyWarnMin,
			Double secondarySupplyFaultMin, Double pressureWarnMin, Double pressureWarnMax, Double pressureFaultMin,
			Double pressureFaultMax, Double flowWarnMin, Double flowFaultMin) {

		Thresholds thresholds() {
			Double[] values = { primarySupplyWarnMin, primarySupplyFaultMin, secondarySupplyWarnMin, secondarySupplyFaultMin,
					pressureWarnMin, pressureWarnMax, pressureFaultMin, pressureFaultMax, flowWarnMin, flowFaultMin };
			String[] names = { "primarySupplyWarnMin", "primarySupplyFaultMin", "secondarySupplyWarnMin",
					"secondarySupplyFaultMin", "pressureWarnMin", "pressureWarnMax", "pressureFaultMin", "pressureFaultMax",
					"flowWarnMin", "flowFaultMin" };
			for (int i = 0; i < values.length; i++) {
				if (values[i] == null) {
					throw HeatDeskException.badInput("REQUIRED", names[i]);
				}
			}
			return new Thresholds(primarySupplyWarnMin, primarySupplyFaultMin, secondarySupplyWarnMin,
					secondarySupplyFaultMin, pressureWarnMin, pressureWarnMax, pressureFaultMin, pressureFaultMax, flowWarnMin,
					flowFaultMin);
		}
	}

	@PostMapping("/network/substations/{code}/thresholds")
	@PreAuthorize(MANAGE)
	String thresholds(@PathVariable String code, ThresholdsForm form, RedirectAttributes redirect) {
		SubstationView s = network.substationByCode(code)
			.orElseThrow(() -> HeatDeskException.notFound("NETWORK_SUBSTATION_NOT_FOUND"));
		try {
			network.changeThresholds(s.id(), form.thresholds());
			redirect.addFlashAttribute("notice", "network.substation.thresholds.saved");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
			redirect.addFlashAttribute("thresholdField", e.field());
		}
		return "redirect:/network/substations/" + s.code();
	}

	/**
	 * The outage form as typed: times as {@code yyyy-MM-ddTHH:mm} in the company's zone; the
	 * substations ticked, the communities ticked, and the substations whose communities were listed
	 * ({@code shown}) — see {@link OutageRules#scope}.
	 */
	record OutageForm(OutageKind kind, String title, String noticeText, String startsAt, String expectedRestoreAt,
			List<Long> substationIds, List<Long> communityIds, List<Long> shown) {
	}

	/** A substation to tick on the outage form; {@code search} holds its code, name and communities for the filter. */
	record StationPick(long id, String code, String name, int communities, String search, boolean ticked) {
	}

	/** The substations of one heat source on the outage form. */
	record SourcePick(String name, List<StationPick> stations) {
	}

	/** A community to tick under its substation. */
	record CommunityPick(long id, String name, boolean ticked) {
	}

	/** A ticked substation with its communities listed. */
	record ScopeGroup(long id, String code, String name, List<CommunityPick> communities) {
	}

	@GetMapping("/network/outages/new")
	@PreAuthorize(MANAGE)
	String newOutage(@RequestParam(required = false) String substation,
			@ModelAttribute("zone") String zone, Model model) {
		ZoneId z = ZoneId.of(zone);
		Instant now = clock.instant();
		List<Long> ids = new ArrayList<>();
		if (substation != null) {
			network.substationByCode(substation).ifPresent(s -> ids.add(s.id()));
		}
		OutageForm form = new OutageForm(OutageKind.FAULT, "", "", FORM_TIME.format(now.atZone(z)),
				FORM_TIME.format(now.plus(Duration.ofHours(4)).atZone(z)), ids, List.of(), List.of());
		return outageForm(model, form, null);
	}

	/** The communities of the ticked substations, redrawn by htmx whenever a substation is ticked or unticked. */
	@GetMapping("/network/outages/new/communities")
	@PreAuthorize(MANAGE)
	String outageScope(@RequestParam(required = false) List<Long> substationIds,
			@RequestParam(required = false) List<Long> communityIds, @RequestParam(required = false) List<Long> shown,
			Model model) {
		model.addAttribute("scope", scopeGroups(substationIds, communityIds, shown, servedBy()));
		return "network/outage-form :: scope";
	}

	@PostMapping("/network/outages")
	@PreAuthorize(MANAGE)
	String publish(OutageForm form, @ModelAttribute("zone") String zone,
			Model model, RedirectAttributes redirect) {
		try {
			ZoneId z = ZoneId.of(zone);
			Map<Long, List<CommunityView>> served = servedBy();
			Map<Long, List<Long>> servedIds = new HashMap<>();
			served.forEach((k, v) -> servedIds.put(k, v.stream().map(CommunityView::id).toList()));
			Map<Long, String> codes = new HashMap<>();
			network.substations().forEach(s -> codes.put(s.id(), s.code()));
			OutageRules.Scope scope = OutageRules.scope(form.substationIds(), form.shown(), form.communityIds(), servedIds,
					codes);
			OutageView created = network.publishOutage(new Network.NewOutage(form.kind(), form.title(), form.noticeText(),
					parse(form.startsAt(), z, "startsAt"), parse(form.expectedRestoreAt(), z, "expectedRestoreAt"),
					scope.substationIds(), scope.communityIds()));
			redirect.addFlashAttribute("notice", "network.outage.published");
			return "redirect:/network/outages/" + created.id();
		}
		catch (HeatDeskException e) {
			return outageForm(model, form, e);
		}
	}

	/** The communities an outage cuts off, under their substation; {@code whole} when the substation itself is out. */
	record AffectedGroup(String code, boolean whole, List<String> communities) {
	}

	@GetMapping("/network/outages/{id}")
	String outage(@PathVariable long id, Authentication authentication,
			@ModelAttribute("zone") String zone, Model model) {
		OutageView o = network.outage(id).orElseThrow(() -> HeatDeskException.notFound("NETWORK_OUTAGE_NOT_FOUND"));
		model.addAttribute("outage", o);
		List<CommunityView> affected = network.communitiesAffectedBy(id);
		Map<String, AffectedGroup> groups = new LinkedHashMap<>();
		for (String code : o.substationCodes()) {
			groups.put(code, new AffectedGroup(code, true, new ArrayList<>()));
		}
		for (CommunityView c : affected) {
			groups.computeIfAbsent(c.substationCode(), code -> new AffectedGroup(code, false, new ArrayList<>()))
				.communities()
				.add(c.name());
		}
		model.addAttribute("affected", List.copyOf(groups.values()));
		model.addAttribute("affectedCount", affected.size());
		model.addAttribute("extensions", network.extensions(id));
		// who was told of it (the notification module counts its messages)
		model.addAttribute("noticeCounts", noticeCounts.orderedStream().map(c -> c.counts(id)).flatMap(java.util.Optional::stream)
			.findFirst().orElse(null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("canManage", canManage(authentication));
		if (!model.containsAttribute("extendTo")) {
			model.addAttribute("extendTo", FORM_TIME.format(o.expectedRestoreAt().plus(Duration.ofHours(2)).atZone(ZoneId.of(zone))));
		}
		return "network/outage";
	}

	@PostMapping("/network/outages/{id}/extend")
	@PreAuthorize(MANAGE)
	String extend(@PathVariable long id, @RequestParam(required = false) String expectedRestoreAt,
			@RequestParam(required = false) String reason, @ModelAttribute("zone") String zone,
			RedirectAttributes redirect) {
		try {
			network.extendOutage(id, parse(expectedRestoreAt, ZoneId.of(zone), "expectedRestoreAt"), reason);
			redirect.addFlashAttribute("notice", "network.outage.extended");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
			redirect.addFlashAttribute("extendTo", expectedRestoreAt);
			redirect.addFlashAttribute("reason", reason);
		}
		return "redirect:/network/outages/" + id;
	}

	@PostMapping("/network/outages/{id}/restore")
	@PreAuthorize(MANAGE)
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		try {
			network.restoreOutage(id, null);
			redirect.addFlashAttribute("notice", "network.outage.restored");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("errorKey", e.messageKey());
			redirect.addFlashAttribute("errorArgs", e.args());
		}
		return "redirect:/network/outages/" + id;
	}

	private String outageForm(Model model, OutageForm form, HeatDeskException error) {
		Map<Long, List<CommunityView>> served = servedBy();
		Set<Long> ticked = new HashSet<>(Network.distinct(form.substationIds()));
		Map<String, List<StationPick>> bySource = new LinkedHashMap<>();
		network.heatSources().forEach(h -> bySource.put(h.name(), new ArrayList<>()));
		for (SubstationView s : network.substations()) {
			List<CommunityView> communities = served.getOrDefault(s.id(), List.of());
			String search = (s.code() + " " + s.name() + " "
					+ String.join(" ", communities.stream().map(CommunityView::name).toList())).toLowerCase(Locale.ROOT);
			bySource.computeIfAbsent(s.heatSourceName(), k -> new ArrayList<>())
				.add(new StationPick(s.id(), s.code(), s.name(), communities.size(), search, ticked.contains(s.id())));
		}
		model.addAttribute("form", form);
		model.addAttribute("kinds", OutageKind.values());
		model.addAttribute("sources", bySource.entrySet()
			.stream()
			.filter(e -> !e.getValue().isEmpty())
			.map(e -> new SourcePick(e.getKey(), e.getValue()))
			.toList());
		model.addAttribute("scope", scopeGroups(form.substationIds(), form.communityIds(), form.shown(), served));
		model.addAttribute("error", error);
		return "network/outage-form";
	}

	/** The communities of each substation, by name. */
	private Map<Long, List<CommunityView>> servedBy() {
		Map<Long, List<CommunityView>> served = new HashMap<>();
		for (CommunityView c : network.communities()) {
			served.computeIfAbsent(c.substationId(), k -> new ArrayList<>()).add(c);
		}
		return served;
	}

	/**
	 * The ticked substations by code with their communities: ticked as before for a substation
	 * whose list was already shown, all ticked for one just added.
	 */
	private List<ScopeGroup> scopeGroups(List<Long> substationIds, List<Long> communityIds, List<Long> shown,
			Map<Long, List<CommunityView>> served) {
		Set<Long> wanted = new HashSet<>(Network.distinct(substationIds));
		Set<Long> wasShown = new HashSet<>(Network.distinct(shown));
		Set<Long> tickedCommunities = new HashSet<>(Network.distinct(communityIds));
		List<ScopeGroup> groups = new ArrayList<>();
		for (SubstationView s : network.substations()) {
			if (!wanted.contains(s.id())) {
				continue;
			}
			boolean keep = wasShown.contains(s.id());
			groups.add(new ScopeGroup(s.id(), s.code(), s.name(), served.getOrDefault(s.id(), List.of())
				.stream()
				.map(c -> new CommunityPick(c.id(), c.name(), !keep || tickedCommunities.contains(c.id())))
				.toList()));
		}
		return groups;
	}

	static Instant parse(String value, ZoneId zone, String field) {
		if (value == null || value.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		try {
			String v = value.strip().replace(' ', 'T');
			return LocalDateTime.parse(v.length() > 16 ? v.substring(0, 16) : v, FORM_TIME).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("NETWORK_TIME_FORMAT", field);
		}
	}

	private static boolean canManage(Authentication authentication) {
		return Role.of(authentication).stream().anyMatch(MANAGERS::contains);
	}
}
