package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.orm.testkit.DbTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * THREATS W-15, the server side: the whole corpus as titles, texts and tags comes back escaped
 * (never as live markup) on every page that shows it, and whole (never cut inside a character or a
 * tag). Rendering in a real browser (no dialog runs) is the browser test's part.
 */
class XssCorpusWebTest extends VaultServerTest {
  static final List<String> CORPUS =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "<svg/onload=alert(1)>",
          "</title><script>alert(1)</script>",
          "{{7*7}}",
          "${7*7}");

  @DbTest
  void theCorpusIsShownAsTextOnEveryPage() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    for (String payload : CORPUS) {
      long id = MemoriesWebTest.create(ada, payload, payload, payload);
      String escaped = escape(payload);
      String q = URLEncoder.encode(payload, StandardCharsets.UTF_8);
      for (String page :
          List.of(
              "/memories",
              "/memories/" + id,
              "/memories/" + id + "/edit",
              "/tags",
              "/search?mode=keyword&q=" + q)) {
        HttpResponse<String> r = ada.get(page);
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        if (!escaped.equals(payload)) {
          assertThat(r.body()).as(payload + " on " + page).doesNotContain(payload);
        }
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("script-src 'self'");
      }
      // The title is shown literally (escaped once: {{7*7}} is not evaluated to 49).
      assertThat(ada.get("/memories/" + id).body()).contains(escaped).doesNotContain(">49<");
      assertThat(Browser.parse(ada.get("/api/memories/" + id)).get("title")).isEqualTo(payload);
    }
  }

  @DbTest
  void aFourByteCharacterAtTheLimitAndA64KiBPayloadAreStoredWholeOrRefused() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    // 254 letters and an emoji (two UTF-16 units): 255 characters, 256 chars of Java text.
    String atLimit = "a".repeat(Memories.MAX_TITLE - 1) + "\uD83D\uDE00";
    HttpResponse<String> r =
        ada.submit("/memories/new", "/memories", Map.of("title", atLimit, "text", "", "tags", ""));
    if (r.statusCode() == 302) {
      assertThat(Memory.objects.get("title", atLimit).title).isEqualTo(atLimit);
    } else {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Memory.objects.count()).isZero();
    }

    String big = "<a title='" + "x onmouseover=alert(1) ".repeat(64 * 1024 / 23) + "'>hi</a>";
    long id = MemoriesWebTest.create(ada, "Big", big, "");
    assertThat(Memory.objects.get("id", id).text).isEqualTo(big);
    String page = ada.get("/memories/" + id).body();
    assertThat(page).doesNotContain("<a title='").contains("&lt;a title=");
  }

  /** The escaping Pebble applies to HTML text. */
  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
