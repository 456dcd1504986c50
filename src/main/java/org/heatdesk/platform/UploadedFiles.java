package org.heatdesk.platform;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The rules every module applies to an uploaded file (a ticket's photo, a certificate's scan, a
 * technician's photo from the site), pure: not empty, at most {@link #MAX_BYTES}, and of a kind judged
 * by its first bytes — the declared type and the file's name are not trusted, so a renamed executable
 * stays refused.
 */
public final class UploadedFiles {

	/** The largest file accepted. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** {@link #MAX_BYTES} as people read it. */
	public static final String MAX_LABEL = "10 MB";

	/** Photos a phone takes and documents: JPEG, PNG, WebP, HEIC/HEIF, PDF. */
	public static final Set<String> PHOTOS_AND_PDF = Set.of("image/jpeg", "image/png", "image/webp", "image/heic",
			"image/heif", "application/pdf");

	/** Scans: JPEG, PNG, WebP, PDF. */
	public static final Set<String> SCANS = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");

	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");

	private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "heif");

	private UploadedFiles() {
	}

	/**
	 * The content type found in the bytes, when it is one of {@code accepted}.
	 * @param codes the prefix of the refusal codes, e.g. {@code TICKET_ATTACHMENT}
	 * @throws HeatDeskException {@code <codes>_EMPTY}, {@code <codes>_TOO_LARGE} (with {@link #MAX_LABEL}),
	 * {@code <codes>_TYPE}, naming {@code field}
	 */
	public static String contentType(byte[] content, Set<String> accepted, String codes, String field) {
		if (content == null || content.length == 0) {
			throw HeatDeskException.badInput(codes + "_EMPTY", field);
		}
		if (content.length > MAX_BYTES) {
			throw HeatDeskException.badInput(codes + "_TOO_LARGE", field, MAX_LABEL);
		}
		String type = sniff(content);
		if (type == null || !accepted.contains(type)) {
			throw HeatDeskException.badInput(codes + "_TYPE", field);
		}
		return type;
	}

	/** The type of these bytes, or {@code null} when they are none of {@link #PHOTOS_AND_PDF}. */
	public static String sniff(byte[] b) {
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

	/**
	 * The name without any path, control characters or quotes, at most 255 characters; never blank:
	 * {@code stem} with the type's extension when nothing is left.
	 */
	public static String fileName(String name, String contentType, String stem) {
		String n = name == null ? "" : name;
		n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
		n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (n.isEmpty() || n.equals(".") || n.equals("..")) {
			n = stem + extension(contentType);
		}
		return n.length() > 255 ? n.substring(n.length() - 255) : n;
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
