package io.vibevault.orm.tests.models;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.query.BulkCreateOptions;
import io.vibevault.orm.query.GetOrCreateResult;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The guide's snippets (DJANGO ORM BASICS, Field Lookups, Creating and Updating, Q Objects,
 * Queryset Chaining, Deferred Fields, QUICK REFERENCE) in their Java form, on the guide's Memory.
 */
// Profile is listed because deleting a User cascades to it once its class is registered.
@DatabaseTest(models = {User.class, Memory.class, Tag.class, Profile.class})
class GuideSnippetsTest {
  private User user;
  private Memory beach;

  private void seed() {
    user = User.objects.create("username", "ada");
    User other = User.objects.create("username", "bob");
    beach =
        Memory.objects.create(
            "user", user, "title", "Beach Day", "text", "Sun and sea on vacation");
    beach.mediaType = MediaType.PHOTO;
    beach.analysisStatus = AnalysisStatus.DONE;
    beach.metricsJson = Map.of("sentiment", Map.of("label", "positive"));
    beach.mediaFile = "memories/2024/07/04/beach.jpg";
    beach.save();
    Memory summer =
        Memory.objects.create("user", user, "title", "Summer vacation plans", "text", "plans");
    summer.mediaType = MediaType.AUDIO;
    summer.analysisStatus = AnalysisStatus.PENDING;
    summer.save();
    Memory.objects.create("user", other, "title", "Office", "text", "work work");
  }

  private static List<String> titles(QuerySet<Memory> qs) {
    List<String> out = new ArrayList<>(qs.valuesList("title").<String>flat().list());
    out.sort(null);
    return out;
  }

  @DbTest
  void querySetMethods() {
    seed();
    assertThat(Memory.objects.all().count()).isEqualTo(3);
    assertThat(titles(Memory.objects.filter("user", user)))
        .containsExactly("Beach Day", "Summer vacation plans");
    assertThat(Memory.objects.filter("mediaType", "photo").count()).isEqualTo(1);
    int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
    assertThat(Memory.objects.filter("createdAt__year", thisYear).count()).isEqualTo(3);
    assertThat(titles(Memory.objects.exclude("analysisStatus", "pending")))
        .containsExactly("Beach Day", "Office");
    assertThat(Memory.objects.get("id", beach.id).title).isEqualTo("Beach Day");
    GetOrCreateResult<Memory> got =
        Memory.objects.getOrCreate(
            Map.of("user", user, "title", "Untitled"), Map.of("text", "Default content"));
    assertThat(got.created()).isTrue();
    assertThat(got.object().text).isEqualTo("Default content");
    assertThat(Memory.objects.filter("user", user).first()).isPresent();
    assertThat(Memory.objects.filter("user", user).exists()).isTrue();
    assertThat(Memory.objects.filter("user", user).count()).isEqualTo(3);
    assertThat(Memory.objects.orderBy("-createdAt").first().orElseThrow().title)
        .isEqualTo("Untitled");
    assertThat(Memory.objects.values("id", "title").filter("id", beach.id).list())
        .containsExactly(Map.of("id", beach.id, "title", "Beach Day"));
    assertThat(Memory.objects.valuesList("id").flat().list()).hasSize(4).contains(beach.id);
  }

  @DbTest
  void fieldLookups() {
    seed();
    assertThat(titles(Memory.objects.filter("title__exact", "Beach Day")))
        .containsExactly("Beach Day");
    assertThat(titles(Memory.objects.filter("title", "Beach Day"))).containsExactly("Beach Day");
    assertThat(titles(Memory.objects.filter("title__iexact", "beach day")))
        .containsExactly("Beach Day");
    assertThat(titles(Memory.objects.filter("title__contains", "vacation")))
        .containsExactly("Summer vacation plans");
    assertThat(titles(Memory.objects.filter("title__icontains", "VACATION")))
        .containsExactly("Summer vacation plans");
    assertThat(titles(Memory.objects.filter("title__startswith", "Summer")))
        .containsExactly("Summer vacation plans");
    assertThat(titles(Memory.objects.filter("mediaType__in", List.of("photo", "audio"))))
        .containsExactly("Beach Day", "Summer vacation plans");
    assertThat(Memory.objects.filter("createdAt__gte", LocalDate.of(2024, 1, 1)).count())
        .isEqualTo(3);
    Instant start = Instant.now().minusSeconds(3600);
    Instant end = Instant.now().plusSeconds(3600);
    assertThat(Memory.objects.filter("createdAt__range", List.of(start, end)).count()).isEqualTo(3);
    assertThat(Memory.objects.filter("analysisStatus__isnull", true).count()).isEqualTo(1);
    assertThat(
            Memory.objects
                .filter("createdAt__month", LocalDate.now(ZoneOffset.UTC).getMonthValue())
                .count())
        .isEqualTo(3);
    assertThat(Memory.objects.filter("createdAt__date", LocalDate.now(ZoneOffset.UTC)).count())
        .isEqualTo(3);
    assertThat(titles(Memory.objects.filter("metricsJson__sentiment__label", "positive")))
        .containsExactly("Beach Day");
  }

  @DbTest
  void creatingAndUpdating() {
    seed();
    Memory created =
        Memory.objects.create("user", user, "title", "New Memory", "text", "Content here");
    assertThat(created.id).isNotNull();
    Memory m = new Memory();
    m.user.set(user);
    m.title = "New";
    m.text = "Content";
    m.save();
    assertThat(Memory.objects.get("pk", m.id).text).isEqualTo("Content");
    assertThat(Memory.objects.filter("user", user).update("analysisStatus", "pending"))
        .isEqualTo(4);
    Memory five = Memory.objects.get("id", beach.id);
    five.title = "Updated Title";
    five.save();
    five.title = "New Title";
    List<CapturedQuery> ran = Database.captureQueries(() -> five.save("title"));
    assertThat(ran).singleElement().satisfies(q -> assertThat(q.sql()).startsWith("UPDATE"));
    assertThat(Memory.objects.get("pk", beach.id).title).isEqualTo("New Title");

    Memory one = new Memory();
    one.user.set(user);
    one.title = "Memory 1";
    Memory two = new Memory();
    two.user.set(user);
    two.title = "Memory 2";
    Memory.objects.bulkCreate(List.of(one, two));
    assertThat(one.id).isNotNull();
    List<Memory> memories = Memory.objects.filter("user", user).list();
    for (Memory each : memories) {
      each.analysisStatus = AnalysisStatus.DONE;
    }
    assertThat(Memory.objects.bulkUpdate(memories, "analysisStatus")).isEqualTo(6);
    assertThat(Memory.objects.filter("analysisStatus", "done").count()).isEqualTo(6);
    assertThat(Memory.objects.all().bulkCreate(new ArrayList<>(), BulkCreateOptions.defaults()))
        .isEmpty();
  }

  @DbTest
  void deleting() {
    seed();
    Memory five = Memory.objects.get("id", beach.id);
    five.delete();
    assertThat(Memory.objects.filter("pk", beach.id).exists()).isFalse();
    Memory.objects.filter("user", user).update("analysisStatus", "failed");
    assertThat(Memory.objects.filter("user", user, "analysisStatus", "failed").delete().total())
        .isEqualTo(1);
    var result = User.objects.filter("username", "bob").delete();
    assertThat(result.perModel()).containsEntry("models.Memory", 1L);
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void qObjects() {
    seed();
    assertThat(
            titles(
                Memory.objects.filter(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio")))))
        .containsExactly("Beach Day", "Summer vacation plans");
    assertThat(
            titles(
                Memory.objects.filter(
                    Q.of("user", user)
                        .and(Q.of("mediaType", "photo").or(Q.of("mediaType", "audio"))))))
        .containsExactly("Beach Day", "Summer vacation plans");
    assertThat(titles(Memory.objects.filter(Q.of("analysisStatus", "pending").not())))
        .containsExactly("Beach Day", "Office");
    String query = "sea";
    assertThat(
            titles(
                Memory.objects.filter(
                    Q.of("title__icontains", query).or(Q.of("text__icontains", query)),
                    "user",
                    user,
                    "analysisStatus",
                    "done")))
        .containsExactly("Beach Day");
  }

  @DbTest
  void querySetChainingIsLazy() {
    seed();
    QuerySet<Memory> qs =
        assertNoQueries(
            () -> {
              QuerySet<Memory> q = Memory.objects.filter("user", user);
              q = q.filter("analysisStatus", "done");
              q = q.orderBy("-createdAt");
              return q.slice(0, 20);
            });
    assertNumQueries(1, () -> assertThat(qs.list()).hasSize(1));
    assertNumQueries(1, () -> assertThat(qs.all().exists()).isTrue());
    assertNumQueries(1, () -> assertThat(qs.all().size()).isEqualTo(1));
    assertNumQueries(1, () -> assertThat(qs.all().toString()).contains("Beach Day"));
    assertThat(qs.query().sql()).contains("LIMIT");
  }

  @DbTest
  void deferredFields() {
    seed();
    List<CapturedQuery> ran =
        Database.captureQueries(
            () -> Memory.objects.only("id", "title").filter("pk", beach.id).list());
    String select = ran.get(0).sql();
    assertThat(select.substring(0, select.indexOf(" FROM ")))
        .contains("title")
        .doesNotContain("metrics_json")
        .doesNotContain("text");
    Memory partial = Memory.objects.only("id", "title").get("pk", beach.id);
    assertThat(partial.title).isEqualTo("Beach Day");
    assertThat(partial.isDeferred("text")).isTrue();
    assertThat(partial.isDeferred("title")).isFalse();
    Memory heavyLeftOut = Memory.objects.defer("metricsJson").get("pk", beach.id);
    assertThat(heavyLeftOut.isDeferred("metricsJson")).isTrue();
    assertThat(heavyLeftOut.text).isEqualTo("Sun and sea on vacation");
    List<Memory> page =
        Memory.objects
            .filter("user", user)
            .only("id", "title", "createdAt")
            .orderBy("-createdAt")
            .slice(0, 10)
            .list();
    assertThat(page).hasSize(2).allSatisfy(p -> assertThat(p.isDeferred("text")).isTrue());
    assertThat(Memory.objects.defer("text").defer().get("pk", beach.id).deferredFields()).isEmpty();
  }

  @DbTest
  void quickReference() {
    seed();
    assertThat(Memory.objects.all().query().sql()).startsWith("SELECT").contains("FROM");
    assertThat(Memory.objects.filter("id", 5).query().sql()).contains("WHERE");
    assertThat(Memory.objects.filter("title__icontains", "beach").query().sql()).contains("LIKE");
    assertThat(Memory.objects.filter("mediaType__in", List.of("a", "b")).query().sql())
        .containsAnyOf(" IN (", "= ANY(");
    assertThat(Memory.objects.orderBy("-createdAt").query().sql()).contains("DESC");
    assertThat(Memory.objects.all().slice(0, 10).query().sql()).contains("LIMIT");
    List<CapturedQuery> count = Database.captureQueries(() -> Memory.objects.count());
    assertThat(count.get(0).sql()).containsIgnoringCase("COUNT(*)");
    assertThat(Memory.objects.filter("user__username", "ada").query().sql()).contains("JOIN");
    List<CapturedQuery> insert =
        Database.captureQueries(() -> Memory.objects.create("user", user, "title", "t"));
    assertThat(insert).anySatisfy(q -> assertThat(q.sql()).startsWith("INSERT INTO"));
    List<CapturedQuery> update =
        Database.captureQueries(() -> Memory.objects.filter("title", "t").update("title", "u"));
    assertThat(update).anySatisfy(q -> assertThat(q.sql()).startsWith("UPDATE"));
  }
}
