package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.OnlyOn;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * SQLite rebuilds a table for most ALTERs, and dropping the old table drops its triggers: the
 * rebuild creates them again (step 10 of SQLite's documented procedure), so a trigger an
 * application keeps on a table (VibeVault's full-text index is fed by three) keeps firing after a
 * migration altered the table, forwards and backwards.
 */
@DatabaseTest
@OnlyOn("sqlite")
class SqliteRebuildTriggersTest {
  private static final String APP = "migtrg";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  @DbTest
  void triggersSurviveATableRebuild(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    DatabaseConnection c = db.connection();
    fx.write(
        "0001_initial",
        new CreateModel(model(APP, "Post", id(), chars("title", 50))),
        new CreateModel(model(APP, "Log", id(), chars("note", 200))));
    fx.write("0002_longer_title", new AlterField(APP, "Post", chars("title", 200)));
    Migrations migrations = fx.migrations();
    migrations.migrate(APP, "0001");
    c.execute(
        "CREATE TRIGGER migtrg_post_ai AFTER INSERT ON migtrg_post"
            + " BEGIN INSERT INTO migtrg_log (note) VALUES ('added ' || new.title); END",
        List.of());

    migrations.migrate(APP, "0002");
    insert(c, "migtrg_post", List.of("title"), "after the rebuild");
    assertThat(column(c, "migtrg_log", "note")).containsExactly("added after the rebuild");

    migrations.migrate(APP, "0001");
    insert(c, "migtrg_post", List.of("title"), "after going back");
    assertThat(column(c, "migtrg_log", "note"))
        .containsExactly("added after the rebuild", "added after going back");
    assertThat(
            c.query(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                List.of("migtrg_post")))
        .extracting(row -> row[0])
        .containsExactly("migtrg_post_ai");
  }
}
