package org.heatdesk.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The crews page (crews, their technicians, who is on duty, certificates flagged, service areas), a
 * technician's page (skills, certificates and their scans, the coming shifts) and a crew's week
 * roster. Dispatchers, team leads and managers read them; dispatchers and team leads change them.
 */
@PageController
@PreAuthorize(DispatchPageController.READ)
class DispatchPageController {

	static final String READ = Roles.SUPERVISORS_AND_DISPATCH;

	static final String EDIT = Roles.CREW_KEEPERS;

	private static final Set<Role> EDITORS = Roles.of(Roles.CREW_KEEPERS);

	private final Technicians technicians;

	private final Network network;

	DispatchPageController(Technicians technicians, Network network) {
		this.technicians = technicians;
		this.network = network;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavItem dispatchCrewsNav() {
			return new NavItem("nav.dispatchCrews", "nav.dispatchCrews.description", "/dispatch/crews",
					Roles.SUPERVISORS_AND_DISPATCH, 400, "g");
		}

		@Bean
		NavItem dispatchRefundsNav() {
			// not in the team lead's bar, which is full at 1366 px: the crews page links to it
			return new NavItem("nav.dispatchRefunds", "nav.dispatchRefunds.description", "/dispatch/refund-rules",
					Roles.DISPATCH_AND_MANAGER, 410, null);
		}
	}

	/** A technician's line on the crews page. */
	record Row(TechnicianView technician, Shift onDuty, List<CertificateLine> certificates) {
	}

	/** A certificate with its state today. */
	record CertificateLine(CertificateView certificate, CertificateState state, long daysLeft) {
	}

	@GetMapping("/dispatch/crews")
	String crews(Authentication authentication, Model model) {
		Instant now = Instant.now(clockOf());
		LocalDate today = technicians.dateAt(now);
		int warn = technicians.settings().certificateWarningDays();
		Map<Long, Shift> duty = technicians.onDutyAt(now);
		Map<Long, List<CertificateView>> certificates = technicians.allCertificates();
		Map<Long, List<Row>> rows = new HashMap<>();
		List<Technicians.CrewView> crews = technicians.crews();
		for (Technicians.CrewView crew : crews) {
			rows.put(crew.id(), crew.technicians().stream().map(t -> row(t, duty, certificates, today, warn)).toList());
		}
		model.addAttribute("crews", crews);
		model.addAttribute("rows", rows);
		model.addAttribute("loose", technicians.withoutCrew().stream().map(t -> row(t, duty, certificates, today, warn)).toList());
		model.addAttribute("flagged", technicians.flaggedCertificates(now));
		model.addAttribute("onDutyCount", duty.size());
		model.addAttribute("slot", technicians.dutyTimes().slotAt(now));
		model.addAttribute("settings", technicians.settings());
		model.addAttribute("substations", network.substations());
		model.addAttribute("communities", network.communities());
		model.addAttribute("canEdit", canEdit(authentication));
		return "dispatch/crews";
	}

	private static Row row(TechnicianView t, Map<Long, Shift> duty, Map<Long, List<CertificateView>> certificates,
			LocalDate today, int warn) {
		return new Row(t, duty.get(t.id()), certificates.getOrDefault(t.id(), List.of())
			.stream()
			.map(c -> new CertificateLine(c, c.stateOn(today, warn), c.daysLeft(today)))
			.toList());
	}

	@PostMapping("/dispatch/crews/{id}/areas")
	@PreAuthorize(EDIT)
	String addArea(@PathVariable long id, @RequestParam(defaultValue = "") String place, RedirectAttributes redirect) {
		try {
			String p = place.strip();
			Long substation = network.substationByCode(p.toUpperCase(java.util.Locale.ROOT)).map(s -> s.id()).orElse(null);
			Long community = substation != null ? null : network.communityByName(p).map(c -> c.id()).orElse(null);
			if (substation == null && community == null) {
				throw HeatDeskException.badInput("DISPATCH_AREA_UNKNOWN", "place", p);
			}
			technicians.addArea(Actor.current(), id, substation, community);
			redirect.addFlashAttribute("notice", "dispatch.area.added");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
		}
		return "redirect:/dispatch/crews#crew-" + id;
	}

	@PostMapping("/dispatch/crews/{id}/areas/{area}/remove")
	@PreAuthorize(EDIT)
	String removeArea(@PathVariable long id, @PathVariable long area, RedirectAttributes redirect) {
		try {
			technicians.removeArea(Actor.current(), area);
			redirect.addFlashAttribute("notice", "dispatch.area.removed");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
		}
		return "redirect:/dispatch/crews#crew-" + id;
	}

	/** Whether the technician may take a job of this kind now, and the refusal when not. */
	record JobCheck(JobKind kind, HeatDeskException refusal) {
	}

	@GetMapping("/dispatch/technicians/{id}")
	String technician(@PathVariable long id, Authentication authentication, Model model) {
		TechnicianView t = technicians.technician(id)
			.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_TECHNICIAN_NOT_FOUND"));
		Instant now = Instant.now(clockOf());
		LocalDate today = technicians.dateAt(now);
		int warn = technicians.settings().certificateWarningDays();
		model.addAttribute("technician", t);
		model.addAttribute("certificates", technicians.certificates(id)
			.stream()
			.map(c -> new CertificateLine(c, c.stateOn(today, warn), c.daysLeft(today)))
			.toList());
		model.addAttribute("onDuty", technicians.onDutyAt(now).get(id));
		Map<LocalDate, Set<Shift>> mine = technicians.roster(List.of(id), today, today.plusDays(13)).getOrDefault(id, Map.of());
		Map<LocalDate, Set<Shift>> days = new LinkedHashMap<>();
		for (int i = 0; i < 14; i++) {
			days.put(today.plusDays(i), mine.getOrDefault(today.plusDays(i), Set.of()));
		}
		model.addAttribute("days", days);
		model.addAttribute("today", today);
		model.addAttribute("skills", Skill.values());
		model.addAttribute("kinds", CertificateKind.values());
		List<JobCheck> jobs = new ArrayList<>();
		for (JobKind kind : JobKind.values()) {
			try {
				technicians.checkMayTake(id, kind, now);
				jobs.add(new JobCheck(kind, null));
			}
			catch (HeatDeskException e) {
				jobs.add(new JobCheck(kind, e));
			}
		}
		model.addAttribute("jobs", jobs);
		model.addAttribute("settings", technicians.settings());
		model.addAttribute("canEdit", canEdit(authentication));
		return "dispatch/technician";
	}

	@PostMapping("/dispatch/technicians/{id}/skills")
	@PreAuthorize(EDIT)
	String skills(@PathVariable long id, @RequestParam(required = false) List<Skill> skills, RedirectAttributes redirect) {
		try {
			technicians.setSkills(Actor.current(), id, skills == null ? Set.of() : EnumSet.copyOf(skills));
			redirect.addFlashAttribute("notice", "dispatch.skills.saved");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
		}
		return "redirect:/dispatch/technicians/" + id;
	}

	@PostMapping("/dispatch/technicians/{id}/certificates")
	@PreAuthorize(EDIT)
	String addCertificate(@PathVariable long id, @RequestParam(required = false) CertificateKind kind,
			@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String issuer,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
			@RequestParam(required = false) MultipartFile scan, RedirectAttributes redirect) {
		try {
			Technicians.Scan upload = null;
			if (scan != null && !scan.isEmpty()) {
				if (scan.getSize() > ScanCheck.MAX_BYTES) {
					throw HeatDeskException.badInput("DISPATCH_SCAN_TOO_LARGE", "scan", ScanCheck.MAX_LABEL);
				}
				upload = new Technicians.Scan(scan.getOriginalFilename(), scan.getContentType(), scan.getBytes());
			}
			technicians.addCertificate(Actor.current(), id, new Technicians.NewCertificate(kind, number, issuer,
					date(validFrom, "validFrom"), date(validUntil, "validUntil")), upload);
			redirect.addFlashAttribute("notice", "dispatch.certificate.added");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
			redirect.addFlashAttribute("form", Map.of("kind", kind == null ? "" : kind.name(), "number", number, "issuer",
					issuer, "validFrom", validFrom, "validUntil", validUntil));
		}
		catch (IOException e) {
			flash(redirect, HeatDeskException.badInput("DISPATCH_SCAN_EMPTY", "scan"));
		}
		return "redirect:/dispatch/technicians/" + id + "#certificates";
	}

	@GetMapping("/dispatch/certificates/{id}/scan")
	@ResponseBody
	ResponseEntity<byte[]> scan(@PathVariable long id) {
		Technicians.Scan scan = technicians.scan(id).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_SCAN_NOT_FOUND"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(scan.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(scan.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(scan.content());
	}

	/** A cell of the roster grid. */
	record Cell(LocalDate day, boolean dayShift, boolean nightShift) {
	}

	@GetMapping("/dispatch/crews/{id}/roster")
	String roster(@PathVariable long id, @RequestParam(required = false) String week, Authentication authentication,
			Model model) {
		Technicians.CrewView crew = technicians.crew(id)
			.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_CREW_NOT_FOUND"));
		LocalDate today = technicians.dateAt(Instant.now(clockOf()));
		LocalDate monday = monday(week, today);
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(monday.plusDays(i));
		}
		List<Long> ids = crew.technicians().stream().map(TechnicianView::id).toList();
		Map<Long, Map<LocalDate, Set<Shift>>> roster = technicians.roster(ids, monday, monday.plusDays(6));
		Map<Long, List<Cell>> cells = new HashMap<>();
		for (long t : ids) {
			Map<LocalDate, Set<Shift>> mine = roster.getOrDefault(t, Map.of());
			cells.put(t, days.stream()
				.map(d -> new Cell(d, mine.getOrDefault(d, Set.of()).contains(Shift.DAY),
						mine.getOrDefault(d, Set.of()).contains(Shift.NIGHT)))
				.toList());
		}
		model.addAttribute("crew", crew);
		model.addAttribute("days", days);
		model.addAttribute("cells", cells);
		model.addAttribute("monday", monday);
		model.addAttribute("today", today);
		model.addAttribute("settings", technicians.settings());
		model.addAttribute("canEdit", canEdit(authentication));
		return "dispatch/roster";
	}

	@PostMapping("/dispatch/crews/{id}/roster")
	@PreAuthorize(EDIT)
	String setRoster(@PathVariable long id, @RequestParam(defaultValue = "") String week,
			@RequestParam(required = false) List<String> shift, RedirectAttributes redirect) {
		LocalDate monday = null;
		try {
			monday = date(week, "week");
			Map<Long, Set<DutyTimes.Slot>> shifts = new HashMap<>();
			for (String s : shift == null ? List.<String>of() : shift) {
				// staffId:yyyy-MM-dd:DAY|NIGHT, as the grid's check boxes send it
				String[] p = s.split(":", 3);
				if (p.length != 3) {
					throw HeatDeskException.badInput("DISPATCH_ROSTER_OUTSIDE", "shift");
				}
				try {
					shifts.computeIfAbsent(Long.parseLong(p[0]), k -> new java.util.HashSet<>())
						.add(new DutyTimes.Slot(LocalDate.parse(p[1]), Shift.valueOf(p[2])));
				}
				catch (IllegalArgumentException | DateTimeParseException e) {
					throw HeatDeskException.badInput("DISPATCH_ROSTER_OUTSIDE", "shift");
				}
			}
			technicians.setWeek(Actor.current(), id, monday, shifts);
			redirect.addFlashAttribute("notice", "dispatch.roster.saved");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
		}
		return "redirect:/dispatch/crews/" + id + "/roster" + (monday == null ? "" : "?week=" + monday);
	}

	/** Copies the week before {@code week} into it, shifted by seven days: most weeks repeat the last. */
	@PostMapping("/dispatch/crews/{id}/roster/copy")
	@PreAuthorize(EDIT)
	String copyWeek(@PathVariable long id, @RequestParam(defaultValue = "") String week, RedirectAttributes redirect) {
		LocalDate monday = null;
		try {
			monday = date(week, "week");
			Technicians.CrewView crew = technicians.crew(id)
				.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_CREW_NOT_FOUND"));
			List<Long> ids = crew.technicians().stream().map(TechnicianView::id).toList();
			LocalDate from = monday.minusDays(7);
			Map<Long, Set<DutyTimes.Slot>> shifts = new HashMap<>();
			technicians.roster(ids, from, from.plusDays(6))
				.forEach((t, days) -> days.forEach((day, set) -> set.forEach(s -> shifts
					.computeIfAbsent(t, k -> new java.util.HashSet<>())
					.add(new DutyTimes.Slot(day.plusDays(7), s)))));
			technicians.setWeek(Actor.current(), id, monday, shifts);
			redirect.addFlashAttribute("notice", "dispatch.roster.copied");
		}
		catch (HeatDeskException e) {
			flash(redirect, e);
		}
		return "redirect:/dispatch/crews/" + id + "/roster" + (monday == null ? "" : "?week=" + monday);
	}

	private static LocalDate monday(String week, LocalDate today) {
		LocalDate day = today;
		if (week != null && !week.isBlank()) {
			try {
				day = LocalDate.parse(week.strip());
			}
			catch (DateTimeParseException e) {
				throw HeatDeskException.badInput("DISPATCH_ROSTER_WEEK", "week");
			}
			if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, day)) > 366) {
				throw HeatDeskException.badInput("DISPATCH_ROSTER_WEEK", "week");
			}
		}
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("DISPATCH_DATE_FORMAT", field);
		}
	}

	static LocalDateTime dateTime(String value, String field) {
		if (value == null || value.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		try {
			return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("DISPATCH_DATE_FORMAT", field);
		}
	}

	static void flash(RedirectAttributes redirect, HeatDeskException e) {
		redirect.addFlashAttribute("errorKey", e.messageKey());
		redirect.addFlashAttribute("errorArgs", e.args());
		redirect.addFlashAttribute("errorField", e.field());
	}

	private java.time.Clock clockOf() {
		return technicians.clock();
	}

	private static boolean canEdit(Authentication authentication) {
		return Role.of(authentication).stream().anyMatch(EDITORS::contains);
	}

	static ZoneId zoneOf(Technicians technicians) {
		return technicians.zone();
	}

	static BigDecimal decimal(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("DISPATCH_NUMBER_FORMAT", field);
		}
	}
}
