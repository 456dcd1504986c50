package org.heatdesk.platform.internal;

/** The body of every refused API request: a stable code, a message in the caller's language, the field. */
public record ApiError(String code, String message, String field) {
}
