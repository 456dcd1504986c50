package org.heatdesk.platform.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiError} from places that run before Spring MVC (security filters). */
@Component
class JsonErrorWriter {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	JsonErrorWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field)
			throws IOException {
		String text = messages.getMessage("error." + code, null, code, locales.resolveLocale(request));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(new ApiError(code, text, field)));
	}
}
