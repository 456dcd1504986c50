package org.heatdesk.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of the customer module: find a customer (by id, account number, phone, or the one
 * search box), and record that someone looked at a customer's personal data. Every
 * {@link CustomerView} handed out is masked as the current user's role requires (see
 * {@link Masking}); other modules that show a customer's personal data call
 * {@link #logAccess(long, String)}.
 */
@Service
public class Customers {

	/** Purpose of the access log entry written when the customer page is opened. */
	public static final String PURPOSE_VIEW = "VIEW";

	/** Purpose of the access log entry written when full phones are revealed (with a reason). */
	public static final String PURPOSE_REVEAL_PHONE = "REVEAL_PHONE";

	/** Purpose of the access log entry written when personal data is exported. */
	public static final String PURPOSE_EXPORT = "EXPORT";

	/** Purpose of the access log entry written when the API returns one customer. */
	public static final String PURPOSE_API = "API";

	private static final int MAX_LIMIT = 100;

	private final CustomerRepository repository;

	private final Network network;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	Customers(CustomerRepository repository, Network network, AuditTrail audit, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.repository = repository;
		this.network = network;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Where a message to this customer goes: the first mobile number among the customer's phones,
	 * and the opt-out. Not masked and not logged as a read: it is for the outbox, which stores the
	 * number to deliver and shows it masked.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<MessageRecipient> messageRecipient(long customerId) {
		return repository.messageRecipients(java.util.List.of(customerId)).stream().findFirst();
	}

	/**
	 * The message recipients of every customer in these communities who is not disconnected, in
	 * customer id order, handed to {@code each} as they are read (an outage notice may reach tens of
	 * thousands of customers).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public void forEachMessageRecipient(java.util.Collection<Long> communityIds,
			java.util.function.Consumer<MessageRecipient> each) {
		repository.forEachMessageRecipient(communityIds, each);
	}

	/** A phone number masked as pages show it to anyone: {@code 138****1234}. */
	public static String maskPhone(String phone) {
		String stored = Phones.normalize(phone);
		return Phones.mask(stored == null ? phone : stored);
	}

	/**
	 * The customer asks for no messages (or again for messages); audited as
	 * {@code CUSTOMER_MESSAGES_OPT_OUT}.
	 * @throws HeatDeskException {@code CUSTOMER_NOT_FOUND}
	 */
	@Transactional
	public void setMessagesOptOut(org.heatdesk.platform.Actor by, long customerId, boolean optOut) {
		CustomerRow row = repository.find(customerId).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		boolean before = repository.messagesOptOut(customerId);
		if (before == optOut) {
			return;
		}
		repository.setMessagesOptOut(customerId, optOut, clock.instant());
		audit.record(by, "CUSTOMER_MESSAGES_OPT_OUT", "customer", row.accountNo(), java.util.Map.of("optOut", before),
				java.util.Map.of("optOut", optOut));
	}

	/** The customer, masked for the current user; no access is logged (call {@link #logAccess}). */
	// One statement: it needs no transaction of its own, but joins the caller's (SUPPORTS) so that a
	// lookup in the screen pop costs one round trip, not BEGIN + query + COMMIT.
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<CustomerView> find(long id) {
		return repository.find(id).map(r -> r.view(masking()));
	}

	/** The customers with these ids, masked for the current user, in one statement; no access is logged. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public java.util.Map<Long, CustomerView> findAll(java.util.Collection<Long> ids) {
		Masking masking = masking();
		java.util.Map<Long, CustomerView> found = new java.util.HashMap<>();
		for (CustomerRow r : repository.findAll(ids)) {
			CustomerView v = r.view(masking);
			found.put(v.id(), v);
		}
		return found;
	}

	/** The customer with this account number (exact, case-insensitive), masked for the current user. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<CustomerView> findByAccountNo(String accountNo) {
		if (accountNo == null || accountNo.isBlank()) {
			return Optional.empty();
		}
		return repository.findByAccountNo(accountNo.strip().toUpperCase()).map(r -> r.view(masking()));
	}

	/**
	 * The customers who gave this full phone number (mobile or landline, in any common notation), in
	 * account order; one indexed query, for the screen pop. Empty for a malformed number.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<CustomerView> findByPhone(String phone) {
		String stored = Phones.normalize(phone);
		if (stored == null) {
			return List.of();
		}
		Masking masking = masking();
		return repository.findByPhone(stored).stream().map(r -> r.view(masking)).toList();
	}

	/**
	 * The one search box: a full phone, the last four digits (optionally with a community:
	 * {@code 翠园 1234}), an account number, a name, or an address as people say it
	 * ({@code 翠园小区3号楼2单元501}, {@code 翠园 3-2-501}). Exact matches come first.
	 * @param limit at most this many results (capped at 100)
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<CustomerView> search(String query, int limit) {
		return search(query, null, limit);
	}

	/**
	 * Like {@link #search(String, int)}, narrowed to one community when {@code communityId} is given
	 * (used with the last four digits of a phone). Each statement stands alone (no transaction of
	 * its own), so that the common forms cost one round trip.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<CustomerView> search(String query, Long communityId, int limit) {
		Masking masking = masking();
		return searchRows(SearchQuery.parse(query), communityId, Math.max(1, Math.min(limit, MAX_LIMIT))).stream()
			.map(r -> r.view(masking))
			.toList();
	}

	/**
	 * Records in the access log that the current user saw this customer's personal data, and why.
	 * Other modules call it when they show a customer (e.g. {@code SCREEN_POP}, {@code TICKET}).
	 * @throws HeatDeskException {@code CUSTOMER_NOT_FOUND} for an unknown customer
	 */
	@Transactional
	public void logAccess(long customerId, String purpose) {
		logAccess(customerId, purpose, null);
	}

	/**
	 * The customer's full phones, for a module that has already established that the current user
	 * needs them whatever their role's masking (the technician of a job at this customer's door);
	 * recorded in the access log as a reveal ({@link #PURPOSE_REVEAL_PHONE}) with the reason.
	 * @throws HeatDeskException {@code CUSTOMER_NOT_FOUND}
	 */
	@Transactional
	public List<String> revealPhonesFor(long customerId, String reason) {
		CustomerRow row = repository.find(customerId).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		logAccess(customerId, PURPOSE_REVEAL_PHONE, reason);
		return row.phones();
	}

	void logAccess(Long customerId, String purpose, String reason) {
		if (customerId != null && !repository.exists(customerId)) {
			throw HeatDeskException.notFound("CUSTOMER_NOT_FOUND");
		}
		String p = purpose == null || purpose.isBlank() ? "UNSPECIFIED" : purpose.strip();
		repository.logAccess(clock.instant(), AuditTrail.currentActor(), AuditTrail.currentAddress(), customerId,
				p.length() > 40 ? p.substring(0, 40) : p, reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300));
	}

	List<CustomerRow> searchRows(SearchQuery q, Long communityId, int limit) {
		Map<Long, CustomerRow> results = new LinkedHashMap<>();
		switch (q.form()) {
			case EMPTY -> {
			}
			case PHONE -> add(results, repository.findByPhone(q.phone()), limit);
			case LAST4 -> {
				List<Long> communities = communityId != null ? List.of(communityId)
						: q.communityText() != null ? communityIds(q.communityText()) : null;
				if (communities == null || !communities.isEmpty()) {
					add(results, repository.findByLast4(q.last4(), communities, limit), limit);
				}
			}
			case ACCOUNT -> {
				repository.findByAccountNo(q.accountNo()).ifPresent(r -> results.put(r.id(), r));
				add(results, repository.findByAccountPrefix(q.accountNo(), limit), limit);
			}
			case ADDRESS -> {
				List<Long> communities = communityId != null ? List.of(communityId) : communityIds(q.communityText());
				if (!communities.isEmpty()) {
					add(results, repository.findByAddress(communities, q.building(), q.unit(), q.room(), limit), limit);
				}
			}
			case TEXT -> {
				// A name first (exact, then by prefix), then the customers of a community of that name.
				add(results, repository.findByNamePrefix(q.text(), limit), limit);
				if (results.size() < limit) {
					List<CommunityView> named = network.matchCommunities(q.text(), 3);
					if (!named.isEmpty() && (named.get(0).name().startsWith(q.text()))) {
						add(results, repository.findByAddress(List.of(named.get(0).id()), null, null, null, limit), limit);
					}
				}
			}
		}
		return new ArrayList<>(results.values());
	}

	private List<Long> communityIds(String text) {
		List<CommunityView> matches = network.matchCommunities(text, 5);
		if (!matches.isEmpty() && matches.get(0).name().equals(text)) {
			return List.of(matches.get(0).id());
		}
		return matches.stream().map(CommunityView::id).toList();
	}

	private static void add(Map<Long, CustomerRow> results, List<CustomerRow> rows, int limit) {
		for (CustomerRow r : rows) {
			if (results.size() >= limit) {
				return;
			}
			results.putIfAbsent(r.id(), r);
		}
	}

	/** The masking rules for the current user. */
	static Masking masking() {
		return Masking.forRoles(currentRoles());
	}

	static Set<Role> currentRoles() {
		return Role.of(SecurityContextHolder.getContext().getAuthentication());
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	Instant now() {
		return clock.instant();
	}

	ZoneId zoneId() {
		return zone;
	}
}
