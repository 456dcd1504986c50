package org.heatdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.stereotype.Component;

/**
 * Agents by telephone extension, through the staff module, remembered for half a minute so a busy
 * switch costs one lookup per extension and not one per event. Unknown extensions are not
 * remembered, so a newly configured one works at once.
 */
@Component
class Agents {

	private static final Duration REMEMBER = Duration.ofSeconds(30);

	private final Staff staff;

	private final Map<String, Entry> byExtension = new ConcurrentHashMap<>();

	/** A staff member's user name never changes, so it is remembered for good. */
	private final Map<Long, String> usernames = new ConcurrentHashMap<>();

	Agents(Staff staff) {
		this.staff = staff;
	}

	private record Entry(CallRecorder.Agent agent, Instant until) {
	}

	Optional<CallRecorder.Agent> byExtension(String extension) {
		if (extension == null) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		Entry e = byExtension.get(extension);
		if (e != null && e.until().isAfter(now)) {
			return Optional.of(e.agent());
		}
		Optional<CallRecorder.Agent> found = staff.byExtension(extension)
			.map(v -> new CallRecorder.Agent(v.id(), v.username()));
		found.ifPresent(a -> byExtension.put(extension, new Entry(a, now.plus(REMEMBER))));
		return found;
	}

	Optional<String> usernameOf(long staffId) {
		String known = usernames.get(staffId);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<String> found = staff.find(staffId).map(StaffView::username);
		found.ifPresent(u -> usernames.put(staffId, u));
		return found;
	}

	Optional<StaffView> byUsername(String username) {
		return staff.findByUsername(username);
	}
}
