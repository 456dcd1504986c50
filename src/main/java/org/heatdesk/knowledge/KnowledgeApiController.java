package org.heatdesk.knowledge;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;

import tools.jackson.databind.JsonNode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge search as JSON: for the desk's and the intake form's JavaScript and for integrations. */
@RestController
@PreAuthorize(Roles.OPERATIONS)
class KnowledgeApiController {

	static final int DEFAULT_LIMIT = 8;

	private final KnowledgeSearch search;

	KnowledgeApiController(KnowledgeSearch search) {
		this.search = search;
	}

	/**
	 * Hits for {@code q}, best first: a blank {@code q} finds nothing, a long one is cut at 200
	 * characters.
	 * @param limit 1–50, default 8
	 */
	@GetMapping("/api/v1/knowledge/search")
	List<ArticleHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String limit) {
		return search.search(q, limit(limit));
	}

	/** A search sent as JSON: {@code limit} a number (or its text). */
	record SearchBody(String q, JsonNode limit) {
	}

	/**
	 * The same search with the query in a JSON body, for text longer than a URL carries (a ticket's
	 * description: a GET's request line ends at the server's 8 KB).
	 */
	@PostMapping(path = "/api/v1/knowledge/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<ArticleHit> searchPosted(@RequestBody(required = false) SearchBody body) {
		if (body == null) {
			return List.of();
		}
		JsonNode l = body.limit();
		String limit = l == null || l.isNull() ? null : l.isValueNode() ? l.asString() : l.toString();
		return search.search(body.q(), limit(limit));
	}

	/** {@code limit} as a number in 1–50, default {@link #DEFAULT_LIMIT}. */
	static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int n = Integer.parseInt(limit.strip());
			if (n >= 1 && n <= KnowledgeSearch.MAX_LIMIT) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw HeatDeskException.badInput("KNOWLEDGE_LIMIT", "limit", KnowledgeSearch.MAX_LIMIT);
	}
}
