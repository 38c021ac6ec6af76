package io.vibevault.orm.tests.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;

/**
 * Models to makemigrations to migrate: the introspected schema has every table and column of the
 * models; makemigrations twice writes nothing; migrate zero leaves nothing.
 */
@DatabaseTest
class RoundTripTest {
  private Path dir;

  @AfterEach
  void clean(TestDatabase db) throws Exception {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private Migrations migrations() throws Exception {
    dir = TestDirs.create("vv-migrations");
    List<String> lines = new ArrayList<>();
    return Migrations.of(dir, new RoundTripApp()).output(lines::add);
  }

  @DbTest
  void makemigrationsThenMigrateGivesTheModelsSchema(TestDatabase db) throws Exception {
    Migrations migrations = migrations();
    List<Migration> made = migrations.makemigrations(Migrations.MakeOptions.DEFAULT);
    assertThat(made).extracting(Migration::name).containsExactly("0001_initial");
    assertThat(dir.resolve("migrt/0001_initial.json")).exists();

    migrations.migrate();

    var c = db.connection();
    assertThat(Schema.tables(c))
        .contains(
            "migrt_writer",
            "migrt_books",
            "migrt_shelf",
            "migrt_books_shelves",
            "vibevault_migrations");
    for (Class<? extends io.vibevault.orm.model.Model> model :
        List.of(Writer.class, Book.class, Shelf.class)) {
      ModelMeta meta = ModelMeta.of(model);
      var columns = Schema.columns(c, meta.dbTable());
      List<String> expected = new ArrayList<>();
      for (Field f : meta.concreteFields()) {
        expected.add(f.column().toLowerCase(Locale.ROOT));
        assertThat(columns.get(f.column()))
            .as(f.toString())
            .isEqualTo(f.isNullable() ? "null" : "not null");
      }
      assertThat(columns.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(Schema.indexes(c, "migrt_books")).contains("migrt_book_title_pub");
    assertThat(migrations.showmigrations("migrt")).containsExactly("migrt", " [X] 0001_initial");
  }

  @DbTest
  void makemigrationsTwiceWritesNothingTheSecondTime() throws Exception {
    Migrations migrations = migrations();
    migrations.makemigrations(Migrations.MakeOptions.DEFAULT);
    String first = Files.readString(dir.resolve("migrt/0001_initial.json"));
    assertThat(migrations.makemigrations(Migrations.MakeOptions.DEFAULT)).isEmpty();
    assertThat(migrations.hasChanges()).isFalse();
    try (var files = Files.list(dir.resolve("migrt"))) {
      assertThat(files.count()).isEqualTo(1);
    }
    // Deterministic: the same models give the same bytes.
    Migrations again = Migrations.of(TestDirs.create("vv-migrations"), new RoundTripApp());
    again.output(l -> {});
    Migration m = again.makemigrations(Migrations.MakeOptions.DEFAULT.asDryRun()).get(0);
    assertThat(MigrationFiles.toJson(m)).isEqualTo(first);
  }

  @DbTest
  void migrateZeroLeavesNothingAndMigrateAgainWorks(TestDatabase db) throws Exception {
    Migrations migrations = migrations();
    migrations.makemigrations(Migrations.MakeOptions.DEFAULT);
    migrations.migrate();
    String applied = Schema.snapshot(db.connection());

    migrations.migrate("migrt", "zero");
    assertThat(Schema.tables(db.connection()))
        .allMatch(t -> t.startsWith("vibevault_"), "only the ORM's own bookkeeping tables");
    assertThat(Schema.count(db.connection(), "vibevault_migrations")).isZero();
    assertThat(migrations.showmigrations("migrt")).containsExactly("migrt", " [ ] 0001_initial");

    migrations.migrate();
    assertThat(Schema.snapshot(db.connection())).isEqualTo(applied);
    assertThat(migrations.migrate()).isEmpty();
  }
}
