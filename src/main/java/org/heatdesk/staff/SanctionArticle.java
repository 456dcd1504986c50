package org.heatdesk.staff;

/**
 * The rules of the standard a sanction can be for: the work discipline of chapter 8 and poor
 * service of chapter 11, item 2 (which names the measures). Labels are the messages
 * {@code people.article.<name>}.
 */
public enum SanctionArticle {

	/** 8.1 late, leaving early, absent. */
	ART_8_1("8.1"),
	/** 8.2 leaving the post, chatting. */
	ART_8_2("8.2"),
	/** 8.3 cold, shirking with a customer. */
	ART_8_3("8.3"),
	/** 8.4 leaking a customer's data. */
	ART_8_4("8.4"),
	/** 8.5 leaking the company's secrets. */
	ART_8_5("8.5"),
	/** 11.2 poor service quality. */
	ART_11_2("11.2");

	private final String number;

	SanctionArticle(String number) {
		this.number = number;
	}

	public String number() {
		return number;
	}

	/** The article named by its enum name or its number ({@code 8.4}); {@code null} when neither. */
	static SanctionArticle parse(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		for (SanctionArticle a : values()) {
			if (a.name().equals(v) || a.number.equals(v)) {
				return a;
			}
		}
		return null;
	}
}
