package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.query.QuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Q objects (and, or, not, xor, nesting, mixed with key/value pairs, empty) and F comparisons. */
@DatabaseTest(models = {Writer.class, Book.class})
class QObjectsTest {

  private Writer ada;
  private Writer bob;

  private static Book book(String title, int pages, Double rating, Writer author) {
    Book b = new Book();
    b.title = title;
    b.pages = pages;
    b.rating = rating;
    b.author.set(author);
    b.save();
    return b;
  }

  private void seed() {
    ada = Writer.objects.create("name", "ada", "country", "UK");
    bob = Writer.objects.create("name", "bob", "country", "FR");
    book("photo diary", 100, 4.0, ada);
    book("audio notes", 200, 150.0, ada);
    book("text only", 300, null, bob);
    book("photo album", 400, 2.0, bob);
  }

  private static List<String> titles(QuerySet<Book> qs) {
    List<String> out = new ArrayList<>(qs.valuesList("title").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void orAndNot() {
    seed();
    assertThat(titles(Book.objects.filter(Q.of("pages", 100).or(Q.of("pages", 300)))))
        .containsExactly("photo diary", "text only");
    assertThat(
            titles(
                Book.objects.filter(
                    Q.of("author", ada).and(Q.of("pages", 100).or(Q.of("pages", 200))))))
        .containsExactly("audio notes", "photo diary");
    assertThat(titles(Book.objects.filter(Q.of("author", ada).not())))
        .containsExactly("photo album", "text only");
    assertThat(titles(Book.objects.filter(Q.not(Q.of("pages__gt", 100)))))
        .containsExactly("photo diary");
    assertThat(titles(Book.objects.filter(Q.of("rating", 2.0).not())))
        .as("NOT over a nullable column keeps the NULL row, as Django does")
        .containsExactly("audio notes", "photo diary", "text only");
    assertThat(titles(Book.objects.exclude(Q.of("pages", 100).or(Q.of("pages", 400)))))
        .containsExactly("audio notes", "text only");
    assertThat(titles(Book.objects.filter(Q.of("pages", 100).or(Q.of("pages", 200)).not())))
        .containsExactly("photo album", "text only");
  }

  @DbTest
  void xorIsTrueForAnOddNumberOfMatches() {
    seed();
    Q photo = Q.of("title__startswith", "photo");
    Q ada = Q.of("author__name", "ada");
    Q big = Q.of("pages__gte", 300);
    assertThat(titles(Book.objects.filter(photo.xor(ada))))
        .containsExactly("audio notes", "photo album");
    assertThat(titles(Book.objects.filter(photo.xor(ada).xor(big))))
        .as("diary: photo+ada (2); notes: ada (1); text: big (1); album: photo+big (2)")
        .containsExactly("audio notes", "text only");
    assertThat(titles(Book.objects.filter(photo.xor(ada).not())))
        .containsExactly("photo diary", "text only");
  }

  @DbTest
  void nestingToAnyDepth() {
    seed();
    Q nested =
        Q.of("author__country", "UK")
            .and(Q.of("pages__lt", 150).or(Q.of("rating__gt", 100)))
            .or(Q.of("author__country", "FR").and(Q.of("rating__isnull", true).not()));
    assertThat(titles(Book.objects.filter(nested)))
        .containsExactly("audio notes", "photo album", "photo diary");
    assertThat(titles(Book.objects.filter(nested.not()))).containsExactly("text only");
  }

  @DbTest
  void mixedWithKeyValuePairs() {
    seed();
    String q = "photo";
    assertThat(
            titles(
                Book.objects.filter(
                    Q.of("title__icontains", q).or(Q.of("author__name__icontains", q)),
                    "author",
                    bob)))
        .containsExactly("photo album");
    assertThat(
            titles(
                Book.objects.filter(
                    "pages__gt", 100, Q.of("title__startswith", "p").or(Q.of("rating", 150.0)))))
        .containsExactly("audio notes", "photo album");
    assertThat(
            titles(
                Book.objects.filter(
                    Q.of(Map.of("author", ada, "pages__gte", 200)), Q.of("rating__gt", 1))))
        .containsExactly("audio notes");
    assertThat(titles(Book.objects.filter(Q.of("author", ada)).filter(Q.of("pages", 200))))
        .containsExactly("audio notes");
  }

  @DbTest
  void emptyQMatchesEverythingAndVanishesWhenCombined() {
    seed();
    assertThat(new Q().isEmpty()).isTrue();
    assertThat(titles(Book.objects.filter(new Q()))).hasSize(4);
    assertThat(titles(Book.objects.exclude(new Q()))).hasSize(4);
    assertThat(titles(Book.objects.filter(new Q().or(Q.of("pages", 100)))))
        .containsExactly("photo diary");
    assertThat(titles(Book.objects.filter(Q.of("pages", 100).and(new Q()))))
        .containsExactly("photo diary");
    assertThat(titles(Book.objects.filter(Q.of(Map.of())))).hasSize(4);
    assertThat(Book.objects.filter(new Q()).query().sql()).doesNotContain("WHERE");
  }

  @DbTest
  void badQInputIsRefused() {
    assertThatThrownBy(() -> Q.of("pages", 1).or(null)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> Q.of((String) null, 1)).isInstanceOf(FieldError.class);
    assertThatThrownBy(() -> Q.of(Map.of("_connector", "OR"))).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> Book.objects.filter(Q.of("colour", "red")).list())
        .isInstanceOf(FieldError.class);
    assertThatThrownBy(() -> Book.objects.filter("pages")).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> Book.objects.filter(42)).isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void fComparesColumns() {
    seed();
    assertThat(titles(Book.objects.filter("rating__gt", F.of("pages")))).containsExactly();
    assertThat(titles(Book.objects.filter("rating__lt", F.of("pages").div(10))))
        .containsExactly("photo album", "photo diary");
    assertThat(titles(Book.objects.filter("rating__gt", F.of("pages").minus(60))))
        .containsExactly("audio notes");
    assertThat(titles(Book.objects.filter("pages__gte", F.of("rating").times(2))))
        .containsExactly("photo album", "photo diary");
    assertThat(titles(Book.objects.filter("title__startswith", F.of("author__name")))).isEmpty();
    Writer.objects.filter("name", "ada").update("country", "photo");
    assertThat(titles(Book.objects.filter("title__startswith", F.of("author__country"))))
        .containsExactly("photo diary");
    assertThat(titles(Book.objects.filter(Q.of("pages", F.of("pages")).not()))).isEmpty();
    assertThatThrownBy(() -> Book.objects.filter("pages", F.of("colour")).list())
        .isInstanceOf(FieldError.class);
  }
}
