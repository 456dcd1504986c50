package org.heatdesk.knowledge;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
