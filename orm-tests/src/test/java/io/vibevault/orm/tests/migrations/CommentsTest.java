package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.Introspection.ColumnInfo;
import io.vibevault.orm.backend.Introspection.TableInfo;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.autodetect.Autodetector;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.AlterModelTableComment;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * Column and table comments (Django's {@code db_comment} / {@code db_table_comment}) through
 * migrations: detected, written to the file escaped, applied and reversed on PostgreSQL and
 * MariaDB, read back exactly, left out on SQLite. The comments are hostile (THREATS H-72): DDL
 * takes no bound parameters, so they reach the database as literals and must not end them early.
 */
@DatabaseTest
class CommentsTest {
  /** Quotes, a backslash before a quote, SQL comment and statement breaks, a parameter mark. */
  static final String HOSTILE =
      "it's \\'; DROP TABLE x; -- */ /* \"q\" `t` $$ ? :p \\u000a\nnext line é ☃";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private static ModelDefinition item(String columnComment, String tableComment) {
    ModelDefinition m =
        model("migcom", "Item", id(), chars("title", 50).withDbComment(columnComment));
    return m.withTableComment(tableComment);
  }

  private static String columnComment(TestDatabase db, String table, String column) {
    Introspection schema = db.backend().introspection(db.connection());
    for (ColumnInfo c : schema.columns(table)) {
      if (c.name().equals(column)) {
        return c.comment();
      }
    }
    throw new AssertionError("no column " + column);
  }

  private static String tableComment(TestDatabase db, String table) {
    Introspection schema = db.backend().introspection(db.connection());
    for (TableInfo t : schema.tables()) {
      if (t.name().equals(table)) {
        return t.comment();
      }
    }
    throw new AssertionError("no table " + table);
  }

  /** What the database reads back: the comment, or null on SQLite, which keeps none. */
  private static String expected(TestDatabase db, String comment) {
    return db.connection().backend().features().supportsComments() && !comment.isEmpty()
        ? comment
        : null;
  }

  @DbTest
  void hostileCommentsAreAppliedChangedAndReversedExactly(TestDatabase db) throws Exception {
    // A canary the comment's "DROP TABLE x" would drop if it ever ran as SQL.
    db.connection().execute("CREATE TABLE x (a integer)", List.of());
    MigrationFixtures fx = new MigrationFixtures("migcom");
    fx.write("0001_initial", new CreateModel(item(HOSTILE, "Items: " + HOSTILE)));
    fx.write(
        "0002_comments",
        new AlterField("migcom", "Item", chars("title", 50).withDbComment("plain")),
        new AlterModelTableComment("migcom", "Item", ""));
    Migrations migrations = fx.migrations();

    migrations.migrate("migcom", "0001");
    assertThat(columnComment(db, "migcom_item", "title")).isEqualTo(expected(db, HOSTILE));
    assertThat(tableComment(db, "migcom_item")).isEqualTo(expected(db, "Items: " + HOSTILE));

    migrations.migrate();
    assertThat(columnComment(db, "migcom_item", "title")).isEqualTo(expected(db, "plain"));
    assertThat(tableComment(db, "migcom_item")).isEqualTo(expected(db, ""));

    migrations.migrate("migcom", "0001");
    assertThat(columnComment(db, "migcom_item", "title")).isEqualTo(expected(db, HOSTILE));
    assertThat(tableComment(db, "migcom_item")).isEqualTo(expected(db, "Items: " + HOSTILE));
    assertThat(Schema.tables(db.connection())).contains("x");
  }

  @DbTest
  void sqlmigrateWritesTheCommentAsOneEscapedLiteral(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures("migcom");
    fx.write("0001_initial", new CreateModel(item(HOSTILE, "")));
    List<String> sql = fx.migrations().sqlmigrate("migcom", "0001", false);
    String all = String.join("\n", sql);
    String escaped = HOSTILE.replace("\\", "\\\\").replace("'", "''");
    switch (db.vendor()) {
      case "postgresql" ->
          assertThat(all)
              .contains(
                  "COMMENT ON COLUMN \"migcom_item\".\"title\" IS E'"
                      + escaped.replace("\n", "\\x0a")
                      + "';");
      case "mariadb" -> assertThat(all).contains(" COMMENT '" + escaped.replace("\n", "\\n") + "'");
      default -> assertThat(all).doesNotContain("COMMENT");
    }
    // The line break of the comment is escaped: every statement stays on one line.
    assertThat(sql).noneMatch(s -> s.startsWith("next line"));
  }

  @DbTest
  void theFileEscapesTheCommentAndReadsItBack(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures("migcom");
    Migration written = fx.write("0001_initial", new CreateModel(item(HOSTILE, HOSTILE)));
    String text = Files.readString(fx.dir.resolve("migcom").resolve("0001_initial.json"));
    assertThat(text.chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
    assertThat(text).contains("\"dbComment\"").contains("\"dbTableComment\"");
    Migration back = MigrationFiles.parse(text, "migcom", "0001_initial", "test");
    ModelDefinition read = ((CreateModel) back.operations().get(0)).definition();
    assertThat(read.field("title").dbComment()).isEqualTo(HOSTILE);
    assertThat(read.dbTableComment()).isEqualTo(HOSTILE);
    assertThat(back.operations()).isEqualTo(written.operations());
  }

  @DbTest
  void aChangedCommentIsDetected(TestDatabase db) {
    ProjectState before = new ProjectState();
    before.add(item("", ""));
    ProjectState after = new ProjectState();
    after.add(item("the title", "the items"));
    List<Operation> ops =
        new Autodetector(before, after, Questioner.noInput())
            .changes(Set.of("migcom"))
            .operations("migcom");
    assertThat(ops)
        .extracting(Operation::describe)
        .containsExactlyInAnyOrder("Alter Item table comment", "Alter field title on Item");
    ProjectState none = new ProjectState();
    List<Operation> create =
        new Autodetector(none, after, Questioner.noInput())
            .changes(Set.of("migcom"))
            .operations("migcom");
    assertThat(create).containsExactly(new CreateModel(item("the title", "the items")));
  }

  @DbTest
  void aNulInACommentIsRefusedBeforeAnySql(TestDatabase db) {
    assertThatThrownBy(() -> chars("title", 5).withDbComment("a\0b"))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> item("", "a\0b"))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("NUL");
  }
}
