package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The switch's events find agents through the staff module's one cache: an administrator's edit on
 * the staff page (a new extension, a new name) is what the very next event sees.
 */
@HeatDeskTest
class AgentsIntegrationTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Agents agents;

	@Autowired
	Staff staff;

	@Test
	void anExtensionChangedOnTheStaffPageIsSeenByTheNextEvent() {
		TestStaff.Account admin = TestStaff.create(staff, "adm", Role.ADMIN);
		TestStaff.Account agent = TestStaff.create(staff, "moved", Role.AGENT);
		StaffView before = staff.findByUsername(agent.username()).orElseThrow();
		// the desk has just seen them at their old extension
		assertThat(agents.byExtension(agent.extension())).map(CallRecorder.Agent::staffId).contains(before.id());
		assertThat(agents.byUsername(agent.username())).map(StaffView::displayName).contains(agent.displayName());
		// ten digits: no account made by TestStaff (nine) or the demo (four) has it
		String moved = agent.extension() + "7";

		PageSession page = PageSession.login(port, admin.username());
		HttpResponse<String> form = page.get("/admin/staff/" + before.id());
		Matcher version = VERSION.matcher(form.body());
		assertThat(version.find()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("version", version.group(1));
		fields.put("displayName", "改名后");
		fields.put("extension", moved);
		fields.put("roles", "AGENT");
		HttpResponse<String> saved = page.post("/admin/staff/" + before.id(), fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		assertThat(agents.byExtension(agent.extension())).as("the old extension finds nobody at once").isEmpty();
		assertThat(agents.byExtension(moved)).map(CallRecorder.Agent::staffId).contains(before.id());
		assertThat(agents.byUsername(agent.username())).map(StaffView::displayName).contains("改名后");
	}
}
