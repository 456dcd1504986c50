package org.heatdesk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

/**
 * The Chromium instances of the whole test JVM, started when a test first needs one of that size
 * against that port and quit when the JVM ends: starting Chromium (seconds on a busy machine) costs
 * more than most browser tests take, so every browser test class of a Surefire fork shares them.
 * A test uses one as before, {@code try (Browser b = browsers.open(port, Browser.DESK))}; closing it
 * hands it back with no cookies, no stored data, no extra window and no page open, so the next test,
 * of this class or another, starts signed out. Sizes are never mixed, because a phone is emulated from
 * the start (see {@link Browser#open}). Register it on a static field:
 * {@code @RegisterExtension static final Browsers browsers = new Browsers();} — after its class, a
 * browser the class did not hand back is quit rather than lent again.
 */
public final class Browsers implements AfterAllCallback {

	private static final Map<String, Deque<Browser>> idle = new HashMap<>();

	private static final List<Browser> started = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Browsers::quitAll, "quit-chromium"));
	}

	/** Lent by this class's tests and not handed back yet. */
	private final Set<Browser> lent = new HashSet<>();

	/** A Chromium at {@code size} against the application on {@code port}, signed out and on no page. */
	public Browser open(int port, Dimension size) {
		String key = port + "@" + size.getWidth() + "x" + size.getHeight();
		Browser browser;
		synchronized (Browsers.class) {
			browser = idle.computeIfAbsent(key, k -> new ArrayDeque<>()).poll();
		}
		if (browser == null) {
			// outside the lock: another test thread need not wait for this start
			browser = Browser.open(port, size);
			synchronized (Browsers.class) {
				started.add(browser);
			}
		}
		synchronized (this) {
			lent.add(browser);
		}
		browser.lend(b -> giveBack(key, b));
		return browser;
	}

	private void giveBack(String key, Browser browser) {
		synchronized (this) {
			lent.remove(browser);
		}
		try {
			browser.reset();
			synchronized (Browsers.class) {
				idle.get(key).push(browser);
			}
		}
		catch (RuntimeException e) {
			// a Chromium that cannot be cleaned is not lent again: the next test gets a new one
			forget(browser);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		List<Browser> leftOver;
		synchronized (this) {
			leftOver = new ArrayList<>(lent);
			lent.clear();
		}
		// still signed in somewhere, perhaps still on a page: not fit for another class
		leftOver.forEach(Browsers::forget);
	}

	private static void forget(Browser browser) {
		synchronized (Browsers.class) {
			started.remove(browser);
		}
		try {
			browser.quit();
		}
		catch (RuntimeException ignored) {
			// already gone
		}
	}

	private static void quitAll() {
		List<Browser> all;
		synchronized (Browsers.class) {
			all = new ArrayList<>(started);
			started.clear();
			idle.clear();
		}
		for (Browser b : all) {
			try {
				b.quit();
			}
			catch (RuntimeException ignored) {
				// the JVM is ending: a Chromium that will not quit is ended with it by the driver service
			}
		}
	}
}
