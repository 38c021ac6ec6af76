package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.Migrations.MakeOptions;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.RunCode;
import io.vibevault.orm.model.AppConfig;
import io.vibevault.orm.testkit.AllowNPlusOne;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The guide's "Migrations" section in its Java form: makemigrations, migrate, showmigrations,
 * reverse a migration, sqlmigrate, and the data migration that creates the default tags. The
 * guide's models (User, Memory, Tag) get their tables from the migrations, not from the test kit.
 */
@DatabaseTest
@AllowNPlusOne
class MigrationsGuideTest {
  /** The guide's app: its three models, migrations under the given folder. */
  static final class GuideApp extends AppConfig {
    GuideApp() {
      super("guide", List.of(User.class, Memory.class, Tag.class));
    }
  }

  @AfterEach
  void clean(TestDatabase db) {
    var c = db.connection();
    for (String t : List.of("memories_tags", "memories", "tags", "users", "vibevault_migrations")) {
      try {
        c.execute(
            "DROP TABLE "
                + c.ops().quoteName(t)
                + (db.vendor().equals("postgresql") ? " CASCADE" : ""),
            List.of());
      } catch (RuntimeException absent) {
        // Only what the test created.
      }
    }
  }

  @DbTest
  void theMigrationsSection(TestDatabase db) throws Exception {
    Path dir = TestDirs.create("vv-guide-migrations");
    List<String> out = new ArrayList<>();
    Migrations migrations = Migrations.of(dir, new GuideApp()).output(out::add);

    // python manage.py makemigrations
    List<Migration> made = migrations.makemigrations(MakeOptions.DEFAULT);
    assertThat(made).extracting(Migration::name).containsExactly("0001_initial");
    assertThat(out).contains("    - Create model User", "    - Create model Memory");

    // Custom migration (adding data): an empty migration, then its operation.
    Migration empty =
        migrations.makemigrations(MakeOptions.DEFAULT.asEmpty().withName("default_tags")).get(0);
    Migration data =
        new Migration(
            empty.app(),
            empty.name(),
            empty.dependencies(),
            List.of(new RunCode(CreateDefaultTags.class.getName(), null)),
            false,
            List.of());
    MigrationFiles.write(dir, "guide", data);

    // python manage.py sqlmigrate myapp 0006 (here: the first migration)
    GuideSql.lines("sqlmigrate", migrations.sqlmigrate("guide", "0001", false));

    // python manage.py migrate
    migrations.migrate();
    assertThat(Tag.objects.orderBy("name").valuesList("name").<String>flat().list())
        .containsExactly("personal", "work");

    // python manage.py showmigrations
    assertThat(migrations.showmigrations())
        .containsExactly("guide", " [X] 0001_initial", " [X] 0002_default_tags");

    // python manage.py migrate myapp 0005 (here: back to 0001): RunCode without reverse refuses.
    assertThatThrownBy(() -> migrations.migrate("guide", "0001"))
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("guide.0002_default_tags cannot be unapplied")
        .hasMessageContaining("irreversible");
    assertThat(migrations.makemigrations(MakeOptions.DEFAULT)).isEmpty();
  }
}
