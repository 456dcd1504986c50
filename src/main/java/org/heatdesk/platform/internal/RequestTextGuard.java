package org.heatdesk.platform.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses U+0000 in every request parameter (query, form, multipart field) and uploaded file name
 * before a controller stores it: PostgreSQL cannot hold it in text and would answer 500. What JSON
 * bodies carry is checked by {@link JsonInputGuards}. Thrown here, the refusal reaches the handler's
 * advice: the API's JSON error, or the page's error view.
 */
class RequestTextGuard implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException e) {
			// Tomcat could not decode the query or form (bytes that are not UTF-8: ?q=%C3%28)
			throw HeatDeskException.badInput("MALFORMED_PARAMETERS", null);
		}
		for (Map.Entry<String, String[]> p : parameters.entrySet()) {
			if (InputChecks.hasControlCharacter(p.getKey())) {
				throw InputChecks.controlCharacter(p.getKey());
			}
			for (String value : p.getValue()) {
				if (InputChecks.hasControlCharacter(value)) {
					throw InputChecks.controlCharacter(p.getKey());
				}
			}
		}
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : part.getValue()) {
					if (InputChecks.hasControlCharacter(part.getKey())
							|| InputChecks.hasControlCharacter(file.getOriginalFilename())) {
						throw InputChecks.controlCharacter(part.getKey());
					}
				}
			}
		}
		return true;
	}
}
