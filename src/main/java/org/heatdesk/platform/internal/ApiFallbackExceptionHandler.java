package org.heatdesk.platform.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals Spring MVC makes before any controller is chosen (no such path, a method or a body type
 * the path does not take, a multipart body that cannot be read). {@link ApiExceptionHandler} only sees requests that reached a REST
 * controller, so without this an integration calling a wrong URL got Spring Boot's own error body
 * in English. Under {@code /api/} these get the API's refusal; elsewhere they go on to the error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackExceptionHandler {

	private final ApiExceptionHandler api;

	ApiFallbackExceptionHandler(ApiExceptionHandler api) {
		this.api = api;
	}

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class, MultipartException.class })
	ResponseEntity<ApiError> beforeAnyController(Exception e, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// rethrown, Spring MVC goes on with its default handling (the page error view)
			throw e;
		}
		if (e instanceof NoResourceFoundException n) {
			return api.noResource(n, request);
		}
		if (e instanceof HttpRequestMethodNotSupportedException m) {
			return api.method(m, request);
		}
		if (e instanceof MultipartException m) {
			// read before any controller is chosen: no boundary, a body cut off
			return api.brokenMultipart(m, request);
		}
		if (e instanceof HttpMediaTypeNotSupportedException t) {
			return api.mediaType(t, request);
		}
		return api.notAcceptable((HttpMediaTypeNotAcceptableException) e, request);
	}
}
