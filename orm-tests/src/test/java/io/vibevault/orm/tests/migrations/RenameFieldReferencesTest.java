package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * RenameField of a field other things name: a foreign key (its {@code <name>_id} column), a field a
 * {@code toField} points at, and fields in an index, a unique and a check constraint and a
 * unique-together set. The state follows every reference, the database keeps rows and enforces
 * every constraint under the new names, and backwards restores the schema.
 */
@DatabaseTest
class RenameFieldReferencesTest {
  private static final String APP = "migrf";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private static ModelDefinition code() {
    return model(
            APP,
            "Code",
            id(),
            chars("code", 10).withUnique(true),
            chars("name", 20),
            FieldDefinition.of("rating", FieldKind.INTEGER))
        .withIndexes(List.of(new ModelMeta.IndexSpec("migrf_code_name", List.of("name"))))
        .withConstraints(
            List.of(new ModelMeta.UniqueSpec("migrf_code_name_rating", List.of("name", "rating"))),
            List.of(new ModelMeta.CheckSpec("migrf_code_rating_pos", List.of("rating__gte=0"))))
        .withUniqueTogether(List.of(List.of("rating", "name")));
  }

  private static List<Operation> renames() {
    return List.of(
        new RenameField(APP, "Code", "code", "ref"),
        new RenameField(APP, "Code", "rating", "score"),
        new RenameField(APP, "Item", "code", "kind"));
  }

  @DbTest
  void referencesFollowInStateAndDatabase(TestDatabase db) throws Exception {
    ProjectState state = new ProjectState();
    state.add(code());
    state.add(model(APP, "Item", id(), fk("code", "migrf.Code").withToField("code")));
    renames().forEach(op -> op.applyToState(state));
    ModelDefinition renamed = state.model(APP, "Code");
    assertThat(state.model(APP, "Item").field("kind").toField()).isEqualTo("ref");
    assertThat(state.model(APP, "Item").field("kind").column()).isEqualTo("kind_id");
    assertThat(renamed.checkConstraints().get(0).conditions()).containsExactly("score__gte=0");
    assertThat(renamed.uniqueConstraints().get(0).fields()).containsExactly("name", "score");
    assertThat(renamed.uniqueTogether()).containsExactly(List.of("score", "name"));

    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(code()),
        new CreateModel(model(APP, "Item", id(), fk("code", "migrf.Code").withToField("code"))));
    fx.write("0002_renames", renames().toArray(Operation[]::new));
    Migrations migrations = fx.migrations();
    DatabaseConnection c = db.connection();
    migrations.migrate(APP, "0001");
    insert(c, "migrf_code", List.of("code", "name", "rating"), "a", "n", 1L);
    insert(c, "migrf_item", List.of("code_id"), "a");
    String before = Schema.snapshot(c);

    migrations.migrate(APP, "0002");

    assertThat(column(c, "migrf_code", "ref")).containsExactly("a");
    assertThat(column(c, "migrf_code", "score")).containsExactly(1L);
    assertThat(column(c, "migrf_item", "kind_id")).containsExactly("a");
    assertThat(Schema.indexes(c, "migrf_code")).contains("migrf_code_name");
    if (db.vendor().equals("sqlite")) {
      assertThat(c.query("PRAGMA foreign_key_check", List.of())).isEmpty();
    }
    assertThatThrownBy(() -> insert(c, "migrf_item", List.of("kind_id"), "zz"))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(
            () -> insert(c, "migrf_code", List.of("ref", "name", "score"), "b", "m", -1L))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insert(c, "migrf_code", List.of("ref", "name", "score"), "c", "n", 1L))
        .isInstanceOf(IntegrityError.class);
    insert(c, "migrf_code", List.of("ref", "name", "score"), "d", "n", 2L);
    insert(c, "migrf_item", List.of("kind_id"), "d");

    migrations.migrate(APP, "0001");

    assertThat(Schema.snapshot(c)).isEqualTo(before);
    assertThat(column(c, "migrf_item", "code_id")).containsExactly("a", "d");
    assertThatThrownBy(() -> insert(c, "migrf_item", List.of("code_id"), "zz"))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(APP, "zero");
    assertThat(Schema.tables(c)).allMatch(t -> t.startsWith("vibevault_"));
  }
}
