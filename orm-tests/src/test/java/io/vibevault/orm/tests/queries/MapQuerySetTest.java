package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.query.MapQuerySet;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.Map;

/**
 * A MapQuerySet over a model that has a Java class (historical models are tested in the migrations
 * package): rows come and go as maps, while the model's own rules still apply.
 */
@DatabaseTest(models = {Writer.class, Book.class})
class MapQuerySetTest {

  @DbTest
  void createsReadsAndDeletesRowsOfAClassModelAsMaps() {
    MapQuerySet writers = new MapQuerySet(ModelMeta.of(Writer.class));
    MapQuerySet books = new MapQuerySet(ModelMeta.of(Book.class));
    Map<String, Object> ada = writers.create("name", "ada", "country", "UK");
    Map<String, Object> bob = writers.create("name", "bob");
    books.create("title", "dune", "pages", 412, "author", ada, "editor", bob);
    books.create("title", "emma", "pages", 300, "author", bob);

    assertThat(Writer.objects.get("name", "ada").pk()).isEqualTo(ada.get("id"));
    assertThat(books.get("title", "dune")).containsEntry("editorId", bob.get("id"));

    // bob's delete goes through the model's Collector: his book cascades, dune loses its editor.
    assertThat(writers.filter("name", "bob").delete().perModel())
        .containsEntry("queries.Writer", 1L)
        .containsEntry("queries.Book", 1L);
    assertThat(books.valuesList("title").flat().list()).containsExactly("dune");
    assertThat(books.get().get("editorId")).isNull();
  }
}
