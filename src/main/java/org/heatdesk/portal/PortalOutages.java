package org.heatdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageExtension;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageView;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.stereotype.Service;

/**
 * The outages as the public sees them: in progress, announced for the next days, restored in the
 * last hours; and whether one address or account is affected. The list is read once for every
 * visitor of the next {@link #CACHED_FOR} (in a cold snap the page is opened thousands of times a
 * minute, and every visitor sees the same); a lookup runs against that list, so it costs at most
 * two small queries (the communities, an account's community). Nothing personal is shown: a lookup by account
 * answers with the account masked and its community, never a name, a phone or a room.
 */
@Service
class PortalOutages {

	/** How long the list is served from memory; the page says when it was read. */
	static final Duration CACHED_FOR = Duration.ofSeconds(30);

	/** Announced outages starting within this are shown ("upcoming"). */
	static final Duration UPCOMING = Duration.ofDays(3);

	/** Outages restored within this are still shown, as restored. */
	static final Duration RESTORED = Duration.ofHours(12);

	static final int MAX_QUERY = 60, MAX_MATCHES = 5;

	/** Account numbers as the company prints them on bills ({@code A1000042}); the customer search reads them the same way. */
	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z]{1,3}[0-9]{3,12}");

	enum State {
		ACTIVE, OVERDUE, UPCOMING, RESTORED
	}

	/** One outage on the public page. {@code latest} is the last thing the company said about it. */
	record PublicOutage(long id, OutageKind kind, State state, String title, String notice, List<String> communities,
			Set<Long> communityIds, Instant startsAt, Instant expectedRestoreAt, Instant restoredAt, Update latest) {
	}

	/** The latest update: when, and a new expected time with its reason (an extension), or only when it was published. */
	record Update(Instant at, Instant expectedRestoreAt, String reason) {
	}

	/** The list and when it was read. */
	record Now(List<PublicOutage> outages, Instant readAt, int communitiesWithoutHeat) {

		List<PublicOutage> inState(State... states) {
			Set<State> wanted = Set.of(states);
			return outages.stream().filter(o -> wanted.contains(o.state())).toList();
		}
	}

	/** What a lookup found for one community. */
	record Place(String community, String maskedAccount, List<PublicOutage> affecting, List<PublicOutage> upcoming,
			List<PublicOutage> restored) {

		public boolean affected() {
			return !affecting.isEmpty();
		}
	}

	/** A lookup's answer: by account (one place or none) or by address (the communities it may mean). */
	record Lookup(String query, boolean byAccount, List<Place> places, Instant readAt) {
	}

	private final Network network;

	private final Customers customers;

	private final Clock clock;

	private final PortalCache<Now> now;

	PortalOutages(Network network, Customers customers, Clock clock) {
		this.network = network;
		this.customers = customers;
		this.clock = clock;
		this.now = new PortalCache<>(CACHED_FOR, clock);
	}

	Now now() {
		return now.get(this::read);
	}

	/**
	 * A change on this node shows at once (other nodes within {@link #CACHED_FOR}): an outage published,
	 * extended or restored clears the list once its transaction has committed.
	 */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(org.heatdesk.network.OutagePublished e) {
		now.clear();
	}

	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(org.heatdesk.network.OutageExtended e) {
		now.clear();
	}

	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(org.heatdesk.network.OutageRestored e) {
		now.clear();
	}

	private Now read() {
		Instant at = clock.instant();
		List<OutageView> open = network.openOutages();
		List<OutageView> recent = network.recentOutages(50);
		Map<Long, OutageView> shown = new java.util.LinkedHashMap<>();
		for (OutageView o : open) {
			if (o.activeAt(at) || o.startsAt().isBefore(at.plus(UPCOMING))) {
				shown.put(o.id(), o);
			}
		}
		for (OutageView o : recent) {
			if (o.restoredAt() != null && o.restoredAt().isAfter(at.minus(RESTORED)) && !o.restoredAt().isAfter(at)) {
				shown.putIfAbsent(o.id(), o);
			}
		}
		List<PublicOutage> list = new ArrayList<>();
		Set<Long> cut = new java.util.HashSet<>();
		for (OutageView o : shown.values()) {
			List<CommunityView> affected = network.communitiesAffectedBy(o.id());
			State state = o.restoredAt() != null ? State.RESTORED
					: o.upcomingAt(at) ? State.UPCOMING : o.overdueAt(at) ? State.OVERDUE : State.ACTIVE;
			if (state == State.ACTIVE || state == State.OVERDUE) {
				affected.forEach(c -> cut.add(c.id()));
			}
			list.add(new PublicOutage(o.id(), o.kind(), state, o.title(), o.noticeText(),
					affected.stream().map(CommunityView::name).distinct().toList(),
					affected.stream().map(CommunityView::id).collect(Collectors.toUnmodifiableSet()), o.startsAt(),
					o.expectedRestoreAt(), o.restoredAt(), latest(o)));
		}
		// in progress first (the longest-running on top), then the announced ones by start, then the restored
		list.sort(Comparator.comparingInt((PublicOutage o) -> switch (o.state()) {
			case OVERDUE, ACTIVE -> 0;
			case UPCOMING -> 1;
			case RESTORED -> 2;
		}).thenComparing(o -> o.state() == State.RESTORED ? Instant.MAX.minusSeconds(o.restoredAt().getEpochSecond()) : o.startsAt()));
		return new Now(List.copyOf(list), at, cut.size());
	}

	private Update latest(OutageView o) {
		if (o.restoredAt() != null) {
			return new Update(o.restoredAt(), null, null);
		}
		Optional<OutageExtension> last = network.extensions(o.id())
			.stream()
			.max(Comparator.comparing(OutageExtension::extendedAt));
		return last.map(e -> new Update(e.extendedAt(), e.expectedRestoreAt(), e.reason()))
			.orElseGet(() -> new Update(o.createdAt(), null, null));
	}

	/**
	 * Whether the heating of an address or an account is affected. An account number is recognised
	 * by its form; anything else is read as an address whose community name it contains (or begins
	 * with: 翠园 3-2-501 finds 翠园小区).
	 * @throws HeatDeskException {@code PORTAL_LOOKUP_MISSING} (400) for a blank query,
	 * {@code TOO_LONG} past {@link #MAX_QUERY} characters
	 */
	Lookup lookup(String query) {
		String q = InputChecks.optional(InputChecks.text(query, "q"), "q", MAX_QUERY);
		if (q == null) {
			throw HeatDeskException.badInput("PORTAL_LOOKUP_MISSING", "q");
		}
		Now current = now();
		String compact = q.replaceAll("\\s+", "");
		if (ACCOUNT.matcher(compact).matches()) {
			Optional<CustomerView> customer = customers.findByAccountNo(compact);
			List<Place> places = customer.map(c -> List.of(place(current, c.communityId(), c.communityName(), mask(compact))))
				.orElse(List.of());
			return new Lookup(q, true, places, current.readAt());
		}
		List<Place> places = communitiesIn(q).stream()
			.map(c -> place(current, c.id(), c.name(), null))
			.toList();
		return new Lookup(q, false, places, current.readAt());
	}

	private Place place(Now current, long communityId, String name, String maskedAccount) {
		Function<State[], List<PublicOutage>> of = states -> current.inState(states)
			.stream()
			.filter(o -> o.communityIds().contains(communityId))
			.toList();
		return new Place(name, maskedAccount, of.apply(new State[] { State.ACTIVE, State.OVERDUE }),
				of.apply(new State[] { State.UPCOMING }), of.apply(new State[] { State.RESTORED }));
	}

	/** The communities an address names: those whose full name it contains, else those its leading words begin. */
	List<CommunityView> communitiesIn(String address) {
		// read for each lookup, not cached: a community added a minute ago must be found (the table is small,
		// and a lookup is not the page a cold snap's crowd opens: the list is)
		List<CommunityView> all = network.communities();
		String text = address.replaceAll("\\s+", "");
		Set<CommunityView> found = new LinkedHashSet<>();
		all.stream()
			.filter(c -> text.contains(c.name()))
			.sorted(Comparator.comparingInt((CommunityView c) -> -c.name().length()))
			.forEach(found::add);
		if (found.isEmpty()) {
			// the words before the first digit or dash: 翠园 3-2-501 → 翠园; 翠园小区 → 翠园
			String words = text.split("[0-9０-９\\-－#号栋楼单元室]", 2)[0].replaceAll("(小区|社区|花园)$", "");
			if (words.codePointCount(0, words.length()) >= 2) {
				all.stream()
					.filter(c -> c.name().contains(words))
					.sorted(Comparator.comparingInt((CommunityView c) -> c.name().length()))
					.forEach(found::add);
			}
		}
		return found.stream().limit(MAX_MATCHES).toList();
	}

	/** Whether the query has the form of an account number (a lookup that names a customer, hence limited). */
	static boolean looksLikeAccount(String query) {
		return query != null && ACCOUNT.matcher(query.replaceAll("\\s+", "")).matches();
	}

	/** {@code A1000042} → {@code A10****42}: enough to recognise one's own, not to read another's. */
	static String mask(String account) {
		String a = account.toUpperCase();
		if (a.length() <= 5) {
			return a.charAt(0) + "****";
		}
		return a.substring(0, 3) + "*".repeat(a.length() - 5) + a.substring(a.length() - 2);
	}
}
