package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example in the search box's placeholder is one the demo data answers with rows. */
@HeatDeskTest
class SearchPlaceholderIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void thePlaceholdersExampleFindsCustomers() {
		PageSession agent = PageSession.login(port, "agent");
		String page = agent.get("/customers").body();
		Matcher placeholder = Pattern.compile("id=\"q\"[^>]*placeholder=\"([^\"]+)\"").matcher(page);
		assertThat(placeholder.find()).as(page).isTrue();
		// "电话、尾号4位、户号、姓名或地址，如 翠园 1-1-101": the example follows 如
		String example = placeholder.group(1).substring(placeholder.group(1).lastIndexOf("如 ") + 2).strip();
		assertThat(example).isNotBlank();
		String results = agent.get("/customers/results?q=" + URLEncoder.encode(example, StandardCharsets.UTF_8)).body();
		Matcher rows = Pattern.compile("<td>([^<]*1-1-101)</td>").matcher(results);
		assertThat(rows.find()).as(results).isTrue();
		assertThat(rows.group(1)).startsWith("翠园");
	}
}
