package org.heatdesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.ticket.sla.PolicyStore;
import org.heatdesk.ticket.sla.SlaPolicy;
import org.springframework.stereotype.Component;

/** The policy versions and categories for {@code ticket.sla} ({@link PolicyStore}): the repository's SQL and the {@link Catalog}'s caches. */
@Component
class TicketPolicyStore implements PolicyStore {

	private final TicketRepository repository;

	private final Catalog catalog;

	TicketPolicyStore(TicketRepository repository, Catalog catalog) {
		this.repository = repository;
		this.catalog = catalog;
	}

	@Override
	public ZoneId zone() {
		return catalog.zone();
	}

	@Override
	public SlaPolicy current() {
		return catalog.currentPolicy();
	}

	@Override
	public List<SlaPolicy> versions() {
		return repository.policyIds().stream().map(catalog::policy).toList();
	}

	@Override
	public SlaPolicy add(SlaPolicy candidate, Instant at) {
		long id = repository.insertPolicy(candidate, at);
		SlaPolicy added = catalog.policy(id);
		catalog.policyChanged();
		return added;
	}

	@Override
	public Map<Long, Category> categories() {
		return catalog.categories();
	}

	@Override
	public Optional<Category> category(Long id) {
		return catalog.category(id);
	}

	@Override
	public String categoryName(Long id) {
		return catalog.categoryName(id);
	}

	@Override
	public long addCategory(TicketType type, Long parentId, String code, String nameZh, String nameEn, String keywords, int sort) {
		long id = repository.insertCategory(type, parentId, code, nameZh, nameEn, keywords, sort);
		catalog.categoriesChanged();
		return id;
	}

	@Override
	public void setCategoryActive(long id, boolean active) {
		repository.setCategoryActive(id, active);
		catalog.categoriesChanged();
	}
}
