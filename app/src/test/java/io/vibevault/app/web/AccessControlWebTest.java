package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DbTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * THREATS W-07 (the full IDOR matrix over every id-taking route), W-08 (prefix probes) and W-10
 * (DELETE without a token or from another origin), over real HTTP.
 */
class AccessControlWebTest extends VaultServerTest {

  @DbTest
  void everyRouteTakingAnIdAnswers404ForAnotherUsersPhotoAudioTrashAndTags() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    String adaToken = ada.csrf("/memories/new");
    Map<String, String> form = Map.of("_csrf", adaToken, "title", "Photo", "text", "", "tags", "x");
    ada.multipart("/memories", form, "p.png", "image/png", DemoMedia.photo(32, 24, "png", 3));
    ada.multipart(
        "/memories",
        Map.of("_csrf", adaToken, "title", "Tone", "text", "", "tags", ""),
        "t.wav",
        "audio/wav",
        DemoMedia.tone(0.2, 440));
    long trashed = MemoriesWebTest.create(ada, "Trashed", "gone", "");
    ada.submit("/memories/" + trashed, "/memories/" + trashed + "/delete", Map.of());
    long photo = Memory.objects.get("title", "Photo").id;
    long audio = Memory.objects.get("title", "Tone").id;
    long tag = Tag.objects.get("name", "x").id;

    Browser bob = WebTestSupport.signedUp(web, "bob");
    List<List<Object>> before = MemoriesWebTest.snapshot();
    String token = bob.csrf("/memories/new");
    List<String> failures = new ArrayList<>();
    for (long id : List.of(photo, audio, trashed)) {
      for (String path :
          List.of(
              "/memories/" + id,
              "/memories/" + id + "/edit",
              "/memories/" + id + "/media",
              "/api/memories/" + id,
              "/api/memories/" + id + "/media")) {
        expect404(failures, "GET " + path, bob.get(path));
      }
      for (String path :
          List.of(
              "/memories/" + id + "/edit",
              "/memories/" + id + "/delete",
              "/memories/" + id + "/like",
              "/memories/" + id + "/view",
              "/memories/" + id + "/analyze",
              "/trash/" + id + "/restore",
              "/trash/" + id + "/purge")) {
        expect404(
            failures,
            "POST " + path,
            bob.post(path, Map.of("_csrf", token, "title", "pwned", "text", "", "tags", "")));
      }
      for (String[] call :
          List.of(
              new String[] {"PATCH", "/api/memories/" + id},
              new String[] {"DELETE", "/api/memories/" + id},
              new String[] {"POST", "/api/memories/" + id + "/like"},
              new String[] {"POST", "/api/memories/" + id + "/analyze"},
              new String[] {"POST", "/api/trash/" + id + "/restore"},
              new String[] {"DELETE", "/api/trash/" + id})) {
        expect404(
            failures,
            call[0] + " " + call[1],
            MemoriesWebTest.jsonWithToken(bob, token, call[0], call[1], Map.of("title", "pwned")));
      }
    }
    for (String action : List.of("/rename", "/delete")) {
      expect404(
          failures,
          "POST /tags/" + tag + action,
          bob.post("/tags/" + tag + action, Map.of("_csrf", token, "name", "pwned")));
    }
    assertThat(failures).isEmpty();

    // Ids in a JSON body are ignored: Bob gets a memory of his own, Ada's stay as they were.
    HttpResponse<String> created =
        MemoriesWebTest.jsonWithToken(
            bob,
            token,
            "POST",
            "/api/memories",
            Map.of("title", "Mine", "memory_id", photo, "id", audio, "user", 1));
    assertThat(created.statusCode()).isEqualTo(201);
    Memory mine = Memory.objects.get("title", "Mine");
    assertThat(mine.user.get().username).isEqualTo("bob");
    assertThat(List.of(photo, audio, trashed)).doesNotContain(mine.id);

    Memory.objects.filter("id", mine.id).delete();
    assertThat(MemoriesWebTest.snapshot()).isEqualTo(before);
    assertThat(Tag.objects.get("id", tag).name).isEqualTo("x");
    assertThat(ada.getBytes("/memories/" + photo + "/media", Map.of()).statusCode()).isEqualTo(200);
  }

  @DbTest
  void thirtySixPrefixProbesSeeTheSameCountsWhateverAnotherUserStores() {
    Browser bob = WebTestSupport.signedUp(web, "bob");
    MemoriesWebTest.create(bob, "Bob walks", "a sunny afternoon in the park", "");
    List<String> probes = new ArrayList<>();
    for (char c = 'a'; c <= 'z'; c++) {
      probes.add(String.valueOf(c));
    }
    for (char c = '0'; c <= '9'; c++) {
      probes.add(String.valueOf(c));
    }
    List<Integer> alone = counts(bob, probes);

    Browser ada = WebTestSupport.signedUp(web, "ada");
    MemoriesWebTest.create(ada, "Secret 0123456789", "abcdefghijklmnopqrstuvwxyz secret", "s");
    MemoriesWebTest.create(ada, "The password is hunter2", "a b c d e f g", "");
    assertThat(counts(bob, probes)).isEqualTo(alone);
  }

  @DbTest
  void deleteNeedsTheTokenAndTheSameOrigin() {
    Browser ada = WebTestSupport.signedUp(web, "ada");
    long id = MemoriesWebTest.create(ada, "Keep me", "", "");
    String token = ada.csrf("/memories/new");
    HttpResponse<String> noToken =
        MemoriesWebTest.jsonWithToken(ada, "", "DELETE", "/api/memories/" + id, null);
    assertThat(noToken.statusCode()).isEqualTo(403);
    ada.origin = "https://evil.example";
    HttpResponse<String> evil = ada.json("DELETE", "/api/memories/" + id, null);
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(Memory.objects.filter("id", id).exists()).isTrue();
    assertThat(
            MemoriesWebTest.jsonWithToken(ada, token, "DELETE", "/api/memories/" + id, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(Memory.objects.filter("id", id).exists()).isFalse();
  }

  private static List<Integer> counts(Browser b, List<String> probes) {
    List<Integer> counts = new ArrayList<>();
    for (String mode : List.of("keyword", "fulltext")) {
      for (String q : probes) {
        HttpResponse<String> r = b.get("/api/search?mode=" + mode + "&q=" + q);
        assertThat(r.statusCode()).as(q).isEqualTo(200);
        counts.add(((List<?>) Browser.parse(r).get("items")).size());
      }
    }
    return counts;
  }

  private static void expect404(List<String> failures, String call, HttpResponse<String> r) {
    if (r.statusCode() != 404) {
      failures.add(call + " -> " + r.statusCode());
    }
  }
}
