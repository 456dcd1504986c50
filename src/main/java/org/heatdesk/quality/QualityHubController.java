package org.heatdesk.quality;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The quality hub {@code /quality}: what waits for the reader (checks to score, results to
 * acknowledge, disputes to decide, rectifications due) and the links to every part of the module.
 * The people's part (appraisal, commendations, sanctions, training) adds its links in the marked
 * block of the template.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class QualityHubController {

	private final QualityHubCounts counts;

	QualityHubController(QualityHubCounts counts) {
		this.counts = counts;
	}

	@Configuration
	static class Navigation {

		@Bean
		NavItem qualityNav() {
			return new NavItem("nav.quality", "nav.quality.description", "/quality", Roles.OPERATIONS_AND_AUDIT, 640,
					null);
		}
	}

	@GetMapping("/quality")
	String hub(Model model) {
		model.addAttribute("counts", counts.forCurrentUser());
		return "quality/hub";
	}
}
