package org.heatdesk.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.UploadedFiles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.FieldTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of field jobs: the dispatch desk sends a ticket to a technician ({@link #dispatch},
 * {@link #redispatch}); the technician takes his steps from his phone (accept or decline, on the
 * way, arrive, done or not done) and the ticket hears of each ({@code ticket}'s front door, in the
 * same transaction): setting off is the customer's 有回音, arriving its on-site mark (10.2), done its
 * 有结果. Each step is idempotent by the phone's own step id and keeps the time the phone recorded,
 * so a step taken offline and sent later says when it happened. Every change is audited and
 * published as {@link JobChanged}.
 */
@Service
public class Jobs {

	/** How far ahead of the server's clock a phone's time may lie. */
	static final Duration CLOCK_TOLERANCE = Tickets.CLOCK_TOLERANCE;

	/** A step's id as the phone makes it: a UUID or any short token without spaces. */
	private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

	/** The photos a job takes: images only. */
	static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif");

	/** The largest signature image: a PNG of a finger's line is a few dozen kilobytes. */
	static final int MAX_SIGNATURE = 1024 * 1024;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JobRepository repository;

	private final Technicians technicians;

	private final Tickets tickets;

	private final TicketQueries ticketQueries;

	private final Staff staff;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	Jobs(JobRepository repository, Technicians technicians, Tickets tickets, TicketQueries ticketQueries, Staff staff,
			AuditTrail audit, ApplicationEventPublisher events, MessageSource messages, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.repository = repository;
		this.technicians = technicians;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.staff = staff;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** What the technician records when the work is done. */
	public record Finish(String cause, String workDone, String partsUsed, byte[] signaturePng, String signedBy) {
	}

	// ------------------------------------------------------------------ the dispatch desk

	/**
	 * Sends the ticket to a technician: he must be allowed the job ({@link Technicians#checkMayTake}),
	 * the ticket may have no job in progress; the ticket is dispatched to him (or handed to him when
	 * it was dispatched already) in the same transaction.
	 * @throws HeatDeskException {@code DISPATCH_JOB_ACTIVE} (409), the refusals of
	 * {@link Technicians#checkMayTake}, {@code TICKET_NOT_FOUND} (404), and the ticket's own refusals
	 */
	@Transactional
	public JobView dispatch(Actor by, String ticketNo, long technicianId, JobKind kind, String note) {
		person(by);
		if (kind == null) {
			throw HeatDeskException.badInput("REQUIRED", "jobKind");
		}
		String n = InputChecks.optional(note, "note", 1000);
		FieldTicket ticket = ticketQueries.forField(ticketNo)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		repository.activeForTicket(ticket.ticketNo()).ifPresent(j -> {
			throw active(ticket.ticketNo());
		});
		technicians.checkMayTake(technicianId, kind, clock.instant());
		TechnicianView technician = technicians.technician(technicianId).orElseThrow();
		tickets.dispatchToField(by, ticket.ticketNo(), technicianId, n);
		long id = insert(by, ticket, kind, technician, n);
		audit.record(by, "JOB_DISPATCHED", "dispatch_job", id, null, Map.of("ticketNo", ticket.ticketNo(), "kind",
				kind.name(), "technician", technician.username()));
		return changed(id);
	}

	/**
	 * Sends the job's ticket to another technician (or the same one again, after a job not done) with
	 * a reason: a job in progress is withdrawn with the reason, a new job is dispatched, the ticket's
	 * holder changes (its timeline says why). Also after a job was declined or not done.
	 * @throws HeatDeskException {@code DISPATCH_REASON_REQUIRED} (400), {@code DISPATCH_JOB_NOT_FOUND} (404),
	 * {@code DISPATCH_JOB_ENDED} (409, a job done or withdrawn), {@code DISPATCH_JOB_ACTIVE} (409, the
	 * ticket has another job in progress), the refusals of {@link Technicians#checkMayTake}
	 */
	@Transactional
	public JobView redispatch(Actor by, long jobId, long technicianId, String reason) {
		person(by);
		String r = InputChecks.trim(reason);
		if (r == null) {
			throw HeatDeskException.badInput("DISPATCH_REASON_REQUIRED", "reason");
		}
		InputChecks.required(r, "reason", 1000);
		JobView old = repository.lock(jobId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		if (!old.active() && old.status() != JobStatus.DECLINED && old.status() != JobStatus.NOT_DONE) {
			throw HeatDeskException.conflict("DISPATCH_JOB_ENDED", status(old.status()));
		}
		if (!old.active()) {
			repository.activeForTicket(old.ticketNo()).ifPresent(j -> {
				throw active(old.ticketNo());
			});
		}
		Instant now = clock.instant();
		technicians.checkMayTake(technicianId, old.kind(), now);
		TechnicianView technician = technicians.technician(technicianId).orElseThrow();
		if (old.active()) {
			repository.step(old.id(), JobStatus.WITHDRAWN, "finished_at", now, r, null);
			audit.record(by, "JOB_WITHDRAWN", "dispatch_job", old.id(), Map.of("status", old.status().name()),
					Map.of("status", JobStatus.WITHDRAWN.name(), "reason", r));
			events.publishEvent(new JobChanged(old.id(), old.ticketNo(), old.technicianId(), JobStatus.WITHDRAWN));
		}
		tickets.dispatchToField(by, old.ticketNo(), technicianId, r);
		FieldTicket ticket = ticketQueries.forField(old.ticketNo()).orElseThrow();
		long id = insert(by, ticket, old.kind(), technician, old.note());
		audit.record(by, "JOB_DISPATCHED", "dispatch_job", id, null, Map.of("ticketNo", ticket.ticketNo(), "kind",
				old.kind().name(), "technician", technician.username(), "instead", old.id(), "reason", r));
		return changed(id);
	}

	private long insert(Actor by, FieldTicket ticket, JobKind kind, TechnicianView technician, String note) {
		try {
			// after the ticket's dispatch, so that no step of the job can be timed before the ticket's instruction
			return repository.insert(ticket.ticketNo(), kind, technician.id(), technician.crewId(), ticket.substationId(),
					ticket.communityId(), ticket.address(), ticket.onSiteDue(), clock.instant().truncatedTo(ChronoUnit.MICROS),
					by.name(), note);
		}
		catch (DuplicateKeyException e) {
			throw active(ticket.ticketNo());
		}
	}

	private static HeatDeskException active(String ticketNo) {
		return HeatDeskException.conflict("DISPATCH_JOB_ACTIVE", ticketNo);
	}

	// ------------------------------------------------------------------ reading

	@Transactional(readOnly = true)
	public Optional<JobView> job(long id) {
		return repository.find(id);
	}

	/** The technician's jobs in progress, the nearest on-site deadline first. */
	@Transactional(readOnly = true)
	public List<JobView> activeFor(long technicianId) {
		return repository.activeFor(technicianId);
	}

	/** Every job of the ticket, first first. */
	@Transactional(readOnly = true)
	public List<JobView> forTicket(String ticketNo) {
		return repository.forTicket(ticketNo == null ? "" : ticketNo.strip().toUpperCase(Locale.ROOT));
	}

	/** How many jobs each technician has in progress (technicians with none are not in it). */
	@Transactional(readOnly = true)
	public Map<Long, Integer> activeCountByTechnician() {
		return repository.activeCountByTechnician();
	}

	/** The job for its technician: 404 when there is none, 403 when it is someone else's. */
	@Transactional(readOnly = true)
	public JobView jobOf(Actor by, long jobId) {
		StaffView me = person(by);
		JobView job = repository.find(jobId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		checkOwner(job, me);
		return job;
	}

	/** The jobs in progress of the technician acting. */
	@Transactional(readOnly = true)
	public List<JobView> mine(Actor by) {
		return repository.activeFor(person(by).id());
	}

	/** The customer's signature (PNG) for a job done. */
	@Transactional(readOnly = true)
	public Optional<byte[]> signature(long jobId) {
		return repository.signature(jobId);
	}

	@Transactional(readOnly = true)
	public List<JobPhoto> photos(long jobId) {
		return repository.photos(jobId);
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> photoContent(long jobId, long photoId) {
		return repository.photoContent(jobId, photoId);
	}

	// ------------------------------------------------------------------ the technician's steps

	/** Accepts the job. */
	@Transactional
	public JobView accept(Actor by, long jobId, String stepId, Instant occurredAt) {
		return step(by, jobId, stepId, occurredAt, StepKind.ACCEPT, null, null, null);
	}

	/** Declines the job with a reason; the dispatch desk sends it to someone else. */
	@Transactional
	public JobView decline(Actor by, long jobId, String stepId, Instant occurredAt, String reason) {
		return step(by, jobId, stepId, occurredAt, StepKind.DECLINE, reason, null, null);
	}

	/** Sets off: the customer is told, the ticket's 有回音 (RESPONDED) when it was not reached yet. */
	@Transactional
	public JobView onTheWay(Actor by, long jobId, String stepId, Instant occurredAt) {
		return step(by, jobId, stepId, occurredAt, StepKind.ON_THE_WAY, null, null, null);
	}

	/** Arrives: the ticket's on-site mark (10.2) at {@code occurredAt}, the first arrival of the round. */
	@Transactional
	public JobView arrive(Actor by, long jobId, String stepId, Instant occurredAt) {
		return step(by, jobId, stepId, occurredAt, StepKind.ARRIVE, null, null, null);
	}

	/**
	 * The work is done, with its cause, what was done, the parts and the customer's signature
	 * (required, a PNG); the ticket is resolved with a result made of the cause and the work.
	 */
	@Transactional
	public JobView done(Actor by, long jobId, String stepId, Instant occurredAt, Finish finish) {
		return step(by, jobId, stepId, occurredAt, StepKind.DONE, null, null, finish);
	}

	/** Not done: the reason and the next visit; the ticket stays open and held by the technician. */
	@Transactional
	public JobView notDone(Actor by, long jobId, String stepId, Instant occurredAt, String reason, Instant nextVisitAt) {
		return step(by, jobId, stepId, occurredAt, StepKind.NOT_DONE, reason, nextVisitAt, null);
	}

	/**
	 * One step: only the job's technician; the same step id again returns the job as it is and
	 * records nothing; the time is the phone's, refused more than {@link #CLOCK_TOLERANCE} ahead of the
	 * server's clock or before the job's previous step; the step must fit the job's state.
	 */
	private JobView step(Actor by, long jobId, String stepId, Instant occurredAt, StepKind kind, String reason,
			Instant nextVisitAt, Finish finish) {
		StaffView me = person(by);
		String sid = stepId(stepId);
		JobView job = repository.lock(jobId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		checkOwner(job, me);
		if (repository.hasStep(jobId, sid)) {
			return job;
		}
		Instant now = clock.instant();
		Instant at = time(occurredAt, now, "occurredAt");
		// what was sent is judged before the job's state, so that a wrong field is named whatever the state
		String why = kind == StepKind.DECLINE || kind == StepKind.NOT_DONE ? reason(reason) : null;
		Finish f = kind == StepKind.DONE ? finish(finish) : null;
		if (kind == StepKind.NOT_DONE) {
			if (nextVisitAt == null) {
				throw HeatDeskException.badInput("DISPATCH_NEXT_VISIT_REQUIRED", "nextVisitAt");
			}
			InputChecks.instant(nextVisitAt, "nextVisitAt");
			if (!nextVisitAt.isAfter(at)) {
				throw HeatDeskException.badInput("DISPATCH_NEXT_VISIT_BEFORE", "nextVisitAt");
			}
		}
		if (!kind.allowedFrom(job.status())) {
			throw HeatDeskException.conflict("DISPATCH_STEP_NOT_ALLOWED", step(kind), status(job.status()));
		}
		// a room-temperature job's result is its test: it is not done until the test is recorded
		if (kind == StepKind.DONE && job.kind() == JobKind.TEMPERATURE_TEST && !repository.hasTemperatureTest(jobId)) {
			throw HeatDeskException.conflict("DISPATCH_TEST_REQUIRED");
		}
		Instant previous = previous(job);
		if (at.isBefore(previous)) {
			// the dispatch was timed by the server's clock, the steps by the phone's: a phone a little
			// behind is read as having stepped at the dispatch; its own steps it must keep in order
			if (!previous.equals(job.dispatchedAt()) || at.isBefore(previous.minus(CLOCK_TOLERANCE))) {
				throw HeatDeskException.badInput("DISPATCH_STEP_BEFORE_PREVIOUS", "occurredAt");
			}
			at = previous;
		}
		String detail = null;
		switch (kind) {
			case ACCEPT -> {
				repository.step(jobId, JobStatus.ACCEPTED, "accepted_at", at, null, null);
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), null, at, true);
			}
			case DECLINE -> {
				detail = why;
				repository.step(jobId, JobStatus.DECLINED, "finished_at", at, detail, null);
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), detail, at, true);
			}
			case ON_THE_WAY -> {
				repository.step(jobId, JobStatus.ON_THE_WAY, "on_the_way_at", at, null, null);
				boolean responded = respond(by, job, at);
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), null, at, !responded);
			}
			case ARRIVE -> {
				repository.step(jobId, JobStatus.ON_SITE, "arrived_at", at, null, null);
				boolean reached = respond(by, job, at);
				FieldTicket t = ticket(job);
				if (t.status() == TicketStatus.RESPONDED && t.onSiteAt() == null) {
					tickets.arrive(by, job.ticketNo(), at);
					reached = true;
				}
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), null, at, !reached);
			}
			case DONE -> {
				String result = messages.getMessage("dispatch.job.result", new Object[] { f.cause(), f.workDone(),
						f.partsUsed() == null ? "—" : f.partsUsed() }, LocaleContextHolder.getLocale());
				detail = result;
				repository.finish(jobId, at, f.cause(), f.workDone(), f.partsUsed(), f.signaturePng(), f.signedBy());
				boolean reached = respond(by, job, at);
				if (ticket(job).status() == TicketStatus.RESPONDED) {
					tickets.resolveAt(by, job.ticketNo(), at, result);
					reached = true;
				}
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), result, at, !reached);
			}
			case NOT_DONE -> {
				String r = why;
				detail = messages.getMessage("dispatch.job.notDone", new Object[] { r,
						MINUTE.format(nextVisitAt.atZone(zone)) }, LocaleContextHolder.getLocale());
				repository.step(jobId, JobStatus.NOT_DONE, "finished_at", at, r, nextVisitAt);
				tickets.fieldStep(by, job.ticketNo(), kind.timeline(), detail, at, true);
			}
		}
		try {
			repository.insertStep(jobId, sid, kind, at, now, by.name(), detail);
		}
		catch (DuplicateKeyException e) {
			// the row lock makes this unreachable; were it reached, the whole step rolls back
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
		audit.record(by, switch (kind) {
			case ACCEPT -> "JOB_ACCEPTED";
			case DECLINE -> "JOB_DECLINED";
			case ON_THE_WAY -> "JOB_ON_THE_WAY";
			case ARRIVE -> "JOB_ARRIVED";
			case DONE -> "JOB_DONE";
			case NOT_DONE -> "JOB_NOT_DONE";
		}, "dispatch_job", jobId, Map.of("status", job.status().name()), stepAudit(kind, sid, at, detail));
		return changed(jobId);
	}

	private static Map<String, Object> stepAudit(StepKind kind, String stepId, Instant at, String detail) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("status", kind.to().name());
		m.put("stepId", stepId);
		m.put("occurredAt", at.toString());
		if (detail != null) {
			m.put("detail", detail);
		}
		return m;
	}

	/** The customer hears back when the technician sets off: the ticket's 有回音 if it is still owed. */
	private boolean respond(Actor by, JobView job, Instant at) {
		if (ticket(job).status() == TicketStatus.DISPATCHED) {
			tickets.respondAt(by, job.ticketNo(), at, null);
			return true;
		}
		return false;
	}

	private FieldTicket ticket(JobView job) {
		return ticketQueries.forField(job.ticketNo()).orElseThrow();
	}

	/** The time of the job's latest step so far (its dispatch at first). */
	private static Instant previous(JobView job) {
		Instant p = job.dispatchedAt();
		for (Instant t : new Instant[] { job.acceptedAt(), job.onTheWayAt(), job.arrivedAt() }) {
			if (t != null && t.isAfter(p)) {
				p = t;
			}
		}
		return p;
	}

	/**
	 * Adds a photo taken on site (images only, at most 10 MB, judged by the bytes), idempotent by
	 * {@code stepId} like a step; only while the job is in progress, only by its technician.
	 */
	@Transactional
	public JobPhoto addPhoto(Actor by, long jobId, String stepId, String fileName, String contentType, byte[] content,
			Instant takenAt) {
		StaffView me = person(by);
		String sid = stepId(stepId);
		JobView job = repository.lock(jobId).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		checkOwner(job, me);
		Optional<JobPhoto> sent = repository.photoByStep(jobId, sid);
		if (sent.isPresent()) {
			return sent.get();
		}
		if (!job.active()) {
			throw HeatDeskException.conflict("DISPATCH_JOB_ENDED", status(job.status()));
		}
		String type = UploadedFiles.contentType(content, IMAGES, "DISPATCH_PHOTO", "file");
		Instant now = clock.instant();
		Instant taken = takenAt == null ? now : time(takenAt, now, "takenAt");
		String name = UploadedFiles.fileName(fileName, type, "photo-" + jobId);
		long id = repository.insertPhoto(jobId, sid, name, type, content, taken, now);
		audit.record(by, "JOB_PHOTO_ADDED", "dispatch_job", jobId, null, Map.of("photo", id, "fileName", name, "size",
				content.length, "type", type));
		events.publishEvent(new JobChanged(jobId, job.ticketNo(), job.technicianId(), job.status()));
		return repository.photoByStep(jobId, sid).orElseThrow();
	}

	// ------------------------------------------------------------------ checks

	private StaffView person(Actor by) {
		if (by == null || by.system()) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return staff.findByUsername(by.name()).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}

	private void checkOwner(JobView job, StaffView me) {
		if (job.technicianId() != me.id()) {
			audit.recordSecurityEvent(me.username(), "JOB_ACCESS_REFUSED", "dispatch_job", String.valueOf(job.id()),
					Map.of("technician", job.technicianId()));
			throw HeatDeskException.forbidden("DISPATCH_JOB_NOT_YOURS");
		}
	}

	private static String stepId(String stepId) {
		String s = InputChecks.trim(stepId);
		if (s == null) {
			throw HeatDeskException.badInput("REQUIRED", "stepId");
		}
		if (!STEP_ID.matcher(s).matches()) {
			throw HeatDeskException.badInput("DISPATCH_STEP_ID_FORMAT", "stepId");
		}
		return s;
	}

	private static Instant time(Instant at, Instant now, String field) {
		if (at == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		InputChecks.instant(at, field);
		if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw HeatDeskException.badInput("DISPATCH_STEP_IN_FUTURE", field);
		}
		// as PostgreSQL keeps it, so that a step is compared with the one before as both are stored
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	private static String reason(String reason) {
		String r = InputChecks.trim(reason);
		if (r == null) {
			throw HeatDeskException.badInput("DISPATCH_REASON_REQUIRED", "reason");
		}
		return InputChecks.required(r, "reason", 1000);
	}

	private static Finish finish(Finish f) {
		if (f == null) {
			throw HeatDeskException.badInput("DISPATCH_CAUSE_REQUIRED", "cause");
		}
		String cause = InputChecks.trim(f.cause());
		if (cause == null) {
			throw HeatDeskException.badInput("DISPATCH_CAUSE_REQUIRED", "cause");
		}
		InputChecks.required(cause, "cause", 500);
		String work = InputChecks.trim(f.workDone());
		if (work == null) {
			throw HeatDeskException.badInput("DISPATCH_WORK_DONE_REQUIRED", "workDone");
		}
		InputChecks.required(work, "workDone", 2000);
		String parts = InputChecks.optional(f.partsUsed(), "partsUsed", 1000);
		String signedBy = InputChecks.optional(f.signedBy(), "signedBy", 60);
		byte[] png = f.signaturePng();
		if (png == null || png.length == 0) {
			throw HeatDeskException.badInput("DISPATCH_SIGNATURE_REQUIRED", "signature");
		}
		if (png.length > MAX_SIGNATURE || !"image/png".equals(UploadedFiles.sniff(png))) {
			throw HeatDeskException.badInput("DISPATCH_SIGNATURE_FORMAT", "signature");
		}
		return new Finish(cause, work, parts, png, signedBy);
	}

	/** A signature sent as a data URL ({@code data:image/png;base64,…}), as a canvas gives it. */
	static byte[] signatureFromDataUrl(String dataUrl) {
		if (dataUrl == null || dataUrl.isBlank()) {
			return null;
		}
		String prefix = "data:image/png;base64,";
		if (!dataUrl.startsWith(prefix) || dataUrl.length() > prefix.length() + MAX_SIGNATURE * 4 / 3 + 4) {
			throw HeatDeskException.badInput("DISPATCH_SIGNATURE_FORMAT", "signature");
		}
		try {
			return Base64.getDecoder().decode(dataUrl.substring(prefix.length()));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("DISPATCH_SIGNATURE_FORMAT", "signature");
		}
	}

	private static DefaultMessageSourceResolvable step(StepKind kind) {
		return new DefaultMessageSourceResolvable(new String[] { "dispatch.step." + kind.name() }, kind.name());
	}

	private static DefaultMessageSourceResolvable status(JobStatus status) {
		return new DefaultMessageSourceResolvable(new String[] { "dispatch.jobStatus." + status.name() }, status.name());
	}

	private JobView changed(long id) {
		JobView view = repository.find(id).orElseThrow();
		events.publishEvent(new JobChanged(view.id(), view.ticketNo(), view.technicianId(), view.status()));
		return view;
	}
}
