package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DbTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREATS W-16: the hostile inputs of the ORM rows (H-rows: injection through values, lookups,
 * ordering, identifiers, numbers, dates, JSON, NUL and oversized text) replayed through the JSON
 * API as every query parameter it reads, as unknown parameter names, as path ids and as JSON body
 * fields. No answer is a 5xx, none carries a trace of the database or the JVM, and every refusal
 * carries a correlation id.
 */
class ErrorLeakageWebTest extends VaultServerTest {
  static final List<String> HOSTILE =
      List.of(
          "' OR 1=1--",
          "1; DROP TABLE memories",
          "\") UNION SELECT password_hash FROM vault_users--",
          "' AND SLEEP(5)--",
          "1' || pg_sleep(5)--",
          "title__regex",
          "user__password_hash__startswith",
          "-id",
          "?",
          "%",
          "_",
          "\\",
          "`memories`",
          "\"memories\"",
          "my\"field",
          "\u0000",
          "x\u0000y",
          "-1",
          "0",
          "99999999999999999999999",
          "1e999",
          "NaN",
          "2026-13-45",
          "9999-12-31T23:59:59+99:00",
          "{\"$gt\": \"\"}",
          "[1,2]",
          "$.a[0]",
          "\uD800",
          "x".repeat(100_000));

  /** What a leaked database or JVM error would carry. */
  static final String[] LEAKS = {
    "SQL",
    "syntax error",
    "ProgrammingError",
    "PSQLException",
    "SQLiteException",
    "SQLException",
    "java.",
    "vault_users",
    "password_hash",
    "\tat ",
    "Exception"
  };

  private static final List<String> LIST_PARAMS = List.of("page", "sort", "tag", "after");
  private static final List<String> SEARCH_PARAMS =
      List.of("q", "mode", "type", "tag", "from", "to", "sentiment");

  @DbTest
  void hostileInputsNeverLeakAndRefusalsCarryACorrelationId() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = MemoriesWebTest.create(ada, "Mine", "some text", "tag");
    int refused = 0;
    for (String value : HOSTILE) {
      String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
      List<String> paths = new ArrayList<>();
      for (String p : LIST_PARAMS) {
        paths.add("/api/memories?" + p + "=" + v);
      }
      for (String p : SEARCH_PARAMS) {
        // keyword and full text: the semantic modes would load the embedding model for nothing
        paths.add("/api/search?mode=keyword&" + p + "=" + v);
        paths.add("/api/search?mode=fulltext&" + p + "=" + v);
      }
      paths.add("/api/memories?" + v + "=1");
      paths.add("/api/search?mode=keyword&q=x&" + v + "=1");
      paths.add("/api/stats?" + v + "=1");
      paths.add("/api/memories/" + v);
      paths.add("/api/memories/" + v + "/like");
      if (value.length() > 4000) {
        // Jetty answers a URI this long with its own 414 before the application sees it.
        paths.clear();
      }
      for (String path : paths) {
        refused += check(ada.get(path), "GET " + path, value);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("title", value);
      body.put("text", value);
      body.put("tags", List.of(value));
      refused += check(ada.json("POST", "/api/memories", body), "POST", value);
      refused += check(ada.json("PATCH", "/api/memories/" + id, body), "PATCH", value);
      refused += check(ada.json("POST", "/api/memories", Map.of(value, value)), "POST key", value);
    }
    // The replay must have reached the error path, or it proves nothing about it.
    assertThat(refused).isGreaterThan(HOSTILE.size());
  }

  /**
   * Checks one answer to {@code sent}; 1 when it was a refusal. A saved memory echoes its hostile
   * text, and a refusal may quote what was sent: a leak is what an error carries beyond that.
   */
  private static int check(HttpResponse<String> r, String what, String sent) {
    assertThat(r.statusCode()).as(what + " " + sent).isLessThan(500);
    String shown = r.body().length() > 2000 ? r.body().substring(0, 2000) : r.body();
    if (r.statusCode() >= 400) {
      for (String leak : LEAKS) {
        if (!sent.contains(leak)) {
          assertThat(r.body())
              .as(what + " -> " + r.statusCode() + " " + shown)
              .doesNotContain(leak);
        }
      }
      assertThat(r.body()).as(what + " -> " + shown).contains("correlationId");
      return 1;
    }
    return 0;
  }
}
