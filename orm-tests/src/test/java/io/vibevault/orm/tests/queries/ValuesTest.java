package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** values() as maps, valuesList() as lists, flat and named, across relations and transforms. */
@DatabaseTest(models = {Writer.class, Book.class})
class ValuesTest {

  private Writer ada;
  private Book dune;

  private void seed() {
    ada = Writer.objects.create("name", "ada", "country", "UK");
    Writer bob = Writer.objects.create("name", "bob");
    dune = Book.objects.create("title", "dune", "pages", 412, "author", ada, "editor", bob);
    dune.published = Instant.parse("1965-08-01T10:00:00Z");
    dune.save("published");
    Book.objects.create("title", "emma", "pages", 300, "author", bob);
  }

  @DbTest
  void valuesGivesMapsOfTheNamedPaths() {
    seed();
    List<Map<String, Object>> rows =
        assertNumQueries(
            1, () -> Book.objects.orderBy("title").values("id", "title", "author__name").list());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsExactly(
            Map.entry("id", dune.id), Map.entry("title", "dune"), Map.entry("author__name", "ada"));
    assertThat(rows.get(0).keySet()).containsExactly("id", "title", "author__name");
    assertThat(Book.objects.filter("title", "emma").values("editor__name").list())
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("editor__name", null));
  }

  @DbTest
  void valuesWithoutNamesGivesEveryConcreteFieldByAttname() {
    seed();
    Map<String, Object> row = Book.objects.filter("title", "dune").values().list().get(0);
    assertThat(row.keySet())
        .containsExactly("id", "title", "pages", "rating", "published", "authorId", "editorId");
    assertThat(row).containsEntry("authorId", ada.id).containsEntry("pages", 412);
    assertThat(row.get("published")).isEqualTo(Instant.parse("1965-08-01T10:00:00Z"));
  }

  @DbTest
  void valuesListGivesListsFlatValuesAndNamedRows() {
    seed();
    assertThat(Book.objects.orderBy("title").valuesList("title", "pages").list())
        .containsExactly(List.of("dune", 412), List.of("emma", 300));
    assertThat(Book.objects.orderBy("-pages").valuesList("id").<Long>flat().list())
        .containsExactly(dune.id, Book.objects.get("title", "emma").id);
    assertThat(Book.objects.orderBy("title").valuesList("author__country").flat().list())
        .containsExactly("UK", null);
    List<Map<String, Object>> named =
        Book.objects.orderBy("title").valuesList("title", "author__name").named().list();
    assertThat(named.get(1)).containsEntry("title", "emma").containsEntry("author__name", "bob");
    assertThatThrownBy(() -> Book.objects.valuesList("title", "pages").flat())
        .isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void valuesChainLikeAnyQuerySet() {
    seed();
    assertThat(Book.objects.valuesList("title").filter("pages__gt", 350).<String>flat().list())
        .containsExactly("dune");
    assertThat(Book.objects.values("title").exclude("title", "dune").first())
        .contains(Map.of("title", "emma"));
    assertThat(Book.objects.valuesList("title").count()).isEqualTo(2);
    assertThat(Book.objects.valuesList("published__year").orderBy("title").flat().list())
        .containsExactly(1965L, null);
  }

  @DbTest
  void unknownPathsAreFieldErrors() {
    seed();
    assertThatThrownBy(() -> Book.objects.values("colour").list()).isInstanceOf(FieldError.class);
    assertThatThrownBy(() -> Book.objects.valuesList("author__colour").list())
        .isInstanceOf(FieldError.class);
  }
}
