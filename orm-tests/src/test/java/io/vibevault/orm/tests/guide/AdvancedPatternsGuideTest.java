package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 3 "Advanced ORM patterns": QuerySet chaining and deferred fields. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvancedPatternsGuideTest {

  @Order(1)
  @DbTest
  void chainingIsLazy() {
    GuideData data = GuideData.seed();
    User user = data.demo();
    // This doesn't execute any SQL yet
    QuerySet<Memory> qs =
        assertNoQueries(
            () -> {
              QuerySet<Memory> q = Memory.objects.filter("user", user);
              q = q.filter("analysisStatus", "done");
              q = q.orderBy("-createdAt");
              q = q.slice(0, 20);
              return q;
            });
    GuideSql.record("chain", qs.query());

    // SQL only executed when:
    assertNumQueries(1, () -> new ArrayList<>(qs.all().list())); // list(qs)
    assertNumQueries(
        1,
        () -> {
          for (Memory m : qs.all()) { // for m in qs
            assertThat(m.title).isEqualTo("Beach Day");
          }
        });
    assertNumQueries(1, () -> System.out.println(qs.all())); // print(qs)
    assertNumQueries(1, () -> qs.all().exists()); // qs.exists()
    assertNumQueries(1, () -> qs.all().size()); // len(qs)

    // An evaluated QuerySet keeps its rows: asking again sends nothing.
    QuerySet<Memory> cached = qs.all();
    assertNumQueries(1, () -> cached.list());
    assertNoQueries(
        () -> {
          cached.size();
          cached.exists();
          cached.count();
          cached.forEach(m -> {});
        });
    assertThat(ids(cached)).containsExactly(1L);
  }

  @Order(2)
  @DbTest
  void onlyLoadsTheNamedFields() {
    GuideData.seed();
    var qs = Memory.objects.only("id", "title");
    GuideSql.record("only", qs.query());
    Memory m = qs.list().get(0);
    assertThat(m.title).isEqualTo("Vacation plans");
    assertThat(m.isDeferred("text")).isTrue();
    // A deferred field is not loaded behind your back: it stays null until you ask.
    assertThat(m.text).isNull();
    assertNumQueries(1, () -> m.refreshFromDb("text"));
    assertThat(m.text).isEqualTo("Maybe Japan in spring");
  }

  @Order(3)
  @DbTest
  void deferLeavesFieldsOut() {
    GuideData.seed();
    // The guide also defers "embedding", a field of the app's Memory (it comes with the app).
    var qs = Memory.objects.defer("metricsJson");
    GuideSql.record("defer", qs.query());
    assertThat(qs.query().sql()).doesNotContain("metrics_json");
    List<Memory> list = qs.list();
    assertThat(list).allMatch(m -> m.isDeferred("metricsJson"));
    assertThat(list.get(0).title).isEqualTo("Vacation plans");
  }

  @Order(4)
  @DbTest
  void chainingWithOtherMethods() {
    GuideData data = GuideData.seed();
    User user = data.demo();
    var qs =
        Memory.objects
            .filter("user", user)
            .only("id", "title", "createdAt")
            .orderBy("-createdAt")
            .slice(0, 10);
    GuideSql.record("onlyChain", qs.query());
    assertThat(ids(qs)).containsExactly(2L, 1L, 3L);
    assertThat(qs.list()).allMatch(m -> m.isDeferred("text") && !m.isDeferred("createdAt"));
  }
}
