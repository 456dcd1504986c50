package org.heatdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for page tests. Without Chromium the test is skipped with a notice, except
 * on CI ({@code CI=true}), where a missing browser fails the run. Every page visited can be saved
 * as a screenshot under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	/** An agent's desk. */
	public static final Dimension DESK = new Dimension(1366, 768);

	/** A technician's or customer's phone. */
	public static final Dimension PHONE = new Dimension(390, 844);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	/** The window's size as opened, restored between tests of a shared instance (see {@link Browsers}). */
	private final Dimension opened;

	/** Set while a {@link Browsers} pool has lent this browser: closing it hands it back. */
	private java.util.function.Consumer<Browser> giveBack;

	private Browser(ChromeDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
		this.opened = driver.manage().window().getSize();
	}

	/** Opens Chromium at {@code size} (width × height) against the application on {@code port}. */
	public static Browser open(int port, Dimension size) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("Chromium and chromedriver are required on CI: install chromium chromium-driver");
			}
			System.err.println("NOTICE: browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
					+ "(apt-get install chromium chromium-driver fonts-wqy-microhei)");
			Assumptions.abort("Chromium is not installed");
		}
		try {
			Path profile = Files.createTempDirectory("heatdesk-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--lang=zh-CN", "--user-data-dir=" + profile,
					"--window-size=" + size.getWidth() + "," + size.getHeight());
			// --lang alone leaves Chromium on Linux in English: the page's language list and the
			// driver's environment decide the language of native messages and date inputs
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
			if (size.getWidth() < 500) {
				// Desktop Chromium will not make a window narrower than 500 px: emulate the phone instead.
				options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
						java.util.Map.of("width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 2.0, "touch", true)));
			}
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withEnvironment(java.util.Map.of("LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8"))
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ZERO);
			return new Browser(driver, "http://localhost:" + port, profile);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	/** Logs in through the login form and waits for the home page. */
	public Browser login(String username, String password) {
		go("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		String form = driver.getCurrentUrl();
		find(By.cssSelector("form button[type=submit]")).click();
		// the next navigation must not overtake the login: wait for its answer (home, or the form with a message)
		waitFor(d -> !d.getCurrentUrl().equals(form) || !d.findElements(By.cssSelector(".login .alert")).isEmpty());
		return this;
	}

	public Browser logout() {
		driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
		return this;
	}

	public WebElement find(By by) {
		return waitFor(d -> d.findElement(by));
	}

	/** The element's text; an element a live page swapped while it was read is looked up again. */
	public String text(By by) {
		return waitFor(d -> d.findElement(by).getText());
	}

	/**
	 * Clicks a button that submits a whole-page form and waits for the answer page to replace the
	 * current one, so that what is read next is the answer and not the page the form was on.
	 */
	public Browser submit(By button) {
		WebElement page = driver.findElement(By.tagName("html"));
		find(button).click();
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
		return this;
	}

	/**
	 * How often a wait looks again. WebDriver's default of 500 ms made nearly every wait cost half a
	 * second more than the page took (a login, a click's answer, a pushed update are rarely there at the
	 * first look); one look is a round trip of some 20-50 ms anyway.
	 */
	private static final Duration POLL = Duration.ofMillis(50);

	/**
	 * Waits up to 10 s for the condition to give a non-null, non-false value. An element replaced
	 * while the condition reads it (live pages swap their parts) is looked for again.
	 */
	public <T> T waitFor(Function<WebDriver, T> condition) {
		return waitFor(Duration.ofSeconds(10), condition);
	}

	/** As {@link #waitFor(Function)}, for a page known to take longer to draw (the API documentation). */
	public <T> T waitFor(Duration limit, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, limit, POLL).ignoring(org.openqa.selenium.NoSuchElementException.class)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	/** Saves a screenshot of the current page as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	void lend(java.util.function.Consumer<Browser> giveBack) {
		this.giveBack = giveBack;
	}

	/**
	 * Leaves the browser as a fresh one, for the next test of a shared instance: extra windows
	 * closed, the page left (its event streams end with it), every cookie and stored item deleted
	 * (so signed out, language back to the default) and the window at its opening size.
	 */
	void reset() {
		try {
			driver.switchTo().alert().dismiss();
		}
		catch (org.openqa.selenium.NoAlertPresentException none) {
			// the usual case
		}
		var windows = new java.util.ArrayList<>(driver.getWindowHandles());
		for (String extra : windows.subList(1, windows.size())) {
			driver.switchTo().window(extra).close();
		}
		driver.switchTo().window(windows.get(0));
		driver.get("about:blank");
		driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
		driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", base, "storageTypes", "all"));
		if (!driver.manage().window().getSize().equals(opened)) {
			driver.manage().window().setSize(opened);
		}
		if (!((java.util.List<?>) driver.executeCdpCommand("Storage.getCookies", java.util.Map.of()).get("cookies")).isEmpty()) {
			throw new IllegalStateException("cookies left after a reset");
		}
	}

	/** Closes it, or hands it back to the {@link Browsers} pool that lent it. */
	@Override
	public void close() {
		var pool = giveBack;
		if (pool != null) {
			giveBack = null;
			pool.accept(this);
			return;
		}
		quit();
	}

	void quit() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary profile left behind is harmless
		}
	}
}
