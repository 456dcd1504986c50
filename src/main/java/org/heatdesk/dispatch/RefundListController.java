package org.heatdesk.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The season's refunds for billing ({@code /dispatch/refunds}) and their CSV ({@code /dispatch/refunds.csv}). */
@PageController
@PreAuthorize(Roles.DISPATCH_AND_MANAGER)
class RefundListController {

	private final RefundList refunds;

	RefundListController(RefundList refunds) {
		this.refunds = refunds;
	}

	@GetMapping("/dispatch/refunds")
	String page(@RequestParam(required = false) String season, Model model) {
		int year = year(season);
		model.addAttribute("season", refunds.season(year));
		int current = refunds.currentSeason();
		List<Integer> seasons = new ArrayList<>();
		for (int y = current; y > current - 5; y--) {
			seasons.add(y);
		}
		model.addAttribute("seasons", seasons);
		model.addAttribute("zone", refunds.zone().getId());
		return "dispatch/refunds";
	}

	@GetMapping("/dispatch/refunds.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String season) {
		int year = year(season);
		byte[] body = refunds.export(Actor.current(), year, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("refunds-" + year + "-" + (year + 1) + ".csv").build().toString())
			.body(body);
	}

	private int year(String season) {
		if (season == null || season.isBlank()) {
			return refunds.currentSeason();
		}
		try {
			int y = Integer.parseInt(season.strip());
			if (y < 2000 || y > 2999) {
				throw HeatDeskException.badInput("DISPATCH_SEASON_FORMAT", "season");
			}
			return y;
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("DISPATCH_SEASON_FORMAT", "season");
		}
	}
}
