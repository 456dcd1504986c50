package org.heatdesk.dispatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A technician's certificate; valid on the dates from {@code validFrom} to {@code validUntil}, both
 * included, in the company's zone.
 * @param scanType the content type of the scanned copy, or {@code null} when none was uploaded
 */
public record CertificateView(long id, long staffId, CertificateKind kind, String number, String issuer,
		LocalDate validFrom, LocalDate validUntil, String scanType) {

	/** Whether it is valid on {@code day}. */
	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validUntil);
	}

	/** Its state on {@code day}, flagging one that ends within {@code warningDays}. */
	public CertificateState stateOn(LocalDate day, int warningDays) {
		if (day.isBefore(validFrom)) {
			return CertificateState.NOT_YET_VALID;
		}
		if (day.isAfter(validUntil)) {
			return CertificateState.EXPIRED;
		}
		return ChronoUnit.DAYS.between(day, validUntil) < warningDays ? CertificateState.EXPIRING : CertificateState.VALID;
	}

	/** Days from {@code day} to its last valid day (negative once expired). */
	public long daysLeft(LocalDate day) {
		return ChronoUnit.DAYS.between(day, validUntil);
	}

	public boolean hasScan() {
		return scanType != null;
	}
}
