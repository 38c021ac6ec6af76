package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RunCode;
import io.vibevault.orm.migrations.operations.RunSql;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Data migrations: RunCode with historical models (the guide's default tags), RunSql with its
 * reverse, and irreversible operations refusing to go back.
 */
@DatabaseTest
class DataMigrationTest {
  private static final String APP = "migdata";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private MigrationFixtures fixtures() throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(
            model(APP, "Tag", id(), chars("name", 50), chars("kind", 20).withNullable(true))));
    fx.write(
        "0002_default_tags",
        new RunCode(CreateDefaultTags.class.getName(), DeleteDefaultTags.class.getName()));
    // Later the model changes: 'kind' goes, 'colour' arrives. The data migration still sees the
    // model as it was at 0002.
    fx.write(
        "0003_tag_colour",
        new RemoveField(APP, "Tag", "kind"),
        new AddField(APP, "Tag", chars("colour", 10).withNullable(true)));
    return fx;
  }

  @DbTest
  void runCodeSeesTheHistoricalModelAndRunsBackwards(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    Migrations migrations = fixtures().migrations();
    migrations.migrate();
    assertThat(column(c, "migdata_tag", "name")).containsExactly("personal", "work");
    assertThat(Schema.columns(c, "migdata_tag")).doesNotContainKey("kind");

    migrations.migrate(APP, "0001");
    assertThat(Schema.count(c, "migdata_tag")).isZero();
    assertThat(Schema.columns(c, "migdata_tag")).containsKey("kind");
    migrations.migrate(APP, "0002");
    assertThat(column(c, "migdata_tag", "kind")).containsExactly("system", "system");
  }

  @DbTest
  void theHistoricalModelIsTheStateAtThatMigration(TestDatabase db) throws Exception {
    MigrationFixtures fx = fixtures();
    fx.migrations().migrate(APP, "0002");
    var state =
        fx.migrations()
            .graph(java.util.Set.of())
            .state(
                List.of(
                    new io.vibevault.orm.migrations.graph.Migration.Key(APP, "0002_default_tags")));
    var meta = state.meta(APP, "Tag");
    assertThat(meta.modelClass()).isNull();
    assertThat(meta.field("kind").column()).isEqualTo("kind");
    assertThat(meta.findField("colour")).isNull();
  }

  @DbTest
  void irreversibleOperationsRefuseBeforeChangingAnything(TestDatabase db) throws Exception {
    DatabaseConnection c = db.connection();
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write("0001_initial", new CreateModel(model(APP, "Tag", id(), chars("name", 50))));
    fx.write(
        "0002_seed",
        new RunSql(
            List.of(
                "INSERT INTO "
                    + c.ops().quoteName("migdata_tag")
                    + " ("
                    + c.ops().quoteName("name")
                    + ") VALUES ('seed')"),
            List.of("DELETE FROM " + c.ops().quoteName("migdata_tag"))),
        new RunCode(CreateDefaultTags.class.getName().replace("CreateDefaultTags", "Nope"), null));
    Migrations migrations = fx.migrations();
    assertThatThrownBy(migrations::migrate)
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("0002_seed")
        .hasMessageContaining("operation #2")
        .hasMessageContaining("not on the class path");
    assertThat(Schema.count(c, "migdata_tag"))
        .isEqualTo(db.features().supportsTransactionalDdl() ? 0 : 1);
    c.execute("DELETE FROM " + c.ops().quoteName("migdata_tag"), List.of());

    MigrationFixtures fx2 = new MigrationFixtures(APP + "2");
    fx2.write("0001_initial", new CreateModel(model(APP + "2", "Tag", id(), chars("name", 50))));
    fx2.write(
        "0002_forever",
        new RunSql(
            List.of(
                "UPDATE "
                    + c.ops().quoteName("migdata2_tag")
                    + " SET "
                    + c.ops().quoteName("name")
                    + " = 'x' WHERE 1 = 0"),
            null));
    Migrations m2 = fx2.migrations();
    m2.migrate();
    assertThatThrownBy(() -> m2.migrate(APP + "2", "zero"))
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("0002_forever cannot be unapplied")
        .hasMessageContaining("irreversible")
        .hasMessageContaining("Nothing was changed");
    assertThat(m2.showmigrations()).contains(" [X] 0002_forever");
    m2.migrate(
        APP + "2",
        "zero",
        new io.vibevault.orm.migrations.executor.MigrationExecutor.MigrateOptions(true, false));
    assertThat(m2.showmigrations()).contains(" [ ] 0002_forever", " [ ] 0001_initial");
  }
}
