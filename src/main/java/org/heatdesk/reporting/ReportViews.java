package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How a figure's numbers read on the pages: per unit, "no cases" and "not measured yet" in words. */
@Component
class ReportViews {

	private final MessageSource messages;

	ReportViews(MessageSource messages) {
		this.messages = messages;
	}

	/** One line of the report as the page shows it. */
	record Line(String code, String article, String name, String description, boolean measured, String value, String target,
			String previous, String trend, boolean below, String counts) {
	}

	Line line(ReportLine l, Locale locale) {
		FigureValue v = l.value();
		FigureDefinition d = l.definition();
		String description = messages.getMessage("report.figure." + d.code() + ".description", null, "", locale);
		if (!v.measured()) {
			return new Line(d.code(), d.article(), l.name(), description, false, message("report.notMeasured", locale),
					target(d.unit(), v.target(), locale), "", "NONE", false, "");
		}
		String counts = switch (d.unit()) {
			case PERCENT, AVERAGE, BOOLEAN -> v.denominator() == 0 ? "" : v.numerator() + " / " + v.denominator();
			case MEDIAN_MINUTES -> v.denominator() == 0 ? "" : messages.getMessage("report.cases", new Object[] { v.denominator() }, locale);
			default -> "";
		};
		return new Line(d.code(), d.article(), l.name(), description, true, format(d.unit(), v.value(), locale),
				target(d.unit(), v.target(), locale), l.previous() == null ? "" : format(d.unit(), l.previous().value(), locale),
				l.trend().name(), Boolean.FALSE.equals(v.meetsTarget()), counts);
	}

	String format(FigureUnit unit, BigDecimal value, Locale locale) {
		if (value == null) {
			return message("report.noCases", locale);
		}
		return switch (unit) {
			case PERCENT -> value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
			case AVERAGE -> value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
			case COUNT -> value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
			case MINUTES, MEDIAN_MINUTES -> messages.getMessage("report.minutes",
					new Object[] { value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() }, locale);
			case BOOLEAN -> message(value.signum() > 0 ? "report.bool.yes" : "report.bool.no", locale);
		};
	}

	String target(FigureUnit unit, BigDecimal target, Locale locale) {
		return target == null ? "—" : format(unit, target, locale);
	}

	String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
