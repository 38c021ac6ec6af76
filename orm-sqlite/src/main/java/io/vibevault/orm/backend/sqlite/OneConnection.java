package io.vibevault.orm.backend.sqlite;

import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.execution.DatabaseConnection;

/**
 * Keeps the statements of one piece of work on one physical connection: PRAGMAs such as {@code
 * foreign_keys} are per connection and must reach the statements that follow them.
 */
final class OneConnection {
  private OneConnection() {}

  static void run(SqlExecutor executor, Runnable work) {
    if (executor instanceof DatabaseConnection connection) {
      connection.pin();
      try {
        work.run();
      } finally {
        connection.unpin();
      }
    } else {
      work.run();
    }
  }
}
