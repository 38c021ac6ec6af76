package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.Migrations.MakeOptions;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.autodetect.ScriptedQuestioner;
import io.vibevault.orm.migrations.autodetect.TerminalQuestioner;
import io.vibevault.orm.migrations.executor.MigrationExecutor.MigrateOptions;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.model.AppConfig;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The command API: makemigrations after a model changed (rename questioner, one-off default,
 * --check, --dry-run, --empty, --name), merge of two leaves, cycles, sqlmigrate, --plan,
 * --fake-initial and squash.
 */
@DatabaseTest
class CommandsTest {
  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  @DbTest
  void aRenamedFieldAndANewNotNullFieldKeepTheRows(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    Path dir = TestDirs.create("vv-migrations");
    List<String> out = new ArrayList<>();
    AppConfig v1 =
        new AppConfig("migcmd", List.of(io.vibevault.orm.tests.migrations.v1.Note.class));
    Migrations first = Migrations.of(dir, v1).output(out::add);
    first.makemigrations(MakeOptions.DEFAULT);
    first.migrate();
    insert(c, "migcmd_note", List.of("title", "body"), "trip", "Lisbon");

    AppConfig v2 =
        new AppConfig("migcmd", List.of(io.vibevault.orm.tests.migrations.v2.Note.class));
    Migrations second = Migrations.of(dir, v2).output(out::add);
    assertThat(second.hasChanges()).isTrue();
    assertThatThrownBy(() -> second.makemigrations(MakeOptions.DEFAULT))
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("non-nullable field 'mood'");
    second.questioner(
        new ScriptedQuestioner(Questioner.noInput())
            .renameField("migcmd.Note", "body", "text")
            .oneOffDefault("migcmd.Note", "mood", "calm"));
    assertThat(second.makemigrations(MakeOptions.DEFAULT.asDryRun())).hasSize(1);
    try (var files = Files.list(dir.resolve("migcmd"))) {
      assertThat(files.count()).as("a dry run writes nothing").isEqualTo(1);
    }
    Migration made = second.makemigrations(MakeOptions.DEFAULT).get(0);
    assertThat(made.name()).isEqualTo("0002_rename_body_note_text_note_mood");
    assertThat(made.dependencies()).containsExactly(new Key("migcmd", "0001_initial"));
    assertThat(second.hasChanges()).as("--check passes once the migration exists").isFalse();
    assertThat(second.makemigrations(MakeOptions.DEFAULT)).isEmpty();

    second.migrate();
    assertThat(column(c, "migcmd_note", "text")).containsExactly("Lisbon");
    assertThat(column(c, "migcmd_note", "mood")).containsExactly("calm");

    Migration empty =
        second.makemigrations(MakeOptions.DEFAULT.asEmpty().withName("seed_data")).get(0);
    assertThat(empty.name()).isEqualTo("0003_seed_data");
    assertThat(empty.operations()).isEmpty();
    assertThat(second.plan(null, null)).hasSize(1);
    assertThat(second.showPlan())
        .containsExactly(
            "[X]  migcmd.0001_initial",
            "[X]  migcmd.0002_rename_body_note_text_note_mood",
            "[ ]  migcmd.0003_seed_data");
  }

  @DbTest
  void twoLeavesAreAConflictUntilMerged() throws Exception {
    MigrationFixtures fx = new MigrationFixtures("migmrg");
    fx.write("0001_initial", new CreateModel(model("migmrg", "Item", id(), chars("code", 20))));
    Key first = new Key("migmrg", "0001_initial");
    MigrationFiles.write(
        fx.dir,
        "migmrg",
        new Migration(
            "migmrg",
            "0002_item_a",
            List.of(first),
            List.of(new AddField("migmrg", "Item", chars("a", 5).withNullable(true))),
            false,
            List.of()));
    MigrationFiles.write(
        fx.dir,
        "migmrg",
        new Migration(
            "migmrg",
            "0002_item_b",
            List.of(first),
            List.of(new AddField("migmrg", "Item", chars("b", 5).withNullable(true))),
            false,
            List.of()));
    Migrations migrations = fx.migrations();
    assertThatThrownBy(migrations::migrate)
        .isInstanceOf(MigrationError.class)
        .hasMessage(
            "Conflicting migrations detected; multiple leaf nodes: 0002_item_a, 0002_item_b in"
                + " migmrg. To fix them run 'makemigrations --merge'");
    // Asked in a terminal and answered no: the branches are listed, nothing is written.
    List<String> said = new ArrayList<>();
    migrations.questioner(
        new TerminalQuestioner(
            question -> {
              said.add(question);
              return "n";
            },
            said::add));
    assertThat(migrations.merge(false)).isEmpty();
    assertThat(fx.output)
        .containsSubsequence(
            "Merging migmrg",
            "  Branch 0002_item_a",
            "    - Add field a to Item",
            "  Branch 0002_item_b",
            "    - Add field b to Item");
    assertThat(said).contains("Should these migration branches be merged? [y/N] ");
    try (var files = Files.list(fx.dir.resolve("migmrg"))) {
      assertThat(files.count()).isEqualTo(3);
    }
    // Without a terminal (--no-input) the answer is yes, as Django's.
    migrations.questioner(Questioner.noInput());
    List<Migration> merged = migrations.merge(false);
    assertThat(merged)
        .extracting(Migration::name)
        .containsExactly("0003_merge_0002_item_a_0002_item_b");
    assertThat(merged.get(0).dependencies())
        .containsExactly(new Key("migmrg", "0002_item_a"), new Key("migmrg", "0002_item_b"));
    assertThat(merged.get(0).operations()).isEmpty();
    assertThat(migrations.merge(false)).isEmpty();
    assertThat(fx.output).contains("No conflicts detected to merge.");
    assertThat(migrations.migrate()).hasSize(4);
  }

  @DbTest
  void aMergeTakesTheNameGiven() throws Exception {
    MigrationFixtures fx = new MigrationFixtures("migmrn");
    fx.write("0001_initial", new CreateModel(model("migmrn", "Item", id(), chars("code", 20))));
    Key first = new Key("migmrn", "0001_initial");
    for (String leaf : List.of("0002_a", "0003_b")) {
      MigrationFiles.write(
          fx.dir,
          "migmrn",
          new Migration(
              "migmrn",
              leaf,
              List.of(first),
              List.of(
                  new AddField("migmrn", "Item", chars(leaf.substring(5), 5).withNullable(true))),
              false,
              List.of()));
    }
    List<Migration> merged = fx.migrations().merge(true, "join_branches");
    assertThat(merged).extracting(Migration::name).containsExactly("0004_join_branches");
    try (var files = Files.list(fx.dir.resolve("migmrn"))) {
      assertThat(files.count()).as("a dry run writes nothing").isEqualTo(3);
    }
  }

  @DbTest
  void aDependencyCycleIsNamed() throws Exception {
    MigrationFixtures fx = new MigrationFixtures("migcyc");
    MigrationFiles.write(
        fx.dir,
        "migcyc",
        new Migration(
            "migcyc", "0001_a", List.of(new Key("migcyc", "0002_b")), List.of(), true, List.of()));
    MigrationFiles.write(
        fx.dir,
        "migcyc",
        new Migration(
            "migcyc", "0002_b", List.of(new Key("migcyc", "0001_a")), List.of(), false, List.of()));
    assertThatThrownBy(fx.migrations()::migrate)
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("Circular dependency between migrations")
        .hasMessageContaining("migcyc.0001_a");
  }

  @DbTest
  void sqlmigrateShowsTheSqlWithoutChangingTheSchema(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migsql");
    fx.write("0001_initial", new CreateModel(model("migsql", "Item", id(), chars("order", 20))));
    Migrations migrations = fx.migrations();
    String before = Schema.snapshot(c);
    List<String> sql = migrations.sqlmigrate("migsql", "0001", false);
    assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE " + c.ops().quoteName("migsql_item")));
    assertThat(String.join("\n", sql)).contains(c.ops().quoteName("order"));
    assertThat(Schema.tables(c)).doesNotContain("migsql_item");
    assertThat(migrations.sqlmigrate("migsql", "0001_initial", true))
        .anyMatch(s -> s.startsWith("DROP TABLE " + c.ops().quoteName("migsql_item")));
    assertThat(Schema.snapshot(c)).isEqualTo(before);
  }

  @DbTest
  void fakeInitialRecordsExistingTables(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migfake");
    fx.write("0001_initial", new CreateModel(model("migfake", "Item", id(), chars("code", 20))));
    fx.write(
        "0002_item_note",
        new AddField(
            "migfake", "Item", FieldDefinition.of("note", FieldKind.TEXT).withNullable(true)));
    Migrations migrations = fx.migrations();
    migrations.migrate("migfake", "0001");
    migrations.migrate("migfake", "zero", new MigrateOptions(true, false));
    assertThat(Schema.tables(c)).contains("migfake_item");
    migrations.migrate(null, null, new MigrateOptions(false, true));
    assertThat(fx.output)
        .contains(
            "  Applying migfake.0001_initial... FAKED", "  Applying migfake.0002_item_note... OK");
    assertThat(Schema.columns(c, "migfake_item")).containsKey("note");
  }

  @DbTest
  void squashReplacesTheMigrationsItSquashes(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migsq");
    fx.write("0001_initial", new CreateModel(model("migsq", "Item", id(), chars("code", 20))));
    fx.write("0002_item_note", new AddField("migsq", "Item", chars("note", 20).withNullable(true)));
    fx.write("0003_item_more", new AddField("migsq", "Item", chars("more", 20).withNullable(true)));
    Migrations migrations = fx.migrations();
    Migration squashed = migrations.squash("migsq", null, "0002", null);
    assertThat(squashed.name()).isEqualTo("0001_squashed_0002_item_note");
    assertThat(squashed.operations()).hasSize(1);
    assertThat(migrations.migrate())
        .extracting(s -> s.migration().name())
        .containsExactly("0001_squashed_0002_item_note", "0003_item_more");
    assertThat(Schema.columns(c, "migsq_item")).containsKeys("code", "note", "more");
    assertThat(migrations.showmigrations("migsq"))
        .containsExactly(
            "migsq",
            " [X] 0001_squashed_0002_item_note (2 squashed migrations)",
            " [X] 0003_item_more");
    assertThat(migrations.migrate()).isEmpty();
    insert(c, "migsq_item", List.of("code"), "x");
    assertThat(Schema.count(c, "migsq_item")).isEqualTo(1);
    assertThat(Map.of()).isEmpty();
  }

  @DbTest
  void squashFoldsRenamesAndRemovalsIntoTheCreate(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures("migsqr");
    fx.write("0001_initial", new CreateModel(model("migsqr", "Item", id(), chars("code", 20))));
    fx.write(
        "0002_item_note", new AddField("migsqr", "Item", chars("note", 20).withNullable(true)));
    fx.write("0003_rename", new RenameField("migsqr", "Item", "code", "sku"));
    fx.write("0004_rename_item", new RenameModel("migsqr", "Item", "Article"));
    fx.write("0005_remove_note", new RemoveField("migsqr", "Article", "note"));
    Migrations migrations = fx.migrations();
    Migration squashed = migrations.squash("migsqr", null, "0005", null);
    assertThat(squashed.operations()).hasSize(1);
    ModelDefinition article = ((CreateModel) squashed.operations().get(0)).definition();
    assertThat(article.name()).isEqualTo("Article");
    assertThat(article.dbTable()).isEqualTo("migsqr_article");
    assertThat(article.fields()).containsExactly(id(), chars("sku", 20));
    migrations.migrate();
    assertThat(Schema.tables(c)).contains("migsqr_article").doesNotContain("migsqr_item");
    assertThat(Schema.columns(c, "migsqr_article")).containsOnlyKeys("id", "sku");
  }
}
