package io.vibevault.orm.testkit;

import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.models.Author;
import io.vibevault.orm.testkit.models.Book;
import io.vibevault.orm.testkit.models.Node;
import io.vibevault.orm.testkit.models.Tag;

/** Builds the test models' metadata in an order orm-core can handle today. */
final class KitModels {
  /**
   * Why the workaround: building a model whose relation target is not built yet builds the target
   * from inside {@code Apps.wirePending}'s loop, which then fails with a
   * ConcurrentModificationException (orm-core). Remove {@link #build()} when that is fixed.
   */
  static final String APPS_BUG =
      "orm-core Apps.wirePending: ConcurrentModificationException when a model's target is built"
          + " while wiring it; a cycle cannot avoid it";

  private KitModels() {}

  /** Targets before the models pointing at them. */
  static void build() {
    ModelMeta.of(Author.class);
    ModelMeta.of(Tag.class);
    ModelMeta.of(Book.class);
    ModelMeta.of(Node.class);
  }
}
