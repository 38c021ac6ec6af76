package io.vibevault.orm.backend;

import java.util.List;

/**
 * What a schema editor and test-database creator may do with a connection: run statements, read
 * rows. Implemented by the ORM's connection; errors arrive already translated.
 *
 * <pre>{@code
 * executor.execute("DROP TABLE \"t\"", List.of());
 * }</pre>
 */
public interface SqlExecutor {
  /** Runs a statement; returns the update count. */
  int execute(String sql, List<Object> params);

  /** Runs a query; returns every row as an array of column values (driver types). */
  List<Object[]> query(String sql, List<Object> params);

  /**
   * Runs {@code work} with every statement on one physical connection: per-connection settings
   * ({@code PRAGMA foreign_keys}, {@code SET FOREIGN_KEY_CHECKS}) then reach the statements after
   * them. The default suits executors that only ever have one connection.
   */
  default void onOneConnection(Runnable work) {
    work.run();
  }
}
