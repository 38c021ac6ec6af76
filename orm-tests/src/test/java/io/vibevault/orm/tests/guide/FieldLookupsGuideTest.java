package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Field lookups": every lookup the guide shows, with the SQL it produces. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldLookupsGuideTest {

  @Order(1)
  @DbTest
  void exact() {
    GuideData.seed();
    var exact = Memory.objects.filter("title__exact", "Beach Day");
    var same = Memory.objects.filter("title", "Beach Day"); // exact is the default
    GuideSql.record("exact", exact.query());
    GuideSql.record("exact.default", same.query());
    assertThat(ids(exact)).containsExactly(1L);
    assertThat(same.query()).isEqualTo(exact.query());
    assertThat(Memory.objects.filter("title", "beach day").exists()).isFalse();
  }

  @Order(2)
  @DbTest
  void iexact() {
    GuideData.seed();
    var qs = Memory.objects.filter("title__iexact", "beach day");
    GuideSql.record("iexact", qs.query());
    assertThat(ids(qs)).containsExactly(1L);
  }

  @Order(3)
  @DbTest
  void containsAndIcontains() {
    GuideData.seed();
    var contains = Memory.objects.filter("title__contains", "vacation");
    var icontains = Memory.objects.filter("title__icontains", "vacation");
    GuideSql.record("contains", contains.query());
    GuideSql.record("icontains", icontains.query());
    assertThat(ids(contains)).containsExactly(2L); // case-sensitive on every backend
    assertThat(ids(icontains)).containsExactly(4L, 2L);
    // The value is matched literally: %, _ and \ are escaped.
    assertThat(Memory.objects.filter("title__contains", "%").exists()).isFalse();
    GuideSql.record("contains.escaped", Memory.objects.filter("title__contains", "100%_").query());
  }

  @Order(4)
  @DbTest
  void startswithAndEndswith() {
    GuideData.seed();
    var startswith = Memory.objects.filter("title__startswith", "Summer");
    var endswith = Memory.objects.filter("title__endswith", "walk");
    GuideSql.record("startswith", startswith.query());
    GuideSql.record("endswith", endswith.query());
    assertThat(ids(startswith)).containsExactly(2L);
    assertThat(ids(endswith)).containsExactly(5L);
    assertThat(Memory.objects.filter("title__startswith", "summer").exists()).isFalse();
    assertThat(ids(Memory.objects.filter("title__istartswith", "summer"))).containsExactly(2L);
    assertThat(ids(Memory.objects.filter("title__iendswith", "WALK"))).containsExactly(5L);
  }

  @Order(5)
  @DbTest
  void in() {
    GuideData.seed();
    var qs = Memory.objects.filter("mediaType__in", List.of("photo", "audio"));
    GuideSql.record("in", qs.query());
    assertThat(ids(qs)).containsExactly(2L, 1L, 3L);
    assertThat(ids(Memory.objects.filter("mediaType__in", List.of(MediaType.PHOTO))))
        .containsExactly(2L, 1L);
    // An empty list matches nothing and sends no query.
    assertThat(Memory.objects.filter("mediaType__in", List.of()).query().sql())
        .startsWith("-- matches nothing");
    assertThat(Memory.objects.filter("mediaType__in", List.of()).list()).isEmpty();
  }

  @Order(6)
  @DbTest
  void comparisons() {
    GuideData.seed();
    var since2024 = Memory.objects.filter("createdAt__gte", LocalDate.of(2024, 1, 1));
    GuideSql.record("gte", since2024.query());
    assertThat(ids(since2024)).containsExactly(4L, 2L, 1L, 5L);
    Instant july = Instant.parse("2024-07-04T09:30:00Z");
    assertThat(ids(Memory.objects.filter("createdAt__gt", july))).containsExactly(4L, 2L);
    assertThat(ids(Memory.objects.filter("createdAt__lt", july))).containsExactly(5L, 3L);
    assertThat(ids(Memory.objects.filter("createdAt__lte", july))).containsExactly(1L, 5L, 3L);
  }

  @Order(7)
  @DbTest
  void range() {
    GuideData.seed();
    LocalDate startDate = LocalDate.of(2024, 6, 1);
    LocalDate endDate = LocalDate.of(2024, 8, 31);
    var qs = Memory.objects.filter("createdAt__range", List.of(startDate, endDate));
    GuideSql.record("range", qs.query());
    assertThat(ids(qs)).containsExactly(2L, 1L);
  }

  @Order(8)
  @DbTest
  void isnull() {
    GuideData.seed();
    var noFile = Memory.objects.filter("mediaFile__isnull", true);
    GuideSql.record("isnull", noFile.query());
    // media_file is NOT NULL: a memory without a file stores '', so nothing is NULL here.
    assertThat(noFile.list()).isEmpty();
    assertThat(ids(Memory.objects.filter("mediaFile", ""))).hasSize(5);
    var notAnalysed = Memory.objects.filter("analysisStatus__isnull", true);
    GuideSql.record("isnull.status", notAnalysed.query());
    assertThat(ids(notAnalysed)).containsExactly(3L);
    assertThat(Memory.objects.filter("analysisStatus__isnull", false).count()).isEqualTo(4);
  }

  @Order(9)
  @DbTest
  void dateLookups() {
    GuideData.seed();
    var year = Memory.objects.filter("createdAt__year", 2024);
    var month = Memory.objects.filter("createdAt__month", 12);
    GuideSql.record("year", year.query());
    GuideSql.record("month", month.query());
    assertThat(ids(year)).containsExactly(4L, 2L, 1L, 5L);
    assertThat(ids(month)).containsExactly(4L, 3L);

    Memory fresh =
        Memory.objects.create(
            "user", User.objects.get("username", "demo"),
            "title", "Today",
            "text", "Written today",
            "mediaType", MediaType.TEXT,
            "mediaFile", "");
    LocalDate today = LocalDate.now(ZoneOffset.UTC); // date transforms work in UTC
    var qs = Memory.objects.filter("createdAt__date", today);
    GuideSql.record("date", qs.query());
    assertThat(ids(qs)).containsExactly(fresh.id);
    // Transforms chain with comparisons
    assertThat(Memory.objects.filter("createdAt__year__gte", 2024).count()).isEqualTo(5);
    assertThat(ids(Memory.objects.filter("createdAt__year", 2024, "createdAt__month__lte", 7)))
        .containsExactly(1L, 5L);
  }

  @Order(10)
  @DbTest
  void jsonKeyLookups() {
    GuideData.seed();
    var qs = Memory.objects.filter("metricsJson__sentiment__label", "positive");
    GuideSql.record("json", qs.query());
    assertThat(ids(qs)).containsExactly(1L);
    assertThat(ids(Memory.objects.filter("metricsJson__sentiment__score__lt", 0)))
        .containsExactly(4L);
    assertThat(ids(Memory.objects.filter("metricsJson__has_key", "sentiment")))
        .containsExactly(4L, 1L);
    assertThat(Memory.objects.filter("metricsJson__sentiment__isnull", true).count()).isEqualTo(3);
  }

  @Order(11)
  @DbTest
  void inVibeVault() {
    GuideData.seed();
    // "I use __icontains for text search and __gte for date filtering."
    var qs =
        Memory.objects.filter(
            "text__icontains", "WALK", "createdAt__gte", LocalDate.of(2024, 1, 1));
    GuideSql.record("icontainsAndGte", qs.query());
    assertThat(ids(qs)).containsExactly(5L);
  }
}
