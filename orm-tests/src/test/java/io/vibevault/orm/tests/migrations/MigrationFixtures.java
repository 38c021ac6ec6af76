package io.vibevault.orm.tests.migrations;

import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.model.AppConfig;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.Relation;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-written migrations in a temporary folder, for apps without model classes. */
final class MigrationFixtures {
  final Path dir;
  final String app;
  final List<String> output = new ArrayList<>();

  MigrationFixtures(String app) throws Exception {
    this.app = app;
    this.dir = TestDirs.create("vv-migrations");
  }

  Migrations migrations(String... otherApps) {
    List<AppConfig> configs = new ArrayList<>();
    configs.add(new AppConfig(app, List.of()));
    for (String other : otherApps) {
      configs.add(new AppConfig(other, List.of()));
    }
    return Migrations.of(dir, configs).output(output::add);
  }

  /** Writes {@code app/name.json} depending on the previous migration of the app (if any). */
  Migration write(String name, Operation... operations) {
    return writeFor(app, name, List.of(), operations);
  }

  /**
   * Writes {@code forApp/name.json} depending on the previous migration of that app (if any) and on
   * {@code otherDeps}.
   */
  Migration writeFor(String forApp, String name, List<Key> otherDeps, Operation... operations) {
    List<Migration> existing = MigrationFiles.readApp(dir, forApp, forApp);
    List<Key> deps = new ArrayList<>(otherDeps);
    if (!existing.isEmpty()) {
      deps.add(existing.get(existing.size() - 1).key());
    }
    Migration m =
        new Migration(forApp, name, deps, List.of(operations), existing.isEmpty(), List.of());
    MigrationFiles.write(dir, forApp, m);
    return m;
  }

  static FieldDefinition m2m(String name, String target) {
    return FieldDefinition.relation(name, Relation.Kind.MANY_TO_MANY, target);
  }

  static FieldDefinition id() {
    return FieldDefinition.of("id", FieldKind.BIG_AUTO);
  }

  static FieldDefinition chars(String name, int max) {
    return FieldDefinition.of(name, FieldKind.CHAR).withMaxLength(max);
  }

  static FieldDefinition fk(String name, String target) {
    return FieldDefinition.relation(name, Relation.Kind.MANY_TO_ONE, target);
  }

  static ModelDefinition model(String app, String name, FieldDefinition... fields) {
    return ModelDefinition.of(app, name, List.of(fields));
  }

  /** Inserts a row with bound values. */
  static void insert(DatabaseConnection c, String table, List<String> columns, Object... values) {
    List<String> quoted = columns.stream().map(col -> c.ops().quoteName(col)).toList();
    String marks = String.join(", ", columns.stream().map(col -> "?").toList());
    c.execute(
        "INSERT INTO "
            + c.ops().quoteName(table)
            + " ("
            + String.join(", ", quoted)
            + ") VALUES ("
            + marks
            + ")",
        java.util.Arrays.asList(values));
  }

  /** One column of a table, ordered by id. */
  static List<Object> column(DatabaseConnection c, String table, String column) {
    List<Object> out = new ArrayList<>();
    for (Object[] row :
        c.query(
            "SELECT "
                + c.ops().quoteName(column)
                + " FROM "
                + c.ops().quoteName(table)
                + " ORDER BY "
                + c.ops().quoteName("id"),
            List.of())) {
      out.add(row[0] instanceof Number n ? (Object) n.longValue() : row[0]);
    }
    return out;
  }
}
