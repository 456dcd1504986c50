package org.heatdesk.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageView;
import org.heatdesk.network.SubstationView;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.WaitingTicket;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatch board (派工看板): repair and room-temperature tickets waiting for a technician — those
 * recorded or reopened and those whose last field job was declined or not done — grouped by
 * substation then community, most urgent first, each with the technicians ranked for it. The ranking
 * is, in this order: may take the job kind at all (skill, valid certificate: {@link Technicians#candidates});
 * on duty now; their crew serves the ticket's substation; serves its community; serves another
 * substation of the same heat source (the nearest in the network short of the same station); fewest
 * active jobs. Those who may not take it come last with the reason and cannot be chosen.
 */
@Service
class DispatchBoard {

	/** The most tickets the board shows at once: the most urgent; the rest are counted. */
	static final int LIMIT = 300;

	/** Suggestions shown on a ticket's row (the panel shows them all). */
	static final int TOP = 3;

	/** Technicians the dispatch form lists who may take the job, and who may not (with the reason). */
	static final int PANEL_ELIGIBLE = 12;

	static final int PANEL_INELIGIBLE = 8;

	static final String ACTIVE = "('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE')";

	private final TicketQueries tickets;

	private final Technicians technicians;

	private final Network network;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	DispatchBoard(TicketQueries tickets, Technicians technicians, Network network, JdbcClient jdbc, MessageSource messages,
			Clock clock) {
		this.tickets = tickets;
		this.technicians = technicians;
		this.network = network;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A technician suggested for a ticket, with the reasons of their place as badges.
	 * @param refusal why they may not take the job (in the reader's language), {@code null} when they may
	 * @param onDuty their shift now, {@code null} when off duty
	 * @param load their active jobs
	 */
	record Suggestion(long technicianId, String name, String crewName, boolean eligible, String refusalCode,
			String refusal, Shift onDuty, boolean servesSubstation, boolean servesCommunity, boolean sameHeatSource,
			int load) {
	}

	/** The last field job of a ticket, when it ended undone (declined, not done) or is still active. */
	record LastJob(long id, String status, String reason, long technicianId, String technicianName) {

		public boolean undone() {
			return "DECLINED".equals(status) || "NOT_DONE".equals(status);
		}

		public boolean active() {
			return activeStatuses().contains(status);
		}

		public LastJob named(String name) {
			return new LastJob(id, status, reason, technicianId, name);
		}
	}

	/**
	 * A ticket on the board.
	 * @param kind the job kind suggested for it (from its category; the dispatch form may change it)
	 * @param due the deadline that makes it urgent: dispatch while not dispatched, else on site
	 * @param lastJob its last field job (ended undone, or active when the form moves it), else {@code null}
	 */
	record Row(WaitingTicket ticket, JobKind kind, java.time.Instant due, String place, LastJob lastJob,
			List<Suggestion> suggestions) {

		public List<Suggestion> top() {
			return suggestions.stream().filter(Suggestion::eligible).limit(TOP).toList();
		}

		/** What the dispatch form lists: the best {@link #PANEL_ELIGIBLE} who may take it, then some who may not, with why. */
		public List<Suggestion> shown() {
			List<Suggestion> list = new ArrayList<>(suggestions.stream().filter(Suggestion::eligible).limit(PANEL_ELIGIBLE).toList());
			suggestions.stream().filter(s -> !s.eligible()).limit(PANEL_INELIGIBLE).forEach(list::add);
			return list;
		}

		public int hidden() {
			return suggestions.size() - shown().size();
		}

		/** Whether the form re-dispatches (the last job ended undone, or is active and is moved on request). */
		public boolean redispatch() {
			return lastJob != null && (lastJob.undone() || lastJob.active());
		}
	}

	/** A community's tickets (or those of the substation without a community). */
	record Place(Long communityId, String label, List<Row> rows) {
	}

	/** A substation's tickets by community; {@code substationId} null for tickets without a place. */
	record Group(Long substationId, String label, List<Place> places, int count) {
	}

	/**
	 * The board at {@code at}.
	 * @param total tickets listed; {@code more} when there were more than {@link #LIMIT} waiting
	 * @param overdue listed tickets whose urgent deadline has passed
	 */
	record Board(Instant at, List<Group> groups, int total, boolean more, int overdue, int onDuty) {
	}

	/** The board as {@code by} sees it now. */
	@Transactional(readOnly = true)
	public Board board(Actor by) {
		Instant now = clock.instant();
		Map<String, LastJob> undone = undoneJobs();
		List<WaitingTicket> listed = tickets.waitingForField(by, true, undone.keySet(), LIMIT + 1);
		boolean more = listed.stream().filter(WaitingTicket::awaitingDispatch).count() > LIMIT;
		Context context = context(now);
		context.candidates().putAll(technicians.candidates(
				listed.stream().map(t -> defaultKind(t.categoryCode())).collect(java.util.stream.Collectors.toSet()), now));
		List<Row> rows = new ArrayList<>();
		for (WaitingTicket t : listed) {
			LastJob last = undone.get(t.ticketNo());
			// a ticket whose job is active again is not waiting, whatever its status says
			if (!t.awaitingDispatch() && last == null) {
				continue;
			}
			rows.add(row(t, defaultKind(t.categoryCode()), last, context));
		}
		rows.sort(URGENCY);
		if (rows.size() > LIMIT) {
			rows = new ArrayList<>(rows.subList(0, LIMIT));
		}
		int overdue = (int) rows.stream().filter(r -> r.due() != null && r.due().isBefore(now)).count();
		return new Board(now, group(rows, context), rows.size(), more, overdue, context.duty().size());
	}

	/**
	 * One open ticket as the dispatch form shows it, with every technician ranked for {@code kind}
	 * (its default kind when {@code null}); also a ticket not waiting (its active job is re-dispatched
	 * on request).
	 */
	@Transactional(readOnly = true)
	public Optional<Row> ticket(Actor by, String ticketNo, JobKind kind) {
		if (ticketNo == null || ticketNo.isBlank()) {
			return Optional.empty();
		}
		String no = ticketNo.strip().toUpperCase(Locale.ROOT);
		return tickets.waitingForField(by, false, List.of(no), 1).stream().findFirst().map(t -> {
			LastJob last = lastJob(no).orElse(null);
			return row(t, kind == null ? defaultKind(t.categoryCode()) : kind, last, context(clock.instant()));
		});
	}

	/**
	 * The job kind a ticket's category suggests: a room-temperature complaint is a measurement (测温),
	 * a valve fault is valve work, anything else a pipe repair.
	 */
	static JobKind defaultKind(String categoryCode) {
		if (categoryCode == null) {
			return JobKind.PIPE_REPAIR;
		}
		return switch (categoryCode) {
			case "REPAIR_ROOM_TEMP", "COMPLAINT_TEMP" -> JobKind.TEMPERATURE_TEST;
			case "REPAIR_VALVE" -> JobKind.VALVE;
			default -> JobKind.PIPE_REPAIR;
		};
	}

	/** Most urgent first: the deadline that matters, then priority, then the older ticket. */
	static final Comparator<Row> URGENCY = Comparator
		.comparing((Row r) -> r.due() == null ? Instant.MAX : r.due())
		.thenComparing(r -> r.ticket().priority() == Priority.URGENT ? 0 : r.ticket().priority() == Priority.HIGH ? 1 : 2)
		.thenComparing(r -> r.ticket().recordedAt());

	/** The ranking (see the class comment). */
	static final Comparator<Suggestion> RANKING = Comparator.comparing((Suggestion s) -> !s.eligible())
		.thenComparing(s -> s.onDuty() == null)
		.thenComparing(s -> !s.servesSubstation())
		.thenComparing(s -> !s.servesCommunity())
		.thenComparing(s -> !s.sameHeatSource())
		.thenComparingInt(Suggestion::load)
		.thenComparing(Suggestion::name);

	/**
	 * What one board's ranking reads once: candidates per kind, service areas, places, loads, the
	 * refusal texts by kind and code (a kind nobody is trained for refuses every technician on every
	 * row), and the rankings by place and kind.
	 */
	private record Context(Instant now, Map<JobKind, List<Technicians.Candidate>> candidates,
			Map<Long, Shift> duty, Map<Long, Set<Long>> crewSubstations, Map<Long, Set<Long>> crewCommunities,
			Map<Long, Set<Long>> crewHeatSources, Map<Long, SubstationView> substations,
			Map<Long, CommunityView> communities, Map<Long, Integer> loads, Map<Long, OutageView> outages,
			Map<String, String> refusals, Map<String, List<Suggestion>> rankings) {
	}

	private Context context(Instant now) {
		Map<Long, SubstationView> substations = new HashMap<>();
		network.substations().forEach(s -> substations.put(s.id(), s));
		Map<Long, CommunityView> communities = new HashMap<>();
		network.communities().forEach(c -> communities.put(c.id(), c));
		Map<Long, Set<Long>> crewSubstations = new HashMap<>();
		Map<Long, Set<Long>> crewCommunities = new HashMap<>();
		Map<Long, Set<Long>> crewHeatSources = new HashMap<>();
		jdbc.sql("select team_id, substation_id, community_id from dispatch_crew_area").query((rs, n) -> {
			long crew = rs.getLong(1);
			Long s = (Long) rs.getObject(2);
			Long c = (Long) rs.getObject(3);
			Long station = s != null ? s : (communities.containsKey(c) ? communities.get(c).substationId() : null);
			if (s != null) {
				crewSubstations.computeIfAbsent(crew, k -> new HashSet<>()).add(s);
			}
			if (c != null) {
				crewCommunities.computeIfAbsent(crew, k -> new HashSet<>()).add(c);
			}
			if (station != null && substations.containsKey(station)) {
				crewHeatSources.computeIfAbsent(crew, k -> new HashSet<>()).add(substations.get(station).heatSourceId());
			}
			return null;
		}).list();
		Map<Long, Integer> loads = new HashMap<>();
		jdbc.sql("select technician_id, count(*) from dispatch_job where status in " + ACTIVE + " group by technician_id")
			.query((rs, n) -> loads.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return new Context(now, new EnumMap<>(JobKind.class), technicians.onDutyAt(now), crewSubstations,
				crewCommunities, crewHeatSources, substations, communities, loads, new HashMap<>(), new HashMap<>(), new HashMap<>());
	}

	private Row row(WaitingTicket t, JobKind kind, LastJob last, Context c) {
		Long substation = substationOf(t, c);
		Long community = t.communityId();
		Long heatSource = substation != null && c.substations().containsKey(substation)
				? c.substations().get(substation).heatSourceId() : null;
		List<Technicians.Candidate> candidates = c.candidates().computeIfAbsent(kind,
				k -> technicians.candidates(k, c.now()));
		// the ranking depends only on the place and the kind: tickets at one place share it
		List<Suggestion> suggestions = c.rankings().computeIfAbsent(substation + "/" + community + "/" + kind,
				k -> rank(candidates, kind, substation, community, heatSource, c));
		Instant due = t.awaitingDispatch() ? t.dispatchDue() : t.onSiteDue();
		LastJob job = last == null ? null : last.named(candidates.stream()
			.filter(x -> x.technician().id() == last.technicianId())
			.map(x -> x.technician().displayName())
			.findFirst()
			.orElse(null));
		return new Row(t, kind, due, placeLabel(substation, community, c), job, suggestions);
	}

	private List<Suggestion> rank(List<Technicians.Candidate> candidates, JobKind kind, Long substation, Long community,
			Long heatSource, Context c) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Suggestion> suggestions = new ArrayList<>(candidates.size());
		for (Technicians.Candidate candidate : candidates) {
			TechnicianView p = candidate.technician();
			Long crew = p.crewId();
			boolean servesSubstation = crew != null && substation != null
					&& c.crewSubstations().getOrDefault(crew, Set.of()).contains(substation);
			boolean servesCommunity = crew != null && community != null
					&& c.crewCommunities().getOrDefault(crew, Set.of()).contains(community);
			boolean sameSource = !servesSubstation && !servesCommunity && crew != null && heatSource != null
					&& c.crewHeatSources().getOrDefault(crew, Set.of()).contains(heatSource);
			suggestions.add(new Suggestion(p.id(), p.displayName(), p.crewName(), candidate.eligible(),
					candidate.refusalCode(), candidate.refusalCode() == null ? null
							: c.refusals().computeIfAbsent(kind + ":" + candidate.refusalCode(),
									k -> refusal(candidate.refusalCode(), kind, locale)),
					candidate.onDuty(),
					servesSubstation, servesCommunity, sameSource, c.loads().getOrDefault(p.id(), 0)));
		}
		suggestions.sort(RANKING);
		return List.copyOf(suggestions);
	}

	/** The ticket's substation: its own, its community's, or for an incident its outage's first. */
	private Long substationOf(WaitingTicket t, Context c) {
		if (t.substationId() != null) {
			return t.substationId();
		}
		if (t.communityId() != null && c.communities().containsKey(t.communityId())) {
			return c.communities().get(t.communityId()).substationId();
		}
		if (t.outageId() != null) {
			OutageView outage = c.outages().computeIfAbsent(t.outageId(), id -> network.outage(id).orElse(null));
			if (outage != null) {
				if (!outage.substationIds().isEmpty()) {
					return outage.substationIds().get(0);
				}
				if (!outage.communityIds().isEmpty() && c.communities().containsKey(outage.communityIds().get(0))) {
					return c.communities().get(outage.communityIds().get(0)).substationId();
				}
			}
		}
		return null;
	}

	private String placeLabel(Long substation, Long community, Context c) {
		SubstationView s = substation == null ? null : c.substations().get(substation);
		CommunityView m = community == null ? null : c.communities().get(community);
		if (s == null) {
			return m == null ? null : m.name();
		}
		return m == null ? s.code() + " " + s.name() : s.code() + " " + m.name();
	}

	private String refusal(String code, JobKind kind, Locale locale) {
		if (code == null) {
			return null;
		}
		String what = "DISPATCH_SKILL_MISSING".equals(code)
				? messages.getMessage("dispatch.skill." + kind.skill().name(), null, locale)
				: messages.getMessage("dispatch.certificate." + kind.certificate().name(), null, locale);
		return messages.getMessage("dispatch.board.refusal." + code, new Object[] { what }, locale);
	}

	/** Groups rows by substation then community, each group and place in the order of its most urgent row. */
	private List<Group> group(List<Row> rows, Context c) {
		Map<Long, Map<Long, List<Row>>> by = new LinkedHashMap<>();
		for (Row r : rows) {
			Long substation = substationOf(r.ticket(), c);
			by.computeIfAbsent(substation, k -> new LinkedHashMap<>())
				.computeIfAbsent(r.ticket().communityId(), k -> new ArrayList<>())
				.add(r);
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<Group> groups = new ArrayList<>();
		by.forEach((substation, places) -> {
			SubstationView s = substation == null ? null : c.substations().get(substation);
			String label = s != null ? s.code() + " " + s.name()
					: messages.getMessage("dispatch.board.noPlace", null, locale);
			List<Place> list = new ArrayList<>();
			places.forEach((community, list2) -> {
				CommunityView m = community == null ? null : c.communities().get(community);
				list.add(new Place(community, m == null ? null : m.name(), list2));
			});
			groups.add(new Group(substation, label, list, places.values().stream().mapToInt(List::size).sum()));
		});
		// tickets without a place last: nobody can be sent to them before someone finds out where they are
		groups.sort(Comparator.comparing((Group g) -> g.substationId() == null));
		return groups;
	}

	/** The last job of each ticket whose last job ended undone (declined, not done), by ticket number. */
	private Map<String, LastJob> undoneJobs() {
		Map<String, LastJob> by = new LinkedHashMap<>();
		jdbc.sql("""
				select j.id, j.ticket_no, j.status, j.reason, j.technician_id from dispatch_job j
				where j.status in ('DECLINED','NOT_DONE')
				  and not exists (select 1 from dispatch_job k where k.ticket_no = j.ticket_no and k.id > j.id)""")
			.query((rs, n) -> by.put(rs.getString(2),
					new LastJob(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5), null)))
			.list();
		return by;
	}

	/** The last field job of a ticket, active or ended. */
	Optional<LastJob> lastJob(String ticketNo) {
		return jdbc.sql("""
				select id, status, reason, technician_id from dispatch_job where ticket_no = ? order by id desc limit 1""")
			.param(ticketNo)
			.query((rs, n) -> new LastJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), null))
			.optional();
	}

	static Collection<String> activeStatuses() {
		return List.of("DISPATCHED", "ACCEPTED", "ON_THE_WAY", "ON_SITE");
	}
}
