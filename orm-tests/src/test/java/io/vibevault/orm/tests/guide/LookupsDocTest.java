package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.tests.guide.GuideData.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.expr.Compiler;
import io.vibevault.orm.expr.Expression;
import io.vibevault.orm.lookup.Lookup;
import io.vibevault.orm.lookup.LookupRegistry;
import io.vibevault.orm.lookup.Transform;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.QueryAssertions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * docs/lookups.md beyond the guide: every built-in lookup and transform on the guide's rows, with
 * the SQL each produces, and custom lookups.
 */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class LookupsDocTest {

  private static List<Long> check(String key, QuerySet<Memory> qs) {
    GuideSql.record(key, qs.query());
    return ids(qs);
  }

  @DbTest
  void textLookups() {
    GuideData.seed();
    assertThat(check("exact", Memory.objects.filter("title__exact", "Beach Day")))
        .containsExactly(1L);
    assertThat(check("iexact", Memory.objects.filter("title__iexact", "beach day")))
        .containsExactly(1L);
    assertThat(check("contains", Memory.objects.filter("title__contains", "vacation")))
        .containsExactly(2L);
    assertThat(check("icontains", Memory.objects.filter("title__icontains", "VACATION")))
        .containsExactly(4L, 2L);
    assertThat(check("startswith", Memory.objects.filter("title__startswith", "Park")))
        .containsExactly(5L);
    assertThat(check("istartswith", Memory.objects.filter("title__istartswith", "park")))
        .containsExactly(5L);
    assertThat(check("endswith", Memory.objects.filter("title__endswith", "walk")))
        .containsExactly(5L);
    assertThat(check("iendswith", Memory.objects.filter("title__iendswith", "WALK")))
        .containsExactly(5L);
    assertThat(check("regex", Memory.objects.filter("title__regex", "^V"))).containsExactly(4L, 3L);
    assertThat(check("iregex", Memory.objects.filter("title__iregex", "^v")))
        .containsExactly(4L, 3L);
    assertThat(Memory.objects.filter("title__regex", "^v").exists()).isFalse();
  }

  @DbTest
  void likeEscaping() {
    GuideData.seed();
    Memory.objects.filter("id", 5).update("title", "100% park_walk");
    var percent = Memory.objects.filter("title__contains", "100%_");
    GuideSql.record("like.escaped", percent.query());
    assertThat(percent.exists()).isFalse(); // "%_" taken literally
    assertThat(ids(Memory.objects.filter("title__contains", "% park_"))).containsExactly(5L);
    assertThat(ids(Memory.objects.filter("title__startswith", "100%"))).containsExactly(5L);
    assertThat(Memory.objects.filter("title__contains", "_").count()).isEqualTo(1);
    assertThat(Memory.objects.filter("title__icontains", "\\").exists()).isFalse();
  }

  @DbTest
  void comparisonsAndLists() {
    GuideData.seed();
    Instant july4 = Instant.parse("2024-07-04T09:30:00Z");
    assertThat(check("gt", Memory.objects.filter("createdAt__gt", july4))).containsExactly(4L, 2L);
    assertThat(check("gte", Memory.objects.filter("createdAt__gte", july4)))
        .containsExactly(4L, 2L, 1L);
    assertThat(check("lt", Memory.objects.filter("createdAt__lt", july4))).containsExactly(5L, 3L);
    assertThat(check("lte", Memory.objects.filter("createdAt__lte", july4)))
        .containsExactly(1L, 5L, 3L);
    assertThat(
            check(
                "range",
                Memory.objects.filter(
                    "createdAt__range",
                    List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 31)))))
        .containsExactly(2L, 1L);
    assertThat(check("in", Memory.objects.filter("id__in", List.of(1, 3, 5))))
        .containsExactly(1L, 5L, 3L);
    assertThat(check("isnull", Memory.objects.filter("analysisStatus__isnull", true)))
        .containsExactly(3L);
    assertThat(check("exact.null", Memory.objects.filter("analysisStatus", null)))
        .containsExactly(3L);
    // An empty list matches nothing; nothing is sent.
    QueryAssertions.assertNoQueries(
        () -> assertThat(Memory.objects.filter("id__in", List.of()).list()).isEmpty());
    // A large list works on every backend (PostgreSQL: one array parameter; others: chunks)
    assertThat(Memory.objects.filter("id__in", numbers(30_000)).count()).isEqualTo(5);
    // Beyond the parameter limit too: one array parameter on PostgreSQL, one JSON array unpacked
    // by JSON_TABLE on MariaDB, SQLite's compiled limit of 250,000 parameters.
    List<Long> tooMany = numbers(70_000);
    assertThat(
            QueryAssertions.assertNumQueries(
                1, () -> Memory.objects.filter("id__in", tooMany).count()))
        .isEqualTo(5);
  }

  private static List<Long> numbers(int n) {
    List<Long> out = new java.util.ArrayList<>();
    for (long i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }

  @DbTest
  void dateAndTimeTransforms() {
    GuideData.seed();
    assertThat(check("date", Memory.objects.filter("createdAt__date", LocalDate.of(2024, 7, 4))))
        .containsExactly(1L);
    assertThat(check("year", Memory.objects.filter("createdAt__year", 2024)))
        .containsExactly(4L, 2L, 1L, 5L);
    assertThat(check("iso_year", Memory.objects.filter("createdAt__iso_year", 2023)))
        .containsExactly(3L);
    assertThat(check("month", Memory.objects.filter("createdAt__month", 12)))
        .containsExactly(4L, 3L);
    assertThat(check("day", Memory.objects.filter("createdAt__day", 4))).containsExactly(1L);
    assertThat(check("week", Memory.objects.filter("createdAt__week", 27))).containsExactly(1L);
    // week_day: 1 = Sunday ... 7 = Saturday (2023-12-24 was a Sunday)
    assertThat(check("week_day", Memory.objects.filter("createdAt__week_day", 1)))
        .containsExactly(3L);
    // iso_week_day: 1 = Monday ... 7 = Sunday (2024-01-15 was a Monday)
    assertThat(check("iso_week_day", Memory.objects.filter("createdAt__iso_week_day", 1)))
        .containsExactly(5L);
    assertThat(check("quarter", Memory.objects.filter("createdAt__quarter", 3)))
        .containsExactly(2L, 1L);
    assertThat(check("time", Memory.objects.filter("createdAt__time", LocalTime.of(9, 30))))
        .containsExactly(1L);
    assertThat(check("hour", Memory.objects.filter("createdAt__hour", 18))).containsExactly(3L);
    assertThat(check("minute", Memory.objects.filter("createdAt__minute", 45))).containsExactly(5L);
    assertThat(check("second", Memory.objects.filter("createdAt__second", 0))).hasSize(5);
    assertThat(check("year.gte", Memory.objects.filter("createdAt__year__gte", 2024))).hasSize(4);
    assertThat(ids(Memory.objects.filter("createdAt__month__in", List.of(7, 8))))
        .containsExactly(2L, 1L);
  }

  @DbTest
  void jsonLookups() {
    GuideData.seed();
    assertThat(
            check("json.key", Memory.objects.filter("metricsJson__sentiment__label", "positive")))
        .containsExactly(1L);
    assertThat(check("json.key.lt", Memory.objects.filter("metricsJson__sentiment__score__lt", 0)))
        .containsExactly(4L);
    assertThat(
            check(
                "json.key.icontains",
                Memory.objects.filter("metricsJson__sentiment__label__icontains", "POS")))
        .containsExactly(1L);
    assertThat(check("json.has_key", Memory.objects.filter("metricsJson__has_key", "sentiment")))
        .containsExactly(4L, 1L);
    assertThat(
            check(
                "json.has_keys",
                Memory.objects.filter("metricsJson__has_keys", List.of("sentiment"))))
        .containsExactly(4L, 1L);
    assertThat(
            check(
                "json.has_any_keys",
                Memory.objects.filter("metricsJson__has_any_keys", List.of("sentiment", "words"))))
        .containsExactly(4L, 1L);
    assertThat(
            check("json.key.isnull", Memory.objects.filter("metricsJson__sentiment__isnull", true)))
        .containsExactly(2L, 5L, 3L);
    Map<String, Object> positive = Map.of("sentiment", Map.of("label", "positive"));
    if (Database.connection().backend().features().supportsJsonContains()) {
      assertThat(check("json.contains", Memory.objects.filter("metricsJson__contains", positive)))
          .containsExactly(1L);
      assertThat(
              ids(
                  Memory.objects.filter(
                      "metricsJson__contained_by",
                      Map.of("sentiment", Map.of("label", "positive", "score", 0.9), "x", 1))))
          .containsExactly(2L, 1L, 5L, 3L);
    } else {
      QueryAssertions.assertNoQueries(
          () ->
              assertThatThrownBy(
                      () -> Memory.objects.filter("metricsJson__contains", positive).list())
                  .isInstanceOf(NotSupportedError.class));
    }
  }

  @DbTest
  void badPathsAreRefusedBeforeAnySql() {
    GuideData.seed();
    QueryAssertions.assertNoQueries(
        () -> {
          assertThatThrownBy(() -> Memory.objects.filter("colour", "red").list())
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("Cannot resolve keyword 'colour' into field")
              .hasMessageContaining("title");
          assertThatThrownBy(() -> Memory.objects.filter("title__icontainsx", "a").list())
              .isInstanceOf(FieldError.class)
              .hasMessageContaining("icontainsx");
          assertThatThrownBy(() -> Memory.objects.filter("id", Map.of("a", 1)).list())
              .isInstanceOf(ValidationError.class);
          assertThatThrownBy(() -> Memory.objects.filter("id", "five").list())
              .isInstanceOf(ValidationError.class);
        });
  }

  /** docs/lookups.md: a custom lookup. */
  public static final class NotEqual extends Lookup {
    public NotEqual(Expression lhs, Object rhs) {
      super(lhs, rhs);
    }

    @Override
    public String name() {
      return "ne";
    }

    @Override
    public Fragment compile(Compiler compiler) {
      return Fragment.format("%s <> %s", compiler.compile(lhs), compileRhs(compiler));
    }
  }

  /** docs/lookups.md: a custom transform. */
  public static final class Lower extends Transform {
    public Lower(Expression lhs) {
      super(lhs);
    }

    @Override
    public Fragment compile(Compiler compiler) {
      return compiler.compile(lhs).wrap("LOWER(%s)");
    }

    @Override
    public FieldKind outputKind() {
      return FieldKind.CHAR;
    }
  }

  @DbTest
  void customLookupsAndTransforms() {
    GuideData.seed();
    LookupRegistry.registerLookup(FieldKind.CHAR, "ne", NotEqual::new);
    LookupRegistry.registerTransform(FieldKind.CHAR, "lower", Lower::new);
    var notBeach = Memory.objects.filter("title__ne", "Beach Day");
    GuideSql.record("custom.ne", notBeach.query());
    assertThat(ids(notBeach)).containsExactly(4L, 2L, 5L, 3L);
    var lowered = Memory.objects.filter("title__lower", "beach day");
    GuideSql.record("custom.lower", lowered.query());
    assertThat(ids(lowered)).containsExactly(1L);
    assertThat(ids(Memory.objects.filter("title__lower__startswith", "vac"))).containsExactly(4L);
  }
}
