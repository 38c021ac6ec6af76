package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** orderBy (fields, -fields, related fields, random, NULL placement), reverse and distinct. */
@DatabaseTest(models = {Writer.class, Book.class, Author.class, Note.class})
class OrderingTest {

  private Writer ada;
  private Writer bob;

  private static Book book(String title, int pages, Double rating, Writer author, Writer editor) {
    Book b = new Book();
    b.title = title;
    b.pages = pages;
    b.rating = rating;
    b.author.set(author);
    if (editor != null) {
      b.editor.set(editor);
    }
    b.save();
    return b;
  }

  private void seed() {
    ada = Writer.objects.create("name", "ada");
    bob = Writer.objects.create("name", "bob");
    book("delta", 400, 2.0, bob, null);
    book("alpha", 100, null, ada, bob);
    book("charlie", 300, 5.0, ada, null);
    book("bravo", 200, null, bob, ada);
  }

  private static List<String> titles(QuerySet<Book> qs) {
    return qs.list().stream().map(b -> b.title).toList();
  }

  @DbTest
  void byFieldsAscendingAndDescending() {
    seed();
    assertThat(titles(Book.objects.orderBy("title")))
        .containsExactly("alpha", "bravo", "charlie", "delta");
    assertThat(titles(Book.objects.orderBy("-pages")))
        .containsExactly("delta", "charlie", "bravo", "alpha");
    assertThat(titles(Book.objects.orderBy("author", "-pages")))
        .as("by author id, then pages descending")
        .containsExactly("charlie", "alpha", "delta", "bravo");
    assertThat(titles(Book.objects.orderBy("title").orderBy("-title")))
        .as("a later orderBy replaces the earlier one")
        .containsExactly("delta", "charlie", "bravo", "alpha");
    assertThat(titles(Book.objects.orderBy(F.of("pages").desc())))
        .containsExactly("delta", "charlie", "bravo", "alpha");
    assertThat(titles(Book.objects.orderBy(F.of("title").asc())))
        .containsExactly("alpha", "bravo", "charlie", "delta");
  }

  @DbTest
  void byRelatedFields() {
    seed();
    assertThat(titles(Book.objects.orderBy("author__name", "title")))
        .containsExactly("alpha", "charlie", "bravo", "delta");
    assertThat(titles(Book.objects.orderBy("-author__name", "-title")))
        .containsExactly("delta", "bravo", "charlie", "alpha");
    List<String> byEditor =
        titles(Book.objects.orderBy(F.of("editor__name").asc().nullsLast(), "title"));
    assertThat(byEditor)
        .as("rows without an editor are kept (LEFT JOIN), last")
        .containsExactly("bravo", "alpha", "charlie", "delta");
  }

  @DbTest
  void explicitNullPlacement() {
    seed();
    assertThat(titles(Book.objects.orderBy(F.of("rating").asc().nullsFirst(), "title")))
        .containsExactly("alpha", "bravo", "delta", "charlie");
    assertThat(titles(Book.objects.orderBy(F.of("rating").asc().nullsLast(), "title")))
        .containsExactly("delta", "charlie", "alpha", "bravo");
    assertThat(titles(Book.objects.orderBy(F.of("rating").desc().nullsLast(), "title")))
        .containsExactly("charlie", "delta", "alpha", "bravo");
    assertThat(titles(Book.objects.orderBy(F.of("rating").desc().nullsFirst(), "title")))
        .containsExactly("alpha", "bravo", "charlie", "delta");
  }

  @DbTest
  void defaultNullPlacementFollowsTheBackend(TestDatabase db) {
    seed();
    List<String> asc = titles(Book.objects.orderBy("rating", "title"));
    if (db.features().nullsSortFirstAscending()) {
      assertThat(asc).containsExactly("alpha", "bravo", "delta", "charlie");
    } else {
      assertThat(asc).containsExactly("delta", "charlie", "alpha", "bravo");
    }
  }

  @DbTest
  void randomOrder() {
    for (int i = 0; i < 20; i++) {
      Writer.objects.create("name", "w" + i);
    }
    Set<List<Object>> orders = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      List<Object> ids = Writer.objects.orderBy("?").valuesList("id").flat().list();
      assertThat(ids).hasSize(20).doesNotHaveDuplicates();
      orders.add(ids);
    }
    assertThat(orders)
        .as("six random orders of 20 rows are not all the same")
        .hasSizeGreaterThan(1);
    var ran = Database.captureQueries(() -> Writer.objects.orderBy("?").list());
    assertThat(ran.get(0).sql()).containsIgnoringCase("RAND");
  }

  @DbTest
  void reverse() {
    seed();
    assertThat(titles(Book.objects.orderBy("title").reverse()))
        .containsExactly("delta", "charlie", "bravo", "alpha");
    assertThat(titles(Book.objects.orderBy("title").reverse().reverse()))
        .containsExactly("alpha", "bravo", "charlie", "delta");
    assertThat(titles(Book.objects.orderBy("author__name", "-pages").reverse()))
        .containsExactly("bravo", "delta", "alpha", "charlie");
    assertThat(titles(Book.objects.orderBy(F.of("rating").asc().nullsFirst(), "title").reverse()))
        .as("NULL placement flips with the direction")
        .containsExactly("charlie", "delta", "bravo", "alpha");
    Author author = Author.objects.create("name", "x");
    Note.objects.create(
        "author", author, "title", "old", "createdAt", Instant.parse("2020-01-01T00:00:00Z"));
    Note.objects.create(
        "author", author, "title", "new", "createdAt", Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(Note.objects.all().list()).extracting(n -> n.title).containsExactly("new", "old");
    assertThat(Note.objects.all().reverse().list())
        .as("reverse of the Meta ordering")
        .extracting(n -> n.title)
        .containsExactly("old", "new");
    assertThat(Note.objects.orderBy().isOrdered()).isFalse();
    assertThat(Note.objects.orderBy().query().sql()).doesNotContain("ORDER BY");
    assertThat(Note.objects.all().isOrdered()).isTrue();
  }

  @DbTest
  void distinct() {
    seed();
    assertThat(Book.objects.valuesList("author__name").flat().list()).hasSize(4);
    assertThat(Book.objects.valuesList("author__name").distinct().flat().list())
        .containsExactlyInAnyOrder("ada", "bob");
    assertThat(Book.objects.values("author").distinct().count()).isEqualTo(2);
    assertThat(Book.objects.distinct().count()).isEqualTo(4);
    assertThat(Book.objects.distinct().query().sql()).contains("DISTINCT");
  }

  @DbTest
  void unknownOrderingFieldsAreFieldErrorsBeforeSql() {
    seed();
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Book.objects.orderBy("colour").list())
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("colour");
              assertThatThrownBy(() -> Book.objects.orderBy("-author__shoe").list())
                  .isInstanceOf(FieldError.class)
                  .hasMessageContaining("shoe");
              assertThatThrownBy(() -> Book.objects.orderBy("title; DROP TABLE x").list())
                  .isInstanceOf(FieldError.class);
            });
    assertThat(ran).isEmpty();
  }
}
