package io.vibevault.app.search;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.analysis.Embeddings;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.Database;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class FullTextSearchTest {
  Memories ada;
  Memories bob;
  MemorySearch search;
  FullText engine;

  @BeforeEach
  void memories() throws Exception {
    DatabaseConnection connection = Database.connection();
    engine = FullText.forVendor(connection.backend().vendor()).orElseThrow();
    engine.install(connection);
    Accounts accounts = new Accounts(new PasswordHasher(1024, 1, 1));
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    ada = new Memories(accounts.register("ada", "ada@x.io", "password-ada"), media);
    bob = new Memories(accounts.register("bob", "bob@x.io", "password-bob"), media);
    ada.create("Lighthouse", "Climbed the lighthouse stairs at dawn.", List.of("trip"), null);
    ada.create(
        "Harbour", "Fishing boats in the harbour, the lighthouse far away.", List.of(), null);
    ada.create("Taxes", "Filled in the quarterly return forms.", List.of(), null);
    bob.create("Lighthouse keeper", "Bob keeps the lighthouse.", List.of(), null);
    search = new MemorySearch(ada, Embeddings::shared);
  }

  private List<String> found(String q) {
    return found(q, SearchFilters.none());
  }

  private List<String> found(String q, SearchFilters filters) {
    return search.search(q, MemorySearch.Mode.FULLTEXT, filters, 10).stream()
        .map(h -> h.memory().title)
        .toList();
  }

  @DbTest
  void theBackendsEngineIsInstalledAndRanksTitleMatchesFirst() {
    assertThat(engine.installed(Database.connection())).isTrue();
    assertThat(found("lighthouse")).containsExactly("Lighthouse", "Harbour");
    assertThat(found("quarterly")).containsExactly("Taxes");
    assertThat(found("submarine")).isEmpty();
    assertThat(found("lighthouse", SearchFilters.parse(Map.of("tag", "trip"))))
        .containsExactly("Lighthouse");
  }

  @DbTest
  void everyWordIsRequiredOnEveryBackend() {
    assertThat(found("lighthouse stairs")).containsExactly("Lighthouse");
    assertThat(found("harbour lighthouse")).containsExactly("Harbour");
    assertThat(found("lighthouse submarine")).isEmpty();
    assertThat(found("the lighthouse"))
        .as("a word every memory has, or the engine leaves out, narrows nothing")
        .containsExactly("Lighthouse", "Harbour");
  }

  @DbTest
  void aSearchCostsAFixedNumberOfQueries() {
    // the catalogue check, the engine's ranked ids, the memories with their user, their tags
    List<MemorySearch.Hit> hits =
        assertNumQueries(
            4,
            () ->
                search.search("lighthouse", MemorySearch.Mode.FULLTEXT, SearchFilters.none(), 10));
    assertThat(hits.stream().map(h -> h.memory().title)).containsExactly("Lighthouse", "Harbour");
    // the keyword search: the scored rows with their user, their tags
    assertNumQueries(
        2, () -> search.search("lighthouse", MemorySearch.Mode.KEYWORD, SearchFilters.none(), 10));
  }

  @DbTest
  void theIndexFollowsCreateEditTrashAndDelete() {
    Memory m = ada.create("Orchard", "Apples everywhere.", List.of(), null);
    assertThat(found("apples")).containsExactly("Orchard");
    ada.edit(m.id, "Orchard", "Pears everywhere.", List.of());
    assertThat(found("apples")).isEmpty();
    assertThat(found("pears")).containsExactly("Orchard");
    ada.trash(m.id);
    assertThat(found("pears")).isEmpty();
    ada.restore(m.id);
    assertThat(found("pears")).containsExactly("Orchard");
    ada.trash(m.id);
    ada.deleteForever(m.id);
    assertThat(found("pears")).isEmpty();
    Memory again = ada.create("Grove", "Pears again.", List.of(), null);
    assertThat(found("pears")).containsExactly("Grove");
    assertThat(again.id).isNotNull();
  }

  @DbTest
  void theQueryTextIsOnlyWordsNeverSqlOrEngineSyntax() {
    long before = Memory.objects.all().count();
    for (String attack :
        List.of(
            "' OR '1'='1",
            "\" OR 1=1 --",
            "x'); DELETE FROM memories; --",
            "title:lighthouse OR taxes",
            "NEAR(lighthouse taxes)",
            "lighthouse* -taxes +\"",
            "*",
            "\"",
            "%",
            "') OR 1=1 UNION SELECT id FROM vault_users --")) {
      assertThat(found(attack)).as(attack).doesNotContain("Lighthouse keeper");
    }
    assertThat(found("' OR '1'='1")).isEmpty();
    assertThat(found("\" OR 1=1 --")).isEmpty();
    assertThat(Memory.objects.all().count()).isEqualTo(before);
  }

  @DbTest
  void hybridBlendsFullTextWithMeaning() {
    List<String> titles =
        search.search("lighthouse", MemorySearch.Mode.HYBRID, SearchFilters.none(), 10).stream()
            .map(h -> h.memory().title)
            .toList();
    assertThat(titles).startsWith("Lighthouse").doesNotContain("Lighthouse keeper");
  }

  @DbTest
  void withoutTheIndexSearchFallsBackToTheGuidesKeywordSearch() {
    engine.uninstall(Database.connection());
    assertThat(engine.installed(Database.connection())).isFalse();
    assertThat(found("lighthouse")).containsExactly("Lighthouse", "Harbour");
    assertThat(found("stairs lighthouse")).isEmpty();
  }
}
