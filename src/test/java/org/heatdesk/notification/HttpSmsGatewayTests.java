package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The HTTP gateway against the tests' provider: the body it sends and how it reads each answer. */
class HttpSmsGatewayTests {

	private static HttpSmsGateway gateway(URI url, String template, String idField) {
		return new HttpSmsGateway(new DeliveryProperties.Http(url, "hd", "pw", null, template, idField, Duration.ofSeconds(2),
				Duration.ofMillis(800)));
	}

	@Test
	void theBodyIsTheTemplateWithTheValuesJsonEscaped() {
		HttpSmsGateway g = gateway(URI.create("http://127.0.0.1:1/"), "{\"mobile\":\"{phone}\",\"content\":\"{text}\",\"ref\":{id}}", "id");
		// a quote, a backslash and a line break in a text must not break the JSON
		assertThat(g.body("13805311234", "他说\"不热\"\\\n请回电", 42))
			.isEqualTo("{\"mobile\":\"13805311234\",\"content\":\"他说\\\"不热\\\"\\\\\\n请回电\",\"ref\":42}");
	}

	@Test
	void eachAnswerIsDeliveredRetryableOrPermanent() throws Exception {
		try (TestSmsServer provider = new TestSmsServer()) {
			provider.timeoutPause = Duration.ofSeconds(2);
			HttpSmsGateway g = gateway(provider.url(), "{\"to\":\"{phone}\",\"text\":\"{text}\"}", "id");
			provider.script = (id, n) -> TestSmsServer.Answer.OK;
			assertThat(g.send("13805311234", "测试", 7)).isEqualTo("p-7");
			// Basic credentials and the idempotency key went along
			assertThat(provider.requests.get(0).authorization()).isEqualTo("Basic aGQ6cHc=");
			assertThat(provider.requests.get(0).idempotencyKey()).isEqualTo("7");
			expect(g, provider, TestSmsServer.Answer.SERVER_ERROR, true, "HTTP 500");
			expect(g, provider, TestSmsServer.Answer.TOO_MANY, true, "HTTP 429");
			expect(g, provider, TestSmsServer.Answer.GARBAGE, true, "HTTP 200 without \"id\"");
			expect(g, provider, TestSmsServer.Answer.EMPTY_OK, true, "HTTP 200 without \"id\"");
			expect(g, provider, TestSmsServer.Answer.TIMEOUT, true, "timeout");
			expect(g, provider, TestSmsServer.Answer.BAD_REQUEST, false, "HTTP 400: {\"error\":\"invalid number\"}");
		}
	}

	@Test
	void aConnectionRefusedIsRetryable() {
		HttpSmsGateway g = gateway(URI.create("http://127.0.0.1:1/sms"), "{}", "id");
		assertThatThrownBy(() -> g.send("13805311234", "x", 1)).isInstanceOfSatisfying(SmsGateway.GatewayFailure.class,
				f -> assertThat(f.retryable()).isTrue());
	}

	private static void expect(HttpSmsGateway g, TestSmsServer provider, TestSmsServer.Answer answer, boolean retryable,
			String reason) {
		provider.script = (id, n) -> answer;
		assertThatThrownBy(() -> g.send("13805311234", "测试", 8)).isInstanceOfSatisfying(SmsGateway.GatewayFailure.class, f -> {
			assertThat(f.retryable()).as(answer.name()).isEqualTo(retryable);
			assertThat(f.reason()).startsWith(reason);
		});
	}
}
