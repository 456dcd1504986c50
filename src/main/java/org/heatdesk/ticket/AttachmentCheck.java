package org.heatdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;

/**
 * The rules for an uploaded file, pure: not empty, at most {@link #MAX_BYTES}, and a JPEG, PNG, WebP,
 * HEIC/HEIF image or a PDF judged by its first bytes (the declared type and the name are not trusted).
 */
final class AttachmentCheck {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final String MAX_LABEL = "10 MB";

	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");

	private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "heif");

	private AttachmentCheck() {
	}

	/**
	 * The content type found in the bytes.
	 * @throws HeatDeskException {@code TICKET_ATTACHMENT_EMPTY}, {@code _TOO_LARGE}, {@code _TYPE} (field {@code file})
	 */
	static String contentType(byte[] content) {
		if (content == null || content.length == 0) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_EMPTY", "file");
		}
		if (content.length > MAX_BYTES) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_TOO_LARGE", "file", MAX_LABEL);
		}
		String type = sniff(content);
		if (type == null) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_TYPE", "file");
		}
		return type;
	}

	/** The type of these bytes, or null when they are none of the accepted kinds. */
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
		if (ascii(b, 4, "ftyp") && b.length >= 12) {
			String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
			if (HEIC_BRANDS.contains(brand)) {
				return "image/heic";
			}
			if (HEIF_BRANDS.contains(brand)) {
				return "image/heif";
			}
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
			n = "attachment" + extension(contentType);
		}
		return n.length() > 255 ? n.substring(n.length() - 255) : n;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			case "image/heic", "image/heif" -> ".heic";
			default -> ".pdf";
		};
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
