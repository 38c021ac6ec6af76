package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * THREATS H-71 (reserved words quoted per dialect; names with quote characters refused, in model
 * classes and in migration files) and H-72 (a hostile default is escaped in the file, read back
 * unchanged and stored as data, never as SQL).
 */
@DatabaseTest
class HostileNamesTest {
  private static final String HOSTILE =
      "x'); DROP TABLE \"migh72_item\"; -- */ \\ \n\u2028 </script> `tick` \u00e9";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  @DbTest
  void reservedWordsAreQuotedByEachDialect(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migh71");
    fx.write(
        "0001_initial",
        new CreateModel(
            model(
                "migh71",
                "Select",
                id(),
                chars("order", 10),
                chars("group", 10),
                chars("user", 10),
                chars("select", 10))));
    fx.migrations().migrate();
    insert(c, "migh71_select", List.of("order", "group", "user", "select"), "1", "2", "3", "4");
    assertThat(column(c, "migh71_select", "select")).containsExactly("4");
    String quote = db.vendor().equals("mariadb") ? "`" : "\"";
    assertThat(fx.migrations().sqlmigrate("migh71", "0001", false))
        .anyMatch(s -> s.contains(quote + "order" + quote) && s.contains(quote + "select" + quote));
  }

  @DbTest
  void quoteCharactersInNamesAreRefused() throws Exception {
    assertThatThrownBy(() -> ModelMeta.of(QuotedColumn.class))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("quote");
    for (String bad : List.of("my\\\"field", "my`field", "my'field")) {
      var dir = TestDirs.create("vv-h71");
      Files.createDirectories(dir.resolve("migh71"));
      Files.writeString(
          dir.resolve("migh71/0001_initial.json"),
          "{\"name\": \"0001_initial\", \"dependencies\": [], \"operations\": [{\"type\":"
              + " \"RemoveField\", \"model\": \"Item\", \"name\": \""
              + bad
              + "\"}]}");
      assertThatThrownBy(() -> MigrationFiles.readApp(dir, "migh71", "migh71"))
          .as(bad)
          .isInstanceOf(MigrationError.class)
          .hasMessageContaining("quote or control character");
    }
  }

  @DbTest
  void aHostileDefaultIsEscapedInTheFileAndStoredAsData(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migh72");
    fx.write("0001_initial", new CreateModel(model("migh72", "Item", id(), chars("code", 10))));
    Migration m =
        fx.write(
            "0002_item_note",
            new AddField("migh72", "Item", chars("note", 200).withDefault(HOSTILE)));
    String text = Files.readString(fx.dir.resolve("migh72/0002_item_note.json"));
    assertThat(text).doesNotContain("\u2028").doesNotContain("\u00e9").contains("\\u2028");
    assertThat(text.lines().filter(l -> l.contains("DROP TABLE"))).hasSize(1);
    assertThat(MigrationFiles.readApp(fx.dir, "migh72", "migh72").get(1)).isEqualTo(m);

    // sqlmigrate writes the default as one literal, its quote doubled: nothing of it reads as SQL.
    List<String> sql = fx.migrations().sqlmigrate("migh72", "0002", false);
    assertThat(String.join("\n", sql)).contains("'x''); DROP TABLE");
    assertThat(sql).noneMatch(line -> line.strip().startsWith("DROP TABLE \"migh72_item\"; --"));
    fx.migrations().migrate("migh72", "0001");
    insert(c, "migh72_item", List.of("code"), "a");
    fx.migrations().migrate();
    assertThat(column(c, "migh72_item", "note")).containsExactly(HOSTILE);
    assertThat(Schema.tables(c)).contains("migh72_item");
  }
}
