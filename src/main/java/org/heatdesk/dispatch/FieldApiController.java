package org.heatdesk.dispatch;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;
import org.heatdesk.platform.UploadedFiles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/field}: the technician's jobs and steps, for his phone (its pages call it with
 * their session and CSRF token) or any client with his credentials. Only his own jobs. Refusals are
 * the API's {@code {"code","message","field"}} in his language; a refused step writes nothing.
 */
@RestController
@RequestMapping("/api/v1/field")
@PreAuthorize(Roles.FIELD)
class FieldApiController {

	private final Jobs jobs;

	FieldApiController(Jobs jobs) {
		this.jobs = jobs;
	}

	/**
	 * A step as the phone sends it; each kind reads the fields it needs.
	 * @param stepId the phone's own id of the step (a UUID): sent again, it is recorded once
	 * @param occurredAt when it happened, by the phone's clock (ISO-8601)
	 * @param signature the customer's signature as a data URL ({@code data:image/png;base64,…}), for DONE
	 */
	record Step(String stepId, StepKind kind, Instant occurredAt, String reason, Instant nextVisitAt, String cause,
			String workDone, String partsUsed, String signature, String signedBy) {
	}

	/** A job with the photos taken for it. */
	record JobDetails(JobView job, List<JobPhoto> photos) {
	}

	@GetMapping("/jobs")
	List<JobView> mine() {
		return jobs.mine(Actor.current());
	}

	@GetMapping("/jobs/{id}")
	JobDetails job(@PathVariable long id) {
		JobView job = jobs.jobOf(Actor.current(), id);
		return new JobDetails(job, jobs.photos(id));
	}

	@PostMapping("/jobs/{id}/steps")
	JobView step(@PathVariable long id, @RequestBody(required = false) Step body) {
		if (body == null) {
			throw HeatDeskException.badInput("REQUIRED", "stepId");
		}
		if (body.kind() == null) {
			throw HeatDeskException.badInput("DISPATCH_STEP_KIND", "kind");
		}
		Actor me = Actor.current();
		return switch (body.kind()) {
			case ACCEPT -> jobs.accept(me, id, body.stepId(), body.occurredAt());
			case DECLINE -> jobs.decline(me, id, body.stepId(), body.occurredAt(), body.reason());
			case ON_THE_WAY -> jobs.onTheWay(me, id, body.stepId(), body.occurredAt());
			case ARRIVE -> jobs.arrive(me, id, body.stepId(), body.occurredAt());
			case DONE -> jobs.done(me, id, body.stepId(), body.occurredAt(), new Jobs.Finish(body.cause(), body.workDone(),
					body.partsUsed(), Jobs.signatureFromDataUrl(body.signature()), body.signedBy()));
			case NOT_DONE -> jobs.notDone(me, id, body.stepId(), body.occurredAt(), body.reason(), body.nextVisitAt());
		};
	}

	@PostMapping(path = "/jobs/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<JobPhoto> photo(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String stepId, @RequestParam(required = false) Instant takenAt) {
		if (file == null) {
			throw HeatDeskException.badInput("DISPATCH_PHOTO_EMPTY", "file");
		}
		if (file.getSize() > UploadedFiles.MAX_BYTES) {
			throw HeatDeskException.badInput("DISPATCH_PHOTO_TOO_LARGE", "file", UploadedFiles.MAX_LABEL);
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException e) {
			throw HeatDeskException.badInput("DISPATCH_PHOTO_EMPTY", "file");
		}
		JobPhoto photo = jobs.addPhoto(Actor.current(), id, stepId, file.getOriginalFilename(), file.getContentType(),
				content, takenAt);
		return ResponseEntity.created(URI.create("/api/v1/field/jobs/" + id + "/photos/" + photo.id())).body(photo);
	}

	@GetMapping("/jobs/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photoContent(@PathVariable long id, @PathVariable long photoId) {
		jobs.jobOf(Actor.current(), id);
		JobPhoto photo = jobs.photos(id).stream().filter(p -> p.id() == photoId).findFirst()
			.orElseThrow(() -> HeatDeskException.notFound("DISPATCH_PHOTO_NOT_FOUND"));
		byte[] bytes = jobs.photoContent(id, photoId).orElseThrow();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@GetMapping("/jobs/{id}/signature")
	ResponseEntity<byte[]> signature(@PathVariable long id) {
		jobs.jobOf(Actor.current(), id);
		byte[] png = jobs.signature(id).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_SIGNATURE_NOT_FOUND"));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}
}
