package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.BulkCreateOptions;
import io.vibevault.orm.query.GetOrCreateResult;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** docs/queries.md beyond the guide's examples. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class QueriesDocTest {

  @DbTest
  void orderingAndNulls() {
    GuideData.seed();
    assertThat(ids(Memory.objects.filter(Map.of("mediaType", "photo")))).containsExactly(2L, 1L);
    assertThat(ids(Memory.objects.orderBy("user__username", "-createdAt")))
        .containsExactly(4L, 5L, 2L, 1L, 3L);
    assertThat(Memory.objects.orderBy("?").list()).hasSize(5);
    assertThat(Memory.objects.orderBy().query().sql()).doesNotContain("ORDER BY");
    assertThat(ids(Memory.objects.all().reverse())).containsExactly(3L, 5L, 1L, 2L, 4L);

    var nullsLast = Memory.objects.orderBy(F.of("analysisStatus").asc().nullsLast(), "id");
    var nullsFirst = Memory.objects.orderBy(F.of("analysisStatus").asc().nullsFirst(), "id");
    GuideSql.record("nullsLast", nullsLast.query());
    assertThat(ids(nullsLast)).containsExactly(1L, 4L, 5L, 2L, 3L);
    assertThat(ids(nullsFirst)).containsExactly(3L, 1L, 4L, 5L, 2L);
    // Without an explicit placement, NULLs follow the backend.
    List<Long> plain = ids(Memory.objects.orderBy("analysisStatus", "id"));
    boolean firstByDefault = Database.connection().backend().features().nullsSortFirstAscending();
    assertThat(plain.get(0) == 3L).isEqualTo(firstByDefault);
    assertThat(firstByDefault).isEqualTo(!GuideSql.vendor().equals("postgresql"));
  }

  @DbTest
  void singleObjectsAndShapes() {
    GuideData data = GuideData.seed();
    assertThat(Memory.objects.latest("createdAt").title).isEqualTo("Vacation plans");
    assertThat(Memory.objects.earliest("createdAt").title).isEqualTo("Voice note");
    assertThat(Memory.objects.filter("user", data.demo()).contains(data.beach())).isTrue();
    assertThat(Memory.objects.filter("user", data.alice()).contains(data.beach())).isFalse();
    assertThat(Memory.objects.values().first().orElseThrow())
        .containsKeys("id", "userId", "title", "metricsJson");
    assertThat(Memory.objects.valuesList("id", "title").named().first().orElseThrow())
        .isEqualTo(Map.of("id", 4L, "title", "Vacation plans"));
    assertThat(Memory.objects.values("title", "user__username").first().orElseThrow())
        .containsEntry("user__username", "alice");
    assertThat(Memory.objects.all().at(3).title).isEqualTo("Park walk");
    assertThatThrownBy(() -> Memory.objects.all().at(9))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(Memory.objects.valuesList("user").distinct().orderBy("user").list())
        .containsExactly(List.of(1L), List.of(2L));
    assertNoQueries(() -> assertThat(Memory.objects.none().list()).isEmpty());
    assertThat(Memory.objects.inBulk(List.of(1, 5, 99)).keySet()).containsExactly(1L, 5L);
    assertThat(Memory.objects.filter("user", data.demo()).size()).isEqualTo(3);
    String shown = Memory.objects.all().toString();
    assertThat(shown).startsWith("<QuerySet [Memory{id=4");
  }

  @DbTest
  void slicingRules() {
    GuideData.seed();
    assertNoQueries(
        () -> {
          assertThatThrownBy(() -> Memory.objects.all().slice(0, 2).filter("id", 1))
              .isInstanceOf(ArgumentError.class)
              .hasMessage("Cannot filter a query once a slice has been taken.");
          assertThatThrownBy(() -> Memory.objects.all().slice(-1, 2))
              .isInstanceOf(ArgumentError.class)
              .hasMessage("Negative indexing is not supported.");
          assertThatThrownBy(() -> Memory.objects.all().slice(0, 2).delete())
              .isInstanceOf(ArgumentError.class);
        });
    assertThat(ids(Memory.objects.all().slice(1, 3))).containsExactly(2L, 1L);
    assertThat(ids(Memory.objects.all().slice(3))).containsExactly(5L, 3L);
  }

  @DbTest
  void updateOrCreate() {
    GuideData data = GuideData.seed();
    Map<String, Object> lookup = Map.of("user", data.demo(), "title", "Beach Day");
    GetOrCreateResult<Memory> updated =
        Memory.objects.updateOrCreate(lookup, Map.of("text", "Sunburn"));
    assertThat(updated.created()).isFalse();
    assertThat(Memory.objects.get("id", 1).text).isEqualTo("Sunburn");
    GetOrCreateResult<Memory> created =
        Memory.objects.updateOrCreate(
            Map.of("user", data.demo(), "title", "Brand new"),
            Map.of("text", "x", "mediaType", MediaType.TEXT, "mediaFile", ""));
    assertThat(created.created()).isTrue();
  }

  @DbTest
  void bulkCreateOptions() {
    User.objects.create("username", "ada", "email", "old@example.com");
    User ada = new User();
    ada.username = "ada";
    ada.email = "new@example.com";
    User bob = new User();
    bob.username = "bob";
    User.objects.bulkCreate(List.of(ada, bob), BulkCreateOptions.defaults().ignoreConflicts());
    assertThat(User.objects.get("username", "ada").email).isEqualTo("old@example.com");
    assertThat(User.objects.count()).isEqualTo(2);

    User ada2 = new User();
    ada2.username = "ada";
    ada2.email = "new@example.com";
    User.objects.bulkCreate(
        List.of(ada2),
        BulkCreateOptions.defaults().updateConflicts(List.of("username"), List.of("email")));
    assertThat(User.objects.get("username", "ada").email).isEqualTo("new@example.com");
    assertThat(User.objects.count()).isEqualTo(2);

    List<User> many = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      User u = new User();
      u.username = "user" + i;
      many.add(u);
    }
    long inserts =
        Database.captureQueries(
                () -> User.objects.bulkCreate(many, BulkCreateOptions.defaults().batchSize(4)))
            .stream()
            .filter(q -> q.sql().startsWith("INSERT"))
            .count();
    assertThat(inserts).isEqualTo(3);
    assertThat(many).allMatch(u -> u.id != null);
  }

  @DbTest
  void savingDeferredAndMissingRows() {
    GuideData.seed();
    Memory m = Memory.objects.only("id", "title").get("id", 5);
    m.title = "Renamed";
    List<String> sql = new ArrayList<>();
    Database.captureQueries(m::save).forEach(q -> sql.add(q.sql()));
    assertThat(sql.get(0)).contains("title").doesNotContain("text");
    assertThat(Memory.objects.get("id", 5).text).isEqualTo("Nice walk in the park");

    Memory gone = Memory.objects.get("id", 4);
    Memory.objects.filter("id", 4).update("title", "x");
    Memory.objects.filter("id", 4).delete();
    gone.title = "Too late";
    assertThatThrownBy(() -> gone.save("title"))
        .isInstanceOf(DatabaseError.class)
        .hasMessage("Save with update_fields did not affect any rows.");
  }

  @DbTest
  void querySetSubclassAsManager() {
    GuideData data = GuideData.seed();
    MemoryQuerySet objects = new MemoryQuerySet();
    QuerySet<Memory> chained = objects.filter("user", data.demo());
    assertThat(chained).isInstanceOf(MemoryQuerySet.class);
    assertThat(ids(((MemoryQuerySet) chained).photos())).containsExactly(2L, 1L);
  }

  @DbTest
  void iteratorInsideATransaction() {
    GuideData.seed();
    List<Long> seen = new ArrayList<>();
    Transaction.atomic(
        () -> {
          try (ResultIterator<Memory> it = Memory.objects.all().iterator(2)) {
            it.forEachRemaining(m -> seen.add(m.id));
          }
          assertNumQueries(1, () -> Memory.objects.count());
        });
    assertThat(seen).isEqualTo(GuideData.NEWEST_FIRST);
  }
}
