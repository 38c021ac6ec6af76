package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.exception.DataError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The CHECK a field's type brings follows AlterField: a JSON column keeps its validity check when
 * the column is rewritten (MariaDB's MODIFY drops a column's CHECK unless it is restated), loses it
 * when the field becomes text and gets it back when the migration is reversed (on PostgreSQL the
 * jsonb type itself refuses); an integer that becomes a positive integer gains {@code >= 0} and
 * loses it again, while a check the model declares on the same column stays.
 */
@DatabaseTest
class ColumnCheckAlterTest {
  private static final String APP = "migchk";
  private static final String TABLE = "migchk_doc";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private static void assertInvalidJsonRefused(TestDatabase db, DatabaseConnection c) {
    Class<?> refusal = db.vendor().equals("postgresql") ? DataError.class : IntegrityError.class;
    assertThatThrownBy(() -> insert(c, TABLE, List.of("data"), new JsonText("{not json")))
        .isInstanceOf(refusal);
  }

  @DbTest
  void aJsonColumnKeepsItsCheckWhenAlteredAndLosesItAsText(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    FieldDefinition data = FieldDefinition.of("data", FieldKind.JSON);
    fx.write("0001_initial", new CreateModel(model(APP, "Doc", id(), data.withNullable(true))));
    fx.write("0002_required", new AlterField(APP, "Doc", data.withNullable(false)));
    fx.write("0003_text", new AlterField(APP, "Doc", FieldDefinition.of("data", FieldKind.TEXT)));
    Migrations migrations = fx.migrations();
    DatabaseConnection c = db.connection();

    migrations.migrate(APP, "0002");
    insert(c, TABLE, List.of("data"), new JsonText("{\"ok\": true}"));
    assertInvalidJsonRefused(db, c);

    migrations.migrate(APP, "0003");
    insert(c, TABLE, List.of("data"), "not json");
    assertThat(MigrationFixtures.column(c, TABLE, "data")).hasSize(2);
    c.execute(
        "DELETE FROM " + c.ops().quoteName(TABLE) + " WHERE " + c.ops().quoteName("data") + " = ?",
        List.of("not json"));

    migrations.migrate(APP, "0002");
    assertInvalidJsonRefused(db, c);
    assertThat(MigrationFixtures.column(c, TABLE, "data")).hasSize(1);
  }

  @DbTest
  void anIntegerThatBecomesPositiveGainsItsCheckAndLosesItBackwards(TestDatabase db)
      throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(
            model(APP, "Doc", id(), FieldDefinition.of("count", FieldKind.INTEGER))
                .withConstraints(
                    List.of(),
                    List.of(
                        new ModelMeta.CheckSpec(
                            "migchk_doc_count_max", List.of("count__lte=100"))))));
    fx.write(
        "0002_positive",
        new AlterField(APP, "Doc", FieldDefinition.of("count", FieldKind.POSITIVE_INTEGER)));
    Migrations migrations = fx.migrations();
    DatabaseConnection c = db.connection();

    migrations.migrate(APP, "0002");
    insert(c, TABLE, List.of("count"), 0L);
    assertThatThrownBy(() -> insert(c, TABLE, List.of("count"), -1L))
        .isInstanceOf(IntegrityError.class);
    migrations.migrate(APP, "0001");
    insert(c, TABLE, List.of("count"), -1L);
    assertThat(MigrationFixtures.column(c, TABLE, "count")).containsExactly(0L, -1L);
    assertThatThrownBy(() -> insert(c, TABLE, List.of("count"), 101L))
        .as("the model's own check on the column stays")
        .isInstanceOf(IntegrityError.class);
    c.execute("DELETE FROM " + c.ops().quoteName(TABLE), List.of());
    migrations.migrate(APP, "0002");
    assertThatThrownBy(() -> insert(c, TABLE, List.of("count"), -1L))
        .isInstanceOf(IntegrityError.class);
  }
}
