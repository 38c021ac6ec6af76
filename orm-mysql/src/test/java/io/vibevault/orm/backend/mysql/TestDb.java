package io.vibevault.orm.backend.mysql;

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

  static final String URL = "mariadb://root@127.0.0.1:3306/test";

  /**
   * Runs when VIBEVAULT_TEST_DATABASES names mariadb (a server that is down then fails the test),
   * or when the variable is unset and the server answers; skips otherwise.
   */
  static void assumeServer() {
    String selected = System.getenv("VIBEVAULT_TEST_DATABASES");
    if (selected != null) {
      Assumptions.assumeTrue(
          selected.contains("mariadb") || selected.contains("mysql"),
          "mariadb not in VIBEVAULT_TEST_DATABASES");
      return;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
    } catch (IOException e) {
      Assumptions.abort("MariaDB does not answer on 127.0.0.1:3306");
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

  /** The tests write identifiers in double quotes; MySQL quotes them with backticks. */
  static String my(String sql) {
    return sql.replace('"', '`');
  }

  int execute(String sql, Object... neutralParams) {
    return connection().execute(my(sql), List.of(neutralParams));
  }

  int executeList(String sql, List<Object> params) {
    return connection().execute(my(sql), params);
  }

  List<Object[]> query(String sql) {
    return connection().query(my(sql), List.of());
  }

  /** Raw SQL through the cursor, {@code %s} placeholders, values read with readAny. */
  List<Object[]> cursor(String sql, Object... params) {
    try (Cursor c = connection().cursor()) {
      c.execute(my(sql), params);
      return c.fetchAll();
    }
  }

  /** The first column of every row, read as {@code kind}. */
  List<Object> column(Fragment query, FieldKind kind) {
    return connection()
        .query(
            my(query.sql()),
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
