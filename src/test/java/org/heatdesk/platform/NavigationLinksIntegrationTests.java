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
import org.heatdesk.TestStaff;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Everything a role is offered, it may open: every link in the navigation and on the home page, and
 * every link on the pages the navigation leads to, answers 200 for every demo role (not 403, not 500).
 * And the navigation agrees with the pages' rules role by role: a person holding one role alone sees
 * exactly the entries declared for that role, and each of them opens.
 */
@HeatDeskTest
class NavigationLinksIntegrationTests {

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"#]+)\"");

	private static final Pattern NAV = Pattern.compile("<nav class=\"mainnav\".*?</nav>", Pattern.DOTALL);

	private static final Pattern MAIN = Pattern.compile("<main\\b.*?</main>", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	List<NavItem> navigation;

	@ParameterizedTest(name = "{0} alone sees its entries and may open them")
	@EnumSource(Role.class)
	void navigationOfOneRoleOpens(Role role) {
		TestStaff.Account account = TestStaff.create(staff, "nav", role);
		PageSession session = PageSession.login(port, account.username());
		Matcher nav = NAV.matcher(home(session));
		assertThat(nav.find()).isTrue();
		List<String> declared = navigation.stream()
			.filter(item -> item.visibleTo(Set.of(role)))
			.map(NavItem::path)
			.toList();
		assertThat(declared).as("entries declared for %s", role).isNotEmpty();
		assertThat(links(nav.group())).as("navigation shown to %s", role).containsExactlyInAnyOrderElementsOf(declared);

		List<String> refused = new ArrayList<>();
		for (String path : declared) {
			int status = session.get(path).statusCode();
			if (status != 200) {
				refused.add(path + " → " + status);
			}
		}
		assertThat(refused).as("entries shown to %s whose page refuses %s", role, role).isEmpty();
	}

	/**
	 * The actions a page offers follow the groups of the endpoints they lead to: the call figures
	 * (team leads, managers, auditors), publishing a contract template and the customer export
	 * (managers only).
	 */
	@ParameterizedTest(name = "{0} alone is offered the actions its role may take")
	@EnumSource(value = Role.class, names = { "AGENT", "TEAM_LEAD", "MANAGER", "AUDITOR", "ADMIN" })
	void actionsOnPagesFollowTheRoles(Role role) {
		PageSession session = PageSession.login(port, TestStaff.create(staff, "act", role).username());
		if (role != Role.ADMIN) {
			var calls = session.get("/calls");
			assertThat(calls.statusCode()).isEqualTo(200);
			assertThat(calls.body().contains("href=\"/calls/figures\"")).as("figures link for %s", role)
				.isEqualTo(role != Role.AGENT);
		}
		if (role == Role.TEAM_LEAD || role == Role.MANAGER) {
			var contracts = session.get("/customers/contracts");
			assertThat(contracts.statusCode()).isEqualTo(200);
			assertThat(contracts.body().contains("action=\"/customers/contracts/templates\""))
				.as("template form for %s", role).isEqualTo(role == Role.MANAGER);
		}
		if (role == Role.MANAGER || role == Role.ADMIN) {
			var exchange = session.get("/customers/import");
			assertThat(exchange.statusCode()).isEqualTo(200);
			assertThat(exchange.body().contains("action=\"/customers/export\"")).as("export form for %s", role)
				.isEqualTo(role == Role.MANAGER);
		}
	}

	@ParameterizedTest(name = "{0} may open every link offered")
	@ValueSource(strings = { "agent", "lead", "dispatcher", "tech", "manager", "admin", "auditor" })
	void everyLinkOfferedOpens(String username) {
		PageSession session = PageSession.login(port, username);
		String home = home(session);
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

	/** The home page; a technician's home is their jobs (/field), where their navigation is. */
	private static String home(PageSession session) {
		var first = session.get("/");
		return first.statusCode() == 302
				? session.get(java.net.URI.create(first.headers().firstValue("Location").orElseThrow()).getPath()).body()
				: first.body();
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
