package io.vibevault.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.analysis.AnalysisWorker;
import io.vibevault.app.analysis.Analyzer;
import io.vibevault.app.analysis.Embeddings;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class MemorySearchTest {
  Memories ada;
  MemorySearch search;

  @BeforeEach
  void memories() throws Exception {
    Accounts accounts = new Accounts(new PasswordHasher(1024, 1, 1));
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    ada = new Memories(accounts.register("ada", "ada@x.io", "password-ada"), media);
    Memories bob = new Memories(accounts.register("bob", "bob@x.io", "password-bob"), media);
    ada.create(
        "Beach day",
        "Lay in the sun on the sand all afternoon. Wonderful!",
        List.of("summer"),
        null);
    ada.create("Swim", "We swam far out into the ocean waves.", List.of("summer"), null);
    ada.create(
        "Taxes",
        "Filled in the quarterly tax return forms. Tedious and annoying.",
        List.of(),
        null);
    bob.create("Beach party", "Bob's beach party.", List.of(), null);
    new AnalysisWorker(new Analyzer(media, Embeddings::shared), 10).drain();
    search = new MemorySearch(ada, Embeddings::shared);
  }

  private List<String> titles(String q, MemorySearch.Mode mode, SearchFilters f) {
    return search.search(q, mode, f, 10).stream().map(h -> h.memory().title).toList();
  }

  private List<MemorySearch.Hit> keyword(String q) {
    return search.search(q, MemorySearch.Mode.KEYWORD, SearchFilters.none(), 10);
  }

  @DbTest
  void keywordScoreIsTheGuidesCaseWhenTitleTwoTextOneNewestFirstAmongEquals() {
    ada.create("Sunset walk", "Walked along the beach at dusk.", List.of(), null);
    ada.create("Shells", "Picked up shells on the BEACH.", List.of(), null);
    List<MemorySearch.Hit> hits = keyword("beach");
    assertThat(hits.stream().map(h -> h.memory().title))
        .containsExactly("Beach day", "Shells", "Sunset walk");
    assertThat(hits.stream().map(MemorySearch.Hit::score)).containsExactly(2.0, 1.0, 1.0);
  }

  @DbTest
  void keywordSearchFollowsEditsTrashAndDeletes() {
    Memory swim = ada.all().get("title", "Swim");
    ada.edit(swim.id, "Beach swim", swim.text, List.of());
    assertThat(keyword("beach").stream().map(h -> h.memory().title))
        .containsExactly("Beach swim", "Beach day");
    ada.trash(swim.id);
    assertThat(keyword("beach").stream().map(h -> h.memory().title)).containsExactly("Beach day");
    ada.restore(swim.id);
    assertThat(keyword("swim").stream().map(h -> h.memory().title)).containsExactly("Beach swim");
    ada.trash(swim.id);
    ada.deleteForever(swim.id);
    assertThat(keyword("swim")).isEmpty();
  }

  @DbTest
  void keywordQueryTextIsBoundNeverSQLOrAPattern() {
    long before = ada.all().count();
    for (String attack :
        List.of(
            "%",
            "_",
            "\\",
            "' OR '1'='1",
            "\" OR 1=1 --",
            "x'); DELETE FROM memories; --",
            "beach%' --",
            "') OR 1=1 UNION SELECT * FROM users --")) {
      assertThat(keyword(attack)).as(attack).isEmpty();
    }
    assertThat(ada.all().count()).isEqualTo(before);
    ada.create("Discount", "Got 50% off, the_best deal; it's done.", List.of(), null);
    assertThat(keyword("50%").stream().map(h -> h.memory().title)).containsExactly("Discount");
    assertThat(keyword("it's").stream().map(h -> h.memory().title)).containsExactly("Discount");
    assertThat(keyword("the_best").stream().map(h -> h.memory().title)).containsExactly("Discount");
  }

  @DbTest
  void keywordSearchIsTheGuidesQObjectsAndScopedToTheUser() {
    assertThat(titles("BEACH", MemorySearch.Mode.KEYWORD, SearchFilters.none()))
        .containsExactly("Beach day");
    assertThat(titles("ocean", MemorySearch.Mode.KEYWORD, SearchFilters.none()))
        .containsExactly("Swim");
    assertThat(titles("party", MemorySearch.Mode.KEYWORD, SearchFilters.none())).isEmpty();
  }

  @DbTest
  void semanticSearchRanksByMeaning() {
    List<String> found =
        titles("seaside holiday", MemorySearch.Mode.SEMANTIC, SearchFilters.none());
    assertThat(found).doesNotContain("Beach party");
    assertThat(found.indexOf("Beach day")).isNotNegative();
    if (found.contains("Taxes")) {
      assertThat(found.indexOf("Beach day")).isLessThan(found.indexOf("Taxes"));
    }
  }

  @DbTest
  void hybridPutsWhatBothAgreeOnFirst() {
    List<String> found = titles("beach", MemorySearch.Mode.HYBRID, SearchFilters.none());
    assertThat(found).first().isEqualTo("Beach day");
    assertThat(found).doesNotContain("Beach party");
  }

  @DbTest
  void filtersComeFromTheAllowlist() {
    assertThat(
            titles(
                "e",
                MemorySearch.Mode.KEYWORD,
                SearchFilters.parse(Map.of("tag", "Summer", "sentiment", "positive"))))
        .containsExactly("Beach day");
    assertThat(titles("e", MemorySearch.Mode.KEYWORD, SearchFilters.parse(Map.of("type", "photo"))))
        .isEmpty();
    assertThat(
            titles("e", MemorySearch.Mode.KEYWORD, SearchFilters.parse(Map.of("to", "2000-01-01"))))
        .isEmpty();
    assertThatThrownBy(() -> SearchFilters.parse(Map.of("type", "user__password")))
        .isInstanceOf(ValidationError.class);
    assertThatThrownBy(() -> SearchFilters.parse(Map.of("from", "yesterday")))
        .isInstanceOf(ValidationError.class);
  }
}
