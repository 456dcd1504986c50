package org.heatdesk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

/**
 * The Chromium instances of one test class, started when a test first needs one of that size and
 * quit after the class's last test: starting Chromium costs more than most browser tests take.
 * A test uses one as before, {@code try (Browser b = browsers.open(port, Browser.DESK))}; closing it
 * hands it back with no cookies, no stored data and no page open, so the next test starts signed out.
 * Sizes are never mixed, because a phone is emulated from the start (see {@link Browser#open}).
 * Register it on a static field: {@code @RegisterExtension static final Browsers browsers = new Browsers();}
 */
public final class Browsers implements AfterAllCallback {

	private final Map<String, Deque<Browser>> idle = new HashMap<>();

	private final List<Browser> started = new ArrayList<>();

	/** A Chromium at {@code size} against the application on {@code port}, signed out and on no page. */
	public synchronized Browser open(int port, Dimension size) {
		String key = port + "@" + size.getWidth() + "x" + size.getHeight();
		Browser browser = idle.computeIfAbsent(key, k -> new ArrayDeque<>()).poll();
		if (browser == null) {
			browser = Browser.open(port, size);
			started.add(browser);
		}
		browser.lend(b -> giveBack(key, b));
		return browser;
	}

	private synchronized void giveBack(String key, Browser browser) {
		try {
			browser.reset();
			idle.get(key).push(browser);
		}
		catch (RuntimeException e) {
			// a Chromium that cannot be cleaned is not lent again: the next test gets a new one
			started.remove(browser);
			browser.quit();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		started.forEach(Browser::quit);
		started.clear();
		idle.clear();
	}
}
