package io.vibevault.orm.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.vibevault.orm.Database;
import io.vibevault.orm.backend.JsonText;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.tests.conformance.models.Account;
import io.vibevault.orm.tests.conformance.models.Employee;
import io.vibevault.orm.tests.conformance.models.Memory;
import io.vibevault.orm.tests.conformance.models.Profile;
import io.vibevault.orm.tests.conformance.models.Tag;
import io.vibevault.orm.tests.conformance.models.User;
import io.vibevault.orm.transaction.Transaction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code fixture.json} into the conformance schema: plain batched INSERTs with explicit ids
 * through a cursor (no ORM query code involved), values converted by each column's field kind, then
 * every id sequence reset to max(id) + 1.
 */
public final class FixtureLoader {
  /** The model classes of the conformance schema, in foreign-key order. */
  public static final List<Class<? extends io.vibevault.orm.model.Model>> MODELS =
      List.of(User.class, Profile.class, Tag.class, Memory.class, Employee.class, Account.class);

  /** The tables of the fixture, in foreign-key order (the join table after memories). */
  public static final List<String> TABLES =
      List.of(
          "vault_user",
          "vault_profile",
          "vault_tag",
          "memories",
          "memories_tags",
          "vault_employee",
          "vault_account");

  private final JsonNode fixture;
  private final Map<String, ModelMeta> byTable = new LinkedHashMap<>();

  public FixtureLoader(Path fixtureFile) {
    this.fixture = ExpectedResults.read(fixtureFile);
    for (Class<? extends io.vibevault.orm.model.Model> m : MODELS) {
      ModelMeta meta = ModelMeta.of(m);
      byTable.put(meta.dbTable(), meta);
      for (Field f : meta.manyToManyFields()) {
        ModelMeta through = f.relation().through();
        byTable.put(through.dbTable(), through);
      }
    }
    for (String t : TABLES) {
      if (!byTable.containsKey(t)) {
        throw new IllegalStateException("No model for fixture table " + t + " in " + byTable);
      }
    }
  }

  /** The number of rows the fixture holds for a table. */
  public int rowCount(String table) {
    return fixture.get(table).size();
  }

  /** Creates the tables (and the join table) on an alias through the backend's schema editor. */
  public static void createSchema(String alias) {
    DatabaseConnection c = Database.connection(alias);
    var editor = c.backend().schemaEditor(c);
    for (Class<? extends io.vibevault.orm.model.Model> m : MODELS) {
      editor.createModel(ModelMeta.of(m));
    }
  }

  /** Inserts every fixture row (in one transaction), then resets the id sequences. */
  public void load(String alias) {
    DatabaseConnection c = Database.connection(alias);
    Operations ops = c.ops();
    Transaction.using(alias)
        .run(
            () -> {
              try (Cursor cursor = c.cursor()) {
                for (String table : TABLES) {
                  insertTable(cursor, ops, table);
                }
              }
            });
    resetSequences(alias);
  }

  /** Empties every fixture table and loads the fixture again. */
  public void reload(String alias) {
    DatabaseConnection c = Database.connection(alias);
    c.backend().testDatabases().flush(c, TABLES);
    load(alias);
  }

  /** Restarts every table's id sequence at max(id) + 1 (outside any transaction). */
  public static void resetSequences(String alias) {
    DatabaseConnection c = Database.connection(alias);
    for (String table : TABLES) {
      c.backend().testDatabases().resetSequence(c, table, "id");
    }
  }

  private void insertTable(Cursor cursor, Operations ops, String table) {
    JsonNode rows = fixture.get(table);
    if (rows == null || rows.isEmpty()) {
      return;
    }
    ModelMeta meta = byTable.get(table);
    List<String> columns = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(columns::add);
    List<FieldKind> kinds = new ArrayList<>();
    for (String col : columns) {
      kinds.add(kindOf(meta, col));
    }
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(ops.quoteName(table)).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
        marks.append(", ");
      }
      sql.append(ops.quoteName(columns.get(i)));
      marks.append("%s");
    }
    sql.append(") VALUES (").append(marks).append(')');
    List<List<Object>> batch = new ArrayList<>();
    for (Iterator<JsonNode> it = rows.elements(); it.hasNext(); ) {
      JsonNode row = it.next();
      List<Object> params = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        params.add(convert(row.get(columns.get(i)), kinds.get(i)));
      }
      batch.add(params);
      if (batch.size() == 500) {
        cursor.executeMany(sql.toString(), batch);
        batch = new ArrayList<>();
      }
    }
    cursor.executeMany(sql.toString(), batch);
  }

  private static FieldKind kindOf(ModelMeta meta, String column) {
    for (Field f : meta.concreteFields()) {
      if (column.equals(f.column())) {
        return f.kind();
      }
    }
    throw new IllegalStateException("No field for column " + meta.dbTable() + "." + column);
  }

  /** A fixture value as the neutral Java value the backend binds for the column's kind. */
  static Object convert(JsonNode v, FieldKind kind) {
    if (kind == FieldKind.JSON) {
      return new JsonText(v == null ? "null" : v.toString());
    }
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (kind) {
      case DATE_TIME -> Instant.parse(v.asText());
      case DATE -> LocalDate.parse(v.asText());
      case DECIMAL -> new BigDecimal(v.asText());
      case BOOLEAN -> v.asBoolean();
      case FLOAT -> v.asDouble();
      default -> kind.isInteger() ? (Object) v.asLong() : v.asText();
    };
  }
}
