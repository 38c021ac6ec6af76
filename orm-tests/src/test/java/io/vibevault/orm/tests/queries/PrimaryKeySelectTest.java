package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.aggregates.Count;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.sql.CompiledSelect;
import io.vibevault.orm.sql.PrimaryKeySelect;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.SqlCompiler;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code get(pk)} on a bare query (a manager's, {@code all()}, {@code using()}) sends a SELECT
 * compiled once per model and backend: always the statement the general path writes, with the key's
 * value checked and converted as filter() does, and never for a query that holds anything else.
 */
@DatabaseTest(models = {Writer.class, Book.class})
class PrimaryKeySelectTest {
  private static CompiledSelect precompiled(QuerySet<Book> qs, Object value) {
    Backend b = Database.connection().backend();
    return PrimaryKeySelect.compile(qs.queryDescription(), value, b.operations(), b.features());
  }

  @DbTest
  void theStatementIsTheOneTheGeneralPathCompiles() {
    Backend b = Database.connection().backend();
    for (long id : new long[] {1, 7, 123_456_789_012L}) {
      CompiledSelect direct = precompiled(Book.objects.all(), id);
      Query general = Book.objects.filter("id", id).orderBy().slice(0, 21).queryDescription();
      CompiledSelect compiled =
          new SqlCompiler(general, b.operations(), b.features()).compileSelect();
      assertThat(direct.sql()).isEqualTo(compiled.sql());
      assertThat(direct.params()).isEqualTo(compiled.params());
      assertThat(direct.columns()).isEqualTo(compiled.columns());
    }
  }

  @DbTest
  void onlyABareQueryIsPrecompiled() {
    assertThat(precompiled(Book.objects.all(), 1L)).isNotNull();
    assertThat(precompiled(Book.objects.using(Database.DEFAULT), 1L)).isNotNull();
    List<QuerySet<Book>> narrowed =
        List.of(
            Book.objects.filter("pages", 1),
            Book.objects.exclude("title", "x"),
            Book.objects.orderBy("title"),
            Book.objects.all().reverse(),
            Book.objects.all().slice(1, 5),
            Book.objects.all().slice(0, 1),
            Book.objects.only("title"),
            Book.objects.defer("title"),
            Book.objects.selectRelated("author"),
            Book.objects.all().distinct(),
            Book.objects.annotate(Count.of("id").as("n")),
            Book.objects.filter("author__name", "Ada"));
    for (QuerySet<Book> qs : narrowed) {
      assertThat(precompiled(qs, 1L)).as("%s", qs.query().sql()).isNull();
    }
    // Values that change the condition take the general path.
    assertThat(precompiled(Book.objects.all(), null)).isNull();
    assertThat(precompiled(Book.objects.all(), List.of(1L))).isNull();
  }

  @DbTest
  void getAnswersAsThroughFilter() {
    Writer w = Writer.objects.create("name", "Ada");
    Book b = Book.objects.create("title", "b", "pages", 12, "author", w);
    Book got = assertNumQueries(1, () -> Book.objects.get("id", b.pk()));
    assertThat(got.title).isEqualTo("b");
    assertThat(got.pages).isEqualTo(12);
    assertThat(got.author.id()).isEqualTo(w.pk());
    assertThat(ModelInternals.isAdding(got)).isFalse();
    assertThat(Book.objects.all().get("pk", b.pk()).title).isEqualTo("b");
    assertThat(Book.objects.using(Database.DEFAULT).get("pk", String.valueOf(b.pk())).title)
        .isEqualTo("b");
    assertThat(Book.objects.get("pk", b).title).isEqualTo("b");
    assertThatThrownBy(() -> Book.objects.get("id", (Long) b.pk() + 1000))
        .isInstanceOf(ObjectDoesNotExist.class)
        .hasMessage("Book matching query does not exist.");
    assertThatThrownBy(() -> Book.objects.get("id", "not a number"))
        .isInstanceOf(ValidationError.class);
    assertThatThrownBy(() -> Book.objects.get("pk", null)).isInstanceOf(ObjectDoesNotExist.class);
  }

  /**
   * Readers are shared per query shape, deferred fields are not: a get() after an only() of the
   * same row loads every field, and the only() row still has its fields deferred.
   */
  @DbTest
  void sharedReadersKeepEachShapesDeferredFields() {
    Writer w = Writer.objects.create("name", "Ada");
    Book b = Book.objects.create("title", "b", "pages", 12, "author", w);
    for (int round = 0; round < 2; round++) {
      Book partial = Book.objects.only("title").get("id", b.pk());
      Book full = Book.objects.get("id", b.pk());
      assertThat(ModelInternals.deferred(partial)).contains("pages");
      assertThat(ModelInternals.deferred(full)).isEmpty();
      assertThat(full.pages).isEqualTo(12);
    }
  }

  @DbTest
  void severalRowsOfABareQueryAreStillAnError() {
    Writer w = Writer.objects.create("name", "Ada");
    Book.objects.create("title", "a", "author", w);
    Book.objects.create("title", "b", "author", w);
    // get() without conditions on a bare query is not the primary-key case.
    assertThatThrownBy(() -> Book.objects.get())
        .isInstanceOf(MultipleObjectsReturned.class)
        .hasMessageContaining("it returned 2");
  }

  @DbTest
  void oneStatementPerGet(TestDatabase db) {
    Writer w = Writer.objects.create("name", "Ada");
    Book b = Book.objects.create("title", "b", "author", w);
    List<CapturedQuery> q =
        Database.captureQueries(
            () -> {
              Book.objects.get("id", b.pk());
              Book.objects.get("id", b.pk());
            });
    assertThat(q).hasSize(2);
    assertThat(q.get(0).sql()).isEqualTo(q.get(1).sql());
    if (db.vendor().equals("sqlite")) {
      assertThat(q.get(0).sql()).endsWith(" LIMIT 21");
      assertThat(q.get(0).params()).containsExactly(b.pk());
    } else {
      assertThat(q.get(0).params()).containsExactly(b.pk(), 21L);
    }
  }

  /**
   * Every field of Query is either checked by PrimaryKeySelect's bareness test or cannot change a
   * SELECT without the others: a field added to Query must be placed before this list is updated.
   */
  @Test
  void everyFieldOfQueryIsCheckedForBareness() {
    Set<String> fields =
        Arrays.stream(Query.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            // checked: empty, unset or default (the alias map holds the reference counts too, which
            // only count the uses of joins: none on a bare query)
            "aliases",
            "where",
            "ordering",
            "defaultOrdering",
            "standardOrdering",
            "low",
            "high",
            "distinct",
            "distinctFields",
            "selectForUpdate",
            "loading",
            "selectRelated",
            "selectRelatedAll",
            "valuesSelect",
            "annotations",
            "hiddenAnnotations",
            "groupBy",
            "groupByModel",
            "combination",
            // the model is the template's key
            "model",
            // only matter with selectForUpdate
            "selectForUpdateNowait",
            "selectForUpdateSkipLocked",
            "selectForUpdateOf",
            // only steer later filter() calls, never the SQL
            "usedAliases",
            "filterIsSticky",
            "reuseUsedAliases");
  }
}
