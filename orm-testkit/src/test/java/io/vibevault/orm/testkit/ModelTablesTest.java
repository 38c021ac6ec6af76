package io.vibevault.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.models.Author;
import io.vibevault.orm.testkit.models.Book;
import io.vibevault.orm.testkit.models.Chicken;
import io.vibevault.orm.testkit.models.Egg;
import io.vibevault.orm.testkit.models.Node;
import io.vibevault.orm.testkit.models.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTablesTest {

  private static List<String> creationOrder(ModelTables tables) {
    return tables.creationOrder().stream().map(ModelMeta::dbTable).toList();
  }

  @Test
  void targetsOfForeignKeysAndManyToManysComeFirst() {
    ModelTables tables = ModelTables.of(List.of(Book.class, Tag.class, Author.class));

    assertThat(creationOrder(tables)).containsExactly("kit_author", "kit_tags", "kit_book");
  }

  @Test
  void modelsPointedAtAreAddedWhenNotListed() {
    ModelTables tables = ModelTables.of(List.<Class<? extends Model>>of(Book.class));

    assertThat(creationOrder(tables)).containsExactly("kit_author", "kit_tags", "kit_book");
  }

  @Test
  void autoCreatedJoinTablesAreFlushedWithTheirOwner() {
    ModelTables tables = ModelTables.of(List.<Class<? extends Model>>of(Book.class));
    String join = ModelMeta.of(Book.class).field("tags").relation().through().dbTable();

    assertThat(tables.tables()).containsExactly("kit_author", "kit_tags", "kit_book", join);
  }

  @Test
  void aSelfReferenceNeedsNothingElse() {
    ModelTables tables = ModelTables.of(List.<Class<? extends Model>>of(Node.class));

    assertThat(creationOrder(tables)).containsExactly("kit_node");
  }

  @Test
  void aCycleKeepsEveryModelOnce() {
    ModelTables tables = ModelTables.of(List.of(Chicken.class, Egg.class));

    assertThat(creationOrder(tables)).containsExactlyInAnyOrder("kit_chicken", "kit_egg");
  }

  @Test
  void noModelsNoTables() {
    ModelTables tables = ModelTables.of(List.of());

    assertThat(tables.creationOrder()).isEmpty();
    assertThat(tables.tables()).isEmpty();
  }
}
