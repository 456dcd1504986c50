package org.heatdesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The one cache of staff accounts, behind {@link Staff}'s lookups (by id, user name and extension)
 * and the login check: the screen pop, the desk and every ticket command look someone up per
 * event or request, and should not each cost a query. A copy is used only while nothing on this
 * node changed any account since it was read ({@link StaffRepository#changes()}), so an
 * administrator's edit is seen at once, and for at most {@link #FRESH_FOR} on the injected
 * {@link Clock}, so that a change made on another node is seen within that time. Nothing is
 * remembered for a name or extension that finds nobody, so a new account works at once.
 */
@Component
class StaffDirectory {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final StaffRepository repository;

	private final Clock clock;

	private final Map<Long, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, Entry> byUsername = new ConcurrentHashMap<>();

	private final Map<String, Entry> byExtension = new ConcurrentHashMap<>();

	private record Entry(StaffRepository.Account account, long changes, Instant until) {
	}

	StaffDirectory(StaffRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	Optional<StaffRepository.Account> byId(long id) {
		return lookup(byId, id, () -> repository.findAccount(id));
	}

	Optional<StaffRepository.Account> byUsername(String username) {
		return username == null ? Optional.empty() : lookup(byUsername, username, () -> repository.findAccount(username));
	}

	/** The active account at this extension. */
	Optional<StaffRepository.Account> byExtension(String extension) {
		return extension == null ? Optional.empty()
				: lookup(byExtension, extension, () -> repository.findByExtension(extension));
	}

	private <K> Optional<StaffRepository.Account> lookup(Map<K, Entry> entries, K key,
			Supplier<Optional<StaffRepository.Account>> load) {
		// taken before reading, so a copy read while a change is being written is never used later
		long changes = repository.changes();
		Instant now = clock.instant();
		Entry known = entries.get(key);
		if (known != null && known.changes() == changes && now.isBefore(known.until())) {
			return Optional.of(known.account());
		}
		Optional<StaffRepository.Account> found = load.get();
		found.ifPresentOrElse(a -> entries.put(key, new Entry(a, changes, now.plus(FRESH_FOR))), () -> entries.remove(key));
		return found;
	}
}
