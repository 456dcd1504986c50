package org.heatdesk.platform.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page action shows the calm error page with a message in the user's language; a page
 * controller that wants the message beside the form catches {@link HeatDeskException} itself.
 * Anything unexpected reaches Spring Boot's error view, the same template, without a stack trace.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final AuditTrail audit;

	PageExceptionHandler(AuditTrail audit) {
		this.audit = audit;
	}

	@ExceptionHandler(HeatDeskException.class)
	ModelAndView refused(HeatDeskException e, HttpServletRequest request, HttpServletResponse response) {
		audit.recordSecurityEvent(null, "REQUEST_REFUSED", "request", request.getMethod() + " " + request.getRequestURI(),
				Map.of("status", e.status().value(), "code", e.code()));
		response.setStatus(e.status().value());
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", e.status().value());
		page.addObject("messageKey", e.messageKey());
		page.addObject("messageArgs", e.args());
		return page;
	}
}
