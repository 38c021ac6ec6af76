package io.vibevault.orm.migrations.executor;

import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.model.Apps;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code vibevault_migrations} table (Django's {@code django_migrations}): one row per applied
 * migration with its app, name and time. On backends whose DDL cannot roll back, a migration that
 * failed halfway keeps a row whose {@code progress} counts the operations already applied, so the
 * next run resumes after them; a complete migration has no progress.
 *
 * <pre>{@code
 * MigrationRecorder recorder = new MigrationRecorder(Database.connection());
 * recorder.ensureSchema(editor);
 * recorder.applied();   // {vault.0001_initial=null, ...}
 * }</pre>
 */
public final class MigrationRecorder {
  /** The history table's name. */
  public static final String TABLE = "vibevault_migrations";

  private final DatabaseConnection connection;
  private final ModelMeta meta;

  public MigrationRecorder(DatabaseConnection connection) {
    this.connection = connection;
    ModelDefinition definition =
        new ModelDefinition(
            "vibevault",
            "Migration",
            TABLE,
            List.of(
                FieldDefinition.of("id", FieldKind.BIG_AUTO),
                FieldDefinition.of("app", FieldKind.CHAR).withMaxLength(255),
                FieldDefinition.of("name", FieldKind.CHAR).withMaxLength(255),
                FieldDefinition.of("appliedAt", FieldKind.DATE_TIME),
                FieldDefinition.of("progress", FieldKind.INTEGER).withNullable(true)),
            List.of(),
            "",
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "");
    this.meta = new Apps().define(List.of(definition)).get(0);
  }

  /** Whether the history table exists. */
  public boolean hasTable() {
    return tableNames(connection).contains(TABLE);
  }

  /** Creates the history table if it does not exist yet. */
  public void ensureSchema(SchemaEditor editor) {
    if (!hasTable()) {
      editor.createModel(meta);
    }
  }

  /**
   * Every recorded migration: null for applied, the number of applied operations for a migration
   * that failed halfway on a backend without transactional DDL.
   */
  public Map<Key, Integer> applied() {
    Map<Key, Integer> out = new TreeMap<>();
    if (!hasTable()) {
      return out;
    }
    for (Object[] row :
        connection.query(
            "SELECT " + q("app") + ", " + q("name") + ", " + q("progress") + " FROM " + q(TABLE),
            List.of())) {
      out.put(
          new Key((String) row[0], (String) row[1]),
          row[2] == null ? null : ((Number) row[2]).intValue());
    }
    return out;
  }

  /** Records a migration as applied (replacing a partial row). */
  public void recordApplied(Key key) {
    recordUnapplied(key);
    insert(key, null);
  }

  /** Records that the first {@code operations} operations of a migration are applied. */
  public void recordProgress(Key key, int operations) {
    recordUnapplied(key);
    insert(key, operations);
  }

  public void recordUnapplied(Key key) {
    connection.execute(
        "DELETE FROM " + q(TABLE) + " WHERE " + q("app") + " = ? AND " + q("name") + " = ?",
        List.of(key.app(), key.name()));
  }

  private void insert(Key key, Integer progress) {
    Object now = meta.field("appliedAt").toNeutral(Instant.now());
    connection.execute(
        "INSERT INTO "
            + q(TABLE)
            + " ("
            + q("app")
            + ", "
            + q("name")
            + ", "
            + q("applied_at")
            + ", "
            + q("progress")
            + ") VALUES (?, ?, ?, ?)",
        java.util.Arrays.asList(
            key.app(), key.name(), now, progress == null ? null : (long) progress));
  }

  private String q(String name) {
    return connection.ops().quoteName(name);
  }

  /** The tables of the connection's database or schema, in lower case (JDBC metadata). */
  public static Set<String> tableNames(DatabaseConnection connection) {
    return connection.withConnection(
        c -> {
          Set<String> names = new HashSet<>();
          DatabaseMetaData md = c.getMetaData();
          try (ResultSet rs =
              md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
              names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
          }
          return names;
        },
        "DatabaseMetaData.getTables");
  }
}
