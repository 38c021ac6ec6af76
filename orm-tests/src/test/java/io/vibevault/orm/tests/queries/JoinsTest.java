package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Django's rules for joins: conditions on a multi-valued relation in one filter() call concern the
 * same related row, in separate calls any related rows; an OR over a nullable relation keeps rows
 * without it (the join is promoted to LEFT OUTER).
 */
@DatabaseTest(models = {Author.class, Note.class, Label.class, Writer.class, Book.class})
class JoinsTest {

  private static List<String> sorted(List<String> in) {
    List<String> out = new ArrayList<>(in);
    Collections.sort(out);
    return out;
  }

  private void notes() {
    Author ann = Author.objects.create("name", "ann");
    Label fun = Label.objects.create("name", "fun");
    Label work = Label.objects.create("name", "work");
    Label fork = Label.objects.create("name", "fork");
    Note split = note(ann, "split");
    split.labels.add(fun, work);
    Note single = note(ann, "single");
    single.labels.add(fork);
    note(ann, "unlabelled");
  }

  private static Note note(Author a, String title) {
    return Note.objects.create(
        "author", a, "title", title, "createdAt", Instant.parse("2024-01-01T00:00:00Z"));
  }

  private static List<String> noteTitles(io.vibevault.orm.query.QuerySet<Note> qs) {
    return sorted(qs.valuesList("title").<String>flat().list());
  }

  @DbTest
  void conditionsInOneFilterConcernTheSameRelatedRow() {
    notes();
    assertThat(
            noteTitles(
                Note.objects.filter(
                    "labels__name__startswith", "f", "labels__name__endswith", "k")))
        .as("one label must both start with f and end with k")
        .containsExactly("single");
    assertThat(
            noteTitles(
                Note.objects.filter(
                    Q.of("labels__name__startswith", "f")
                        .and(Q.of("labels__name__endswith", "k")))))
        .containsExactly("single");
  }

  @DbTest
  void conditionsInSeparateFiltersMayMatchDifferentRelatedRows() {
    notes();
    assertThat(
            noteTitles(
                Note.objects
                    .filter("labels__name__startswith", "f")
                    .filter("labels__name__endswith", "k")))
        .as("split: fun starts with f, work ends with k")
        .containsExactly("single", "split");
  }

  @DbTest
  void aMultiValuedJoinRepeatsRowsUntilDistinct() {
    notes();
    assertThat(Note.objects.filter("labels__name__in", List.of("fun", "work")).count())
        .isEqualTo(2);
    assertThat(Note.objects.filter("labels__name__in", List.of("fun", "work")).distinct().count())
        .isEqualTo(1);
  }

  @DbTest
  void distinctValuesUnderADefaultOrderingOfAnotherColumn() {
    notes();
    // Note is ordered by -createdAt; DISTINCT over title alone must still be valid SQL.
    assertThat(
            Note.objects
                .filter("labels__name__in", List.of("fun", "work"))
                .valuesList("title")
                .distinct()
                .flat()
                .list())
        .containsExactly("split");
    assertThat(Note.objects.values("title").distinct().orderBy("title").list())
        .extracting(m -> m.get("title"))
        .containsExactly("single", "split", "unlabelled");
  }

  @DbTest
  void orAcrossAManyToManyKeepsRowsWithoutLinks() {
    notes();
    assertThat(
            noteTitles(
                Note.objects
                    .filter(Q.of("labels__name", "fork").or(Q.of("title", "unlabelled")))
                    .distinct()))
        .containsExactly("single", "unlabelled");
  }

  private void books() {
    Writer ada = Writer.objects.create("name", "ada");
    Writer bob = Writer.objects.create("name", "bob");
    Book edited = new Book();
    edited.title = "edited";
    edited.author.set(ada);
    edited.editor.set(bob);
    edited.save();
    Book solo = new Book();
    solo.title = "solo";
    solo.author.set(ada);
    solo.save();
  }

  private static List<String> bookTitles(io.vibevault.orm.query.QuerySet<Book> qs) {
    return sorted(qs.valuesList("title").<String>flat().list());
  }

  @DbTest
  void orAcrossANullableForeignKeyKeepsRowsWithoutTheRelation() {
    books();
    var qs = Book.objects.filter(Q.of("editor__name", "bob").or(Q.of("title", "solo")));
    assertThat(bookTitles(qs)).containsExactly("edited", "solo");
    assertThat(qs.query().sql()).contains("LEFT OUTER JOIN");
  }

  @DbTest
  void aPlainFilterOnARelationIsAnInnerJoin() {
    books();
    var qs = Book.objects.filter("editor__name", "bob");
    assertThat(bookTitles(qs)).containsExactly("edited");
    assertThat(qs.query().sql()).contains("INNER JOIN").doesNotContain("LEFT OUTER JOIN");
    var both =
        Book.objects
            .filter(Q.of("editor__name", "bob").or(Q.of("title", "solo")))
            .filter("editor__name", "bob");
    assertThat(bookTitles(both)).containsExactly("edited");
  }

  @DbTest
  void excludeAcrossANullableForeignKeyKeepsRowsWithoutIt() {
    books();
    assertThat(bookTitles(Book.objects.exclude("editor__name", "bob"))).containsExactly("solo");
    assertThat(bookTitles(Book.objects.filter(Q.of("editor__name", "bob").not())))
        .containsExactly("solo");
    assertThat(bookTitles(Book.objects.filter("editor__isnull", true))).containsExactly("solo");
    assertThat(bookTitles(Book.objects.filter("editor", null))).containsExactly("solo");
    assertThat(bookTitles(Book.objects.filter("editor__name__isnull", true)))
        .as("no editor: the joined name is NULL")
        .containsExactly("solo");
  }
}
