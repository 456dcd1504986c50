package org.heatdesk.dispatch;

import org.heatdesk.platform.HeatDeskException;

/**
 * The rules for a certificate's scanned copy, pure: not empty, at most {@link #MAX_BYTES}, and a
 * JPEG, PNG or WebP image or a PDF judged by its first bytes (the declared type and the file's name
 * are not trusted: a renamed executable stays refused).
 */
final class ScanCheck {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final String MAX_LABEL = "10 MB";

	private ScanCheck() {
	}

	/**
	 * The content type found in the bytes.
	 * @throws HeatDeskException {@code DISPATCH_SCAN_EMPTY}, {@code _TOO_LARGE}, {@code _TYPE} (field {@code scan})
	 */
	static String contentType(byte[] content) {
		if (content == null || content.length == 0) {
			throw HeatDeskException.badInput("DISPATCH_SCAN_EMPTY", "scan");
		}
		if (content.length > MAX_BYTES) {
			throw HeatDeskException.badInput("DISPATCH_SCAN_TOO_LARGE", "scan", MAX_LABEL);
		}
		String type = sniff(content);
		if (type == null) {
			throw HeatDeskException.badInput("DISPATCH_SCAN_TYPE", "scan");
		}
		return type;
	}

	static String sniff(byte[] b) {
		if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
			return "image/webp";
		}
		if (ascii(b, 0, "%PDF-")) {
			return "application/pdf";
		}
		return null;
	}

	/** The name without any path, control characters or quotes, at most 255 characters; never blank. */
	static String fileName(String name, String contentType) {
		String n = name == null ? "" : name;
		n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
		n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (n.isEmpty() || n.equals(".") || n.equals("..")) {
			n = "certificate" + switch (contentType) {
				case "image/jpeg" -> ".jpg";
				case "image/png" -> ".png";
				case "image/webp" -> ".webp";
				default -> ".pdf";
			};
		}
		return n.length() > 255 ? n.substring(n.length() - 255) : n;
	}

	private static boolean starts(byte[] b, int at, int... expected) {
		if (b.length < at + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((b[at + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean ascii(byte[] b, int at, String s) {
		return starts(b, at, s.chars().toArray());
	}
}
