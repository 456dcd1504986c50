package org.heatdesk.dispatch;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.UploadedFiles;

/**
 * A certificate's scanned copy: an image (JPEG, PNG, WebP) or a PDF of at most 10 MB, judged by its
 * first bytes ({@link UploadedFiles}).
 */
final class ScanCheck {

	static final int MAX_BYTES = UploadedFiles.MAX_BYTES;

	static final String MAX_LABEL = UploadedFiles.MAX_LABEL;

	private ScanCheck() {
	}

	/**
	 * The content type found in the bytes.
	 * @throws HeatDeskException {@code DISPATCH_SCAN_EMPTY}, {@code _TOO_LARGE}, {@code _TYPE} (field {@code scan})
	 */
	static String contentType(byte[] content) {
		return UploadedFiles.contentType(content, UploadedFiles.SCANS, "DISPATCH_SCAN", "scan");
	}

	/** The name without any path, control characters or quotes; {@code certificate.<ext>} when blank. */
	static String fileName(String name, String contentType) {
		return UploadedFiles.fileName(name, contentType, "certificate");
	}
}
