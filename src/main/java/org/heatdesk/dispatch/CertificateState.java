package org.heatdesk.dispatch;

/** Where a certificate stands on a date. */
public enum CertificateState {

	VALID,
	/** valid, but ends within the warning days */
	EXPIRING,
	EXPIRED,
	/** its validity has not begun */
	NOT_YET_VALID;

	/** The badge tone of the pages: green, amber, red, grey. */
	public String tone() {
		return switch (this) {
			case VALID -> "ok";
			case EXPIRING -> "warn";
			case EXPIRED -> "bad";
			case NOT_YET_VALID -> "closed";
		};
	}
}
