package org.heatdesk.portal;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.UploadedFiles;

/**
 * A photo a customer sends with a request or adds later, checked before anything is written: not
 * empty, at most the configured size, and a JPEG, PNG, WebP or HEIC/HEIF photo judged by its first
 * bytes (not its name or declared type; no PDF or anything else on the public side).
 */
record PortalRequestPhoto(String fileName, byte[] bytes) {

	/**
	 * The photos given, without the empty file inputs a form sends when nothing was chosen.
	 * @throws HeatDeskException 400 {@code PORTAL_PHOTOS_TOO_MANY}, {@code PORTAL_PHOTO_TOO_LARGE},
	 *     {@code PORTAL_PHOTO_TYPE} (field {@code photos})
	 */
	static List<PortalRequestPhoto> check(List<PortalRequestPhoto> given, int maxCount, int maxBytes) {
		List<PortalRequestPhoto> photos = given == null ? List.of()
				: given.stream().filter(p -> p != null && p.bytes() != null && p.bytes().length > 0).toList();
		if (photos.size() > maxCount) {
			throw HeatDeskException.badInput("PORTAL_PHOTOS_TOO_MANY", "photos", maxCount);
		}
		for (PortalRequestPhoto p : photos) {
			if (p.bytes().length > maxBytes) {
				throw HeatDeskException.badInput("PORTAL_PHOTO_TOO_LARGE", "photos", maxBytes / (1024 * 1024));
			}
			if (!isPhoto(p.bytes())) {
				throw HeatDeskException.badInput("PORTAL_PHOTO_TYPE", "photos");
			}
		}
		return photos;
	}

	/** JPEG, PNG, WebP or HEIC/HEIF by the first bytes (the platform's sniffing, without its PDF). */
	static boolean isPhoto(byte[] b) {
		String type = UploadedFiles.sniff(b);
		return type != null && type.startsWith("image/");
	}
}
