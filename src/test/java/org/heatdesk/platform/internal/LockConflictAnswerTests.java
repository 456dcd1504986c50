package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A deadlock that outlived the writer's own retries (telemetry runs a batch up to five times) is a
 * 503 the caller may retry, in the caller's language, not the 500 "internal error" it used to be.
 */
class LockConflictAnswerTests {

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aLostDeadlockTellsTheCallerToSendAgain() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		// no audit trail here: the handler audits what it can and answers regardless
		ApiExceptionHandler handler = new ApiExceptionHandler(messages, null);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		ResponseEntity<ApiError> answer = handler.busy(
				new CannotAcquireLockException("deadlock detected", new RuntimeException("40P01")),
				new MockHttpServletRequest("POST", "/api/v1/telemetry"));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(answer.getBody().code()).isEqualTo("TRY_AGAIN");
		assertThat(answer.getBody().message()).contains("请稍后重新提交").doesNotContain("TRY_AGAIN");
		assertThat(PessimisticLockingFailureException.class).isAssignableFrom(CannotAcquireLockException.class);
	}
}
