package org.heatdesk.ticket;

import org.heatdesk.ticket.sla.SlaPolicy;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Categories and policy versions, read often and changed rarely. A policy version never changes once
 * written, so it is cached by id for good; categories are cached for a minute and dropped on change.
 */
@Component
@EnableConfigurationProperties(TicketProperties.class)
class Catalog {

	private static final long CATEGORY_TTL_MILLIS = 60_000;

	private final TicketRepository repository;

	private final ZoneId zone;

	private final Map<Long, SlaPolicy> policies = new ConcurrentHashMap<>();

	private volatile Map<Long, Category> categories;

	private volatile long loadedAt;

	Catalog(TicketRepository repository, @Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.repository = repository;
		this.zone = ZoneId.of(zone);
	}

	ZoneId zone() {
		return zone;
	}

	SlaPolicy policy(long id) {
		return policies.computeIfAbsent(id, i -> repository.policy(i).orElseThrow());
	}

	/** The version in force; its id is re-read at most every few seconds (and at once after a change here). */
	SlaPolicy currentPolicy() {
		long[] c = current;
		long nowMillis = System.currentTimeMillis();
		if (c == null || nowMillis - c[1] > CURRENT_TTL_MILLIS) {
			c = new long[] { repository.currentPolicyId(), nowMillis };
			current = c;
		}
		return policy(c[0]);
	}

	void policyChanged() {
		current = null;
	}

	private static final long CURRENT_TTL_MILLIS = 5_000;

	private volatile long[] current;

	Map<Long, Category> categories() {
		Map<Long, Category> c = categories;
		if (c == null || System.currentTimeMillis() - loadedAt > CATEGORY_TTL_MILLIS) {
			c = repository.categories().stream()
				.collect(Collectors.toMap(Category::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
			categories = c;
			loadedAt = System.currentTimeMillis();
		}
		return c;
	}

	void categoriesChanged() {
		categories = null;
	}

	Optional<Category> category(Long id) {
		return id == null ? Optional.empty() : Optional.ofNullable(categories().get(id));
	}

	String categoryName(Long id) {
		Locale locale = LocaleContextHolder.getLocale();
		return category(id).map(c -> c.name(locale)).orElse(null);
	}

	List<Category> categories(TicketType type, boolean activeOnly) {
		return categories().values().stream()
			.filter(c -> c.type() == type && (!activeOnly || c.active()))
			.sorted(Comparator.comparingInt(Category::sort))
			.toList();
	}

	/**
	 * The category whose keywords occur most often in the description (longer keywords weigh more),
	 * preferring {@code type} when given; empty when no keyword occurs.
	 */
	Optional<Category> suggest(String description, TicketType type) {
		if (description == null || description.isBlank()) {
			return Optional.empty();
		}
		Category best = null;
		int bestScore = 0;
		for (Category c : categories().values()) {
			if (!c.active() || (type != null && c.type() != type)) {
				continue;
			}
			int score = 0;
			for (String k : c.keywordList()) {
				if (description.contains(k)) {
					score += k.length();
				}
			}
			if (score > bestScore) {
				best = c;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}
}
