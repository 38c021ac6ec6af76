package io.vibevault.orm.tests.prefetch;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.query.Prefetch;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** prefetchRelated: one query per level, results read without queries. */
@DatabaseTest(models = {Author.class, Genre.class, Book.class, Bio.class})
class PrefetchRelatedTest {
  private Author ann;
  private Author bob;
  private Author cyd;
  private Genre fantasy;
  private Genre history;
  private Book atlas;
  private Book beacon;
  private Book chronicle;

  private void fixtures() {
    ann = Author.objects.create("name", "ann");
    bob = Author.objects.create("name", "bob");
    cyd = Author.objects.create("name", "cyd");
    fantasy = Genre.objects.create("name", "fantasy");
    history = Genre.objects.create("name", "history");
    atlas = Book.objects.create("author", ann, "title", "Atlas", "pages", 100);
    beacon = Book.objects.create("author", ann, "title", "Beacon", "pages", 300);
    chronicle = Book.objects.create("author", bob, "title", "Chronicle", "pages", 200);
    atlas.genres.add(fantasy, history);
    chronicle.genres.add(history);
    Bio.objects.create("author", ann, "text", "ann's life");
  }

  private static List<String> titles(List<Book> books) {
    List<String> out = new ArrayList<>();
    for (Book b : books) {
      out.add(b.title);
    }
    return out;
  }

  private static List<String> names(List<Genre> genres) {
    List<String> out = new ArrayList<>();
    for (Genre g : genres) {
      out.add(g.name);
    }
    return out;
  }

  @DbTest
  void reverseForeignKeyTakesTwoQueries() {
    fixtures();
    List<List<String>> seen =
        assertNumQueries(
            2,
            () -> {
              List<List<String>> out = new ArrayList<>();
              for (Author a : Author.objects.prefetchRelated("books")) {
                out.add(titles(a.prefetched("books")));
              }
              return out;
            });
    assertThat(seen).containsExactly(List.of("Atlas", "Beacon"), List.of("Chronicle"), List.of());
  }

  @DbTest
  void reverseForeignKeyChildrenPointBackWithoutQueries() {
    fixtures();
    List<Author> authors = Author.objects.prefetchRelated("books").list();
    assertNoQueries(
        () -> {
          Book first = authors.get(0).<Book>prefetched("books").get(0);
          assertThat(first.author.get()).isSameAs(authors.get(0));
        });
  }

  @DbTest
  void forwardForeignKeyIsInstalledInTheRef() {
    fixtures();
    List<Book> books = assertNumQueries(2, () -> Book.objects.prefetchRelated("author").list());
    assertNoQueries(
        () -> {
          assertThat(books.get(0).author.isLoaded()).isTrue();
          assertThat(books.get(0).author.get().name).isEqualTo("ann");
          assertThat(books.get(2).author.get().name).isEqualTo("bob");
        });
  }

  @DbTest
  void forwardResultsAreAlsoReadableByName() {
    fixtures();
    List<Book> books = Book.objects.prefetchRelated("author").list();
    assertNoQueries(
        () ->
            assertThat(books.get(2).<Author>prefetched("author"))
                .extracting(a -> a.name)
                .containsExactly("bob"));
  }

  @DbTest
  void prefetchArgumentsAreCheckedBeforeAnySql() {
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(
                      () ->
                          Author.objects.prefetchRelated(Prefetch.of("books", Genre.objects.all())))
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("Book");
              assertThatThrownBy(
                      () ->
                          Author.objects.prefetchRelated(
                              Prefetch.of("books", Book.objects.all(), "name")))
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("conflicts");
              assertThatThrownBy(() -> Prefetch.of("books", Book.objects.all().slice(0, 2)))
                  .isInstanceOf(ArgumentError.class);
              assertThatThrownBy(
                      () ->
                          Author.objects.prefetchRelated(
                              "books", Prefetch.of("books", Book.objects.filter("pages", 1))))
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("already seen");
            });
    assertThat(sent).isEmpty();
  }

  @DbTest
  void reverseOneToOneIsAListOfAtMostOne() {
    fixtures();
    List<Author> authors = assertNumQueries(2, () -> Author.objects.prefetchRelated("bio").list());
    assertThat(authors.get(0).<Bio>prefetched("bio"))
        .extracting(b -> b.text)
        .containsExactly("ann's life");
    assertThat(authors.get(1).<Bio>prefetched("bio")).isEmpty();
  }

  @DbTest
  void manyToManyAnswersFromTheHolderWithoutQueries() {
    fixtures();
    List<Book> books = assertNumQueries(2, () -> Book.objects.prefetchRelated("genres").list());
    assertNoQueries(
        () -> {
          assertThat(names(books.get(0).genres.all().list())).containsExactly("fantasy", "history");
          assertThat(names(books.get(0).genres.list())).containsExactly("fantasy", "history");
          assertThat(books.get(0).genres.all().count()).isEqualTo(2);
          assertThat(books.get(1).genres.list()).isEmpty();
          assertThat(books.get(2).genres.isPrefetched()).isTrue();
          assertThat(names(books.get(2).genres.list())).containsExactly("history");
        });
    // A further filter queries, as Django does.
    assertNumQueries(
        1,
        () ->
            assertThat(names(books.get(0).genres.all().filter("name", "fantasy").list()))
                .containsExactly("fantasy"));
    // Changing the relation forgets the prefetched rows.
    books.get(1).genres.add(fantasy);
    assertThat(books.get(1).genres.isPrefetched()).isFalse();
    assertThat(names(books.get(1).genres.list())).containsExactly("fantasy");
  }

  @DbTest
  void manyToManyWithoutPrefetchStillQueries() {
    fixtures();
    Book b = Book.objects.get("title", "Atlas");
    assertThat(b.genres.isPrefetched()).isFalse();
    assertNumQueries(1, () -> assertThat(b.genres.list()).hasSize(2));
  }

  @DbTest
  void reverseManyToManyIsOneQuery() {
    fixtures();
    List<Genre> genres = assertNumQueries(2, () -> Genre.objects.prefetchRelated("books").list());
    assertThat(titles(genres.get(0).prefetched("books"))).containsExactly("Atlas");
    assertThat(titles(genres.get(1).prefetched("books"))).containsExactly("Atlas", "Chronicle");
  }

  @DbTest
  void nestedPathsPrefetchLevelByLevel() {
    fixtures();
    List<Author> authors =
        assertNumQueries(3, () -> Author.objects.prefetchRelated("books__genres").list());
    assertNoQueries(
        () -> {
          List<Book> annBooks = authors.get(0).prefetched("books");
          assertThat(names(annBooks.get(0).genres.list())).containsExactly("fantasy", "history");
          assertThat(annBooks.get(1).genres.list()).isEmpty();
        });
    // Levels shared by several lookups load once.
    assertNumQueries(
        4, () -> Author.objects.prefetchRelated("books__genres", "books", "bio").list());
  }

  @DbTest
  void prefetchWithQuerySetAndToAttr() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            2,
            () ->
                Author.objects
                    .filter("name__in", List.of("ann", "bob"))
                    .prefetchRelated(
                        Prefetch.of(
                            "books",
                            Book.objects.filter("pages__gte", 200).orderBy("-pages"),
                            "longBooks"))
                    .list());
    assertThat(titles(authors.get(0).prefetched("longBooks"))).containsExactly("Beacon");
    assertThat(authors.get(0).isPrefetched("books")).isFalse();
    assertThat((List<?>) authors.get(1).annotation("longBooks")).hasSize(1);
    assertThatThrownBy(() -> authors.get(0).prefetched("books"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longBooks");
  }

  @DbTest
  void prefetchQuerySetOnTheLastLevelOfANestedPath() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            3,
            () ->
                Author.objects
                    .prefetchRelated(
                        Prefetch.of("books__genres", Genre.objects.filter("name", "history")))
                    .list());
    List<Book> annBooks = authors.get(0).prefetched("books");
    assertNoQueries(
        () -> assertThat(names(annBooks.get(0).genres.list())).containsExactly("history"));
  }

  @DbTest
  void nestedThroughAToAttr() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            3,
            () ->
                Author.objects
                    .prefetchRelated(
                        Prefetch.of("books", Book.objects.filter("pages__lt", 250), "short"),
                        "short__genres")
                    .list());
    List<Book> shortBooks = authors.get(0).prefetched("short");
    assertThat(titles(shortBooks)).containsExactly("Atlas");
    assertNoQueries(() -> assertThat(shortBooks.get(0).genres.list()).hasSize(2));
  }

  @DbTest
  void combinesWithFilterOrderSliceAndGet() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            2,
            () ->
                Author.objects
                    .exclude("name", "cyd")
                    .orderBy("-name")
                    .prefetchRelated("books")
                    .slice(0, 1)
                    .list());
    assertThat(authors).extracting(a -> a.name).containsExactly("bob");
    assertThat(titles(authors.get(0).prefetched("books"))).containsExactly("Chronicle");
    Author a =
        assertNumQueries(2, () -> Author.objects.prefetchRelated("books").get("name", "ann"));
    assertThat(a.<Book>prefetched("books")).hasSize(2);
    // values() ignores prefetchRelated, as Django does.
    List<Map<String, Object>> rows =
        assertNumQueries(1, () -> Author.objects.prefetchRelated("books").values("name").list());
    assertThat(rows).hasSize(3);
  }

  @DbTest
  void emptyResultsSendNoPrefetchQuery() {
    fixtures();
    assertNumQueries(
        1, () -> Author.objects.filter("name", "nobody").prefetchRelated("books").list());
  }

  @DbTest
  void iteratorPrefetchesPerChunk() {
    fixtures();
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              try (ResultIterator<Author> it =
                  Author.objects.prefetchRelated("books").iterator(2)) {
                List<Integer> sizes = new ArrayList<>();
                while (it.hasNext()) {
                  sizes.add(it.next().<Book>prefetched("books").size());
                }
                assertThat(sizes).containsExactly(2, 1, 0);
              }
            });
    long bookQueries = sent.stream().filter(q -> q.sql().contains("prefetch_book")).count();
    assertThat(bookQueries).isEqualTo(2);
  }

  @DbTest
  void invalidLookupsAreFieldErrorsBeforeAnySql() {
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Author.objects.prefetchRelated("boks"))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("boks")
                  .hasMessageContaining("books")
                  .hasMessageContaining("bio");
              assertThatThrownBy(() -> Author.objects.prefetchRelated("books__title"))
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("genres");
              assertThatThrownBy(() -> Book.objects.prefetchRelated("name"))
                  .isInstanceOf(FieldError.class);
            });
    assertThat(sent).isEmpty();
  }

  @DbTest
  void clearingLookupsWithNull() {
    fixtures();
    List<Author> authors =
        assertNumQueries(
            1, () -> Author.objects.prefetchRelated("books").prefetchRelated((Object) null).list());
    assertThat(authors.get(0).isPrefetched("books")).isFalse();
  }

  /**
   * Past the bind-parameter limit the IN list is split: exercised where the limit is reachable in a
   * test (MariaDB, 65,535); SQLite's 250,000 is too many rows to insert here and PostgreSQL binds
   * one array.
   */
  @DbTest
  void inListsPastTheParameterLimitAreSplit(TestDatabase db) {
    Assumptions.assumeTrue(
        !db.features().supportsArrayParameters() && db.features().maxQueryParams() <= 70_000);
    int owners = db.features().maxQueryParams() + 10;
    List<Author> many = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      Author a = new Author();
      a.name = "a" + i;
      many.add(a);
    }
    Author.objects.bulkCreate(many);
    // One child in each piece of the split list: both reach their owners.
    Book.objects.create("author", many.get(0), "title", "First", "pages", 1);
    Book.objects.create("author", many.get(owners - 1), "title", "Last", "pages", 1);
    List<Author> authors =
        assertNumQueries(3, () -> Author.objects.orderBy("id").prefetchRelated("books").list());
    assertThat(authors).hasSize(owners);
    assertNoQueries(
        () -> {
          assertThat(titles(authors.get(0).prefetched("books"))).containsExactly("First");
          assertThat(titles(authors.get(owners - 1).prefetched("books"))).containsExactly("Last");
          assertThat(authors.get(1).<Book>prefetched("books")).isEmpty();
          assertThat(authors.get(owners - 1).<Book>prefetched("books").get(0).author.get())
              .isSameAs(authors.get(owners - 1));
        });
  }

  @DbTest
  void largeInListsStillWork() {
    List<Author> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      Author a = new Author();
      a.name = "a" + i;
      many.add(a);
    }
    Author.objects.bulkCreate(many);
    List<Author> authors =
        assertNumQueries(2, () -> Author.objects.prefetchRelated("books").list());
    assertThat(authors).hasSize(1500);
    assertThat(authors.get(1499).<Model>prefetched("books")).isEmpty();
  }
}
