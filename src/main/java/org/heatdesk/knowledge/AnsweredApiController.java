package org.heatdesk.knowledge;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/knowledge/articles/{id}/answered} {@code {"ticketNo"?, "contactId"?}}: the
 * agent says this article answered the caller (the desk's and the intake page's knowledge panel).
 * Refusals are the API's JSON on both paths.
 */
@RestController
@PreAuthorize(Roles.DESK_AND_MANAGER)
class AnsweredApiController {

	private final AnsweredMarks marks;

	AnsweredApiController(AnsweredMarks marks) {
		this.marks = marks;
	}

	/**
	 * The API path takes staff credentials or a key; the page path is the same call for the desk's and
	 * the intake page's script, with the signed-in session and its CSRF token (the API is stateless).
	 */
	@PostMapping({ "/api/v1/knowledge/articles/{id}/answered", "/knowledge/articles/{id}/answered" })
	AnsweredMarks.Marked answered(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HeatDeskException.badInput("MALFORMED_BODY", null);
		}
		String ticketNo = null;
		JsonNode t = body.get("ticketNo");
		if (t != null && !t.isNull()) {
			if (!t.isString()) {
				throw HeatDeskException.badInput("ANSWERED_TICKET_NO", "ticketNo");
			}
			ticketNo = InputChecks.text(t.asString(), "ticketNo");
			if (ticketNo.isBlank()) {
				throw HeatDeskException.badInput("ANSWERED_TICKET_NO", "ticketNo");
			}
			ticketNo = ticketNo.strip();
		}
		Long contactId = null;
		JsonNode c = body.get("contactId");
		if (c != null && !c.isNull()) {
			if (!c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() <= 0) {
				throw HeatDeskException.badInput("ANSWERED_CONTACT_ID", "contactId");
			}
			contactId = c.asLong();
		}
		return marks.mark(id, ticketNo, contactId, Actor.current());
	}
}
