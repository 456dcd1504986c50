package org.heatdesk.ticket.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.ticket.Category;
import org.heatdesk.ticket.TicketType;

/**
 * What {@link TicketPolicies} and the policy page read and write: the deadline policy's versions and
 * the category tree its rules refer to. Implemented in {@code org.heatdesk.ticket}, which keeps the
 * tables, the repository and the caches of both.
 */
public interface PolicyStore {

	/** The zone in which the company counts and shows times. */
	ZoneId zone();

	/** The version in force. */
	SlaPolicy current();

	/** Every version, newest first. */
	List<SlaPolicy> versions();

	/** Stores {@code candidate} as the next version, in force for tickets recorded from now on, and returns it as stored. */
	SlaPolicy add(SlaPolicy candidate, Instant at);

	/** The categories by id, in the order of the tree (type, sort). */
	Map<Long, Category> categories();

	Optional<Category> category(Long id);

	/** The category's name in the reader's language, {@code null} for none. */
	String categoryName(Long id);

	/**
	 * Adds a category.
	 * @throws org.springframework.dao.DuplicateKeyException when the code is taken
	 */
	long addCategory(TicketType type, Long parentId, String code, String nameZh, String nameEn, String keywords, int sort);

	void setCategoryActive(long id, boolean active);
}
