package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.MultipleObjectsReturned;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reading single objects and parts of a QuerySet: get, first/last, latest/earliest, exists, count,
 * contains, inBulk, at(i) and slices.
 */
@DatabaseTest(models = {Writer.class, Book.class, Note.class})
class RetrievalTest {

  private Writer ada;
  private Writer bob;
  private Book b1;
  private Book b2;
  private Book b3;

  private void seed() {
    ada = Writer.objects.create("name", "ada");
    bob = Writer.objects.create("name", "bob");
    b1 = book("Dune", 412, 4.5, "1965-08-01T00:00:00Z", ada);
    b2 = book("Anathem", 937, 4.0, "2008-09-09T00:00:00Z", ada);
    b3 = book("Cryptonomicon", 918, null, "1999-05-01T00:00:00Z", bob);
  }

  private static Book book(String title, int pages, Double rating, String published, Writer a) {
    Book b = new Book();
    b.title = title;
    b.pages = pages;
    b.rating = rating;
    b.published = Instant.parse(published);
    b.author.set(a);
    b.save();
    return b;
  }

  @DbTest
  void allFilterExclude() {
    seed();
    assertThat(Book.objects.all().list()).containsExactlyInAnyOrder(b1, b2, b3);
    assertThat(Book.objects.filter("author", ada).list()).containsExactlyInAnyOrder(b1, b2);
    assertThat(Book.objects.filter("author__name", "ada", "pages__gt", 500).list())
        .containsExactly(b2);
    assertThat(Book.objects.filter(Map.of("author", bob)).list()).containsExactly(b3);
    assertThat(Book.objects.exclude("author", ada).list()).containsExactly(b3);
    assertThat(Book.objects.exclude("author", ada, "pages__gt", 900).list())
        .as("exclude(a, b) is NOT (a AND b)")
        .containsExactlyInAnyOrder(b1, b3);
    assertThat(Book.objects.exclude("author", ada).exclude("pages__gt", 900).list()).isEmpty();
    assertThat(Book.objects.filter("author", ada).exclude("pages__lt", 500).list())
        .containsExactly(b2);
  }

  @DbTest
  void getOneObjectOrATypedError() {
    seed();
    assertThat(Book.objects.get("title", "Dune")).isEqualTo(b1);
    assertThat(Book.objects.get("pk", b2.pk()).title).isEqualTo("Anathem");
    assertThat(Book.objects.get("id", b3.id).title).isEqualTo("Cryptonomicon");
    assertThat(Book.objects.filter("author", bob).get()).isEqualTo(b3);
    assertThatThrownBy(() -> Book.objects.get("title", "Missing"))
        .isInstanceOfSatisfying(
            ObjectDoesNotExist.class, e -> assertThat(e.model()).isEqualTo(Book.class))
        .hasMessageContaining("Book matching query does not exist");
    assertThatThrownBy(() -> Book.objects.get("author", ada))
        .isInstanceOfSatisfying(
            MultipleObjectsReturned.class, e -> assertThat(e.model()).isEqualTo(Book.class))
        .hasMessageContaining("returned 2");
    assertThatThrownBy(() -> Writer.objects.get("name__startswith", "x"))
        .isInstanceOfSatisfying(
            ObjectDoesNotExist.class, e -> assertThat(e.model()).isEqualTo(Writer.class));
  }

  @DbTest
  void getSendsOneBoundedQuery() {
    seed();
    for (int i = 0; i < 30; i++) {
      Book.objects.create("title", "copy", "author", bob);
    }
    var ran =
        Database.captureQueries(
            () ->
                assertThatThrownBy(() -> Book.objects.get("title", "copy"))
                    .isInstanceOf(MultipleObjectsReturned.class)
                    .hasMessageContaining("more than 20"));
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).sql()).contains("LIMIT");
  }

  @DbTest
  void firstAndLastFollowTheOrderingOrThePrimaryKey() {
    seed();
    assertThat(Book.objects.first()).contains(b1);
    assertThat(Book.objects.last()).contains(b3);
    assertThat(Book.objects.orderBy("title").first()).contains(b2);
    assertThat(Book.objects.orderBy("title").last()).contains(b1);
    assertThat(Book.objects.orderBy("-pages").first()).contains(b2);
    assertThat(Book.objects.filter("title", "none").first()).isEmpty();
    assertThat(Book.objects.none().last()).isEmpty();
    Note older = note("older", "2024-01-01T00:00:00Z");
    Note newer = note("newer", "2024-06-01T00:00:00Z");
    assertThat(Note.objects.first()).as("Note's Meta ordering is -createdAt").contains(newer);
    assertThat(Note.objects.last()).contains(older);
    var ran = Database.captureQueries(() -> Book.objects.first());
    assertThat(ran.get(0).sql()).contains("ORDER BY").contains("LIMIT");
  }

  private Note note(String title, String created) {
    Author author = Author.objects.getOrCreate(Map.of("name", "ann"), Map.of()).object();
    return Note.objects.create(
        "author", author, "title", title, "createdAt", Instant.parse(created));
  }

  @DbTest
  void latestAndEarliest() {
    seed();
    assertThat(Book.objects.latest("published")).isEqualTo(b2);
    assertThat(Book.objects.earliest("published")).isEqualTo(b1);
    assertThat(Book.objects.latest("-published")).isEqualTo(b1);
    assertThat(Book.objects.filter("author", ada).latest("pages")).isEqualTo(b2);
    assertThat(Book.objects.earliest("author__name", "pages")).isEqualTo(b1);
    assertThatThrownBy(() -> Book.objects.filter("title", "none").latest("published"))
        .isInstanceOf(ObjectDoesNotExist.class);
    assertThatThrownBy(() -> Book.objects.all().slice(0, 1).latest("published"))
        .isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void existsAndCount() {
    seed();
    assertThat(Book.objects.exists()).isTrue();
    assertThat(Book.objects.filter("pages__gt", 10_000).exists()).isFalse();
    assertThat(Book.objects.count()).isEqualTo(3);
    assertThat(Book.objects.filter("author", ada).count()).isEqualTo(2);
    assertThat(Book.objects.all().slice(1, 10).count()).as("count respects a slice").isEqualTo(2);
    assertThat(Book.objects.all().slice(0, 1).exists()).isTrue();
    var ran = Database.captureQueries(() -> Book.objects.filter("author", ada).count());
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).sql()).containsIgnoringCase("COUNT(");
    var exists = Database.captureQueries(() -> Book.objects.all().exists());
    assertThat(exists.get(0).sql()).contains("LIMIT");
  }

  @DbTest
  void containsAskTheDatabaseOrTheCache() {
    seed();
    QuerySet<Book> adas = Book.objects.filter("author", ada);
    assertNumQueries(1, () -> assertThat(adas.contains(b1)).isTrue());
    assertNumQueries(1, () -> assertThat(adas.contains(b3)).isFalse());
    adas.list();
    assertNoQueries(() -> assertThat(adas.contains(b2)).isTrue());
    assertThatThrownBy(() -> adas.contains(new Book())).isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void inBulk() {
    seed();
    Map<Object, Book> byId =
        assertNumQueries(1, () -> Book.objects.inBulk(List.of(b1.id, b3.id, 99_999L)));
    assertThat(byId).containsOnlyKeys(b1.id, b3.id);
    assertThat(byId.get(b3.id).title).isEqualTo("Cryptonomicon");
    assertNoQueries(() -> assertThat(Book.objects.inBulk(List.of())).isEmpty());
    Map<Object, Writer> byName = Writer.objects.all().inBulk(List.of("ada", "zed"), "name");
    assertThat(byName).containsOnlyKeys("ada");
    assertThat(byName.get("ada")).isEqualTo(ada);
    assertThat(Book.objects.filter("author", ada).inBulk()).containsOnlyKeys(b1.id, b2.id);
    assertThatThrownBy(() -> Book.objects.all().slice(0, 1).inBulk(List.of(1L)))
        .isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void slicesAreLimitAndOffset(TestDatabase db) {
    seed();
    QuerySet<Book> byPages = Book.objects.orderBy("pages");
    assertThat(byPages.slice(0, 2).list()).containsExactly(b1, b3);
    assertThat(byPages.slice(1, 3).list()).containsExactly(b3, b2);
    assertThat(byPages.slice(1).list()).containsExactly(b3, b2);
    assertThat(byPages.slice(2, 2).list()).isEmpty();
    assertThat(byPages.slice(5, 10).list()).isEmpty();
    var ran = Database.captureQueries(() -> byPages.slice(1, 3).list());
    if (db.vendor().equals("sqlite")) {
      // Literals there: SQLite compiles a statement again whenever a bound LIMIT is bound again.
      assertThat(ran.get(0).sql()).endsWith(" LIMIT 2 OFFSET 1");
      assertThat(ran.get(0).params()).isEmpty();
    } else {
      assertThat(ran.get(0).sql()).contains("LIMIT").contains("OFFSET");
      assertThat(ran.get(0).params()).containsExactlyInAnyOrder(2L, 1L);
    }
    assertThatThrownBy(() -> byPages.slice(-1, 2)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> byPages.slice(0, -2)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> byPages.slice(-3)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> byPages.at(-1)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> byPages.slice(0, 1).filter("pages", 1))
        .isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> byPages.slice(0, 1).orderBy("title"))
        .isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void atReadsOneRow() {
    seed();
    QuerySet<Book> byPages = Book.objects.orderBy("-pages");
    assertThat(assertNumQueries(1, () -> byPages.at(0))).isEqualTo(b2);
    assertThat(byPages.at(2)).isEqualTo(b1);
    assertThatThrownBy(() -> byPages.at(3)).isInstanceOf(IndexOutOfBoundsException.class);
    var ran = Database.captureQueries(() -> byPages.at(1));
    assertThat(ran.get(0).sql()).contains("LIMIT");
  }

  @DbTest
  void noneMatchesNothingWithoutAQuery() {
    seed();
    assertNoQueries(
        () -> {
          assertThat(Book.objects.none().list()).isEmpty();
          assertThat(Book.objects.none().count()).isZero();
          assertThat(Book.objects.none().exists()).isFalse();
          assertThat(Book.objects.filter("author", ada).none().filter("pages", 1).list()).isEmpty();
          assertThat(Book.objects.none().valuesList("title").flat().list()).isEmpty();
        });
    assertThat(Book.objects.none().update("pages", 1)).isZero();
    assertThat(Book.objects.count()).isEqualTo(3);
  }

  @DbTest
  void anObjectOfTheWrongModelIsRefusedForARelation() {
    seed();
    Author stranger = Author.objects.create("name", "stranger");
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Book.objects.filter("author", stranger).list())
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("Writer");
              assertThatThrownBy(() -> Book.objects.create("title", "x", "author", stranger))
                  .isInstanceOf(ArgumentError.class)
                  .hasMessageContaining("Book.author");
            });
    assertThat(ran).as("refused before any SQL").isEmpty();
  }
}
