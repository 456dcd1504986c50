package org.heatdesk.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A ticket category of one type, in a tree maintained by managers. Public for the policy page in
 * {@code ticket.sla}, whose rules refer to categories.
 */
public record Category(long id, TicketType type, Long parentId, String code, String nameZh, String nameEn, String keywords,
		boolean active, int sort) {

	String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	List<String> keywordList() {
		return keywords == null || keywords.isBlank() ? List.of()
				: Arrays.stream(keywords.split("[,，\\s]+")).filter(k -> !k.isBlank()).toList();
	}
}
