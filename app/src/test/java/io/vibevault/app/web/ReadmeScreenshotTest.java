package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.Demo;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Writes the README's picture: the memory list of {@code serve --demo}, logged in as {@code demo},
 * in headless Chromium at laptop size, once the demo memories are analysed. It runs only when asked
 * for, with the file to write ({@code docs/tools/readme-screenshot.sh} does that):
 *
 * <pre>{@code
 * mvn -o test -pl app -am -Dtest=ReadmeScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvibevault.readmeScreenshot=$PWD/docs/images/vibevault.png
 * }</pre>
 */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
@OnlyOn("sqlite")
class ReadmeScreenshotTest {
  static final String OUTPUT = "vibevault.readmeScreenshot";

  @DbTest
  void memoryListOfTheDemo() {
    String output = System.getProperty(OUTPUT);
    Assumptions.assumeTrue(
        output != null && !output.isBlank(), "writes the README picture only when -D" + OUTPUT);
    try (WebApp web = WebTestSupport.start(Clock.systemUTC())) {
      MediaStorage media = new MediaStorage(web.dataDir().resolve("media"));
      Demo.load(media);
      new AnalysisWorker(new Analyzer(media, Embeddings::shared), 10).drain();
      try (HeadlessChromium chrome =
          HeadlessChromium.startOrSkip("http://localhost:" + web.port())) {
        chrome.open("/login");
        chrome.fill(Map.of("username", Demo.USERNAME, "password", Demo.PASSWORD));
        chrome.submit();
        assertThat(chrome.path()).isEqualTo("/memories");
        // Every picture in view decoded before the shot (those below are lazy and never load).
        chrome.await(
            HeadlessChromium.PAGE_LOAD,
            d ->
                (Boolean)
                    chrome.script(
                        "return [...document.images]"
                            + ".filter((i) => i.getBoundingClientRect().top < innerHeight)"
                            + ".every((i) => i.complete && i.naturalWidth > 0)"));
        chrome.saveScreenshot(Path.of(output));
        assertThat(chrome.consoleErrors()).isEmpty();
      }
    }
  }
}
