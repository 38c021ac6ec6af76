package io.vibevault.orm.tests.prefetch;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.Prefetch;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * How a reverse foreign key prefetch hands its children out, now that it groups each child as the
 * row is read: every owner gets its children in the prefetch query's order, each child points back
 * at its owner, owners sharing a key share the children, and the children's own prefetches still
 * run. And how the IN list is split: the parameters a Prefetch QuerySet binds itself count against
 * the backend's limit, and one that matches nothing sends no query.
 */
@DatabaseTest(models = {Author.class, Genre.class, Book.class, Bio.class})
class PrefetchGroupingTest {
  private Author ann;
  private Author bob;

  private void fixtures() {
    ann = Author.objects.create("name", "ann");
    bob = Author.objects.create("name", "bob");
    Author.objects.create("name", "cyd");
    Genre fantasy = Genre.objects.create("name", "fantasy");
    Genre history = Genre.objects.create("name", "history");
    Book atlas = Book.objects.create("author", ann, "title", "Atlas", "pages", 100);
    Book.objects.create("author", bob, "title", "Chronicle", "pages", 200);
    Book.objects.create("author", ann, "title", "Beacon", "pages", 300);
    Book.objects.create("author", bob, "title", "Dune", "pages", 50);
    atlas.genres.add(fantasy, history);
  }

  private static List<String> titles(List<Book> books) {
    List<String> out = new ArrayList<>();
    for (Book b : books) {
      out.add(b.title);
    }
    return out;
  }

  @DbTest
  void eachOwnerGetsItsChildrenInTheQuerysOrderPointingBack() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            2,
            () ->
                Author.objects
                    .orderBy("id")
                    .prefetchRelated(Prefetch.of("books", Book.objects.orderBy("-pages")))
                    .list());
    assertNoQueries(
        () -> {
          assertThat(titles(authors.get(0).prefetched("books"))).containsExactly("Beacon", "Atlas");
          assertThat(titles(authors.get(1).prefetched("books")))
              .containsExactly("Chronicle", "Dune");
          assertThat(authors.get(2).<Book>prefetched("books")).isEmpty();
          for (Author a : authors) {
            for (Book b : a.<Book>prefetched("books")) {
              assertThat(b.author.isLoaded()).isTrue();
              assertThat(b.author.get()).isSameAs(a);
            }
          }
        });
  }

  /**
   * Two instances of one row (a join repeats ann) both get her books; the books point at the last
   * of them, as Django's dictionary of instances by key keeps the last.
   */
  @DbTest
  void ownersSharingAKeyShareTheChildren() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            2,
            () ->
                Author.objects
                    .filter("books__pages__gte", 100)
                    .orderBy("id")
                    .prefetchRelated("books")
                    .list());
    assertThat(authors).extracting(a -> a.name).containsExactly("ann", "ann", "bob");
    assertNoQueries(
        () -> {
          assertThat(titles(authors.get(0).prefetched("books"))).containsExactly("Atlas", "Beacon");
          assertThat(titles(authors.get(1).prefetched("books"))).containsExactly("Atlas", "Beacon");
          assertThat(authors.get(0).<Book>prefetched("books").get(0).author.get())
              .isSameAs(authors.get(1));
          assertThat(titles(authors.get(2).prefetched("books")))
              .containsExactly("Chronicle", "Dune");
        });
  }

  @DbTest
  void aPrefetchQuerySetsOwnPrefetchStillRuns() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            3,
            () ->
                Author.objects
                    .orderBy("id")
                    .prefetchRelated(Prefetch.of("books", Book.objects.prefetchRelated("genres")))
                    .list());
    assertNoQueries(
        () -> {
          List<Book> annBooks = authors.get(0).prefetched("books");
          assertThat(titles(annBooks)).containsExactly("Atlas", "Beacon");
          assertThat(annBooks.get(0).genres.list())
              .extracting(g -> g.name)
              .containsExactly("fantasy", "history");
          assertThat(annBooks.get(1).genres.list()).isEmpty();
          assertThat(annBooks.get(0).author.get()).isSameAs(authors.get(0));
        });
  }

  /**
   * Where the limit is reachable in a test (MariaDB, 65,535): a list that fits on its own no longer
   * fits next to the 20 values the Prefetch QuerySet binds, so it is split in two.
   */
  @DbTest
  void theParametersOfAPrefetchQuerySetCountAgainstTheLimit(TestDatabase db) {
    Assumptions.assumeTrue(
        !db.features().supportsArrayParameters() && db.features().maxQueryParams() <= 70_000);
    int owners = db.features().maxQueryParams() - 5;
    List<Author> many = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      Author a = new Author();
      a.name = "a" + i;
      many.add(a);
    }
    Author.objects.bulkCreate(many);
    Book.objects.create("author", many.get(owners - 1), "title", "Last", "pages", 7);
    List<Object> pages = new ArrayList<>();
    for (int p = 1; p <= 20; p++) {
      pages.add(p);
    }
    List<Author> authors =
        assertNumQueries(
            3,
            () ->
                Author.objects
                    .orderBy("id")
                    .prefetchRelated(Prefetch.of("books", Book.objects.filter("pages__in", pages)))
                    .list());
    assertThat(titles(authors.get(owners - 1).prefetched("books"))).containsExactly("Last");
    assertThat(authors.get(0).<Book>prefetched("books")).isEmpty();
  }

  @DbTest
  void aPrefetchQuerySetMatchingNothingSendsNoQuery() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            1,
            () ->
                Author.objects
                    .orderBy("id")
                    .prefetchRelated(
                        Prefetch.of("books", Book.objects.filter("pages__in", List.of())))
                    .list());
    assertNoQueries(
        () -> {
          assertThat(authors).hasSize(3);
          for (Author a : authors) {
            assertThat(a.<Book>prefetched("books")).isEmpty();
          }
        });
  }
}
