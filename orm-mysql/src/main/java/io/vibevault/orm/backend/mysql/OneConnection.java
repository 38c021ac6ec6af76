package io.vibevault.orm.backend.mysql;

import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.execution.DatabaseConnection;

/**
 * Keeps the statements of one piece of work on one physical connection: session variables such as
 * {@code FOREIGN_KEY_CHECKS} must reach the statements that follow them.
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
