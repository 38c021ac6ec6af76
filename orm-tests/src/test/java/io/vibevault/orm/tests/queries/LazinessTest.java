package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * QuerySets are lazy (building sends nothing), each call returns a new QuerySet (the original is
 * untouched), and an evaluated QuerySet caches its rows.
 */
@DatabaseTest(models = {Writer.class, Book.class})
class LazinessTest {

  private Writer ada;

  private void seed() {
    ada = Writer.objects.create("name", "ada");
    Writer bob = Writer.objects.create("name", "bob");
    for (int i = 1; i <= 5; i++) {
      Book.objects.create("title", "book " + i, "pages", i * 100, "author", i % 2 == 0 ? bob : ada);
    }
  }

  @DbTest
  void buildingAChainSendsNothing() {
    seed();
    AtomicReference<QuerySet<Book>> qs = new AtomicReference<>();
    assertNoQueries(
        () ->
            qs.set(
                Book.objects
                    .filter("author", ada)
                    .filter("pages__gte", 100)
                    .exclude("title", "nope")
                    .orderBy("-pages")
                    .slice(0, 2)));
    assertNoQueries(() -> Book.objects.all().distinct().reverse().none());
    List<Book> rows = assertNumQueries(1, () -> qs.get().list());
    assertThat(rows).extracting(b -> b.title).containsExactly("book 5", "book 3");
  }

  @DbTest
  void eachWayOfEvaluatingRunsOneQuery() {
    seed();
    QuerySet<Book> base = Book.objects.filter("author", ada);
    assertNumQueries(1, () -> base.all().list());
    assertNumQueries(
        1,
        () -> {
          int n = 0;
          for (Book b : base.all()) {
            n++;
          }
          assertThat(n).isEqualTo(3);
        });
    assertNumQueries(1, () -> assertThat(base.all().size()).isEqualTo(3));
    assertNumQueries(1, () -> assertThat(base.all().toString()).contains("book 1"));
    assertNumQueries(1, () -> assertThat(base.all().exists()).isTrue());
    assertNumQueries(1, () -> assertThat(base.all().count()).isEqualTo(3));
    assertNumQueries(1, () -> assertThat(base.all().stream().count()).isEqualTo(3));
    assertNumQueries(1, () -> assertThat(base.first()).isPresent());
  }

  @DbTest
  void anEvaluatedQuerySetAnswersFromItsCache() {
    seed();
    QuerySet<Book> qs = Book.objects.filter("author", ada).orderBy("title");
    List<Book> first = assertNumQueries(1, qs::list);
    assertNoQueries(
        () -> {
          List<String> titles = new ArrayList<>();
          for (Book b : qs) {
            titles.add(b.title);
          }
          assertThat(titles).containsExactly("book 1", "book 3", "book 5");
          assertThat(qs.list()).isSameAs(first);
          assertThat(qs.count()).isEqualTo(3);
          assertThat(qs.exists()).isTrue();
          assertThat(qs.size()).isEqualTo(3);
          assertThat(qs.at(2).title).isEqualTo("book 5");
          assertThat(qs.contains(first.get(0))).isTrue();
        });
    Book.objects.create("title", "book 6", "author", ada);
    assertNoQueries(() -> assertThat(qs.count()).as("the cache is not refreshed").isEqualTo(3));
    assertNumQueries(
        1, () -> assertThat(qs.all().count()).as("all() is a fresh copy").isEqualTo(4));
  }

  @DbTest
  void chainingLeavesTheOriginalUntouched() {
    seed();
    QuerySet<Book> all = Book.objects.all();
    QuerySet<Book> adas = all.filter("author", ada);
    QuerySet<Book> bigAdas = adas.filter("pages__gt", 100);
    QuerySet<Book> ordered = bigAdas.orderBy("-pages");
    QuerySet<Book> sliced = ordered.slice(0, 1);
    assertThat(List.of(all, adas, bigAdas, ordered, sliced)).doesNotHaveDuplicates();
    assertThat(all.count()).isEqualTo(5);
    assertThat(adas.count()).isEqualTo(3);
    assertThat(bigAdas.count()).isEqualTo(2);
    assertThat(ordered.list()).extracting(b -> b.title).containsExactly("book 5", "book 3");
    assertThat(sliced.list()).extracting(b -> b.title).containsExactly("book 5");
    assertThat(bigAdas.query().sql()).doesNotContain("ORDER BY");
    assertThat(adas.query().sql()).isNotEqualTo(bigAdas.query().sql());
    assertThat(all.query().sql()).doesNotContain("WHERE");
  }

  @DbTest
  void branchesOfOneQuerySetShareNoConditions() {
    seed();
    // Copies share the nested conditions of earlier filter() calls: each branch adds its own.
    QuerySet<Book> base =
        Book.objects.filter(Q.of("pages__lt", 200).or(Q.of("author__name", "bob")));
    String baseSql = base.query().sql();
    QuerySet<Book> longer = base.filter("pages__gt", 100);
    QuerySet<Book> notBob = base.exclude("author__name", "bob");
    QuerySet<Book> either = longer.filter(Q.of("pages", 200).or(Q.of("title", "book 1")));
    assertThat(titles(longer)).containsExactly("book 2", "book 4");
    assertThat(titles(notBob)).containsExactly("book 1");
    assertThat(titles(either)).containsExactly("book 2");
    assertThat(titles(base)).containsExactly("book 1", "book 2", "book 4");
    assertThat(base.query().sql()).isEqualTo(baseSql);
  }

  private static List<String> titles(QuerySet<Book> books) {
    return books.orderBy("pages").list().stream().map(b -> b.title).toList();
  }

  @DbTest
  void evaluatingOneQuerySetDoesNotCacheAnother() {
    seed();
    QuerySet<Book> qs = Book.objects.filter("author", ada);
    qs.list();
    QuerySet<Book> narrower = qs.filter("pages", 100);
    assertNumQueries(1, () -> assertThat(narrower.list()).hasSize(1));
  }

  @DbTest
  void iteratorStreamsWithoutFillingTheCache() {
    seed();
    QuerySet<Book> qs = Book.objects.all();
    assertNumQueries(
        1,
        () -> {
          try (ResultIterator<Book> it = qs.iterator(2)) {
            int n = 0;
            while (it.hasNext()) {
              it.next();
              n++;
            }
            assertThat(n).isEqualTo(5);
          }
        });
    assertNumQueries(1, () -> assertThat(qs.list()).hasSize(5));
  }

  @DbTest
  void managersHandOutFreshQuerySets() {
    seed();
    QuerySet<Book> a = Book.objects.all();
    a.list();
    Book.objects.create("title", "late", "author", ada);
    var ran = Database.captureQueries(() -> assertThat(Book.objects.all().list()).hasSize(6));
    assertThat(ran).hasSize(1);
    assertThat(a.list()).hasSize(5);
  }

  @DbTest
  void aManagersChainedCallIsAnIndependentQuerySet() {
    seed();
    // The manager builds filter()'s QuerySet in place (nobody else holds it): what it returns must
    // still be an ordinary QuerySet, each chain from it a copy.
    QuerySet<Book> byAda = Book.objects.filter("author", ada);
    QuerySet<Book> long_ = byAda.filter("pages__gte", 300);
    QuerySet<Book> short_ = byAda.filter("pages__lt", 300);
    QuerySet<Book> ordered = Book.objects.orderBy("-pages");
    QuerySet<Book> reordered = ordered.orderBy("pages");
    assertThat(byAda.list()).extracting(b -> b.title).containsExactly("book 1", "book 3", "book 5");
    assertThat(long_.list()).extracting(b -> b.title).containsExactly("book 3", "book 5");
    assertThat(short_.list()).extracting(b -> b.title).containsExactly("book 1");
    assertThat(ordered.list()).extracting(b -> b.pages).startsWith(500, 400);
    assertThat(reordered.list()).extracting(b -> b.pages).startsWith(100, 200);
    assertThat(Book.objects.exclude("author", ada).list()).hasSize(2);
  }

  /** A manager whose getQuerySet() hands out one QuerySet it keeps. */
  static final class KeptQuerySetManager extends Manager<Book> {
    final QuerySet<Book> kept = super.getQuerySet().filter("pages__gte", 200);

    KeptQuerySetManager() {
      super(Book.class);
    }

    @Override
    public QuerySet<Book> getQuerySet() {
      return kept;
    }
  }

  @DbTest
  void aManagerThatKeepsItsQuerySetHasItLeftUntouched() {
    seed();
    KeptQuerySetManager books = new KeptQuerySetManager();
    assertThat(books.filter("author", ada).list())
        .extracting(b -> b.title)
        .containsExactly("book 3", "book 5");
    assertThat(books.orderBy("-pages").first().orElseThrow().title).isEqualTo("book 5");
    assertThat(books.getQuerySet().list()).hasSize(4);
  }
}
