package org.heatdesk.followup;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which resolved tickets are followed up: a ticket is in when the bucket of its number (CRC-32 of
 * the number, modulo 100) is below the rate of its type. Deterministic, so the same ticket is always
 * judged the same way (a repeated event, a test) and the rate holds over many tickets. Pure.
 */
final class Sampling {

	private Sampling() {
	}

	/** 0–99: the ticket's bucket. */
	static int bucket(String ticketNo) {
		CRC32 crc = new CRC32();
		crc.update(ticketNo.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % 100);
	}

	static boolean sampled(String ticketNo, int ratePercent) {
		return bucket(ticketNo) < ratePercent;
	}
}
