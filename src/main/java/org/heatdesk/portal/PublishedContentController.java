package org.heatdesk.portal;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The service guide, for everyone: what the company publishes under article 5(一), each topic as
 * its approved version reads. A topic not published yet is listed as such, never left out.
 */
@PageController
class PublishedContentController {

	private final PublishedContent content;

	PublishedContentController(PublishedContent content) {
		this.content = content;
	}

	@GetMapping("/portal/info")
	String guide(Model model, HttpServletResponse response) {
		Map<PublishedTopic, PublishedContent.Shown> published = content.published();
		model.addAttribute("topics", Arrays.asList(PublishedTopic.values()));
		model.addAttribute("published", published);
		PortalCacheHeaders.shared(response, PortalCacheHeaders.PUBLISHED);
		return "portal/info";
	}

	@GetMapping("/portal/info/{slug}")
	String topic(@PathVariable String slug, Model model, HttpServletResponse response) {
		PublishedContent.Shown shown = PublishedTopic.bySlug(slug).flatMap(content::published).orElse(null);
		if (shown == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
		model.addAttribute("shown", shown);
		model.addAttribute("topicSlug", shown.topic().slug());
		PortalCacheHeaders.shared(response, PortalCacheHeaders.PUBLISHED);
		return "portal/topic";
	}
}
