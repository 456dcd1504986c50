package org.heatdesk.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What article 5(一) and the issue ask the company to publish, in the order the guide lists it; the
 * slug is the public address ({@code /portal/info/fees}).
 */
enum PublishedTopic {

	COMMITMENTS("commitments"), SERVICES("services"), HOTLINES("hotlines"), FEES("fees"), SEASON("season"),
	TEMPERATURE("temperature"), REFUNDS("refunds");

	private final String slug;

	PublishedTopic(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

	static Optional<PublishedTopic> bySlug(String slug) {
		return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
	}
}
