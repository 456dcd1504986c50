package org.heatdesk.knowledge;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;

/** Accounts and words a knowledge test makes for itself. */
final class KnowledgeTestSupport {

	private KnowledgeTestSupport() {
	}

	static Actor person(Staff staff, String prefix, Role role, Role... more) {
		TestStaff.Account a = TestStaff.create(staff, prefix, role, more);
		return Actor.person(a.username(), a.displayName());
	}

	/**
	 * A word no article holds: latin letters only, which the analyzer keeps as one word, so a test
	 * can find exactly its own article.
	 */
	static String uniqueWord() {
		String digits = Long.toString(System.nanoTime(), 26);
		StringBuilder b = new StringBuilder("zq");
		for (char c : digits.toCharArray()) {
			b.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : (char) (c + 10));
		}
		return b.toString();
	}

	static Articles.Draft draft(String slug, String title, String body) {
		return new Articles.Draft(slug, title, body, "测试", "测试", null, null);
	}
}
