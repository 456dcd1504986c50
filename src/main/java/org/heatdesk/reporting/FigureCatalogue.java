package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.heatdesk.reporting.FigureUnit.AVERAGE;
import static org.heatdesk.reporting.FigureUnit.BOOLEAN;
import static org.heatdesk.reporting.FigureUnit.COUNT;
import static org.heatdesk.reporting.FigureUnit.MEDIAN_MINUTES;
import static org.heatdesk.reporting.FigureUnit.MINUTES;
import static org.heatdesk.reporting.FigureUnit.PERCENT;

/**
 * Every figure of the standard the compliance report lists, in the report's order, with its
 * article: the report shows a code no bean computes as "not measured yet" with its article, so a
 * rule whose module is not built yet is never hidden nor shown as zero. A bean's own definition
 * replaces the entry here (its scopes, unit and target are the truth); a bean whose code is not
 * here is listed after these.
 */
final class FigureCatalogue {

	private static final Set<ScopeKind> COMPANY = Set.of(ScopeKind.COMPANY);

	static final List<FigureDefinition> ALL = List.of(
			// 7(三), 7(五), 10.2, 6.5, 6.6, 7(六): the desk and the tickets
			d("calls.answered-in-limit", "7(三)", PERCENT, true, 95),
			d("calls.abandoned", "7(三)", PERCENT, false, 5),
			d("tickets.dispatched-on-time", "7(五)", PERCENT, true, 95),
			d("tickets.responded-on-time", "7(五)", PERCENT, true, 95),
			d("tickets.on-site-on-time", "10.2", PERCENT, true, 95),
			d("tickets.resolved-on-time", "7(五)", PERCENT, true, 95),
			d("tickets.same-day-first-response", "6.5", PERCENT, true, 95),
			d("tickets.unbroken-ownership", "6.6", PERCENT, true, 100),
			d("tickets.closed-with-result", "6.6", PERCENT, true, 100),
			d("tickets.complete-fields", "7(六)", PERCENT, true, 95),
			d("inquiries.resolved-in-call", "9.1", PERCENT, true, 80),
			d("repairs.intake-to-dispatch", "9.2", MEDIAN_MINUTES, false, 15),
			d("repairs.customer-updated", "9.3", PERCENT, true, 95),
			d("followup.rate", "9.4", PERCENT, true, 95),
			d("followup.satisfaction", "9.4", PERCENT, true, 85),
			d("repairs.rework", "10.3", PERCENT, false, 5),
			d("complaints.answered-in-time", "10.5", PERCENT, true, 95),
			d("complaints.conflict-refusals", "6.7", COUNT, false, 0),
			d("privacy.unauthorised-reads", "5.10", COUNT, false, 0),
			d("customers.current-contract", "5(二)", PERCENT, true, 95),
			d("audit.chain-intact", "6.4", BOOLEAN, true, 1),
			d("dispatch.certified", "4(三)", PERCENT, true, 100),
			// issue 16: the shift
			d("shift.handovers-on-time", "7(七)", PERCENT, true, 95),
			d("shift.late-arrivals", "5.9", COUNT, false, 0),
			d("shift.away-minutes", "5.11", MINUTES, false, 0),
			d("shift.briefings-held", "4.1", PERCENT, true, 100),
			d("shift.directives-on-time", "4.8", PERCENT, true, 95),
			d("shift.incidents-reported-in-time", "4.5", PERCENT, true, 100),
			d("shift.suggestions-answered-in-time", "5.8", PERCENT, true, 95),
			// issue 17: quality and people
			d("quality.calls-spot-checked", "4.4", PERCENT, true, null),
			d("quality.mean-score", "4.4", AVERAGE, true, null),
			d("quality.rectifications-on-time", "4.4", PERCENT, true, 100),
			d("quality.three-voices-score", "5.4", AVERAGE, true, null),
			d("quality.phrase-score", "7(四)", AVERAGE, true, null),
			d("people.training-hours", "4.6", AVERAGE, true, null),
			d("people.certificates-valid", "4(三)", PERCENT, true, 100),
			// issue 18: the portal
			d("portal.figures-published-on-time", "5(一)", PERCENT, true, 100));

	private static final Map<String, FigureDefinition> BY_CODE = new LinkedHashMap<>();

	static {
		ALL.forEach(d -> BY_CODE.put(d.code(), d));
	}

	private FigureCatalogue() {
	}

	static FigureDefinition find(String code) {
		return BY_CODE.get(code);
	}

	/** The position of a code in the report; codes outside the catalogue come after it. */
	static int order(String code) {
		int i = ALL.indexOf(BY_CODE.get(code));
		return i < 0 ? ALL.size() : i;
	}

	private static FigureDefinition d(String code, String article, FigureUnit unit, boolean higherIsBetter, Integer target) {
		return new FigureDefinition(code, article, unit, higherIsBetter, target == null ? null : BigDecimal.valueOf(target),
				COMPANY);
	}
}
