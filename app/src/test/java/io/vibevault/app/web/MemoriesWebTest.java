package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.MediaType;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Memories through the pages and the API, with the web security checks (THREATS 4.3 to 4.7). */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class MemoriesWebTest {
  WebApp web;

  @BeforeEach
  void start() {
    web = WebTestSupport.start(Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    web.close();
  }

  static long create(Browser b, String title, String text, String tags) {
    HttpResponse<String> r =
        b.submit("/memories/new", "/memories", Map.of("title", title, "text", text, "tags", tags));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @DbTest
  void createEditTrashRestoreAndDeleteForever() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = create(ada, "Beach day", "Sunny and warm", "Summer, beach");
    assertThat(ada.get("/memories").body()).contains("Beach day", "#summer", "#beach");
    assertThat(ada.get("/memories/" + id).body())
        .contains("Sunny and warm")
        // the date a person reads (minutes, UTC); the exact instant stays in the datetime attribute
        .containsPattern(">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</time>");

    assertThat(
            ada.submit(
                    "/memories/" + id + "/edit",
                    "/memories/" + id + "/edit",
                    Map.of("title", "Beach day!", "text", "Sunny", "tags", "summer"))
                .statusCode())
        .isEqualTo(302);
    Memory m = Memory.objects.get("id", id);
    assertThat(m.title).isEqualTo("Beach day!");
    assertThat(m.viewCount).isZero(); // GETs count nothing
    ada.submit("/memories/" + id, "/memories/" + id + "/view", Map.of());
    assertThat(Memory.objects.get("id", id).viewCount).isEqualTo(1);

    ada.submit("/memories/" + id, "/memories/" + id + "/delete", Map.of());
    assertThat(ada.get("/memories/" + id).statusCode()).isEqualTo(404);
    assertThat(ada.get("/trash").body()).contains("Beach day!");
    ada.submit("/trash", "/trash/" + id + "/restore", Map.of());
    assertThat(ada.get("/memories/" + id).statusCode()).isEqualTo(200);
    ada.submit("/memories/" + id, "/memories/" + id + "/delete", Map.of());
    ada.submit("/trash", "/trash/" + id + "/purge", Map.of());
    assertThat(Memory.allObjects.filter("id", id).exists()).isFalse();
  }

  @DbTest
  void anotherUsersIdsAreNotFoundAndUnchanged() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = create(ada, "Ada's secret", "private", "");
    Browser bob = WebTestSupport.signedUp(web, "bob");
    String token = bob.csrf("/memories/new");

    assertThat(bob.get("/memories/" + id).statusCode()).isEqualTo(404);
    assertThat(bob.get("/memories/" + id + "/edit").statusCode()).isEqualTo(404);
    assertThat(bob.get("/memories/" + id + "/media").statusCode()).isEqualTo(404);
    assertThat(bob.get("/api/memories/" + id).statusCode()).isEqualTo(404);
    for (String action : List.of("/edit", "/delete", "/like", "/analyze")) {
      assertThat(
              bob.post(
                      "/memories/" + id + action,
                      Map.of("_csrf", token, "title", "pwned", "text", "x", "tags", ""))
                  .statusCode())
          .as(action)
          .isEqualTo(404);
    }
    bob.origin = bob.base;
    bob.cookies.put("x", "y");
    assertThat(
            jsonWithToken(bob, token, "PATCH", "/api/memories/" + id, Map.of("title", "pwned"))
                .statusCode())
        .isEqualTo(404);
    assertThat(jsonWithToken(bob, token, "DELETE", "/api/memories/" + id, null).statusCode())
        .isEqualTo(404);
    assertThat(bob.post("/trash/" + id + "/purge", Map.of("_csrf", token)).statusCode())
        .isEqualTo(404);
    assertThat(bob.get("/memories/999999").statusCode()).isEqualTo(404);
    assertThat(bob.get("/memories/abc").statusCode()).isEqualTo(404);

    Memory m = Memory.allObjects.get("id", id);
    assertThat(m.title).isEqualTo("Ada's secret");
    assertThat(m.isDeleted).isFalse();
    assertThat(m.likeCount).isZero();
    assertThat(bob.get("/memories").body()).doesNotContain("Ada's secret");
    assertThat(Browser.parse(bob.get("/api/memories")).get("total")).isEqualTo(0);
  }

  static HttpResponse<String> jsonWithToken(
      Browser b, String token, String method, String path, Object body) {
    // The API accepts the session too, with the CSRF token in a header.
    try {
      var req =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(b.base + path))
              .header("Content-Type", "application/json")
              .header("X-CSRF-Token", token)
              .header("Origin", b.base)
              .header("Cookie", "vv_session=" + b.cookies.get(Cookies.SESSION))
              .method(
                  method,
                  body == null
                      ? java.net.http.HttpRequest.BodyPublishers.noBody()
                      : java.net.http.HttpRequest.BodyPublishers.ofString(
                          new com.fasterxml.jackson.databind.ObjectMapper()
                              .writeValueAsString(body)))
              .build();
      return java.net.http.HttpClient.newHttpClient()
          .send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DbTest
  void stateChangesNeedTheSessionsTokenAndTheSameOrigin() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    Browser bob = WebTestSupport.signedUp(web, "bob");
    String bobsToken = bob.csrf("/memories/new");
    Map<String, String> form = Map.of("title", "forged", "text", "", "tags", "");

    assertThat(ada.post("/memories", form).statusCode()).isEqualTo(403);
    Map<String, String> withBobs = new java.util.HashMap<>(form);
    withBobs.put("_csrf", bobsToken);
    assertThat(ada.post("/memories", withBobs).statusCode()).isEqualTo(403);
    Map<String, String> withOwn = new java.util.HashMap<>(form);
    withOwn.put("_csrf", ada.csrf("/memories/new"));
    ada.origin = "https://evil.example";
    assertThat(ada.post("/memories", withOwn).statusCode()).isEqualTo(403);
    assertThat(Memory.objects.count()).isZero();

    ada.origin = ada.base;
    assertThat(ada.post("/memories", withOwn).statusCode()).isEqualTo(302);
    assertThat(Memory.objects.count()).isEqualTo(1);
  }

  @DbTest
  void uploadsAreCheckedByContentAndServedSafely() throws Exception {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    String token = ada.csrf("/memories/new");
    Map<String, String> fields = Map.of("_csrf", token, "title", "Photo", "text", "", "tags", "");
    byte[] png = DemoMedia.photo(64, 48, "png", 1);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] polyglot = concat(png, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(ada.multipart("/memories", fields, "evil.jpg", "image/jpeg", html).statusCode())
        .isEqualTo(415);
    assertThat(ada.multipart("/memories", fields, "x.svg", "image/svg+xml", svg).statusCode())
        .isEqualTo(415);
    assertThat(ada.multipart("/memories", fields, "p.png", "image/png", polyglot).statusCode())
        .isEqualTo(415);
    assertThat(ada.multipart("/memories", fields, "p.png", "text/html", png).statusCode())
        .isEqualTo(415);
    assertThat(Memory.objects.count()).isZero();

    HttpResponse<String> ok =
        ada.multipart("/memories", fields, "<img src=x onerror=alert(1)>.png", "image/png", png);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    Memory m = Memory.objects.get("title", "Photo");
    assertThat(m.mediaType).isEqualTo(MediaType.PHOTO);
    assertThat(m.mediaFile).matches("memories/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");
    assertThat(ada.get("/memories/" + m.id).body())
        .doesNotContain("<img src=x onerror")
        .contains("&lt;img src=x onerror=alert(1)&gt;.png");

    HttpResponse<byte[]> file = ada.getBytes("/memories/" + m.id + "/media", Map.of());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(file.headers().firstValue("Content-Disposition")).isPresent();
    assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'none'");
    BufferedImage served = ImageIO.read(new ByteArrayInputStream(file.body()));
    assertThat(served.getWidth()).isEqualTo(64);
    assertThat(served.getHeight()).isEqualTo(48);
  }

  @DbTest
  void uploadNamesNeverBecomePaths() throws Exception {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    String token = ada.csrf("/memories/new");
    byte[] png = DemoMedia.photo(16, 16, "png", 9);
    List<String> names =
        List.of(
            "../../etc/passwd",
            "..\\..\\win.ini",
            "/abs/path.jpg",
            "a/../../b.jpg",
            "%2e%2e%2fx.jpg",
            "x.jpg%00.php",
            "NUL",
            "CON.jpg",
            "n".repeat(300) + ".jpg",
            "<img src=x onerror=alert(1)>.jpg",
            "\u202Egpj.exe");
    for (String name : names) {
      HttpResponse<String> r =
          ada.multipart(
              "/memories",
              Map.of("_csrf", token, "title", "file " + name.length(), "text", "", "tags", ""),
              name,
              "image/png",
              png);
      assertThat(r.statusCode()).as(name).isEqualTo(302);
    }
    assertThat(Memory.objects.count()).isEqualTo(names.size());
    for (Memory m : Memory.objects.all().list()) {
      assertThat(m.mediaFile).matches("memories/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");
      assertThat(m.mediaName).doesNotContain("/", "\\").hasSizeLessThanOrEqualTo(200);
      assertThat(ada.get("/memories/" + m.id).body()).doesNotContain("<img src=x onerror");
    }
  }

  @DbTest
  void audioIsServedWithRanges() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    String token = ada.csrf("/memories/new");
    byte[] wav = DemoMedia.tone(0.5, 440);
    ada.multipart(
        "/memories",
        Map.of("_csrf", token, "title", "Tone", "text", "", "tags", ""),
        "t.wav",
        "audio/wav",
        wav);
    Memory m = Memory.objects.get("title", "Tone");
    HttpResponse<byte[]> part =
        ada.getBytes("/memories/" + m.id + "/media", Map.of("Range", "bytes=0-99"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).hasSize(100);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + wav.length);
    HttpResponse<byte[]> beyond =
        ada.getBytes("/memories/" + m.id + "/media", Map.of("Range", "bytes=" + wav.length + "-"));
    assertThat(beyond.statusCode()).isEqualTo(416);
  }

  @DbTest
  void markupInTitlesTextsAndTagsIsEscaped() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    String payload = "\"><img src=x onerror=alert(1)><script>alert(1)</script>{{7*7}}";
    long id = create(ada, payload, payload, "<svg/onload=alert(1)>");
    for (String page :
        List.of("/memories", "/memories/" + id, "/memories/" + id + "/edit", "/tags")) {
      String body = ada.get(page).body();
      assertThat(body).as(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
      assertThat(body).as(page).doesNotContain("<svg/onload");
    }
    assertThat(ada.get("/memories/" + id).body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}");
    assertThat(ada.get("/memories").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  @DbTest
  void filterKeysAreAllowlistedAndMassAssignmentIgnored() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    Browser bob = WebTestSupport.signedUp(web, "bob");
    long id = create(bob, "Bob's", "", "");
    for (String q :
        List.of(
            "user__passwordHash__startswith=%24",
            "sort=user__passwordHash", "filter%5Buser__email%5D=x", "sort=-id")) {
      HttpResponse<String> r = ada.get("/api/memories?" + q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(r.body()).doesNotContain("SQL", "Exception", "vault_users", "password_hash");
    }
    HttpResponse<String> patched =
        MemoriesWebTest.jsonWithToken(
            bob,
            bob.csrf("/memories/new"),
            "PATCH",
            "/api/memories/" + id,
            Map.of(
                "title",
                "New",
                "user",
                1,
                "id",
                999,
                "createdAt",
                "2000-01-01T00:00:00Z",
                "isStaff",
                true));
    assertThat(patched.statusCode()).isEqualTo(200);
    Memory m = Memory.objects.get("id", id);
    assertThat(m.title).isEqualTo("New");
    assertThat(m.user.get().username).isEqualTo("bob");
    assertThat(m.createdAt.toString()).doesNotStartWith("2000");
    assertThat(User.objects.get("usernameKey", "bob").isStaff).isFalse();
  }

  @DbTest
  void errorsRevealNothingAndCarryACorrelationId() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    HttpResponse<String> r = ada.get("/api/memories?page=1%27%20OR%201=1--");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("correlationId").doesNotContain("SQL", "java.", "Exception");
    HttpResponse<String> after = ada.get("/api/memories?after=%27;DROP%20TABLE%20memories");
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(after.body()).doesNotContain("SQL", "java.", "Exception", "memories\"");
  }

  @DbTest
  void paginationAndLoadMore() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    User user = User.objects.get("usernameKey", "ada");
    List<Memory> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Memory m = new Memory();
      m.user.set(user);
      m.title = "Memory " + i;
      batch.add(m);
    }
    Memory.objects.bulkCreate(batch);
    Map<String, Object> first = Browser.parse(ada.get("/api/memories"));
    assertThat((List<?>) first.get("items")).hasSize(20);
    assertThat(first.get("pages")).isEqualTo(3);
    assertThat(ada.get("/memories").body()).contains("data-after=", "Page 1 of 3");
    Map<String, Object> slice = Browser.parse(ada.get("/api/memories?after="));
    int seen = 0;
    String next = null;
    do {
      slice = Browser.parse(ada.get("/api/memories?after=" + (next == null ? "" : next)));
      seen += ((List<?>) slice.get("items")).size();
      next = (String) slice.get("next");
    } while (next != null);
    assertThat(seen).isEqualTo(45);
  }

  @DbTest
  void searchNeverReturnsAnotherUsersMemories() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    create(ada, "Secret beach", "secret", "");
    Browser bob = WebTestSupport.signedUp(web, "bob");
    create(bob, "Bob at the beach", "sunny", "");
    for (String mode : List.of("keyword", "fulltext", "semantic", "hybrid")) {
      Map<String, Object> r = Browser.parse(bob.get("/api/search?q=secret+beach&mode=" + mode));
      assertThat(r.get("items").toString()).as(mode).doesNotContain("Secret beach");
    }
    assertThat(bob.get("/search?q=secret").body()).doesNotContain("Secret beach");
    assertThat(ada.get("/search?q=secret&mode=keyword").body()).contains("Secret beach");
    assertThat(bob.get("/api/search?q=x&user__username=ada").statusCode()).isEqualTo(400);
    assertThat(bob.get("/api/search?q=x&mode=raw").statusCode()).isEqualTo(400);
  }

  @DbTest
  void tagsAreRenamedAndRemovedPerUser() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = create(ada, "Walk", "", "park");
    Browser bob = WebTestSupport.signedUp(web, "bob");
    create(bob, "Run", "", "park");
    Tag adas = Tag.objects.get("user__usernameKey", "ada", "name", "park");
    assertThat(
            bob.submit("/tags", "/tags/" + adas.id + "/rename", Map.of("name", "mine"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            ada.submit("/tags", "/tags/" + adas.id + "/rename", Map.of("name", "Garden"))
                .statusCode())
        .isEqualTo(302);
    assertThat(ada.get("/memories/" + id).body()).contains("#garden");
    assertThat(Tag.objects.filter("user__usernameKey", "bob", "name", "park").exists()).isTrue();
    ada.submit("/tags", "/tags/" + adas.id + "/delete", Map.of());
    assertThat(Memory.objects.get("id", id).tags.all().count()).isZero();
  }

  @DbTest
  void theProfileIsEditable() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    assertThat(
            ada.submit(
                    "/profile", "/profile", Map.of("bio", "<b>hi</b>", "birthDate", "1990-12-31"))
                .statusCode())
        .isEqualTo(302);
    String page = ada.get("/profile").body();
    assertThat(page).contains("&lt;b&gt;hi&lt;/b&gt;", "1990-12-31");
    assertThat(
            ada.submit("/profile", "/profile", Map.of("bio", "", "birthDate", "soon")).statusCode())
        .isEqualTo(400);
  }

  @DbTest
  void getRequestsChangeNothing() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = create(ada, "Walk", "in the park", "park");
    ada.multipart(
        "/memories",
        Map.of("_csrf", ada.csrf("/memories/new"), "title", "Tone", "text", "", "tags", ""),
        "t.wav",
        "audio/wav",
        DemoMedia.tone(0.2, 440));
    long audio = Memory.objects.get("title", "Tone").id;
    ada.submit("/memories/" + id, "/memories/" + id + "/delete", Map.of());
    ada.submit("/trash", "/trash/" + id + "/restore", Map.of());
    List<List<Object>> before = snapshot();
    for (String path :
        List.of(
            "/",
            "/memories",
            "/memories?sort=engagement&tag=park",
            "/memories/new",
            "/memories/" + id,
            "/memories/" + id + "/edit",
            "/memories/" + audio + "/media",
            "/trash",
            "/tags",
            "/profile",
            "/search?q=walk",
            "/api/memories",
            "/api/memories/" + id,
            "/api/memories/" + audio + "/media",
            "/api/trash",
            "/api/tokens",
            "/api/search?q=walk",
            "/api/openapi.json",
            "/login",
            "/register",
            "/logout",
            "/memories/" + id + "/delete",
            "/trash/" + id + "/purge")) {
      assertThat(ada.get(path).statusCode()).as(path).isLessThan(500);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  static List<List<Object>> snapshot() {
    List<List<Object>> rows = new java.util.ArrayList<>();
    rows.addAll(
        Memory.allObjects
            .orderBy("id")
            .valuesList(
                "id",
                "title",
                "text",
                "viewCount",
                "likeCount",
                "isDeleted",
                "analysisStatus",
                "updatedAt")
            .list());
    rows.addAll(Tag.objects.orderBy("id").valuesList("id", "name").list());
    rows.addAll(
        User.objects.orderBy("id").valuesList("id", "username", "email", "isActive").list());
    return rows;
  }

  @DbTest
  void resetTokensStayOutOfTheLog() {
    assertThat(Errors.loggable("/password-reset/12/abc-0123456789"))
        .isEqualTo("/password-reset/12/***");
    assertThat(Errors.loggable("/memories/12")).isEqualTo("/memories/12");
  }

  @DbTest
  void logLinesAreEscaped() {
    assertThat(Errors.escape("/x\r\nINFO fake\u001b[31m<script>"))
        .doesNotContain("\r", "\n", "\u001b")
        .contains("\\u000d\\u000a", "\\u001b");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
