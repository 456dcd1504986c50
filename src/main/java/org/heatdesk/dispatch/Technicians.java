package org.heatdesk.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.SubstationView;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of crews and technicians: who they are (read from {@code staff}), their skills,
 * certificates, duty roster and their crews' service areas, and the rule the dispatch board asks
 * before sending someone: {@link #checkMayTake}. Every change names its {@link Actor} and is audited.
 */
@Service
@EnableConfigurationProperties(DispatchProperties.class)
public class Technicians {

	private static final Pattern CERTIFICATE_NUMBER = Pattern.compile("[\\p{L}\\p{N}()（）\\-/ ]{1,50}");

	private final JdbcClient jdbc;

	private final Staff staff;

	private final Network network;

	private final AuditTrail audit;

	private final Clock clock;

	private final DispatchProperties settings;

	private final ZoneId zone;

	Technicians(JdbcClient jdbc, Staff staff, Network network, AuditTrail audit, Clock clock, DispatchProperties settings,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.network = network;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.zone = ZoneId.of(zone);
	}

	/** A crew: a staff team holding technicians, with its service area. */
	public record CrewView(long id, String code, String name, List<TechnicianView> technicians, List<AreaView> areas) {
	}

	/** One place of a crew's service area: a whole substation or one community. */
	public record AreaView(long id, long crewId, Long substationId, Long communityId, String label) {

		public boolean substation() {
			return substationId != null;
		}
	}

	/**
	 * A technician asked about for a job.
	 * @param refusalCode why they may not take it ({@code null} when they may)
	 * @param onDuty the shift they are on at the job's time, or {@code null} when off duty
	 */
	public record Candidate(TechnicianView technician, boolean eligible, String refusalCode, Shift onDuty) {
	}

	/** A certificate flagged to the dispatcher and the technician's lead. */
	public record FlaggedCertificate(CertificateView certificate, TechnicianView technician, CertificateState state,
			long daysLeft) {
	}

	/** A certificate as entered (the scan comes separately). */
	public record NewCertificate(CertificateKind kind, String number, String issuer, LocalDate validFrom,
			LocalDate validUntil) {
	}

	/** A scanned copy as uploaded. */
	public record Scan(String fileName, String contentType, byte[] content) {
	}

	/** The settings pages show: the warning days and the shift times. */
	DispatchProperties settings() {
		return settings;
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	DutyTimes dutyTimes() {
		return new DutyTimes(settings.dayShiftStart(), settings.nightShiftStart(), zone);
	}

	/** The company's date at {@code at}. */
	LocalDate dateAt(Instant at) {
		return LocalDate.ofInstant(at, zone);
	}

	/** Every active technician, with crew and skills, by crew and name. */
	@Transactional(readOnly = true)
	public List<TechnicianView> technicians() {
		List<StaffView> people = staff.withRole(Role.TECHNICIAN);
		Map<Long, Set<Skill>> skills = skills();
		return people.stream()
			.map(p -> view(p, skills.getOrDefault(p.id(), EnumSet.noneOf(Skill.class))))
			.sorted(Comparator.comparing((TechnicianView t) -> t.crewName() == null ? "\uffff" : t.crewName())
				.thenComparing(TechnicianView::employeeNo))
			.toList();
	}

	/** The technician with staff id {@code id}; empty when there is none or they are not a technician. */
	@Transactional(readOnly = true)
	public Optional<TechnicianView> technician(long id) {
		return staff.find(id)
			.filter(s -> s.active() && s.has(Role.TECHNICIAN))
			.map(s -> view(s, skills().getOrDefault(s.id(), EnumSet.noneOf(Skill.class))));
	}

	/** The crews: every staff team that holds at least one active technician, with its service area. */
	@Transactional(readOnly = true)
	public List<CrewView> crews() {
		List<TechnicianView> all = technicians();
		Map<Long, List<AreaView>> areas = areas();
		List<CrewView> crews = new ArrayList<>();
		for (TeamView team : staff.teams()) {
			List<TechnicianView> members = all.stream().filter(t -> Long.valueOf(team.id()).equals(t.crewId())).toList();
			if (!members.isEmpty()) {
				crews.add(new CrewView(team.id(), team.code(), team.name(), members, areas.getOrDefault(team.id(), List.of())));
			}
		}
		return crews;
	}

	@Transactional(readOnly = true)
	public Optional<CrewView> crew(long id) {
		return crews().stream().filter(c -> c.id() == id).findFirst();
	}

	/** Technicians in no team, who belong to no crew yet. */
	@Transactional(readOnly = true)
	public List<TechnicianView> withoutCrew() {
		return technicians().stream().filter(t -> t.crewId() == null).toList();
	}

	/** The certificates of {@code staffId}, the latest ending first. */
	@Transactional(readOnly = true)
	public List<CertificateView> certificates(long staffId) {
		return jdbc.sql("""
				select id, staff_id, kind, number, issuer, valid_from, valid_until, scan_type
				from dispatch_certificate where staff_id = ? order by valid_until desc, id desc""")
			.param(staffId)
			.query(Technicians::certificate)
			.list();
	}

	/** The certificates of every technician, by staff id. */
	@Transactional(readOnly = true)
	public Map<Long, List<CertificateView>> allCertificates() {
		Map<Long, List<CertificateView>> by = new HashMap<>();
		jdbc.sql("""
				select id, staff_id, kind, number, issuer, valid_from, valid_until, scan_type
				from dispatch_certificate order by valid_until desc, id desc""")
			.query(Technicians::certificate)
			.list()
			.forEach(c -> by.computeIfAbsent(c.staffId(), k -> new ArrayList<>()).add(c));
		return by;
	}

	/**
	 * Certificates of active technicians that have expired or end within the warning days at
	 * {@code at}, soonest first; a certificate already followed by a later one of the same kind (it
	 * was renewed) is not flagged.
	 */
	@Transactional(readOnly = true)
	public List<FlaggedCertificate> flaggedCertificates(Instant at) {
		LocalDate today = dateAt(at);
		Map<Long, TechnicianView> people = new HashMap<>();
		technicians().forEach(t -> people.put(t.id(), t));
		List<FlaggedCertificate> flagged = new ArrayList<>();
		for (var entry : allCertificates().entrySet()) {
			TechnicianView t = people.get(entry.getKey());
			if (t == null) {
				continue;
			}
			Set<CertificateKind> seen = EnumSet.noneOf(CertificateKind.class);
			// latest ending first: only the latest of each kind can be the one that matters
			for (CertificateView c : entry.getValue()) {
				if (!seen.add(c.kind())) {
					continue;
				}
				CertificateState state = c.stateOn(today, settings.certificateWarningDays());
				if (state == CertificateState.EXPIRING || state == CertificateState.EXPIRED) {
					flagged.add(new FlaggedCertificate(c, t, state, c.daysLeft(today)));
				}
			}
		}
		flagged.sort(Comparator.comparingLong(FlaggedCertificate::daysLeft));
		return flagged;
	}

	/** The scanned copy of certificate {@code id}. */
	@Transactional(readOnly = true)
	public Optional<Scan> scan(long certificateId) {
		return jdbc.sql("select scan_name, scan_type, scan from dispatch_certificate where id = ? and scan is not null")
			.param(certificateId)
			.query((rs, n) -> new Scan(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * Whether technician {@code technicianId} may take a job of {@code kind} at {@code at}: an active
	 * technician with the job's skill and, for special work, a certificate valid on that day.
	 * @throws HeatDeskException 404 {@code DISPATCH_TECHNICIAN_NOT_FOUND}; 409
	 * {@code DISPATCH_SKILL_MISSING}, {@code DISPATCH_CERTIFICATE_MISSING} or
	 * {@code DISPATCH_CERTIFICATE_EXPIRED}, naming the skill or certificate in the user's language
	 */
	@Transactional(readOnly = true)
	public void checkMayTake(long technicianId, JobKind kind, Instant at) {
		if (kind == null) {
			throw HeatDeskException.badInput("REQUIRED", "jobKind");
		}
		InputChecks.instant(at, "at");
		TechnicianView t = technician(technicianId)
			.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_TECHNICIAN_NOT_FOUND"));
		String refusal = refusal(t, kind, at, certificates(technicianId));
		if (refusal != null) {
			throw refusalOf(refusal, t, kind, at, certificates(technicianId));
		}
	}

	/** Every active technician with whether they may take a job of {@code kind} at {@code at} and their shift then. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(JobKind kind, Instant at) {
		Map<Long, Shift> duty = onDutyAt(at);
		Map<Long, List<CertificateView>> certificates = allCertificates();
		return technicians().stream().map(t -> {
			String refusal = refusal(t, kind, at, certificates.getOrDefault(t.id(), List.of()));
			return new Candidate(t, refusal == null, refusal, duty.get(t.id()));
		}).toList();
	}

	/**
	 * {@link #candidates(JobKind, Instant)} for several kinds at once, reading the technicians, their
	 * certificates and the roster once (the dispatch board ranks every kind it shows).
	 */
	@Transactional(readOnly = true)
	public Map<JobKind, List<Candidate>> candidates(java.util.Collection<JobKind> kinds, Instant at) {
		Map<JobKind, List<Candidate>> by = new java.util.EnumMap<>(JobKind.class);
		if (kinds.isEmpty()) {
			return by;
		}
		Map<Long, Shift> duty = onDutyAt(at);
		Map<Long, List<CertificateView>> certificates = allCertificates();
		List<TechnicianView> all = technicians();
		for (JobKind kind : kinds) {
			by.put(kind, all.stream().map(t -> {
				String refusal = refusal(t, kind, at, certificates.getOrDefault(t.id(), List.of()));
				return new Candidate(t, refusal == null, refusal, duty.get(t.id()));
			}).toList());
		}
		return by;
	}

	private String refusal(TechnicianView t, JobKind kind, Instant at, List<CertificateView> certificates) {
		if (kind.skill() != null && !t.skills().contains(kind.skill())) {
			return "DISPATCH_SKILL_MISSING";
		}
		if (kind.certificate() != null) {
			LocalDate day = dateAt(at);
			boolean valid = certificates.stream().anyMatch(c -> c.kind() == kind.certificate() && c.validOn(day));
			if (!valid) {
				return certificates.stream().anyMatch(c -> c.kind() == kind.certificate() && day.isAfter(c.validUntil()))
						? "DISPATCH_CERTIFICATE_EXPIRED" : "DISPATCH_CERTIFICATE_MISSING";
			}
		}
		return null;
	}

	private HeatDeskException refusalOf(String code, TechnicianView t, JobKind kind, Instant at,
			List<CertificateView> certificates) {
		var job = new DefaultMessageSourceResolvable("dispatch.job." + kind.name());
		return switch (code) {
			case "DISPATCH_SKILL_MISSING" -> HeatDeskException.conflict(code, t.displayName(), job,
					new DefaultMessageSourceResolvable("dispatch.skill." + kind.skill().name()));
			case "DISPATCH_CERTIFICATE_EXPIRED" -> {
				LocalDate day = dateAt(at);
				CertificateView last = certificates.stream()
					.filter(c -> c.kind() == kind.certificate() && day.isAfter(c.validUntil()))
					.findFirst()
					.orElseThrow();
				yield HeatDeskException.conflict(code, t.displayName(), job,
						new DefaultMessageSourceResolvable("dispatch.certificate." + kind.certificate().name()), last.number(),
						last.validUntil().toString());
			}
			default -> HeatDeskException.conflict(code, t.displayName(), job,
					new DefaultMessageSourceResolvable("dispatch.certificate." + kind.certificate().name()));
		};
	}

	/** Who is on duty at {@code at} (by the roster and the shift times), with their shift. */
	@Transactional(readOnly = true)
	public Map<Long, Shift> onDutyAt(Instant at) {
		DutyTimes.Slot slot = dutyTimes().slotAt(at);
		Map<Long, Shift> on = new HashMap<>();
		jdbc.sql("select staff_id from dispatch_shift where day = ? and shift = ?")
			.params(slot.day(), slot.shift().name())
			.query(Long.class)
			.list()
			.forEach(id -> on.put(id, slot.shift()));
		return on;
	}

	/** Who is on duty now, by the injected clock. */
	@Transactional(readOnly = true)
	public Map<Long, Shift> onDutyNow() {
		return onDutyAt(clock.instant());
	}

	/** The shifts of {@code staffIds} on the dates {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public Map<Long, Map<LocalDate, Set<Shift>>> roster(List<Long> staffIds, LocalDate from, LocalDate to) {
		Map<Long, Map<LocalDate, Set<Shift>>> roster = new HashMap<>();
		if (staffIds.isEmpty()) {
			return roster;
		}
		jdbc.sql("select staff_id, day, shift from dispatch_shift where staff_id in (:ids) and day between :from and :to")
			.param("ids", staffIds)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				roster.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.computeIfAbsent(rs.getObject(2, LocalDate.class), k -> EnumSet.noneOf(Shift.class))
					.add(Shift.valueOf(rs.getString(3)));
				return null;
			})
			.list();
		return roster;
	}

	/**
	 * Sets the skills of technician {@code staffId}.
	 * @throws HeatDeskException {@code DISPATCH_TECHNICIAN_NOT_FOUND} (404)
	 */
	@Transactional
	public void setSkills(Actor actor, long staffId, Set<Skill> skills) {
		TechnicianView t = technician(staffId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_TECHNICIAN_NOT_FOUND"));
		Set<Skill> after = skills == null || skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills);
		if (after.equals(t.skills())) {
			return;
		}
		jdbc.sql("delete from dispatch_skill where staff_id = ?").param(staffId).update();
		for (Skill s : after) {
			jdbc.sql("insert into dispatch_skill (staff_id, skill) values (?, ?)").params(staffId, s.name()).update();
		}
		audit.record(actor, "TECHNICIAN_SKILLS_CHANGED", "staff", staffId, Map.of("skills", new TreeSet<>(t.skills())),
				Map.of("skills", new TreeSet<>(after)));
	}

	/**
	 * Records a certificate of technician {@code staffId}, with its scanned copy when one is given.
	 * @throws HeatDeskException 400 for a missing kind, a malformed number or issuer, dates out of
	 * order or out of range, or a scan that is empty, over 10 MB or not an image or PDF; 404 for an
	 * unknown technician. Nothing is stored when refused.
	 */
	@Transactional
	public CertificateView addCertificate(Actor actor, long staffId, NewCertificate certificate, Scan scan) {
		technician(staffId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_TECHNICIAN_NOT_FOUND"));
		if (certificate == null || certificate.kind() == null) {
			throw HeatDeskException.badInput("REQUIRED", "kind");
		}
		String number = InputChecks.required(certificate.number(), "number", 50);
		if (!CERTIFICATE_NUMBER.matcher(number).matches()) {
			throw HeatDeskException.badInput("DISPATCH_CERTIFICATE_NUMBER_FORMAT", "number");
		}
		String issuer = InputChecks.required(certificate.issuer(), "issuer", 100);
		LocalDate from = date(certificate.validFrom(), "validFrom");
		LocalDate until = date(certificate.validUntil(), "validUntil");
		if (until.isBefore(from)) {
			throw HeatDeskException.badInput("DISPATCH_CERTIFICATE_DATES", "validUntil");
		}
		String type = null;
		String name = null;
		byte[] content = null;
		if (scan != null) {
			type = ScanCheck.contentType(scan.content());
			name = ScanCheck.fileName(scan.fileName(), type);
			content = scan.content();
		}
		long id = jdbc.sql("""
				insert into dispatch_certificate
				  (staff_id, kind, number, issuer, valid_from, valid_until, scan_type, scan_name, scan, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(staffId, certificate.kind().name(), number, issuer, from, until, type, name, content,
					java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("technician", staffId);
		after.put("kind", certificate.kind().name());
		after.put("number", number);
		after.put("issuer", issuer);
		after.put("validFrom", from.toString());
		after.put("validUntil", until.toString());
		after.put("scan", name == null ? "" : name);
		audit.record(actor, "CERTIFICATE_ADDED", "dispatch_certificate", id, null, after);
		return certificates(staffId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Sets the week starting {@code monday} of the technicians of crew {@code crewId}: each gets
	 * exactly the shifts listed for them (none when left out); other weeks stay as they are.
	 * @throws HeatDeskException 404 {@code DISPATCH_CREW_NOT_FOUND}; 400 {@code DISPATCH_ROSTER_WEEK}
	 * for a date that is not a Monday or lies more than a year away, {@code DISPATCH_ROSTER_OUTSIDE}
	 * for a shift outside the week or of someone not in the crew
	 */
	@Transactional
	void setWeek(Actor actor, long crewId, LocalDate monday, Map<Long, Set<DutyTimes.Slot>> shifts) {
		CrewView crew = crew(crewId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_CREW_NOT_FOUND"));
		LocalDate today = dateAt(clock.instant());
		if (monday == null || monday.getDayOfWeek() != java.time.DayOfWeek.MONDAY
				|| Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, monday)) > 366) {
			throw HeatDeskException.badInput("DISPATCH_ROSTER_WEEK", "week");
		}
		LocalDate sunday = monday.plusDays(6);
		List<Long> members = crew.technicians().stream().map(TechnicianView::id).toList();
		for (var e : shifts.entrySet()) {
			if (!members.contains(e.getKey())) {
				throw HeatDeskException.badInput("DISPATCH_ROSTER_OUTSIDE", "shift");
			}
			for (DutyTimes.Slot s : e.getValue()) {
				if (s.day().isBefore(monday) || s.day().isAfter(sunday)) {
					throw HeatDeskException.badInput("DISPATCH_ROSTER_OUTSIDE", "shift");
				}
			}
		}
		Map<Long, Map<LocalDate, Set<Shift>>> before = roster(members, monday, sunday);
		jdbc.sql("delete from dispatch_shift where staff_id in (:ids) and day between :from and :to")
			.param("ids", members)
			.param("from", monday)
			.param("to", sunday)
			.update();
		Map<String, List<String>> after = new java.util.TreeMap<>();
		for (var e : shifts.entrySet()) {
			for (DutyTimes.Slot s : e.getValue()) {
				jdbc.sql("insert into dispatch_shift (staff_id, day, shift) values (?, ?, ?)")
					.params(e.getKey(), s.day(), s.shift().name())
					.update();
				after.computeIfAbsent(String.valueOf(e.getKey()), k -> new ArrayList<>()).add(s.day() + " " + s.shift());
			}
		}
		Map<String, List<String>> was = new java.util.TreeMap<>();
		before.forEach((id, days) -> days.forEach((day, set) -> set.forEach(
				s -> was.computeIfAbsent(String.valueOf(id), k -> new ArrayList<>()).add(day + " " + s))));
		was.values().forEach(l -> l.sort(null));
		after.values().forEach(l -> l.sort(null));
		if (!was.equals(after)) {
			audit.record(actor, "ROSTER_WEEK_SET", "staff_team", crewId, Map.of("week", monday.toString(), "shifts", was),
					Map.of("week", monday.toString(), "shifts", after));
		}
	}

	/**
	 * Adds a whole substation ({@code substationId}) or one community ({@code communityId}) to the
	 * service area of crew {@code crewId}; exactly one of them is given.
	 * @throws HeatDeskException 400 {@code DISPATCH_AREA_PLACE} for neither, both or an unknown
	 * place, {@code DISPATCH_AREA_TAKEN} when the crew already serves it; 404 for an unknown crew
	 */
	@Transactional
	public AreaView addArea(Actor actor, long crewId, Long substationId, Long communityId) {
		crew(crewId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_CREW_NOT_FOUND"));
		if ((substationId == null) == (communityId == null)) {
			throw HeatDeskException.badInput("DISPATCH_AREA_PLACE", "place");
		}
		String label = substationId != null
				? network.substation(substationId).map(s -> s.code() + " " + s.name()).orElse(null)
				: network.community(communityId).map(CommunityView::name).orElse(null);
		if (label == null) {
			throw HeatDeskException.badInput("DISPATCH_AREA_PLACE", "place");
		}
		boolean taken = jdbc.sql("""
				select count(*) from dispatch_crew_area
				where team_id = ? and (substation_id = ? or community_id = ?)""")
			.params(crewId, substationId, communityId)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw HeatDeskException.badInput("DISPATCH_AREA_TAKEN", "place", label);
		}
		long id = jdbc.sql("insert into dispatch_crew_area (team_id, substation_id, community_id) values (?, ?, ?) returning id")
			.params(crewId, substationId, communityId)
			.query(Long.class)
			.single();
		audit.record(actor, "CREW_AREA_ADDED", "staff_team", crewId, null, Map.of("place", label));
		return new AreaView(id, crewId, substationId, communityId, label);
	}

	/** Removes place {@code areaId} from its crew's service area. */
	@Transactional
	public void removeArea(Actor actor, long areaId) {
		AreaView area = areas().values()
			.stream()
			.flatMap(List::stream)
			.filter(a -> a.id() == areaId)
			.findFirst()
			.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_AREA_NOT_FOUND"));
		jdbc.sql("delete from dispatch_crew_area where id = ?").param(areaId).update();
		audit.record(actor, "CREW_AREA_REMOVED", "staff_team", area.crewId(), Map.of("place", area.label()), null);
	}

	/** The crews serving substation {@code substationId}, whole or through one of its communities. */
	@Transactional(readOnly = true)
	public List<Long> crewsServing(long substationId, Long communityId) {
		return jdbc.sql("""
				select distinct team_id from dispatch_crew_area
				where substation_id = ? or (community_id is not null and community_id = ?) order by team_id""")
			.params(substationId, communityId)
			.query(Long.class)
			.list();
	}

	private Map<Long, List<AreaView>> areas() {
		Map<Long, String> stations = new HashMap<>();
		for (SubstationView s : network.substations()) {
			stations.put(s.id(), s.code() + " " + s.name());
		}
		Map<Long, List<AreaView>> by = new HashMap<>();
		jdbc.sql("select id, team_id, substation_id, community_id from dispatch_crew_area order by substation_id nulls last, id")
			.query((rs, n) -> {
				Long s = (Long) rs.getObject(3);
				Long c = (Long) rs.getObject(4);
				String label = s != null ? stations.getOrDefault(s, "#" + s)
						: network.community(c).map(v -> v.name() + "（" + v.substationCode() + "）").orElse("#" + c);
				return new AreaView(rs.getLong(1), rs.getLong(2), s, c, label);
			})
			.list()
			.forEach(a -> by.computeIfAbsent(a.crewId(), k -> new ArrayList<>()).add(a));
		return by;
	}

	private Map<Long, Set<Skill>> skills() {
		Map<Long, Set<Skill>> by = new HashMap<>();
		jdbc.sql("select staff_id, skill from dispatch_skill")
			.query((rs, n) -> by.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Skill.class))
				.add(Skill.valueOf(rs.getString(2))))
			.list();
		return by;
	}

	private static TechnicianView view(StaffView s, Set<Skill> skills) {
		return new TechnicianView(s.id(), s.username(), s.displayName(), s.employeeNo(), s.teamId(), s.teamName(), skills);
	}

	private static CertificateView certificate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CertificateView(rs.getLong(1), rs.getLong(2), CertificateKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8));
	}


	private static LocalDate date(LocalDate value, String field) {
		if (value == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		if (!InputChecks.sensibleYear(value.getYear())) {
			throw InputChecks.dateOutOfRange(field);
		}
		return value;
	}
}
