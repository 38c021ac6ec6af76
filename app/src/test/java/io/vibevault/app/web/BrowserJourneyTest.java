package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.analysis.AnalysisWorker;
import io.vibevault.app.analysis.Analyzer;
import io.vibevault.app.analysis.Embeddings;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.OnlyOn;
import io.vibevault.orm.testkit.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A user's journey in a real browser (headless Chromium, see {@link HeadlessChromium}) against the
 * real server with its analysis worker running: register, log out, log in, write a memory with a
 * photo, watch it get analysed, find it by search, see the statistics charts drawn, and the list on
 * a phone-sized screen. A screenshot of every step lands in {@code
 * app/target/browser-screenshots/}; the page must log no console error (script errors, failed loads
 * and Content Security Policy violations all do).
 *
 * <p>It runs on SQLite only: what it adds over the HTTP-level web tests is the browser side
 * (scripts, styles, the CSP, Chart.js), which does not depend on the database, while the server
 * side of every step already runs on each database in {@link MemoriesWebTest}, {@link StatsWebTest}
 * and the search tests. Starting Chromium three times would triple its cost for nothing.
 *
 * <pre>{@code
 * mvn -o test -pl app -am -Dtest=BrowserJourneyTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
@OnlyOn("sqlite")
class BrowserJourneyTest {
  /** The first analysis loads the embedding model, which takes a few seconds on a slow machine. */
  private static final Duration ANALYSIS = Duration.ofSeconds(90);

  WebApp web;
  AnalysisWorker worker;
  HeadlessChromium chrome;

  @BeforeEach
  void start() {
    web = WebTestSupport.start(Clock.systemUTC());
    MediaStorage media = new MediaStorage(web.dataDir().resolve("media"));
    worker = new AnalysisWorker(new Analyzer(media, Embeddings::shared), 10);
    worker.start(1, Duration.ofMillis(250));
    chrome = HeadlessChromium.startOrSkip("http://localhost:" + web.port());
  }

  @AfterEach
  void stop() {
    if (chrome != null) {
      chrome.close();
    }
    worker.close();
    web.close();
  }

  @DbTest
  void registerLogInWriteAPhotoMemorySearchItAndSeeTheCharts() throws IOException {
    registerLogOutAndLogIn();
    long id = writeAMemoryWithAPhoto();
    seeItAnalysed(id);
    findItBySearch();
    seeTheCharts();
    seeTheListOnAPhone();
    assertThat(chrome.consoleErrors()).as("console errors").isEmpty();
  }

  private void registerLogOutAndLogIn() {
    chrome.open("/");
    assertThat(chrome.path()).isEqualTo("/login");
    chrome.clickToPage("a[href='/register']");
    chrome.fill(
        Map.of("username", "ada", "email", "ada@example.org", "password", "correct horse battery"));
    chrome.screenshot("01-register");
    chrome.submit();
    assertThat(signedInAs()).isEqualTo("ada");
    assertThat(chrome.find("#memory-list").getText()).contains("No memories yet");

    chrome.clickToPage("header.top nav button.link");
    assertThat(chrome.path()).isEqualTo("/login");
    assertThat(chrome.findAll("a[href='/profile']")).isEmpty();

    chrome.fill(Map.of("username", "ada", "password", "correct horse battery"));
    chrome.screenshot("02-login");
    chrome.submit();
    assertThat(signedInAs()).isEqualTo("ada");
  }

  /** After signing in the app shows the memory list, with the user's name in the menu. */
  private String signedInAs() {
    assertThat(chrome.path()).isEqualTo("/memories");
    return chrome.find("header.top nav a[href='/profile']").getText();
  }

  private long writeAMemoryWithAPhoto() throws IOException {
    Path photo = TestDirs.create("vv-upload").resolve("lighthouse.png");
    Files.write(photo, DemoMedia.photo(640, 480, "png", 7));
    chrome.clickToPage("a.button[href='/memories/new']");
    chrome.fill(
        Map.of(
            "title", "Lighthouse walk",
            "text", "A wonderful sunny afternoon at the lighthouse with my sister. We loved it!",
            "tags", "summer, family"));
    chrome.find("input[type=file][name=file]").sendKeys(photo.toAbsolutePath().toString());
    // What a user types is in normal weight, though its label is bold (it once inherited that).
    assertThat(chrome.find("main [name=title]").getCssValue("font-weight")).isEqualTo("400");
    chrome.screenshot("03-new-memory");
    chrome.submit();
    assertThat(chrome.path()).matches("/memories/\\d+");
    assertThat(chrome.find("article.detail h1").getText()).isEqualTo("Lighthouse walk");
    assertThat(chrome.find("article.detail .tags").getText())
        .isEqualTo("#family #summer"); // sorted by name
    WebElement img = chrome.find("article.detail img.photo");
    chrome.await(
        HeadlessChromium.PAGE_LOAD,
        d -> (Boolean) chrome.script("return arguments[0].complete", img));
    // Decoded by the browser at its real size: the upload arrived whole and is served as an image.
    assertThat(chrome.script("return arguments[0].naturalWidth", img)).isEqualTo(640L);
    assertThat(chrome.find("article.detail").getText()).contains("File: lighthouse.png");
    Files.delete(photo);
    Files.delete(photo.getParent());
    return Long.parseLong(chrome.path().substring("/memories/".length()));
  }

  private void seeItAnalysed(long id) {
    // The page is server-rendered: a user reloads to see the worker's result.
    chrome.await(
        ANALYSIS,
        d -> {
          chrome.open("/memories/" + id);
          return chrome.find("section.analysis h2").getText().equals("Analysis: done");
        });
    String analysis = chrome.find("section.analysis").getText();
    assertThat(analysis)
        .contains("13 words · sentiment positive")
        .contains("width: 640", "height: 480", "format: png");
    chrome.screenshot("04-analysed");
  }

  private void findItBySearch() {
    chrome.clickToPage("header.top nav a[href='/search']");
    chrome.fill(Map.of("q", "lighthouse"));
    chrome.submit();
    List<WebElement> hits = chrome.findAll("ul.memories li.memory");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).getText()).contains("Lighthouse walk", "photo · done · positive");
    // A card's tags sit side by side on one line (the card's link style once stacked them).
    List<WebElement> tags = hits.get(0).findElements(By.cssSelector(".tags a"));
    assertThat(tags).hasSize(2);
    assertThat(tags.get(1).getLocation().getY()).isEqualTo(tags.get(0).getLocation().getY());
    chrome.screenshot("05-search");

    chrome.fill(Map.of("q", "volcano"));
    chrome.click("form.filters select[name=mode] option[value=keyword]");
    chrome.submit();
    assertThat(chrome.find("ul.memories").getText()).isEqualTo("Nothing found.");
  }

  private void seeTheCharts() {
    chrome.clickToPage("header.top nav a[href='/stats']");
    // stats.js fetches /api/stats and draws: wait for Chart.js to hold the figures.
    Object types =
        chrome.await(
            HeadlessChromium.PAGE_LOAD,
            ExpectedConditions.jsReturnsValue(
                "const c = window.Chart && Chart.getChart('chart-types');"
                    + " return c ? c.data.datasets[0].data : null;"));
    assertThat(types).isEqualTo(List.of(0L, 1L, 0L)); // text, photo, audio
    assertThat(chrome.script("return Chart.getChart('chart-tags').data.labels"))
        .isEqualTo(List.of("#family", "#summer"));
    // Counts have whole-number ticks only (one memory once gave an axis of 0.1 ... 1.0).
    assertThat(
            chrome.script(
                "return Chart.getChart('chart-types').scales.y.ticks"
                    + ".every((t) => Number.isInteger(t.value))"))
        .isEqualTo(true);
    for (String canvas : List.of("chart-types", "chart-months", "chart-tags", "chart-weekdays")) {
      chrome.await(HeadlessChromium.PAGE_LOAD, d -> paintedPixels(canvas) > 500);
    }
    chrome.screenshot("06-statistics");
  }

  /** Pixels of a canvas that are not transparent: a drawn chart has many, an empty canvas none. */
  private long paintedPixels(String canvasId) {
    return (Long)
        chrome.script(
            "const c = document.getElementById(arguments[0]);"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
                + " return n;",
            canvasId);
  }

  private void seeTheListOnAPhone() {
    chrome.resize(HeadlessChromium.PHONE);
    chrome.open("/memories");
    assertThat(chrome.find("#memory-list").getText()).contains("Lighthouse walk");
    // Nothing wider than the screen: no sideways scrolling on a phone.
    assertThat(
            (Long) chrome.script("return document.documentElement.scrollWidth - window.innerWidth"))
        .isLessThanOrEqualTo(0L);
    assertThat(chrome.find("header.top nav a[href='/memories/new']").isDisplayed()).isTrue();
    chrome.screenshot("07-phone-memories");
    chrome.resize(HeadlessChromium.LAPTOP);
  }
}
