package io.vibevault.orm.backend.postgresql;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.Fragment;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.model.FieldKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** An isolated test database behind its own alias, created and destroyed by the backend. */
final class TestDb implements AutoCloseable {
  final String alias;
  final Backend backend;
  final DatabaseSettings base;
  final DatabaseSettings created;

  static final String URL = "postgresql://postgres@127.0.0.1:5432/test";

  /**
   * Runs when VIBEVAULT_TEST_DATABASES names postgresql (a server that is down then fails the
   * test), or when the variable is unset and the server answers; skips otherwise.
   */
  static void assumeServer() {
    String selected = System.getenv("VIBEVAULT_TEST_DATABASES");
    if (selected != null) {
      Assumptions.assumeTrue(
          selected.contains("postgresql"), "postgresql not in VIBEVAULT_TEST_DATABASES");
      return;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
    } catch (IOException e) {
      Assumptions.abort("PostgreSQL does not answer on 127.0.0.1:5432");
    }
  }

  TestDb() {
    this(URL);
  }

  TestDb(String url) {
    base = DatabaseSettings.parse(url);
    backend = BackendProvider.forSettings(base);
    String name = "vv_bt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    alias = name;
    created = backend.testDatabases().create(base, name);
    Database.configure(alias, created);
  }

  DatabaseConnection connection() {
    return Database.connection(alias);
  }

  Operations ops() {
    return backend.operations();
  }

  SchemaEditor editor() {
    return backend.schemaEditor(connection());
  }

  int execute(String sql, Object... neutralParams) {
    return connection().execute(sql, List.of(neutralParams));
  }

  /** Raw SQL through the cursor, {@code %s} placeholders, values read with readAny. */
  List<Object[]> cursor(String sql, Object... params) {
    try (Cursor c = connection().cursor()) {
      c.execute(sql, params);
      return c.fetchAll();
    }
  }

  /** The first column of every row, read as {@code kind}. */
  List<Object> column(Fragment query, FieldKind kind) {
    return connection()
        .query(
            query.sql(),
            query.params(),
            rs -> {
              List<Object> out = new ArrayList<>();
              while (rs.next()) {
                out.add(ops().read(rs, 1, kind));
              }
              return out;
            });
  }

  /** Titles of bt_item rows matching a condition, by id. */
  List<Object> titlesWhere(Fragment condition) {
    return column(
        Fragment.format("SELECT \"title\" FROM \"bt_item\" WHERE %s ORDER BY \"id\"", condition),
        FieldKind.TEXT);
  }

  @Override
  public void close() {
    Database.remove(alias);
    backend.testDatabases().destroy(base, created);
  }
}
