package io.vibevault.orm.backend.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.transaction.Transaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema editor's DDL, the constraints it creates, and the test-database helpers. */
class MysqlSchemaTest {
  private TestDb db;
  private SchemaEditor editor;

  @BeforeEach
  void createTables() {
    TestDb.assumeServer();
    db = new TestDb();
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
    if (db != null) {
      db.close();
    }
  }

  private void insertItem(Object authorId, String title, Object positive, Object rating) {
    db.executeList(
        "INSERT INTO \"bt_item\" (\"author_id\", \"title\", \"positive\", \"rating\")"
            + " VALUES (?, ?, ?, ?)",
        java.util.Arrays.asList(authorId, title, positive, rating));
  }

  @Test
  void createModelWritesDjangosDdl() {
    List<String> sql = editor.executedSql();
    assertThat(sql.get(0))
        .startsWith("CREATE TABLE `bt_item` (`id` bigint NOT NULL PRIMARY KEY AUTO_INCREMENT")
        .contains("`author_id` bigint NOT NULL")
        .contains("`created_at` datetime(6) NULL")
        .contains("`at` time(6) NULL")
        .contains("`spent` bigint NULL")
        .contains("`public_id` char(32) NULL")
        .contains("`data` longtext NULL CHECK (JSON_VALID(`data`))")
        .contains("`price` numeric(12, 2) NULL")
        .contains("`positive` integer NULL CHECK (`positive` >= 0)")
        .contains("CONSTRAINT `bt_item_author_title_uniq` UNIQUE (`author_id`, `title`)")
        .contains("CONSTRAINT `bt_item_rating_range` CHECK ((`rating` BETWEEN 0 AND 10))")
        .endsWith(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin");
    assertThat(sql).anyMatch(s -> s.startsWith("CREATE INDEX") && s.contains("(`author_id`)"));
    assertThat(sql)
        .anyMatch(s -> s.contains("(`author_id`, `created_at` DESC)"))
        .anyMatch(s -> s.startsWith("CREATE TABLE `bt_item_tags`"))
        .anyMatch(
            s ->
                s.startsWith("ALTER TABLE `bt_item` ADD CONSTRAINT")
                    && s.endsWith("FOREIGN KEY (`author_id`) REFERENCES `bt_author` (`id`)"));
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
    assertThat(
            db.cursor(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name LIKE 'bt_item%%'"))
        .isEmpty();
  }

  @Test
  void addingAndRemovingColumns() {
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
    assertThat(notes.executedSql())
        .contains(
            "ALTER TABLE `bt_note` ADD COLUMN `level` integer NOT NULL DEFAULT 3",
            "ALTER TABLE `bt_note` ALTER COLUMN `level` DROP DEFAULT");
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
  void namesWithQuotesAreRefused() {
    assertThat(db.ops().quoteName("bt_item")).isEqualTo("`bt_item`");
    assertThatThrownBy(() -> db.ops().quoteName("a`b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> db.ops().quoteName("a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multiQueriesAreRefused() {
    assertThatThrownBy(
            () -> Database.configure("vv_bt_multi", TestDb.URL + "?allowMultiQueries=true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowMultiQueries");
  }

  @Test
  void explainTakesAllowlistedOptions() {
    String prefix = db.ops().explainPrefix(Map.of("format", "json"));
    assertThat(prefix).isEqualTo("EXPLAIN FORMAT=JSON ");
    assertThat(db.cursor(prefix + "SELECT 1")).hasSize(1);
    assertThatThrownBy(() -> db.ops().explainPrefix(Map.of("format", "json; DROP")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> db.ops().explainPrefix(Map.of("analyse) DROP", "true")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nowaitOnALockedRowIsLockNotAvailable() throws Exception {
    insertItem(1L, "locked", null, null);
    String lock = "SELECT \"id\" FROM \"bt_item\"" + db.ops().forUpdate(false, false, List.of());
    String nowait = "SELECT \"id\" FROM \"bt_item\"" + db.ops().forUpdate(true, false, List.of());
    assertThat(nowait).endsWith(" FOR UPDATE NOWAIT");
    assertThatThrownBy(() -> db.ops().forUpdate(true, false, List.of("`bt_item`")))
        .isInstanceOf(io.vibevault.orm.exception.NotSupportedError.class);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                Transaction.using(db.alias)
                    .run(
                        () -> {
                          db.query(lock);
                          locked.countDown();
                          try {
                            done.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    holder.start();
    try {
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> Transaction.using(db.alias).run(() -> db.query(nowait)))
          .isInstanceOf(LockNotAvailable.class);
      String skip = "SELECT \"id\" FROM \"bt_item\"" + db.ops().forUpdate(false, true, List.of());
      assertThat(Transaction.using(db.alias).call(() -> db.query(skip))).isEmpty();
    } finally {
      done.countDown();
      holder.join();
    }
  }

  @Test
  void jsonContainment() {
    insertItem(1L, "json", null, null);
    db.execute(
        "UPDATE \"bt_item\" SET \"data\" = ?",
        JsonText.of(Map.of("a", 1, "tags", List.of("x", "y"))));
    var data = io.vibevault.orm.backend.Fragment.sql("\"data\"");
    assertThat(
            db.titlesWhere(
                db.ops().jsonContains(data, JsonText.of(Map.of("tags", List.of("y"))), false)))
        .containsExactly("json");
    assertThat(db.titlesWhere(db.ops().jsonContains(data, JsonText.of(Map.of("a", 2)), false)))
        .isEmpty();
    assertThat(
            db.titlesWhere(
                db.ops()
                    .jsonContains(
                        data,
                        JsonText.of(Map.of("a", 1, "b", 2, "tags", List.of("x", "y", "z"))),
                        true)))
        .containsExactly("json");
  }
}
