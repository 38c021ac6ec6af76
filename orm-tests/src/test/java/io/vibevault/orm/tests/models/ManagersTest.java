package io.vibevault.orm.tests.models;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.Map;

/** The guide's AnalyzedMemoryManager and a QuerySet subclass serving as a manager. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class ManagersTest {

  private User ada;
  private User bob;

  private Memory memory(
      User user, String title, MediaType type, AnalysisStatus status, String label) {
    Memory m = new Memory();
    m.user.set(user);
    m.title = title;
    m.mediaType = type;
    m.analysisStatus = status;
    if (label != null) {
      m.metricsJson = Map.of("sentiment", Map.of("label", label));
    }
    m.save();
    return m;
  }

  private void seed() {
    ada = User.objects.create("username", "ada");
    bob = User.objects.create("username", "bob");
    memory(ada, "beach", MediaType.PHOTO, AnalysisStatus.DONE, "positive");
    memory(ada, "rain", MediaType.TEXT, AnalysisStatus.DONE, "negative");
    memory(ada, "draft", MediaType.AUDIO, AnalysisStatus.PENDING, "positive");
    memory(bob, "park", MediaType.PHOTO, AnalysisStatus.DONE, "positive");
    memory(bob, "new", MediaType.TEXT, null, null);
  }

  private static java.util.List<String> titles(QuerySet<Memory> qs) {
    return qs.orderBy("title").valuesList("title").<String>flat().list();
  }

  @DbTest
  void analyzedManagerNarrowsEveryQuery() {
    seed();
    assertThat(titles(Memory.analyzed.all())).containsExactly("beach", "park", "rain");
    assertThat(Memory.analyzed.count()).isEqualTo(3);
    assertThat(titles(Memory.analyzed.positiveSentiment())).containsExactly("beach", "park");
    assertThat(titles(Memory.analyzed.forUser(ada))).containsExactly("beach", "rain");
    assertThat(titles(Memory.analyzed.forUser(ada).filter("mediaType", MediaType.PHOTO)))
        .containsExactly("beach");
    assertThat(titles(Memory.analyzed.filter("title__startswith", "d"))).isEmpty();
    assertThat(Memory.analyzed.get("title", "park").user.id()).isEqualTo(bob.id);
    assertThat(titles(Memory.objects.all())).hasSize(5);
  }

  @DbTest
  void aQuerySetSubclassAsManagerKeepsItsTypeThroughChaining() {
    seed();
    MemoryQuerySet photos = Memory.objects.photos();
    assertThat(titles(photos)).containsExactly("beach", "park");
    assertThat(titles(Memory.objects.photos().forUser(bob))).containsExactly("park");
    QuerySet<Memory> chained =
        Memory.objects.filter("user", ada).exclude("title", "x").orderBy("-createdAt").all();
    assertThat(chained).isInstanceOf(MemoryQuerySet.class);
    assertThat(titles(((MemoryQuerySet) chained).analyzed())).containsExactly("beach", "rain");
    assertThat(Memory.objects.photos().slice(0, 1)).isInstanceOf(MemoryQuerySet.class);
    assertThat(Memory.objects.using("default").none()).isInstanceOf(MemoryQuerySet.class);
    assertNoQueries(() -> Memory.objects.photos().forUser(ada).analyzed());
  }

  @DbTest
  void theManagerQuerySetNeverServesStaleRows() {
    seed();
    assertThat(Memory.objects.count()).isEqualTo(5);
    assertThat(Memory.objects.list()).hasSize(5);
    memory(bob, "later", MediaType.TEXT, null, null);
    assertThat(Memory.objects.count()).as("a manager answers from the database").isEqualTo(6);
    assertThat(Memory.objects.list()).hasSize(6);
    assertThat(Memory.objects.exists()).isTrue();
  }
}
