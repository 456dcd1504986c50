package org.heatdesk.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code heatdesk.portal.requests.*}: who receives the requests made online (their first responder,
 * as {@code heatdesk.contact.hotline12345.receiver} for the 12345 platform), the one-time code's life
 * and tries, the rate limits and the photos' limits. Every limit counts per phone and per client
 * address within its window.
 * @param receiver the staff member's user name who records (and first-responds to) online requests
 * @param codeValidity how long a code may be used
 * @param codeTries wrong tries after which a code is dead
 * @param codeInterval the least time between two codes to one phone
 * @param codesPerPhone codes one phone may be sent per {@code window}
 * @param codesPerAddress codes one client address may ask for per {@code window}
 * @param requestsPerPhone requests one phone may make per {@code window}
 * @param requestsPerAddress requests one client address may make per {@code window}
 * @param lookupMissesPerAddress refused progress look-ups (wrong number or phone) per address per {@code window}
 * @param lookupMissesPerTicket refused look-ups of one ticket number per {@code window} (from anywhere)
 * @param additionsPerTicket additions (information, photos) per ticket per {@code window}
 * @param window the window every limit counts in
 * @param photoMaxBytes the largest photo
 * @param photosPerRequest photos one request or addition may carry
 */
@ConfigurationProperties("heatdesk.portal.requests")
record PortalRequestSettings(String receiver, Duration codeValidity, Integer codeTries, Duration codeInterval,
		Integer codesPerPhone, Integer codesPerAddress, Integer requestsPerPhone, Integer requestsPerAddress,
		Integer lookupMissesPerAddress, Integer lookupMissesPerTicket, Integer additionsPerTicket, Duration window,
		Integer photoMaxBytes, Integer photosPerRequest) {

	PortalRequestSettings {
		receiver = receiver == null || receiver.isBlank() ? "lead" : receiver.strip();
		codeValidity = codeValidity == null ? Duration.ofMinutes(10) : codeValidity;
		codeTries = codeTries == null ? 5 : codeTries;
		codeInterval = codeInterval == null ? Duration.ofSeconds(60) : codeInterval;
		codesPerPhone = codesPerPhone == null ? 5 : codesPerPhone;
		codesPerAddress = codesPerAddress == null ? 30 : codesPerAddress;
		requestsPerPhone = requestsPerPhone == null ? 3 : requestsPerPhone;
		requestsPerAddress = requestsPerAddress == null ? 30 : requestsPerAddress;
		lookupMissesPerAddress = lookupMissesPerAddress == null ? 30 : lookupMissesPerAddress;
		lookupMissesPerTicket = lookupMissesPerTicket == null ? 10 : lookupMissesPerTicket;
		additionsPerTicket = additionsPerTicket == null ? 10 : additionsPerTicket;
		window = window == null ? Duration.ofHours(1) : window;
		photoMaxBytes = photoMaxBytes == null ? 5 * 1024 * 1024 : photoMaxBytes;
		photosPerRequest = photosPerRequest == null ? 3 : photosPerRequest;
	}
}
