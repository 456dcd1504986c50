package org.heatdesk.notification;

import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer message templates through the API: what is in use, every version, drafts, their
 * approval by another manager, and a preview with a real ticket. Refusals are the API's
 * {@code {"code","message","field"}}.
 */
@RestController
@RequestMapping("/api/v1/notification-templates")
@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
class TemplateApiController {

	private final TemplateMaintenance templates;

	TemplateApiController(TemplateMaintenance templates) {
		this.templates = templates;
	}

	/** A kind: the placeholders its templates may use and the version in use. */
	record KindAnswer(MessageKind kind, List<String> placeholders, TemplateVersion approved, long drafts) {
	}

	record DraftRequest(String body) {
	}

	record DecisionRequest(String note) {
	}

	record PreviewRequest(String body, String ticketNo) {
	}

	@GetMapping
	List<KindAnswer> kinds() {
		List<TemplateVersion> all = templates.all();
		return java.util.Arrays.stream(MessageKind.values())
			.map(k -> new KindAnswer(k, TemplateMaintenance.placeholders(k),
					all.stream().filter(v -> v.kind() == k && "APPROVED".equals(v.status())).findFirst().orElse(null),
					all.stream().filter(v -> v.kind() == k && "DRAFT".equals(v.status())).count()))
			.toList();
	}

	/** Every version of the kind, newest first. */
	@GetMapping("/{kind}")
	List<TemplateVersion> history(@PathVariable String kind) {
		return templates.history(TemplateMaintenance.kind(kind));
	}

	@PostMapping("/{kind}/drafts")
	@PreAuthorize(Roles.SUPERVISORS)
	@ResponseStatus(HttpStatus.CREATED)
	TemplateVersion draft(@PathVariable String kind, @RequestBody DraftRequest request) {
		return templates.draft(Actor.current(), TemplateMaintenance.kind(kind), request == null ? null : request.body());
	}

	@PostMapping("/versions/{id}/approve")
	@PreAuthorize(Roles.MANAGER)
	TemplateVersion approve(@PathVariable long id) {
		return templates.approve(Actor.current(), id);
	}

	@PostMapping("/versions/{id}/reject")
	@PreAuthorize(Roles.MANAGER)
	TemplateVersion reject(@PathVariable long id, @RequestBody DecisionRequest request) {
		return templates.reject(Actor.current(), id, request == null ? null : request.note());
	}

	/** The text with the ticket's values (a draft not yet saved, or the version in use when no body is given). */
	@PostMapping("/{kind}/preview")
	TemplatePreview preview(@PathVariable String kind, @RequestBody PreviewRequest request) {
		MessageKind k = TemplateMaintenance.kind(kind);
		String body = request == null ? null : request.body();
		if (body == null || body.isBlank()) {
			body = templates.history(k).stream().filter(v -> "APPROVED".equals(v.status())).map(TemplateVersion::body).findFirst()
				.orElse(null);
		}
		return templates.preview(Actor.current(), k, body, request == null ? null : request.ticketNo());
	}
}
