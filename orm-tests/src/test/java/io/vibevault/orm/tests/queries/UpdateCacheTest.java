package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.UpdateCache;
import io.vibevault.orm.sql.WriteCompiler;
import io.vibevault.orm.sql.WriteCompiler.Assignment;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * UPDATEs cached per shape: a cached UPDATE is always the one a fresh compile writes, whatever the
 * values set and compared (null among them), for updates of many shapes on every database in one
 * JVM; and the rows an update or a save() changes are those of its own values.
 */
@DatabaseTest(models = {Writer.class, Book.class})
class UpdateCacheTest {
  /** An update: the rows it picks and the fields it sets, with their values. */
  private record Update(QuerySet<Book> rows, Object... fieldsAndValues) {}

  private static List<Function<Integer, Update>> corpus() {
    Instant t = Instant.parse("2026-11-25T06:30:00Z");
    return List.of(
        v -> new Update(Book.objects.filter("id", v), "pages", v),
        v -> new Update(Book.objects.filter("pk", v), "title", "t" + v, "pages", v),
        v -> new Update(Book.objects.filter("pk", v), "pages", v, "title", "t" + v),
        v -> new Update(Book.objects.filter("pages__gte", v, "pages__lte", v + 10), "rating", 1.5),
        v -> new Update(Book.objects.filter("pages__gt", v), "rating", v % 2 == 0 ? null : 2.5),
        v -> new Update(Book.objects.filter("pages__lt", v), "published", t.plusSeconds(v)),
        v -> new Update(Book.objects.filter("published__lt", t.plusSeconds(v)), "pages", 1),
        v -> new Update(Book.objects.filter("author", v), "editor", v % 2 == 0 ? null : v),
        v -> new Update(Book.objects.filter("author__id", v), "pages", v),
        v -> new Update(Book.objects.filter("author__name", "w" + v), "pages", v),
        v -> new Update(Book.objects.filter("rating__isnull", v % 2 == 0), "pages", v),
        v -> new Update(Book.objects.filter("rating", v % 2 == 0 ? null : 1.0), "pages", v),
        v -> new Update(Book.objects.filter("pages__in", List.of(v, v + 1)), "pages", 0),
        v -> new Update(Book.objects.filter("title__icontains", "t" + v), "pages", 0),
        v -> new Update(Book.objects.exclude("pages", v), "title", "x"),
        v -> new Update(Book.objects.filter(Q.of("pages", v).or(Q.of("pages", v + 1))), "pages", 2),
        v -> new Update(Book.objects.filter("pages", v).orderBy("title"), "pages", v + 1),
        v -> new Update(Book.objects.all(), "pages", v),
        v -> new Update(Book.objects.none(), "pages", v));
  }

  /** The update's query and assignments, its values converted as update() converts them. */
  private static Object[] prepare(Update u) {
    ModelMeta meta = ModelMeta.of(Book.class);
    List<Assignment> sets = new ArrayList<>();
    for (int i = 0; i < u.fieldsAndValues().length; i += 2) {
      io.vibevault.orm.model.Field f = meta.field((String) u.fieldsAndValues()[i]);
      Object value = u.fieldsAndValues()[i + 1];
      sets.add(new Assignment(f, value == null ? null : f.toNeutral(value)));
    }
    Query q = u.rows().queryDescription().copy();
    return new Object[] {q, sets};
  }

  @SuppressWarnings("unchecked")
  private static String compile(Update u, Backend b, boolean cached) {
    Object[] prepared = prepare(u);
    Query q = (Query) prepared[0];
    List<Assignment> sets = (List<Assignment>) prepared[1];
    try {
      Fragment f =
          cached
              ? UpdateCache.compileUpdate(q, sets, b.operations(), b.features())
              : new WriteCompiler(b.operations(), b.features()).update(q, sets);
      return f.sql() + " " + f.params();
    } catch (EmptyResultSet e) {
      return "EMPTY";
    }
  }

  @DbTest
  void aCachedUpdateIsAlwaysWhatAFreshCompileWrites() {
    Backend backend = Database.connection().backend();
    Set<String> distinctSql = new TreeSet<>();
    // The first round fills the cache, the others read it with other values.
    for (int round = 0; round < 3; round++) {
      for (Function<Integer, Update> make : corpus()) {
        Update u = make.apply(7 + round);
        String expected = compile(u, backend, false);
        assertThat(compile(u, backend, true)).as("update %s", expected).isEqualTo(expected);
        distinctSql.add(expected.split(" \\[")[0]);
      }
    }
    // The same filter setting its fields in another order is another statement.
    assertThat(distinctSql.size()).isGreaterThan(15);
  }

  /** A shape's statement is compiled once: later updates share its very SQL text. */
  @DbTest
  @SuppressWarnings("unchecked")
  void anUpdateOfAShapeIsCompiledOnce() {
    Backend b = Database.connection().backend();
    List<String> texts = new ArrayList<>();
    List<String> expressionTexts = new ArrayList<>();
    for (int v = 1; v <= 2; v++) {
      Object[] plain = prepare(new Update(Book.objects.filter("pages__gte", v), "title", "t" + v));
      texts.add(
          UpdateCache.compileUpdate(
                  (Query) plain[0], (List<Assignment>) plain[1], b.operations(), b.features())
              .sql());
      Query q = Book.objects.filter("pages__gte", v).queryDescription().copy();
      List<Assignment> sets =
          List.of(
              new Assignment(
                  ModelMeta.of(Book.class).field("pages"),
                  q.resolveUpdateValue("pages", F.of("pages").plus(v))));
      expressionTexts.add(UpdateCache.compileUpdate(q, sets, b.operations(), b.features()).sql());
    }
    assertThat(texts.get(1)).isSameAs(texts.get(0));
    // An expression set writes SQL of its own: compiled afresh every time.
    assertThat(expressionTexts.get(1)).isEqualTo(expressionTexts.get(0));
    assertThat(expressionTexts.get(1)).isNotSameAs(expressionTexts.get(0));
  }

  @DbTest
  void theRowsChangedAreThoseOfTheUpdatesOwnValues() {
    Writer w = Writer.objects.create("name", "Ada");
    List<Book> books = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      books.add(Book.objects.create("title", "b" + i, "pages", i * 10, "author", w));
    }
    assertThat(Book.objects.filter("pages__gte", 20).update("rating", 1.5)).isEqualTo(3);
    assertThat(Book.objects.filter("pages__gte", 40).update("rating", 4.5)).isEqualTo(1);
    assertThat(Book.objects.filter("pages__gte", 30).update("rating", null)).isEqualTo(2);
    assertThat(ratings()).containsExactly(null, null, 1.5, null, null);
    assertThat(Book.objects.filter("pages", 10).update("pages", F.of("pages").plus(1)))
        .isEqualTo(1);
    assertThat(Book.objects.filter("pages", 0).update("pages", F.of("pages").plus(2))).isEqualTo(1);
    assertThat(pages()).containsExactly(2, 11, 20, 30, 40);

    // save() of loaded objects: one UPDATE by primary key per object, each with its own values.
    for (Book b : books) {
      Book loaded = Book.objects.get("pk", b.pk());
      loaded.title = "saved " + b.title;
      List<CapturedQuery> sent = Database.captureQueries(loaded::save);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).params()).contains("saved " + b.title, b.pk());
    }
    assertThat(Book.objects.orderBy("pages").valuesList("title").flat().list())
        .containsExactly("saved b0", "saved b1", "saved b2", "saved b3", "saved b4");
  }

  private static List<Double> ratings() {
    return Book.objects.orderBy("pages").list().stream()
        .map(b -> b.rating)
        .collect(Collectors.toList());
  }

  private static List<Integer> pages() {
    return Book.objects.orderBy("pages").list().stream()
        .map(b -> b.pages)
        .collect(Collectors.toList());
  }
}
