package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketFixtures.action;
import static org.heatdesk.ticket.TicketFixtures.repair;
import static org.heatdesk.ticket.TicketFixtures.unique;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.ticket.Api;
import org.heatdesk.platform.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The overdue board's event stream over HTTP: hello on opening, changed after a committed change, closed on stop. */
@HeatDeskTest
class OverdueBoardStreamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	OverdueBoard board;

	/** Logs in through the login form (pages take sessions, not HTTP Basic) and opens the stream. */
	HttpResponse<Stream<String>> open(String username) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "username=" + username + "&password=heatdesk2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
		return client.send(HttpRequest.newBuilder(URI.create(base + "/tickets/overdue/stream"))
			.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
	}

	@Test
	void aBoardHearsHelloThenChangedAfterATicketChanges() throws Exception {
		HttpResponse<Stream<String>> stream = open("lead");
		assertThat(stream.statusCode()).isEqualTo(200);
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("event:")).forEach(l -> events.add(l.substring(6).strip())));
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
			Api agent = Api.as(port, "agent");
			String no = agent.post("/api/v1/tickets", repair(unique("看板推送"))).text("ticketNo");
			// recording alone does not move the board; cancelling does
			assertThat(agent.post("/api/v1/tickets/" + no + "/cancel", action("reason", "重复来电")).status()).isEqualTo(200);
			String next = events.poll(10, TimeUnit.SECONDS);
			while ("ping".equals(next)) {
				next = events.poll(10, TimeUnit.SECONDS);
			}
			assertThat(next).isEqualTo("changed");
		}
		finally {
			stream.body().close();
		}
	}

	@Test
	void anAgentHasNoBoardStream() throws Exception {
		assertThat(open("agent").statusCode()).isEqualTo(403);
	}

	@Test
	void stoppingClosesEveryStreamOfThisNode() {
		OverdueBoard local = new OverdueBoard(LiveUpdates.local());
		local.start();
		local.open();
		local.open();
		assertThat(local.openBoards()).isEqualTo(2);
		assertThat(local.getPhase()).isEqualTo(Integer.MAX_VALUE);
		local.stop();
		assertThat(local.openBoards()).isZero();
		assertThat(local.isRunning()).isFalse();
	}
}
