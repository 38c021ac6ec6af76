package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.column;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.insert;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.m2m;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.io.StateJson;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;

/**
 * AlterField of a primary key's type (Django's AutoField to BigAutoField): the key and every
 * foreign key pointing at it, from another model and from a join table, take the new type; rows
 * survive, the key still numbers new rows after the existing ones, and the foreign keys are still
 * enforced, forwards and backwards.
 */
@DatabaseTest
class AlterPrimaryKeyTest {
  private static final String APP = "migpk";

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private static String type(DatabaseConnection c, String table, String column) {
    return c.withConnection(
        conn -> {
          DatabaseMetaData md = conn.getMetaData();
          try (ResultSet rs = md.getColumns(conn.getCatalog(), conn.getSchema(), table, column)) {
            rs.next();
            return rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
          }
        },
        "getColumns");
  }

  @DbTest
  void aBiggerPrimaryKeyTakesItsForeignKeysAlong(TestDatabase db) throws Exception {
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(
            model(APP, "Owner", FieldDefinition.of("id", FieldKind.AUTO), chars("name", 20))),
        new CreateModel(
            model(
                APP,
                "Pet",
                FieldDefinition.of("id", FieldKind.AUTO),
                fk("owner", "migpk.Owner"),
                m2m("friends", "migpk.Owner"))));
    fx.write(
        "0002_big_owner_id",
        new AlterField(APP, "Owner", FieldDefinition.of("id", FieldKind.BIG_AUTO)));
    Migrations migrations = fx.migrations();
    DatabaseConnection c = db.connection();
    migrations.migrate(APP, "0001");
    insert(c, "migpk_owner", List.of("name"), "ada");
    insert(c, "migpk_pet", List.of("owner_id"), 1L);
    insert(c, "migpk_pet_friends", List.of("pet_id", "owner_id"), 1L, 1L);
    String small = type(c, "migpk_owner", "id");
    String before = Schema.snapshot(c);

    migrations.migrate(APP, "0002");

    String big = type(c, "migpk_owner", "id");
    if (!db.vendor().equals("sqlite")) { // SQLite's integer is already 64 bits
      assertThat(big).isNotEqualTo(small).isIn("bigint", "int8");
    }
    assertThat(type(c, "migpk_pet", "owner_id")).isEqualTo(big);
    assertThat(type(c, "migpk_pet_friends", "owner_id")).isEqualTo(big);
    insert(c, "migpk_owner", List.of("name"), "grace");
    assertThat(column(c, "migpk_owner", "id")).containsExactly(1L, 2L);
    assertThat(column(c, "migpk_pet", "owner_id")).containsExactly(1L);
    assertThat(column(c, "migpk_pet_friends", "owner_id")).containsExactly(1L);
    assertThatThrownBy(() -> insert(c, "migpk_pet", List.of("owner_id"), 99L))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> insert(c, "migpk_pet_friends", List.of("pet_id", "owner_id"), 1L, 99L))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(APP, "0001");

    assertThat(type(c, "migpk_owner", "id")).isEqualTo(small);
    assertThat(type(c, "migpk_pet", "owner_id")).isEqualTo(small);
    assertThat(Schema.snapshot(c)).isEqualTo(before);
    insert(c, "migpk_owner", List.of("name"), "hedy");
    assertThat(column(c, "migpk_owner", "id")).containsExactly(1L, 2L, 3L);
    assertThatThrownBy(() -> insert(c, "migpk_pet", List.of("owner_id"), 99L))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(APP, "zero");
    assertThat(Schema.tables(c)).allMatch(t -> t.startsWith("vibevault_"));
  }

  @DbTest
  void anIntegerKeyBecomesAutoAndNumbersAfterTheRows(TestDatabase db) throws Exception {
    FieldDefinition plainKey =
        StateJson.field(
            java.util.Map.of("name", "id", "type", "BIG_INTEGER", "primaryKey", true),
            "migpk.Ticket");
    MigrationFixtures fx = new MigrationFixtures(APP);
    fx.write(
        "0001_initial",
        new CreateModel(model(APP, "Ticket", plainKey, chars("name", 20))),
        new CreateModel(
            model(
                APP,
                "Stub",
                FieldDefinition.of("id", FieldKind.BIG_AUTO),
                fk("ticket", "migpk.Ticket"))));
    fx.write(
        "0002_auto_ticket_id",
        new AlterField(APP, "Ticket", FieldDefinition.of("id", FieldKind.BIG_AUTO)));
    Migrations migrations = fx.migrations();
    DatabaseConnection c = db.connection();
    migrations.migrate(APP, "0001");
    insert(c, "migpk_ticket", List.of("id", "name"), 41L, "a");
    insert(c, "migpk_stub", List.of("ticket_id"), 41L);
    assertThatThrownBy(() -> insert(c, "migpk_ticket", List.of("name"), "no id"))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(APP, "0002");

    insert(c, "migpk_ticket", List.of("name"), "b");
    assertThat(column(c, "migpk_ticket", "id")).containsExactly(41L, 42L);
    assertThatThrownBy(() -> insert(c, "migpk_stub", List.of("ticket_id"), 99L))
        .isInstanceOf(IntegrityError.class);

    migrations.migrate(APP, "0001");

    assertThatThrownBy(() -> insert(c, "migpk_ticket", List.of("name"), "no id"))
        .isInstanceOf(IntegrityError.class);
    assertThat(column(c, "migpk_stub", "ticket_id")).containsExactly(41L);
    migrations.migrate(APP, "zero");
  }
}
