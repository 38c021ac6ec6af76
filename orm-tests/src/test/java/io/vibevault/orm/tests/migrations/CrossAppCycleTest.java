package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.executor.MigrationExecutor.MigrateOptions;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.model.AppConfig;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Two new apps whose models point at each other: makemigrations splits one app's model as Django
 * does (created without the relation, which a later migration of that app adds), so the graph has
 * no cycle; migrate applies all of it and {@code zero} removes all of it.
 */
@DatabaseTest
class CrossAppCycleTest {
  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  @DbTest
  void aRelationCycleAcrossAppsBecomesThreeMigrations(TestDatabase db) throws Exception {
    List<String> lines = new ArrayList<>();
    Migrations migrations =
        Migrations.of(
                TestDirs.create("vv-migrations"),
                new AppConfig("cyca", List.of(Painter.class)),
                new AppConfig("cycb", List.of(Gallery.class)))
            .output(lines::add);

    List<Migration> made = migrations.makemigrations(Migrations.MakeOptions.DEFAULT);

    assertThat(made)
        .extracting(m -> m.key().toString())
        .containsExactly("cyca.0001_initial", "cycb.0001_initial", "cyca.0002_initial");
    assertThat(made.get(0).operations())
        .extracting(Operation::describe)
        .containsExactly("Create model Painter");
    assertThat(made.get(1).dependencies()).containsExactly(new Key("cyca", "0001_initial"));
    assertThat(made.get(2).operations())
        .extracting(Operation::describe)
        .containsExactly("Add field gallery to Painter");
    assertThat(made.get(2).dependencies())
        .containsExactlyInAnyOrder(
            new Key("cyca", "0001_initial"), new Key("cycb", "0001_initial"));
    assertThat(migrations.makemigrations(Migrations.MakeOptions.DEFAULT)).isEmpty();

    migrations.migrate();

    DatabaseConnection c = db.connection();
    insert(c, "cyca_painter", List.of("name"), "Hilma");
    insert(c, "cycb_gallery", List.of("title", "owner_id"), "Moderna", 1L);
    c.execute("UPDATE cyca_painter SET gallery_id = 1", List.of());
    assertThat(column(c, "cyca_painter", "gallery_id")).containsExactly(1L);
    assertThatThrownBy(() -> insert(c, "cyca_painter", List.of("name", "gallery_id"), "x", 99L))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insert(c, "cycb_gallery", List.of("title", "owner_id"), "y", 99L))
        .isInstanceOf(IntegrityError.class);

    // A database made before the migrations: --fake-initial records all three, the AddField of
    // cyca.0002_initial included (its column exists), as Django's detect_soft_applied.
    migrations.migrate("cyca", "zero", new MigrateOptions(true, false));
    lines.clear();
    migrations.migrate(null, null, new MigrateOptions(false, true));
    assertThat(lines)
        .contains(
            "  Applying cyca.0001_initial... FAKED",
            "  Applying cycb.0001_initial... FAKED",
            "  Applying cyca.0002_initial... FAKED");

    migrations.migrate("cyca", "zero");

    assertThat(Schema.tables(c)).allMatch(t -> t.startsWith("vibevault_"));
  }
}
