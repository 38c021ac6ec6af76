package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TestDatabases;
import io.vibevault.orm.exception.OperationalError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test databases on SQLite: a fresh temporary file per test database, or the in-memory database
 * itself (each pool of {@code sqlite::memory:} is a database of its own).
 *
 * <pre>{@code
 * TestDatabases t = new SqliteTestDatabases();
 * DatabaseSettings isolated = t.create(DatabaseSettings.parse("sqlite:vv.sqlite3"), "vv_test_1");
 * ...
 * t.destroy(base, isolated);
 * }</pre>
 */
public final class SqliteTestDatabases implements TestDatabases {
  private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

  @Override
  public DatabaseSettings create(DatabaseSettings base, String name) {
    if (base.isMemory()) {
      return base;
    }
    if (!name.matches("[A-Za-z0-9_]{1,60}")) {
      throw new IllegalArgumentException("Test database names are [A-Za-z0-9_]{1,60}: " + name);
    }
    try {
      Path file = Files.createTempFile(name + "_", ".sqlite3");
      return base.withName(file.toString());
    } catch (IOException e) {
      throw new OperationalError("Cannot create a temporary SQLite file: " + e.getMessage(), e);
    }
  }

  @Override
  public void flush(SqlExecutor executor, List<String> tables) {
    if (tables.isEmpty()) {
      return;
    }
    SqliteOperations ops = new SqliteOperations();
    executor.onOneConnection(
        () -> {
          // foreign_keys=OFF works outside a transaction; inside one, deferring the checks to the
          // commit is enough, since every referencing table is emptied too.
          executor.execute("PRAGMA foreign_keys = OFF", List.of());
          executor.execute("PRAGMA defer_foreign_keys = ON", List.of());
          try {
            for (String table : tables) {
              executor.execute("DELETE FROM " + ops.quoteName(table), List.of());
            }
            if (!executor
                .query(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'",
                    List.of())
                .isEmpty()) {
              executor.execute(
                  "DELETE FROM sqlite_sequence WHERE name IN ("
                      + "?, ".repeat(tables.size() - 1)
                      + "?)",
                  new ArrayList<>(tables));
            }
          } finally {
            executor.execute("PRAGMA foreign_keys = ON", List.of());
          }
        });
  }

  @Override
  public void resetSequence(SqlExecutor executor, String table, String pkColumn) {
    SqliteOperations ops = new SqliteOperations();
    executor.execute("DELETE FROM sqlite_sequence WHERE name = ?", List.of(table));
    executor.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT ?, COALESCE(MAX("
            + ops.quoteName(pkColumn)
            + "), 0) FROM "
            + ops.quoteName(table),
        List.of(table));
  }

  @Override
  public void destroy(DatabaseSettings base, DatabaseSettings created) {
    if (created.isMemory() || created.name().equals(base.name())) {
      return;
    }
    try {
      for (String suffix : SIDE_FILES) {
        Files.deleteIfExists(Path.of(created.name() + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
