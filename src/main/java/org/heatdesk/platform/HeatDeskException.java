package org.heatdesk.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: a rule of the domain, bad input, a conflict. It carries a
 * stable {@code code}, a message key (resolved in the user's language) and the offending field.
 * On the API it becomes {@code {"code","message","field"}} with its status; nothing was changed.
 */
public class HeatDeskException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String field;

	private final Object[] args;

	public HeatDeskException(HttpStatus status, String code, String field, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.field = field;
		this.args = args;
	}

	/** 400: the input breaks a rule; {@code code} is also the message key {@code error.<code>}. */
	public static HeatDeskException badInput(String code, String field, Object... args) {
		return new HeatDeskException(HttpStatus.BAD_REQUEST, code, field, args);
	}

	/** 404: the thing named does not exist. */
	public static HeatDeskException notFound(String code, Object... args) {
		return new HeatDeskException(HttpStatus.NOT_FOUND, code, null, args);
	}

	/** 409: the action does not fit the record's current state, or someone else changed it first. */
	public static HeatDeskException conflict(String code, Object... args) {
		return new HeatDeskException(HttpStatus.CONFLICT, code, null, args);
	}

	/** 403: the user may not do this. */
	public static HeatDeskException forbidden(String code, Object... args) {
		return new HeatDeskException(HttpStatus.FORBIDDEN, code, null, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String field() {
		return field;
	}

	public Object[] args() {
		return args;
	}

	/** The message key: {@code error.} followed by the code. */
	public String messageKey() {
		return "error." + code;
	}
}
