package org.heatdesk.staff;

/** The measures of 11.2: warning, fine, demotion, dismissal. Labels: {@code people.measure.<name>}. */
public enum SanctionMeasure {
	WARNING, FINE, DEMOTION, DISMISSAL;

	static SanctionMeasure parse(String value) {
		if (value == null) {
			return null;
		}
		try {
			return valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
