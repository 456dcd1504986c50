package org.heatdesk.platform.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * Turns every refusal on the REST API into {@code {"code","message","field"}} in the caller's
 * language with the right status. No stack trace ever leaves the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	private final AuditTrail audit;

	ApiExceptionHandler(MessageSource messages, AuditTrail audit) {
		this.messages = messages;
		this.audit = audit;
	}

	@ExceptionHandler(HeatDeskException.class)
	ResponseEntity<ApiError> heatDesk(HeatDeskException e, HttpServletRequest request) {
		return refuse(e.status(), e.code(), message(e.messageKey(), e.args()), e.field(), request);
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ApiError> invalid(BindException e, HttpServletRequest request) {
		FieldError error = e.getFieldError();
		if (error == null) {
			return refuse(HttpStatus.BAD_REQUEST, "VALIDATION", message("error.VALIDATION"), null, request);
		}
		String text = messages.getMessage(error, locale());
		return refuse(HttpStatus.BAD_REQUEST, "VALIDATION", text, error.getField(), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
		var result = e.getParameterValidationResults().stream().findFirst();
		String field = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
		String text = result.flatMap(r -> r.getResolvableErrors().stream().findFirst())
			.map(r -> messages.getMessage(r, locale()))
			.orElse(message("error.VALIDATION"));
		return refuse(HttpStatus.BAD_REQUEST, "VALIDATION", text, field, request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		String field = field(e);
		JsonInputGuards.Refused refused = cause(e, JsonInputGuards.Refused.class);
		if (refused != null) {
			String named = refused.field() != null ? refused.field() : field;
			named = named == null || named.isEmpty() ? null : InputChecks.printable(named);
			HeatDeskException r = refused.code().equals("DATE_OUT_OF_RANGE") ? InputChecks.dateOutOfRange(named)
					: InputChecks.controlCharacter(named);
			return heatDesk(r, request);
		}
		return refuse(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
				field == null ? message("error.MALFORMED_BODY") : message("error.MALFORMED_FIELD", field), field, request);
	}

	/** The JSON property the parser stopped at ({@code contacts[0].phone}), or null when the body is not JSON at all. */
	private static String field(HttpMessageNotReadableException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference r : j.getPath()) {
					if (r.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
					}
					else if (r.getIndex() >= 0) {
						path.append('[').append(r.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		String accepted = e.getSupportedMediaTypes().stream().filter(t -> !t.isWildcardType())
			.map(MediaType::toString).distinct().collect(java.util.stream.Collectors.joining(", "));
		return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				message("error.UNSUPPORTED_MEDIA_TYPE", accepted.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : accepted), null, request);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
		return refuse(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", message("error.NOT_ACCEPTABLE"), null, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		HeatDeskException refused = cause(e, HeatDeskException.class);
		if (refused != null) {
			// a converter's own refusal (a date outside the sensible years): its code, the parameter named
			return heatDesk(new HeatDeskException(refused.status(), refused.code(), e.getName(), replaceFirst(refused.args(), e.getName())),
					request);
		}
		return refuse(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", message("error.BAD_PARAMETER", e.getName()), e.getName(), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
		return refuse(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", message("error.MISSING_PARAMETER", e.getParameterName()),
				e.getParameterName(), request);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
		return refuse(HttpStatus.BAD_REQUEST, "MISSING_HEADER", message("error.MISSING_HEADER", e.getHeaderName()),
				e.getHeaderName(), request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "UPLOAD_TOO_LARGE", message("error.UPLOAD_TOO_LARGE"), null, request);
	}

	/** A multipart body that cannot be read: no boundary, cut off, not multipart at all. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> brokenMultipart(MultipartException e, HttpServletRequest request) {
		if (e instanceof MaxUploadSizeExceededException || cause(e, MaxUploadSizeExceededException.class) != null) {
			return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "UPLOAD_TOO_LARGE", message("error.UPLOAD_TOO_LARGE"), null, request);
		}
		return refuse(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART", message("error.MALFORMED_MULTIPART"), null, request);
	}

	/**
	 * Spring Security's firewall refuses a header value it will not hand on (a control character, or
	 * bytes above 0x7F read as one, as in a UTF-8 {@code Idempotency-Key}) when a controller reads it.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ApiError> rejected(RequestRejectedException e, HttpServletRequest request) {
		return refuse(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", message("error.REQUEST_REJECTED"), null, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ApiError> concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
		return refuse(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", message("error.CONCURRENT_CHANGE"), null, request);
	}

	/**
	 * A deadlock or lock time-out that survived the writer's own retries: nothing was written, and
	 * the same request may simply be sent again, so the caller is told to retry rather than that
	 * the server failed.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ApiError> busy(PessimisticLockingFailureException e, HttpServletRequest request) {
		log.warn("A request lost a lock conflict after its retries: {}", e.getMessage());
		ResponseEntity<ApiError> answer = refuse(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", message("error.TRY_AGAIN"), null,
				request);
		return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "1")
			.body(answer.getBody());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException e, HttpServletRequest request) {
		return refuse(HttpStatus.FORBIDDEN, "FORBIDDEN", message("error.FORBIDDEN"), null, request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return refuse(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", message("error.METHOD_NOT_ALLOWED"), null, request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
		return refuse(HttpStatus.NOT_FOUND, "NOT_FOUND", message("error.NOT_FOUND"), null, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError("INTERNAL", message("error.INTERNAL"), null));
	}

	private static Object[] replaceFirst(Object[] args, String first) {
		if (args == null || args.length == 0) {
			return args;
		}
		Object[] copy = args.clone();
		copy[0] = first;
		return copy;
	}

	private ResponseEntity<ApiError> refuse(HttpStatus status, String code, String text, String field, HttpServletRequest request) {
		// a field name taken from the request itself may hold a NUL, which the audit trail's jsonb refuses
		field = InputChecks.printable(field);
		if (status != HttpStatus.NOT_FOUND) {
			try {
				audit.recordSecurityEvent(null, "REQUEST_REFUSED", "request", request.getMethod() + " " + request.getRequestURI(),
						Map.of("status", status.value(), "code", code, "field", field == null ? "" : field));
			}
			catch (RuntimeException e) {
				log.warn("Could not audit a refused request: {}", e.getMessage());
			}
		}
		// JSON whatever the caller's Accept header asked for: a refusal it cannot read helps nobody
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(code, text, field));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
