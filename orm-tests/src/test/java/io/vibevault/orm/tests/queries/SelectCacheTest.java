package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.SelectCache;
import io.vibevault.orm.sql.SqlCompiler;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SQL cached per query shape: a cached SELECT is always the one a fresh compile writes, for queries
 * that differ only in their values and for queries that differ in anything else (lookups, None,
 * list sizes, ordering, slices, only/defer, selectRelated, joins, the database's dialect: the class
 * runs on every database in one JVM, so the cache holds every dialect's shapes side by side).
 */
@DatabaseTest(models = {Writer.class, Book.class})
class SelectCacheTest {
  /** Queries of many shapes, each a function of a value so the same shape comes with two values. */
  private static List<Function<Integer, QuerySet<Book>>> corpus() {
    return List.of(
        v -> Book.objects.filter("id", v),
        v -> Book.objects.filter("pk", v),
        v -> Book.objects.filter("pages", v),
        v -> Book.objects.filter("pages__gt", v),
        v -> Book.objects.filter("pages__gte", v),
        v -> Book.objects.filter("pages__lt", v),
        v -> Book.objects.filter("pages__lte", v),
        v -> Book.objects.filter("pages__gte", v, "pages__lte", v + 10),
        v -> Book.objects.filter("pages__lte", v + 10, "pages__gte", v),
        v -> Book.objects.filter("pages__gte", v).filter("title", "t" + v),
        v -> Book.objects.filter("title", "t" + v),
        v -> Book.objects.filter("title__iexact", "t" + v),
        v -> Book.objects.filter("title__icontains", "t" + v),
        v -> Book.objects.filter("rating", v % 2 == 0 ? null : 1.5),
        v -> Book.objects.filter("rating__isnull", v % 2 == 0),
        v -> Book.objects.filter("rating", (double) v),
        v -> Book.objects.filter("published__lt", Instant.ofEpochSecond(v)),
        v -> Book.objects.filter("pages__in", v % 2 == 0 ? List.of(v) : List.of(v, v + 1)),
        v -> Book.objects.filter("pages__in", v % 2 == 0 ? List.of() : List.of(v)),
        v -> Book.objects.filter("pages__range", List.of(v, v + 5)),
        v -> Book.objects.filter("pages", F.of("id")),
        v -> Book.objects.filter("author", v),
        v -> Book.objects.filter("author", v).orderBy("author__name"),
        v -> Book.objects.filter("author", v).orderBy("editor__name", "-pages"),
        v -> Book.objects.filter("author", v).selectRelated("author", "editor"),
        v -> Book.objects.filter("editor", v).selectRelated("author"),
        v -> Book.objects.filter("author", v, "editor", v).orderBy("editor__country"),
        v -> Book.objects.filter("author__id", v),
        v -> Book.objects.filter("author__id__gte", v).orderBy("author__name"),
        v -> Book.objects.filter("author__name", "w" + v),
        v -> Book.objects.filter("editor__isnull", true).filter("author", v),
        v -> Book.objects.exclude("pages", v),
        v -> Book.objects.exclude("rating", (double) v),
        v -> Book.objects.filter(Q.of("pages", v).or(Q.of("pages", v + 1))),
        v -> Book.objects.filter(Q.of("pages", v).not()),
        v -> Book.objects.filter("pages", v).orderBy("title"),
        v -> Book.objects.filter("pages", v).orderBy("-title"),
        v -> Book.objects.filter("pages", v).orderBy("author__name"),
        v -> Book.objects.filter("pages", v).orderBy("?"),
        v -> Book.objects.filter("pages", v).orderBy(F.of("title").desc()),
        v -> Book.objects.filter("pages", v).slice(0, 21),
        v -> Book.objects.filter("pages", v).slice(0, v),
        v -> Book.objects.filter("pages", v).slice(v, v + 5),
        v -> Book.objects.filter("pages", v).slice(2),
        v -> Book.objects.filter("pages", v).slice(3, 3),
        v -> Book.objects.filter("pages", v).only("title"),
        v -> Book.objects.filter("pages", v).defer("title"),
        v -> Book.objects.filter("pages", v).selectRelated("author"),
        v -> Book.objects.filter("pages", v).distinct(),
        v -> Book.objects.filter("pages", v).reverse(),
        v -> Book.objects.all(),
        v -> Book.objects.none());
  }

  /** The SQL and parameters a fresh compiler writes, or EMPTY when it needs no statement. */
  private static String fresh(Query q, Backend b) {
    try {
      CompiledSelect s = new SqlCompiler(q, b.operations(), b.features()).compileSelect();
      return s.sql() + " " + s.params() + " " + s.columns() + " " + s.related().size();
    } catch (EmptyResultSet e) {
      return "EMPTY";
    }
  }

  private static String cached(Query q, Backend b) {
    try {
      CompiledSelect s = SelectCache.compileSelect(q, b.operations(), b.features());
      return s.sql() + " " + s.params() + " " + s.columns() + " " + s.related().size();
    } catch (EmptyResultSet e) {
      return "EMPTY";
    }
  }

  @DbTest
  void aCachedSelectIsAlwaysWhatAFreshCompileWrites() {
    Backend backend = Database.connection().backend();
    List<Function<Integer, QuerySet<Book>>> corpus = corpus();
    Set<String> distinctSql = new TreeSet<>();
    // Three rounds with different values: the first fills the cache, the others read it, and each
    // query is checked after all the others, of every shape, went through it.
    for (int round = 0; round < 3; round++) {
      for (Function<Integer, QuerySet<Book>> make : corpus) {
        Query q = make.apply(7 + round).queryDescription();
        String expected = fresh(q, backend);
        assertThat(cached(q, backend)).as("query %s", expected).isEqualTo(expected);
        distinctSql.add(expected.split(" \\[")[0]);
      }
    }
    // The corpus really has many shapes (none was folded into another by the check above).
    assertThat(distinctSql.size()).isGreaterThan(35);
  }

  @DbTest
  void rowsAreThoseOfTheirOwnValues() {
    Writer w = Writer.objects.create("name", "Ada");
    List<Book> books = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      books.add(
          Book.objects.create(
              "title", "b" + i, "pages", i * 10, "author", w, "rating", i < 2 ? null : 1.0 * i));
    }
    for (Book b : books) {
      Book got = assertNumQueries(1, () -> Book.objects.get("id", b.pk()));
      assertThat(got.title).isEqualTo(b.title);
      assertThat(Book.objects.get("pk", b.pk()).pages).isEqualTo(b.pages);
    }
    assertThat(titles(Book.objects.filter("pages__gte", 20))).containsExactly("b2", "b3", "b4");
    assertThat(titles(Book.objects.filter("pages__gte", 40))).containsExactly("b4");
    assertThat(titles(Book.objects.filter("rating", 3.0))).containsExactly("b3");
    assertThat(titles(Book.objects.filter("rating", null))).containsExactly("b0", "b1");
    assertThat(titles(Book.objects.filter("rating", 2.0))).containsExactly("b2");
    assertThat(titles(Book.objects.filter("pages__in", List.of(0, 10))))
        .containsExactly("b0", "b1");
    assertThat(titles(Book.objects.filter("pages__in", List.of(30)))).containsExactly("b3");
    assertThat(titles(Book.objects.filter("pages__gte", 10).orderBy("pages").slice(0, 2)))
        .containsExactly("b1", "b2");
    assertThat(titles(Book.objects.filter("pages__gte", 10).orderBy("pages").slice(2, 4)))
        .containsExactly("b3", "b4");
  }

  /** get() by primary key builds its condition directly: the same statement as through filter(). */
  @DbTest
  void getByPrimaryKeySendsWhatFilterWould() {
    Writer w = Writer.objects.create("name", "Ada");
    Book b = Book.objects.create("title", "b", "author", w);
    for (Object[] call :
        List.of(
            new Object[] {"id", b.pk()},
            new Object[] {"pk", b.pk()},
            new Object[] {"id", String.valueOf(b.pk())},
            new Object[] {"pk", b})) {
      List<CapturedQuery> direct =
          Database.captureQueries(() -> Book.objects.get(call[0], call[1]));
      List<CapturedQuery> filtered =
          Database.captureQueries(
              () -> Book.objects.filter(call[0], call[1]).orderBy().slice(0, 21).list());
      assertThat(direct).hasSize(1);
      assertThat(direct.get(0).sql()).isEqualTo(filtered.get(0).sql());
      assertThat(direct.get(0).params()).isEqualTo(filtered.get(0).params());
    }
    // On a narrowed QuerySet the condition is added to the others, as filter() does.
    assertThat(Book.objects.filter("title", "b").get("pk", b.pk()).title).isEqualTo("b");
    assertThatThrownBy(() -> Book.objects.filter("title", "other").get("pk", b.pk()))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> Book.objects.get("pk", null)).isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> Book.objects.get("id", "not a number"))
        .isInstanceOf(ValidationError.class);
  }

  private static List<String> titles(QuerySet<Book> qs) {
    return (qs.queryDescription().isSliced() ? qs : qs.orderBy("pages"))
        .list().stream().map(b -> b.title).collect(Collectors.toList());
  }

  /**
   * Every field of Query is either part of the shape or makes a query shapeless: a field added to
   * Query must be given one of the two in SelectCache before this list is updated.
   */
  @Test
  void everyFieldOfQueryIsAccountedForByTheShape() {
    Set<String> fields =
        Arrays.stream(Query.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            // in the shape
            "model",
            "where",
            "ordering",
            "defaultOrdering",
            "standardOrdering",
            "low",
            "high",
            "distinct",
            "selectForUpdate",
            "selectForUpdateNowait",
            "selectForUpdateSkipLocked",
            "selectForUpdateOf",
            "loading",
            "selectRelated",
            "selectRelatedAll",
            // in the shape, and no join may be in use (refcount > 0)
            "aliases",
            // must be empty or unset for a shape
            "distinctFields",
            "valuesSelect",
            "annotations",
            "hiddenAnnotations",
            "groupBy",
            "groupByModel",
            "combination",
            // only steer later filter() calls, never the SQL
            "usedAliases",
            "filterIsSticky",
            "reuseUsedAliases");
    // The parts held in objects of their own: only() and defer() (DeferredLoading.addTo puts both
    // in the shape), the alias map and its reference counts (and whether a copy shares them,
    // which never changes the SQL).
    assertThat(instanceFields("io.vibevault.orm.sql.DeferredLoading"))
        .containsExactlyInAnyOrder("only", "deferred");
    assertThat(instanceFields("io.vibevault.orm.sql.AliasMap"))
        .containsExactlyInAnyOrder("map", "refcount", "shared");
  }

  private static Set<String> instanceFields(String className) {
    try {
      return Arrays.stream(Class.forName(className).getDeclaredFields())
          .filter(f -> !Modifier.isStatic(f.getModifiers()))
          .map(Field::getName)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
