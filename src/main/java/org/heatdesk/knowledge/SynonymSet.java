package org.heatdesk.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The synonym groups as search uses them: a word found anywhere in a query (俺家 inside
 * 俺家暖气咋不热乎) brings in the other words of its group. Immutable; a change of the groups makes
 * a new set.
 */
final class SynonymSet {

	static final SynonymSet EMPTY = new SynonymSet(List.of());

	/** Every word with the other words of its group; longest words first, so 咋整 is seen before 咋. */
	private final Map<String, List<String>> others = new HashMap<>();

	private final List<String> byLength;

	SynonymSet(Collection<? extends Collection<String>> groups) {
		for (Collection<String> g : groups) {
			for (String w : g) {
				List<String> rest = new ArrayList<>();
				for (String o : g) {
					if (!o.equals(w)) {
						rest.add(o);
					}
				}
				others.put(normal(w), rest);
			}
		}
		byLength = new ArrayList<>(others.keySet());
		byLength.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
	}

	static String normal(String word) {
		return word.strip().toLowerCase(Locale.ROOT);
	}

	/** The words the groups add to {@code query}: those of every group a word of which the query holds. */
	Set<String> expansions(String query) {
		Set<String> out = new LinkedHashSet<>();
		expansionGroups(query).forEach(out::addAll);
		return out;
	}

	/**
	 * The added words group by group: a query scores at most one synonym per group, so that a group
	 * of six words does not outweigh the words the caller said.
	 */
	List<Set<String>> expansionGroups(String query) {
		String q = normal(query);
		List<Set<String>> out = new ArrayList<>();
		Set<List<String>> seen = new java.util.HashSet<>();
		for (String w : byLength) {
			if (q.contains(w)) {
				List<String> group = others.get(w);
				Set<String> added = new LinkedHashSet<>();
				for (String o : group) {
					if (!q.contains(normal(o))) {
						added.add(normal(o));
					}
				}
				List<String> key = new ArrayList<>(added);
				key.add(w);
				java.util.Collections.sort(key);
				if (!added.isEmpty() && seen.add(key)) {
					out.add(added);
				}
			}
		}
		return out;
	}
}
