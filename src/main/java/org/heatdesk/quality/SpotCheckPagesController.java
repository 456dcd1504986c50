package org.heatdesk.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The spot-check pages: the team's sampling plans ({@code /quality/samples}), the checks to score or
 * to acknowledge ({@code /quality/checks}), the checker's page of one call ({@code /quality/checks/{id}}:
 * the recording, the call's timeline and the ticket beside the rubric), the disputes for the managers
 * and the rubric.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class SpotCheckPagesController {

	private final SamplingPlans samples;

	private final SpotChecks checks;

	private final Rubrics rubrics;

	private final Rectifications rectifications;

	private final SpotCheckCalls calls;

	private final QualityPeople people;

	private final TicketQueries tickets;

	SpotCheckPagesController(SamplingPlans samples, SpotChecks checks, Rubrics rubrics, Rectifications rectifications,
			SpotCheckCalls calls, QualityPeople people, TicketQueries tickets) {
		this.samples = samples;
		this.checks = checks;
		this.rubrics = rubrics;
		this.rectifications = rectifications;
		this.calls = calls;
		this.people = people;
		this.tickets = tickets;
	}

	/** A check as a row of a list: the call's facts and the people's names. */
	record Row(SpotChecks.Check check, SpotCheckCalls.CallFacts call, String agentName, String checkerName,
			boolean overdue) {
	}

	private StaffView me() {
		return people.who(Actor.current());
	}

	private void common(Model model) {
		model.addAttribute("zone", people.zone().getId());
	}

	// ---- sampling plans ----

	@GetMapping("/quality/samples")
	String samples(Model model) {
		StaffView me = me();
		List<TeamView> teams = people.staff().teams().stream().filter(t -> QualityPeople.supervises(me, t.id())).toList();
		Map<Long, String> teamNames = new HashMap<>();
		people.staff().teams().forEach(t -> teamNames.put(t.id(), t.name()));
		model.addAttribute("list", samples.list(me, 100));
		model.addAttribute("teamNames", teamNames);
		model.addAttribute("teams", teams);
		YearMonth now = YearMonth.now(people.clock().withZone(people.zone()));
		model.addAttribute("months", List.of(now, now.minusMonths(1), now.minusMonths(2)));
		if (!model.containsAttribute("perAgent")) {
			model.addAttribute("perAgent", 3);
		}
		common(model);
		return "quality/samples";
	}

	@PostMapping("/quality/samples")
	@PreAuthorize(Roles.SUPERVISORS)
	String draw(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String perAgent, RedirectAttributes redirect) {
		try {
			if (teamId == null) {
				throw HeatDeskException.badInput("REQUIRED", "teamId");
			}
			YearMonth m = parseMonth(month);
			Integer n = parseInt(perAgent, "perAgent", "QUALITY_PER_AGENT_RANGE", SamplingPlans.MAX_PER_AGENT);
			SamplingPlans.Sample s = samples.draw(Actor.current(), teamId, m, n, null);
			redirect.addFlashAttribute("notice", "quality.sample.drawn");
			return "redirect:/quality/samples/" + s.id();
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("perAgent", perAgent);
			return "redirect:/quality/samples";
		}
	}

	@GetMapping("/quality/samples/{id:\\d+}")
	String sample(@PathVariable long id, Model model) {
		StaffView me = me();
		SamplingPlans.Sample s = samples.find(id)
			.filter(x -> QualityPeople.reads(me, x.teamId()))
			.orElseThrow(() -> HeatDeskException.notFound("QUALITY_SAMPLE_NOT_FOUND", id));
		List<SpotChecks.Check> list = checks.ofSample(id);
		model.addAttribute("s", s);
		model.addAttribute("teamName", people.staff().teams().stream().filter(t -> t.id() == s.teamId())
			.map(TeamView::name).findFirst().orElse("—"));
		model.addAttribute("drawnByName", people.nameOf(s.drawnBy()));
		model.addAttribute("rows", rows(list));
		model.addAttribute("reproduced", samples.reproduce(id).equals(samples.drawnCalls(id)));
		model.addAttribute("canAdd", QualityPeople.supervises(me, s.teamId()));
		common(model);
		return "quality/sample";
	}

	@PostMapping("/quality/samples/{id:\\d+}/calls")
	@PreAuthorize(Roles.SUPERVISORS)
	String addCall(@PathVariable long id, @RequestParam(required = false) String callId, RedirectAttributes redirect) {
		try {
			Long call = parseLong(callId, "callId");
			samples.addCall(Actor.current(), id, call);
			redirect.addFlashAttribute("notice", "quality.sample.added");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/samples/" + id;
	}

	// ---- checks ----

	@GetMapping("/quality/checks")
	String list(Model model) {
		StaffView me = me();
		model.addAttribute("mine", rows(checks.mine(me, 100)));
		boolean supervisor = me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER) || me.has(Role.AUDITOR);
		model.addAttribute("supervisor", supervisor);
		model.addAttribute("team", supervisor ? rows(checks.supervised(me, null, 200)) : List.of());
		common(model);
		return "quality/checks";
	}

	@GetMapping("/quality/disputes")
	String disputes(Model model) {
		StaffView me = me();
		model.addAttribute("rows", rows(checks.supervised(me, SpotChecks.Status.DISPUTED, 200)));
		common(model);
		return "quality/disputes";
	}

	@GetMapping("/quality/checks/{id:\\d+}")
	String check(@PathVariable long id, Model model, Locale locale) {
		StaffView me = me();
		SpotChecks.Check c = checks.readable(me, id);
		SpotCheckCalls.CallFacts call = calls.find(c.callId()).orElse(null);
		Rubrics.Rubric rubric = c.rubricId() == null ? rubrics.current() : rubrics.find(c.rubricId()).orElseThrow();
		model.addAttribute("c", c);
		model.addAttribute("call", call);
		model.addAttribute("events", calls.timeline(c.callId()));
		TicketView ticket = call == null || call.ticketNo() == null ? null
				: tickets.find(Actor.current(), call.ticketNo()).orElse(null);
		model.addAttribute("ticket", ticket);
		model.addAttribute("rubric", rubric);
		model.addAttribute("itemNames", itemNames(rubric, locale));
		model.addAttribute("given", checks.itemPoints(id));
		model.addAttribute("comments", checks.comments(id));
		model.addAttribute("rectifications", rectifications.ofCheck(id));
		model.addAttribute("agentName", people.name(c.agentId()));
		model.addAttribute("checkerName", people.nameOf(c.checker()));
		model.addAttribute("decidedByName", people.nameOf(c.decidedBy()));
		boolean supervises = QualityPeople.supervises(me, c.teamId());
		boolean own = c.agentId() == me.id();
		model.addAttribute("own", own);
		model.addAttribute("canScore", supervises && !own && c.status() == SpotChecks.Status.TO_SCORE);
		model.addAttribute("canComment", supervises);
		model.addAttribute("mayListen", supervises || me.has(Role.AUDITOR));
		model.addAttribute("canRespond", own && c.status() == SpotChecks.Status.SCORED);
		model.addAttribute("canDecide", me.has(Role.MANAGER) && !own && !me.username().equals(c.checker())
				&& c.status() == SpotChecks.Status.DISPUTED);
		model.addAttribute("canCase", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		LocalDate today = LocalDate.ofInstant(people.clock().instant(), people.zone());
		model.addAttribute("defaultRectifyBy", today.plusDays(7));
		model.addAttribute("today", today);
		common(model);
		return "quality/check";
	}

	@PostMapping("/quality/checks/{id:\\d+}/score")
	@PreAuthorize(Roles.SUPERVISORS)
	String score(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			Map<Long, Integer> points = new HashMap<>();
			Set<Long> fatal = new HashSet<>();
			for (Map.Entry<String, List<String>> e : form.entrySet()) {
				if (e.getKey().matches("p_\\d{1,18}")) {
					long item = Long.parseLong(e.getKey().substring(2));
					String v = e.getValue().isEmpty() ? null : e.getValue().get(0);
					if (v != null && !v.isBlank()) {
						points.put(item, parseInt(v, "points", "QUALITY_SCORE_NUMBER", 100));
					}
				}
			}
			for (String f : form.getOrDefault("fatal", List.of())) {
				fatal.add(parseLong(f, "fatal"));
			}
			List<SpotChecks.NewComment> comments = new ArrayList<>();
			List<String> marks = form.getOrDefault("mark", List.of());
			List<String> texts = form.getOrDefault("remark", List.of());
			for (int i = 0; i < texts.size(); i++) {
				if (texts.get(i) != null && !texts.get(i).isBlank()) {
					comments.add(new SpotChecks.NewComment(parseMark(i < marks.size() ? marks.get(i) : null), texts.get(i)));
				}
			}
			LocalDate rectifyBy = parseDate(form.getFirst("rectifyBy"), "rectifyBy");
			checks.score(Actor.current(), id, new SpotChecks.Scoring(points, fatal, form.getFirst("summary"), comments,
					rectifyBy, form.getFirst("finding")));
			redirect.addFlashAttribute("notice", "quality.check.scored");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/checks/" + id;
	}

	@PostMapping("/quality/checks/{id:\\d+}/comments")
	@PreAuthorize(Roles.SUPERVISORS)
	String comment(@PathVariable long id, @RequestParam(required = false) String mark,
			@RequestParam(required = false) String remark, RedirectAttributes redirect) {
		try {
			checks.comment(Actor.current(), id, parseMark(mark), remark);
			redirect.addFlashAttribute("notice", "quality.check.commented");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/checks/" + id;
	}

	@PostMapping("/quality/checks/{id:\\d+}/acknowledge")
	String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
		try {
			checks.acknowledge(Actor.current(), id);
			redirect.addFlashAttribute("notice", "quality.check.acknowledged");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/checks/" + id;
	}

	@PostMapping("/quality/checks/{id:\\d+}/dispute")
	String dispute(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			checks.dispute(Actor.current(), id, reason);
			redirect.addFlashAttribute("notice", "quality.check.disputed");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/checks/" + id;
	}

	@PostMapping("/quality/checks/{id:\\d+}/decide")
	@PreAuthorize(Roles.MANAGER)
	String decide(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String revisedScore, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			SpotChecks.Decision d = decision == null || decision.isBlank() ? null : parseDecision(decision);
			Integer revised = revisedScore == null || revisedScore.isBlank() ? null
					: parseInt(revisedScore, "revisedScore", "QUALITY_REVISED_SCORE_RANGE", Rubrics.TOTAL);
			checks.decide(Actor.current(), id, d, revised, note);
			redirect.addFlashAttribute("notice", "quality.check.decided");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/checks/" + id;
	}

	// ---- rubric ----

	@GetMapping("/quality/rubric")
	String rubric(Model model, Locale locale) {
		model.addAttribute("versions", rubrics.versions());
		model.addAttribute("rubric", rubrics.current());
		model.addAttribute("aspects", Rubrics.Aspect.values());
		model.addAttribute("canEdit", me().has(Role.MANAGER));
		common(model);
		return "quality/rubric";
	}

	@PostMapping("/quality/rubric")
	@PreAuthorize(Roles.MANAGER)
	String publish(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			List<String> codes = form.getOrDefault("code", List.of());
			List<String> zh = form.getOrDefault("nameZh", List.of());
			List<String> en = form.getOrDefault("nameEn", List.of());
			List<String> pts = form.getOrDefault("points", List.of());
			List<String> aspects = form.getOrDefault("aspect", List.of());
			Set<String> fatal = new HashSet<>(form.getOrDefault("fatal", List.of()));
			List<Rubrics.NewItem> items = new ArrayList<>();
			for (int i = 0; i < codes.size(); i++) {
				String code = codes.get(i);
				String p = at(pts, i);
				String a = at(aspects, i);
				Rubrics.Aspect aspect = a == null || a.isBlank() ? null : parseAspect(a);
				items.add(new Rubrics.NewItem(code, at(zh, i), at(en, i),
						p == null || p.isBlank() ? null : parseInt(p, "items[" + i + "].points", "QUALITY_RUBRIC_ITEM_POINTS", 100),
						fatal.contains(String.valueOf(i)), aspect));
			}
			Rubrics.Rubric r = rubrics.publish(Actor.current(), form.getFirst("note"), items);
			redirect.addFlashAttribute("notice", "quality.rubric.published");
			redirect.addFlashAttribute("noticeArg", r.version());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/rubric";
	}

	// ---- helpers ----

	private List<Row> rows(List<SpotChecks.Check> list) {
		Map<Long, SpotCheckCalls.CallFacts> facts = calls.findAll(list.stream().map(SpotChecks.Check::callId).toList());
		Instant now = people.clock().instant();
		return list.stream().map(c -> new Row(c, facts.get(c.callId()), people.name(c.agentId()),
				people.nameOf(c.checker()), c.overdue(now))).toList();
	}

	private static Map<Long, String> itemNames(Rubrics.Rubric r, Locale locale) {
		Map<Long, String> m = new LinkedHashMap<>();
		r.items().forEach(i -> m.put(i.id(), i.name(locale)));
		return m;
	}

	private static String at(List<String> list, int i) {
		return i < list.size() ? list.get(i) : null;
	}

	static YearMonth parseMonth(String month) {
		if (month == null || month.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "month");
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("QUALITY_MONTH_FORMAT", "month");
		}
	}

	static Integer parseInt(String value, String field, String code, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput(code, field, max);
		}
	}

	static Long parseLong(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("QUALITY_NUMBER_FORMAT", field);
		}
	}

	static LocalDate parseDate(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("QUALITY_DATE_FORMAT", field);
		}
	}

	/** A time mark in the recording: {@code m:ss} or seconds. */
	static Integer parseMark(String mark) {
		if (mark == null || mark.isBlank()) {
			return null;
		}
		String m = mark.strip();
		try {
			if (m.matches("\\d{1,4}:\\d{1,2}")) {
				String[] parts = m.split(":");
				int s = Integer.parseInt(parts[1]);
				if (s >= 60) {
					throw HeatDeskException.badInput("QUALITY_COMMENT_MARK", "mark");
				}
				return Integer.parseInt(parts[0]) * 60 + s;
			}
			if (m.matches("\\d{1,5}")) {
				return Integer.parseInt(m);
			}
		}
		catch (NumberFormatException e) {
			// falls through to the refusal
		}
		throw HeatDeskException.badInput("QUALITY_COMMENT_MARK", "mark");
	}

	private static SpotChecks.Decision parseDecision(String d) {
		try {
			return SpotChecks.Decision.valueOf(d.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("QUALITY_DECISION_UNKNOWN", "decision");
		}
	}

	private static Rubrics.Aspect parseAspect(String a) {
		try {
			return Rubrics.Aspect.valueOf(a.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("QUALITY_RUBRIC_ASPECT", "aspect");
		}
	}
}
