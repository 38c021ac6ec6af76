package io.vibevault.orm.backend.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.model.ModelMeta;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema editor's DDL, the constraints it creates, and the test-database helpers. */
class SqliteSchemaTest {
  private TestDb db;
  private SchemaEditor editor;

  @BeforeEach
  void createTables() {
    db = new TestDb("sqlite:vv_backend_test.sqlite3");
    editor = db.editor();
    ModelMeta author = ModelMeta.of(BackendModels.Author.class);
    ModelMeta tag = ModelMeta.of(BackendModels.Tag.class);
    // Items first: their foreign keys to authors are written before authors exist.
    editor.createModel(ModelMeta.of(BackendModels.Item.class));
    editor.createModel(author);
    editor.createModel(tag);
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Ann");
  }

  @AfterEach
  void destroy() {
    db.close();
  }

  private void insertItem(Object authorId, String title, Object positive, Object rating) {
    db.connection()
        .execute(
            "INSERT INTO \"bt_item\" (\"author_id\", \"title\", \"positive\", \"rating\")"
                + " VALUES (?, ?, ?, ?)",
            java.util.Arrays.asList(authorId, title, positive, rating));
  }

  @Test
  void createModelWritesDjangosDdl() {
    List<String> sql = editor.executedSql();
    assertThat(sql.get(0))
        .startsWith("CREATE TABLE \"bt_item\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT")
        .contains(
            "\"author_id\" bigint NOT NULL REFERENCES \"bt_author\" (\"id\") DEFERRABLE"
                + " INITIALLY DEFERRED")
        .contains("\"positive\" integer NULL CHECK (\"positive\" >= 0)")
        .contains("\"data\" text NULL CHECK (JSON_VALID(\"data\") OR \"data\" IS NULL)")
        .contains("CONSTRAINT \"bt_item_author_title_uniq\" UNIQUE (\"author_id\", \"title\")")
        .contains("CONSTRAINT \"bt_item_rating_range\" CHECK ((\"rating\" BETWEEN 0 AND 10))");
    assertThat(sql).anyMatch(s -> s.startsWith("CREATE INDEX") && s.contains("(\"author_id\")"));
    assertThat(sql)
        .anyMatch(s -> s.contains("(\"author_id\", \"created_at\" DESC)"))
        .anyMatch(s -> s.startsWith("CREATE TABLE \"bt_item_tags\""));
  }

  @Test
  void textCompareExactlyAndSortByCodePoint() {
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "ann");
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Ann ");
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Änn");
    assertThat(db.cursor("SELECT COUNT(*) FROM \"bt_author\" WHERE \"name\" = %s", "Ann").get(0))
        .containsExactly(1L);
    assertThat(db.cursor("SELECT \"name\" FROM \"bt_author\" ORDER BY \"name\""))
        .extracting(r -> r[0])
        .containsExactly("Ann", "Ann ", "ann", "Änn");
  }

  @Test
  void constraintViolationsAreIntegrityErrors() {
    insertItem(1L, "ok", 1L, 5L);
    assertThatThrownBy(() -> db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Ann"))
        .isInstanceOf(IntegrityError.class)
        .hasMessageContaining("bt_author");
    assertThatThrownBy(() -> insertItem(999L, "orphan", null, null))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insertItem(1L, null, null, null)).isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insertItem(1L, "negative", -1L, null))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insertItem(1L, "too good", null, 11L))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insertItem(1L, "ok", null, null)).isInstanceOf(IntegrityError.class);
    assertThatThrownBy(
            () -> db.execute("UPDATE \"bt_item\" SET \"data\" = ?", new JsonText("{not json")))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> db.execute("SELECT * FROM \"no_such_table\""))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining("no_such_table");
  }

  @Test
  void manyToManyJoinTableHasUniquePairsAndGoesWithItsModel() {
    insertItem(1L, "tagged", null, null);
    db.execute("INSERT INTO \"bt_tag\" (\"label\") VALUES (?)", "x");
    db.execute("INSERT INTO \"bt_item_tags\" (\"item_id\", \"tag_id\") VALUES (?, ?)", 1L, 1L);
    assertThatThrownBy(
            () ->
                db.execute(
                    "INSERT INTO \"bt_item_tags\" (\"item_id\", \"tag_id\") VALUES (?, ?)", 1L, 1L))
        .isInstanceOf(IntegrityError.class);
    editor.deleteModel(ModelMeta.of(BackendModels.Item.class));
    assertThat(db.cursor("SELECT name FROM sqlite_master WHERE name LIKE 'bt_item%%'")).isEmpty();
  }

  @Test
  void addingAndRemovingColumnsRebuildsTheTable() {
    SchemaEditor notes = db.editor();
    notes.createModel(ModelMeta.of(BackendModels.Note.class));
    db.execute("INSERT INTO \"bt_note\" (\"text\") VALUES (?)", "kept");
    ModelMeta withLevel = ModelMeta.of(BackendModels.NoteWithLevel.class);
    notes.addField(withLevel, withLevel.field("level"));
    assertThat(db.cursor("SELECT \"text\", \"level\" FROM \"bt_note\"").get(0))
        .containsExactly("kept", 3L);
    assertThatThrownBy(() -> db.execute("INSERT INTO \"bt_note\" (\"text\") VALUES (?)", "no"))
        .as("the default filled old rows only")
        .isInstanceOf(IntegrityError.class);
    notes.removeField(withLevel, withLevel.field("level"));
    assertThat(db.cursor("SELECT * FROM \"bt_note\"").get(0)).containsExactly(1L, "kept");
  }

  @Test
  void flushEmptiesTablesAndRestartsIds() {
    insertItem(1L, "one", null, null);
    db.backend
        .testDatabases()
        .flush(db.connection(), List.of("bt_author", "bt_item", "bt_tag", "bt_item_tags"));
    assertThat(db.cursor("SELECT COUNT(*) FROM \"bt_item\"").get(0)[0]).isEqualTo(0L);
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Bob");
    assertThat(db.cursor("SELECT \"id\" FROM \"bt_author\"").get(0)[0]).isEqualTo(1L);

    db.execute("INSERT INTO \"bt_author\" (\"id\", \"name\") VALUES (?, ?)", 50L, "Explicit");
    db.execute("DELETE FROM \"bt_author\" WHERE \"id\" = ?", 50L);
    db.backend.testDatabases().resetSequence(db.connection(), "bt_author", "id");
    db.execute("INSERT INTO \"bt_author\" (\"name\") VALUES (?)", "Next");
    assertThat(db.cursor("SELECT MAX(\"id\") FROM \"bt_author\"").get(0)[0]).isEqualTo(2L);
  }

  @Test
  void upsertsAndReturning() {
    String[] ignore = db.ops().onConflict(true, List.of("name"), List.of());
    db.execute(ignore[0] + " \"bt_author\" (\"name\") VALUES (?)" + ignore[1], "Ann");
    String[] update = db.ops().onConflict(false, List.of("\"name\""), List.of("name"));
    db.execute(update[0] + " \"bt_author\" (\"name\") VALUES (?)" + update[1], "Ann");
    assertThat(db.cursor("SELECT COUNT(*) FROM \"bt_author\"").get(0)[0]).isEqualTo(1L);
    String returning = db.ops().returning(List.of("\"id\"", "\"name\""));
    Object[] row =
        db.cursor("INSERT INTO \"bt_author\" (\"name\") VALUES (%s)" + returning, "Cy").get(0);
    assertThat((Long) row[0]).isGreaterThan(1L);
    assertThat(row[1]).isEqualTo("Cy");
  }

  @Test
  void namesWithQuotesAreRefusedAndRowLocksUnsupported() {
    assertThat(db.ops().quoteName("bt_item")).isEqualTo("\"bt_item\"");
    assertThatThrownBy(() -> db.ops().quoteName("a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> db.ops().quoteName("a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(db.backend.features().hasSelectForUpdate()).isFalse();
    assertThatThrownBy(() -> db.ops().forUpdate(false, false, List.of()))
        .isInstanceOf(NotSupportedError.class);
    assertThat(db.cursor(db.ops().explainPrefix(java.util.Map.of()) + "SELECT 1")).isNotEmpty();
  }

  @Test
  void memoryDatabaseIsOneSharedConnection() {
    Database.configure("vv_bt_memory", "sqlite::memory:");
    try {
      var c = Database.connection("vv_bt_memory");
      c.execute("CREATE TABLE t (x integer)", List.of());
      c.execute("INSERT INTO t VALUES (1)", List.of());
      Thread other =
          new Thread(
              () ->
                  Database.connection("vv_bt_memory")
                      .execute("INSERT INTO t VALUES (2)", List.of()));
      other.start();
      other.join();
      assertThat(c.query("SELECT COUNT(*) FROM t", List.of()).get(0)[0]).isEqualTo(2L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Database.remove("vv_bt_memory");
    }
  }
}
