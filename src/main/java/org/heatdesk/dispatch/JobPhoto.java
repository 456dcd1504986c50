package org.heatdesk.dispatch;

import java.time.Instant;

/** A photo taken on site for a job (its bytes through {@link Jobs#photoContent}). */
public record JobPhoto(long id, long jobId, String stepId, String fileName, String contentType, int size,
		Instant takenAt) {
}
