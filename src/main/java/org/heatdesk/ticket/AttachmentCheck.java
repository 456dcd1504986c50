package org.heatdesk.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.UploadedFiles;

/**
 * A ticket's attachment: a photo (JPEG, PNG, WebP, HEIC/HEIF) or a PDF of at most 10 MB, judged by
 * its first bytes ({@link UploadedFiles}), and its digest.
 */
final class AttachmentCheck {

	static final int MAX_BYTES = UploadedFiles.MAX_BYTES;

	static final String MAX_LABEL = UploadedFiles.MAX_LABEL;

	private AttachmentCheck() {
	}

	/**
	 * The content type found in the bytes.
	 * @throws HeatDeskException {@code TICKET_ATTACHMENT_EMPTY}, {@code _TOO_LARGE}, {@code _TYPE} (field {@code file})
	 */
	static String contentType(byte[] content) {
		return UploadedFiles.contentType(content, UploadedFiles.PHOTOS_AND_PDF, "TICKET_ATTACHMENT", "file");
	}

	/** The type of these bytes, or null when they are none of the accepted kinds. */
	static String sniff(byte[] b) {
		return UploadedFiles.sniff(b);
	}

	/** The name without any path, control characters or quotes; {@code attachment.<ext>} when blank. */
	static String fileName(String name, String contentType) {
		return UploadedFiles.fileName(name, contentType, "attachment");
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
