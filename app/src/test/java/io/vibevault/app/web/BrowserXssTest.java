package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.OnlyOn;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * THREATS W-12 and W-15 in a real browser: memories whose titles, texts, tags and file names are
 * the XSS corpus ({@link XssCorpusWebTest#CORPUS}) are shown on the list, detail, edit, tags and
 * search pages in headless Chromium, and no dialog opens, nothing reaches the console (an injected
 * script the Content Security Policy blocked would log a violation there) and each payload reads
 * literally on the page. The server side of the same corpus runs on every database in {@link
 * XssCorpusWebTest}; this test runs on SQLite only, as {@link BrowserJourneyTest} explains.
 */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
@OnlyOn("sqlite")
class BrowserXssTest {
  /** Long enough for an onload or onerror handler of a page that just loaded to have run. */
  private static final Duration DIALOG_WAIT = Duration.ofMillis(400);

  WebApp web;
  HeadlessChromium chrome;

  @BeforeEach
  void start() {
    web = WebTestSupport.start(Clock.systemUTC());
    chrome = HeadlessChromium.startOrSkip("http://localhost:" + web.port());
  }

  @AfterEach
  void stop() {
    if (chrome != null) {
      chrome.close();
    }
    web.close();
  }

  @DbTest
  void theCorpusRunsNoScriptAndReadsLiterally() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    List<Long> ids = new ArrayList<>();
    for (String payload : XssCorpusWebTest.CORPUS) {
      ids.add(MemoriesWebTest.create(ada, payload, payload, payload));
    }
    // W-12: a photo whose file name is markup; the name is display text on the detail page.
    String fileName = "<img src=x onerror=alert(1)>.png";
    String token = ada.csrf("/memories/new");
    HttpResponse<String> photo =
        ada.multipart(
            "/memories",
            Map.of("_csrf", token, "title", "Named photo", "text", "", "tags", ""),
            fileName,
            "image/png",
            DemoMedia.photo(32, 24, "png", 5));
    assertThat(photo.statusCode()).as(photo.body()).isEqualTo(302);
    String location = photo.headers().firstValue("Location").orElseThrow();
    long photoId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    chrome.open("/login");
    chrome.fill(Map.of("username", "ada", "password", "password-ada"));
    chrome.submit();
    assertThat(chrome.path()).isEqualTo("/memories");

    String list = show("/memories");
    String tags = show("/tags");
    for (int i = 0; i < ids.size(); i++) {
      String payload = XssCorpusWebTest.CORPUS.get(i);
      assertThat(list).as("the list").contains(payload);
      assertThat(tags).as("the tags page").contains(payload.toLowerCase(java.util.Locale.ROOT));
      assertThat(show("/memories/" + ids.get(i))).as("detail of " + payload).contains(payload);
      assertThat(chrome.find("h1").getText()).isEqualTo(payload);
      show("/memories/" + ids.get(i) + "/edit");
      assertThat(chrome.find("input[name=title]").getAttribute("value")).isEqualTo(payload);
      String q = URLEncoder.encode(payload, StandardCharsets.UTF_8);
      assertThat(show("/search?mode=keyword&q=" + q)).as("search for " + payload).contains(payload);
    }
    assertThat(show("/memories/" + photoId)).contains("File: " + fileName);
    chrome.screenshot("xss-detail");

    assertThat(chrome.consoleErrors()).as("console errors").isEmpty();
  }

  /** Opens {@code path}, checks that no dialog opened, and returns the page's visible text. */
  private String show(String path) {
    chrome.open(path);
    try {
      chrome.await(DIALOG_WAIT, ExpectedConditions.alertIsPresent());
      throw new AssertionError("a dialog opened on " + path);
    } catch (TimeoutException expected) {
      // no dialog: the payloads stayed text
    }
    return chrome.find("main").getText();
  }
}
