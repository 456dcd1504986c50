package org.heatdesk.ticket;

import java.time.Instant;

/**
 * A photo or letter on a ticket, without its bytes. {@code contentType} is the type found in the
 * file's first bytes (not the one the uploader declared).
 */
public record AttachmentView(long id, String ticketNo, String fileName, String contentType, long sizeBytes,
		String sha256, String uploadedBy, Instant uploadedAt) {

	/** Whether a browser may show it inline (an image); PDFs are offered as a download. */
	public boolean image() {
		return contentType.startsWith("image/");
	}

	/** Whether common browsers can draw it as a thumbnail (HEIC mostly not). */
	public boolean thumbnail() {
		return contentType.equals("image/jpeg") || contentType.equals("image/png") || contentType.equals("image/webp");
	}

	/** The size in KB, one decimal, for display. */
	public String sizeKb() {
		return String.format(java.util.Locale.ROOT, "%.1f", sizeBytes / 1024.0);
	}
}
