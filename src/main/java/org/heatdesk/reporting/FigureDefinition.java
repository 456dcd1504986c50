package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a figure is: its code (stable, e.g. {@code calls.answered-in-limit}), the article of the
 * standard it measures ({@code 7(三)}), its unit, whether higher values are better, its default
 * target (MANAGER may set another per figure) and the scopes it can be cut by. The figure's name
 * and description are the messages {@code report.figure.<code>} and
 * {@code report.figure.<code>.description}.
 */
public record FigureDefinition(String code, String article, FigureUnit unit, boolean higherIsBetter,
		BigDecimal defaultTarget, Set<ScopeKind> scopes) {

	public FigureDefinition {
		if (code == null || !code.matches("[a-z0-9][a-z0-9.-]{2,60}")) {
			throw new IllegalArgumentException("a figure code is lower case, dots and hyphens: " + code);
		}
		if (article == null || article.isBlank() || unit == null || scopes == null || scopes.isEmpty()) {
			throw new IllegalArgumentException("a figure names its article, unit and scopes: " + code);
		}
		scopes = Set.copyOf(scopes);
	}
}
