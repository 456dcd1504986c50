package org.heatdesk.portal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly service figures for everyone: a published month ({@code ?month=2026-10}), the latest
 * by default, or the current month so far ({@code ?month=current}, provisional). A month not
 * published is said so, never shown as zeros.
 */
@PageController
class PortalFiguresController {

	private final PortalFigures figures;

	PortalFiguresController(PortalFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/portal/figures")
	String figures(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
		List<YearMonth> months = figures.months();
		model.addAttribute("months", months.stream().limit(12).toList());
		PortalFigures.Month shown = null;
		if (month == null || month.isBlank()) {
			shown = months.isEmpty() ? figures.currentMonth() : figures.month(months.get(0)).orElse(null);
		}
		else if ("current".equals(month)) {
			shown = figures.currentMonth();
		}
		else {
			YearMonth m = parse(month);
			if (m == null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("failure", "portal.figures.badMonth");
			}
			else {
				shown = figures.month(m).orElse(null);
				if (shown == null) {
					response.setStatus(HttpServletResponse.SC_NOT_FOUND);
					model.addAttribute("failure", "portal.figures.notPublished");
					model.addAttribute("asked", m.toString());
				}
			}
		}
		model.addAttribute("shown", shown);
		model.addAttribute("noMonthYet", months.isEmpty());
		if (shown != null) {
			PortalCacheHeaders.shared(response, PortalCacheHeaders.PUBLISHED);
		}
		return "portal/figures";
	}

	private static YearMonth parse(String month) {
		if (month.length() > 7) {
			return null;
		}
		try {
			YearMonth m = YearMonth.parse(month);
			return m.getYear() < org.heatdesk.platform.InputChecks.MIN_YEAR || m.getYear() > org.heatdesk.platform.InputChecks.MAX_YEAR ? null : m;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
