package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.m2m;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * RenameModel of a model at the end of relations, from its own app and another one: its join tables
 * and their {@code <model>_id} columns are renamed as in Django, rows and links survive, and every
 * foreign key towards the renamed table is still enforced; backwards restores the schema.
 */
@DatabaseTest
class RenameModelRelationsTest {
  private static final String APP = "mrn";
  private static final String OTHER = "mro";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  @DbTest
  void joinTablesColumnsAndForeignKeysFollowTheRename(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    DatabaseConnection c = db.connection();
    Migration initial =
        fx.write(
            "0001_initial",
            new CreateModel(model(APP, "Tag", id(), chars("name", 20))),
            new CreateModel(
                model(
                    APP,
                    "Note",
                    id(),
                    chars("title", 50),
                    m2m("tags", "mrn.Tag"),
                    m2m("links", "mrn.Note"))),
            new CreateModel(
                model(APP, "Folder", id(), fk("pinned", "mrn.Note"), m2m("notes", "mrn.Note"))));
    Migration other =
        fx.writeFor(
            OTHER,
            "0001_initial",
            List.of(initial.key()),
            new CreateModel(model(OTHER, "Comment", id(), fk("note", "mrn.Note"))),
            new CreateModel(
                model(OTHER, "Shelf", id(), chars("name", 10), m2m("notes", "mrn.Note"))));
    // As makemigrations writes it: after the other app's models pointing at Note.
    fx.writeFor(
        APP,
        "0002_rename_note_memory",
        List.of(other.key()),
        new RenameModel(APP, "Note", "Memory"));
    fx.write("0003_rename_tags_labels", new RenameField(APP, "Memory", "tags", "labels"));
    Migrations migrations = fx.migrations(OTHER);

    migrations.migrate(APP, "0001");
    migrations.migrate(OTHER, "0001");
    insert(c, "mrn_tag", List.of("name"), "calm");
    insert(c, "mrn_note", List.of("title"), "first");
    insert(c, "mrn_note", List.of("title"), "second");
    insert(c, "mrn_note_tags", List.of("note_id", "tag_id"), 1L, 1L);
    insert(c, "mrn_note_links", List.of("from_note_id", "to_note_id"), 1L, 2L);
    insert(c, "mrn_folder", List.of("pinned_id"), 2L);
    insert(c, "mrn_folder_notes", List.of("folder_id", "note_id"), 1L, 1L);
    insert(c, "mro_comment", List.of("note_id"), 2L);
    insert(c, "mro_shelf", List.of("name"), "top");
    insert(c, "mro_shelf_notes", List.of("shelf_id", "note_id"), 1L, 2L);
    String before = Schema.snapshot(c);

    migrations.migrate(APP, "0002");

    assertThat(Schema.tables(c))
        .contains("mrn_memory", "mrn_memory_tags", "mrn_memory_links", "mrn_folder_notes")
        .doesNotContain("mrn_note", "mrn_note_tags", "mrn_note_links");
    assertThat(column(c, "mrn_memory", "title")).containsExactly("first", "second");
    assertThat(column(c, "mrn_memory_tags", "memory_id")).containsExactly(1L);
    assertThat(column(c, "mrn_memory_links", "from_memory_id")).containsExactly(1L);
    assertThat(column(c, "mrn_memory_links", "to_memory_id")).containsExactly(2L);
    assertThat(column(c, "mrn_folder_notes", "memory_id")).containsExactly(1L);
    assertThat(column(c, "mro_shelf_notes", "memory_id")).containsExactly(2L);
    assertThat(column(c, "mro_comment", "note_id")).containsExactly(2L);
    assertThat(Schema.columns(c, "mro_shelf_notes"))
        .containsOnlyKeys("id", "shelf_id", "memory_id");
    assertThat(Schema.indexes(c, "mrn_memory_tags"))
        .anyMatch(i -> i.startsWith("mrn_memory_tags_memory_id_"));
    if (db.vendor().equals("sqlite")) {
      assertThat(c.query("PRAGMA foreign_key_check", List.of())).isEmpty();
    }

    // Every key towards the renamed table still refuses a row pointing nowhere.
    for (String[] bad :
        List.of(
            new String[] {"mrn_memory_tags", "memory_id", "tag_id"},
            new String[] {"mrn_memory_links", "from_memory_id", "to_memory_id"},
            new String[] {"mrn_folder_notes", "memory_id", "folder_id"},
            new String[] {"mro_shelf_notes", "memory_id", "shelf_id"})) {
      assertThatThrownBy(() -> insert(c, bad[0], List.of(bad[1], bad[2]), 99L, 1L))
          .as(bad[0])
          .isInstanceOf(IntegrityError.class);
    }
    assertThatThrownBy(() -> insert(c, "mro_comment", List.of("note_id"), 99L))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insert(c, "mrn_folder", List.of("pinned_id"), 99L))
        .isInstanceOf(IntegrityError.class);
    // The unique pair is still there under its new columns.
    assertThatThrownBy(() -> insert(c, "mrn_memory_tags", List.of("memory_id", "tag_id"), 1L, 1L))
        .isInstanceOf(IntegrityError.class);

    // A join table named after a renamed many-to-many field follows it.
    migrations.migrate(APP, "0003");
    assertThat(Schema.tables(c)).contains("mrn_memory_labels").doesNotContain("mrn_memory_tags");
    assertThat(column(c, "mrn_memory_labels", "memory_id")).containsExactly(1L);

    migrations.migrate(APP, "0001");

    assertThat(Schema.snapshot(c)).isEqualTo(before);
    assertThat(column(c, "mrn_note_tags", "note_id")).containsExactly(1L);
    assertThat(column(c, "mrn_note_links", "to_note_id")).containsExactly(2L);
    assertThat(column(c, "mro_shelf_notes", "note_id")).containsExactly(2L);
    assertThatThrownBy(() -> insert(c, "mro_shelf_notes", List.of("shelf_id", "note_id"), 1L, 99L))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(OTHER, "zero");
    migrations.migrate(APP, "zero");
    assertThat(Schema.tables(c)).allMatch(t -> t.startsWith("vibevault_"));
  }
}
