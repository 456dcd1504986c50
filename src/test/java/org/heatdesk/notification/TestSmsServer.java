package org.heatdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * An SMS provider for the tests, on the JDK's HTTP server: it answers each attempt as told — a proper
 * 2xx with an id, a 4xx or 5xx, a 2xx that is not JSON, or no answer in time — and counts per message
 * id (its {@code Idempotency-Key}) the attempts it saw and the messages it accepted. Like a real
 * provider it deduplicates on the key: a second proper 2xx for the same key is counted as a duplicate.
 */
final class TestSmsServer implements AutoCloseable {

	/** How to answer one attempt. */
	enum Answer {
		OK, SERVER_ERROR, TOO_MANY, BAD_REQUEST, GARBAGE, EMPTY_OK, TIMEOUT
	}

	record Request(long messageId, String idempotencyKey, String authorization, String body) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> accepted = new ConcurrentHashMap<>();

	final List<Request> requests = new CopyOnWriteArrayList<>();

	/** (message id, its attempt number 1, 2, …) → the answer; OK unless told otherwise. */
	volatile BiFunction<Long, Integer, Answer> script = (id, n) -> Answer.OK;

	volatile Duration timeoutPause = Duration.ofMillis(1500);

	TestSmsServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(executor);
		server.createContext("/sms", exchange -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
				long id = Long.parseLong(key);
				requests.add(new Request(id, key, exchange.getRequestHeaders().getFirst("Authorization"), body));
				int n = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
				Answer answer = script.apply(id, n);
				switch (answer) {
					case OK -> {
						accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
						respond(exchange, 200, "{\"result\":\"ok\",\"id\":\"p-" + id + "\"}");
					}
					case SERVER_ERROR -> respond(exchange, 500, "{\"error\":\"internal\"}");
					case TOO_MANY -> respond(exchange, 429, "{\"error\":\"slow down\"}");
					case BAD_REQUEST -> respond(exchange, 400, "{\"error\":\"invalid number\"}");
					case GARBAGE -> respond(exchange, 200, "<html><body>Gateway Time-out</body></html>");
					case EMPTY_OK -> respond(exchange, 200, "{\"result\":\"ok\"}");
					case TIMEOUT -> {
						try {
							Thread.sleep(timeoutPause.toMillis());
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
						respond(exchange, 200, "{\"id\":\"late-" + id + "\"}");
					}
				}
			}
		});
		server.start();
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException e) {
			// the client gave up (its read timeout): the provider's side of a lost answer
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
	}

	int attempts(long id) {
		AtomicInteger a = attempts.get(id);
		return a == null ? 0 : a.get();
	}

	int accepted(long id) {
		AtomicInteger a = accepted.get(id);
		return a == null ? 0 : a.get();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
