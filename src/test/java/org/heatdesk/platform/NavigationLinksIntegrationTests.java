package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Everything a role is offered, it may open: every link in the navigation and on the home page, and
 * every link on the pages the navigation leads to, answers 200 for every demo role (not 403, not 500).
 */
@HeatDeskTest
class NavigationLinksIntegrationTests {

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"#]+)\"");

	private static final Pattern NAV = Pattern.compile("<nav class=\"mainnav\".*?</nav>", Pattern.DOTALL);

	private static final Pattern MAIN = Pattern.compile("<main\\b.*?</main>", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} may open every link offered")
	@ValueSource(strings = { "agent", "lead", "dispatcher", "tech", "manager", "admin", "auditor" })
	void everyLinkOfferedOpens(String username) {
		PageSession session = PageSession.login(port, username);
		String home = session.get("/").body();
		Matcher nav = NAV.matcher(home);
		assertThat(nav.find()).isTrue();
		Set<String> offered = new LinkedHashSet<>(links(nav.group()));
		assertThat(offered).isNotEmpty();
		Matcher main = MAIN.matcher(home);
		assertThat(main.find()).isTrue();
		offered.addAll(links(main.group()));

		List<String> refused = new ArrayList<>();
		Set<String> onPages = new LinkedHashSet<>();
		for (String path : offered) {
			var page = session.get(path);
			if (page.statusCode() != 200) {
				refused.add(path + " → " + page.statusCode());
				continue;
			}
			Matcher m = MAIN.matcher(page.body());
			if (m.find()) {
				onPages.addAll(links(m.group()));
			}
		}
		onPages.removeAll(offered);
		for (String path : onPages) {
			int status = session.get(path).statusCode();
			// a link on a page may lead through a redirect (/tickets → /tickets/mine); refusals and errors may not
			if (status >= 400) {
				refused.add(path + " → " + status);
			}
		}
		assertThat(refused).as("links offered to %s that do not open", username).isEmpty();
	}

	/** The site's own links (not the language switch or the log-out form). */
	private static List<String> links(String html) {
		List<String> links = new ArrayList<>();
		Matcher m = LINK.matcher(html);
		while (m.find()) {
			String href = m.group(1).replace("&amp;", "&");
			if (href.startsWith("/") && !href.startsWith("//") && !href.contains("lang=")) {
				links.add(href);
			}
		}
		return links;
	}
}
