package io.vibevault.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven by the system's chromedriver (Debian packages {@code
 * chromium} and {@code chromium-driver}), for the browser tests. Both executables are named
 * explicitly, so Selenium Manager never runs and nothing is downloaded.
 *
 * <p>Without them the test is skipped with the reason, unless {@code
 * VIBEVAULT_BROWSER_TESTS=required} (set by {@code .ci/run}), where their absence fails it.
 *
 * <pre>{@code
 * try (HeadlessChromium chrome = HeadlessChromium.startOrSkip("http://localhost:8000")) {
 *   chrome.open("/login");
 *   chrome.screenshot("login");
 * }
 * }</pre>
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** A common laptop viewport. */
  static final Dimension LAPTOP = new Dimension(1366, 900);

  /** A common phone viewport (CSS pixels). */
  static final Dimension PHONE = new Dimension(390, 844);

  /** Long enough for any page of the app to load and run its scripts. */
  static final Duration PAGE_LOAD = Duration.ofSeconds(10);

  /** Relative to the module: surefire runs in {@code app/}. */
  static final Path SHOTS = Path.of("target", "browser-screenshots");

  private final ChromeDriver driver;
  private final String base;
  private final List<String> consoleErrors = new ArrayList<>();

  private HeadlessChromium(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** Starts the browser at laptop size, or skips (fails under CI) when it is not installed. */
  static HeadlessChromium startOrSkip(String base) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why =
          "needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver)";
      if ("required".equals(System.getenv("VIBEVAULT_BROWSER_TESTS"))) {
        throw new AssertionError("VIBEVAULT_BROWSER_TESTS=required but the browser test " + why);
      }
      Assumptions.abort("Browser test skipped: it " + why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--force-prefers-reduced-motion", // charts drawn at once: screenshots show them finished
        "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new HeadlessChromium(driver, base);
  }

  /** Loads {@code path} of the app. */
  void open(String path) {
    driver.get(base + path);
    collectConsole();
  }

  /** The path of the page shown now. */
  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Types into the page's fields by name, replacing what they held. */
  void fill(Map<String, String> fields) {
    fields.forEach(
        (name, text) -> {
          WebElement field = find("main [name='" + name + "']");
          field.clear();
          field.sendKeys(text);
        });
  }

  /** Submits the page's form (the one in {@code main}) and waits for the next page. */
  /** Submits the page's main form and waits for the page that answers it. */
  void submit() {
    clickToPage("main form button[type=submit]");
  }

  /** Clicks something that does not leave the page. */
  void click(String css) {
    find(css).click();
    collectConsole();
  }

  /**
   * Clicks a link or button that loads another page, and waits until it has: a click returns when
   * the event is dispatched, and on a loaded machine the old page can still be there afterwards.
   * The old page is marked, and the wait ends when a complete page without the mark is shown; while
   * the browser is between pages, its errors (no document, no context) only mean "not yet".
   */
  void clickToPage(String css) {
    driver.executeScript("window.__vvOldPage = true");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.__vvOldPage === undefined"
                                + " && document.readyState === 'complete'")));
    collectConsole();
  }

  /** Waits up to {@code timeout} for {@code condition}, polling. */
  <T> T await(Duration timeout, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  void resize(Dimension size) {
    // The window's size: the width is the page's, the height includes the (invisible) toolbars.
    driver.manage().window().setSize(size);
  }

  /** Saves the visible viewport as {@code target/browser-screenshots/<name>.png}. */
  Path screenshot(String name) {
    Path to = SHOTS.resolve(name + ".png");
    saveScreenshot(to);
    return to;
  }

  /** Saves the visible viewport as a PNG at {@code to}. */
  void saveScreenshot(Path to) {
    collectConsole();
    try {
      Files.createDirectories(to.toAbsolutePath().getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          to,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Errors the pages logged to the console so far: script errors, failed loads and Content Security
   * Policy violations all land there.
   */
  List<String> consoleErrors() {
    collectConsole();
    return List.copyOf(consoleErrors);
  }

  private void collectConsole() {
    // Chromium hands each entry out once, so they are gathered before every navigation.
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
