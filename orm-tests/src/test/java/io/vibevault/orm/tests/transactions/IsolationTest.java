package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.AtomicBlocks.Isolation;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.SkipOn;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The isolation level is set per outermost block, seen by the database inside the block, and the
 * connection's default is back once the block ends.
 */
@DatabaseTest(models = Thing.class)
class IsolationTest {

  /** What the database itself reports as the session's isolation level. */
  private static String reported(TestDatabase db) {
    String sql =
        switch (db.vendor()) {
          case "postgresql" -> "SHOW transaction_isolation";
          case "mariadb" -> "SELECT @@tx_isolation";
          default -> "PRAGMA read_uncommitted";
        };
    try (Cursor c = Database.connection().cursor()) {
      c.execute(sql);
      return String.valueOf(c.fetchOne()[0]).toLowerCase(Locale.ROOT).replace('-', ' ');
    }
  }

  private static String expected(TestDatabase db, Isolation level) {
    return switch (db.vendor()) {
      case "postgresql", "mariadb" -> level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      // SQLite is serializable; READ UNCOMMITTED only matters in shared-cache mode.
      default -> level == Isolation.READ_UNCOMMITTED ? "1" : "0";
    };
  }

  @DbTest
  void eachLevelIsSeenInsideTheBlockAndTheDefaultIsRestored(TestDatabase db) {
    String before = reported(db);
    for (Isolation level : Isolation.values()) {
      String inside = Transaction.options().isolation(level).call(() -> reported(db));
      assertThat(inside).as(level.name()).isEqualTo(expected(db, level));
      assertThat(Transaction.atomic(() -> reported(db)))
          .as("a plain block after " + level)
          .isEqualTo(before);
      assertThat(reported(db)).as("autocommit after " + level).isEqualTo(before);
    }
  }

  @DbTest
  void theLevelIsRestoredAfterARollbackToo(TestDatabase db) {
    String before = reported(db);
    try {
      Transaction.options()
          .isolation(Isolation.SERIALIZABLE)
          .run(
              () -> {
                Thing.objects.create("num", 1);
                throw new IllegalStateException("roll back");
              });
    } catch (IllegalStateException expected) {
      // The level must still be restored.
    }
    assertThat(Transaction.atomic(() -> reported(db))).isEqualTo(before);
    assertThat(Thing.objects.count()).isZero();
  }

  /** A second thread commits between two reads of the same row. */
  private static int[] twoReadsAround(Isolation level, Thing row) throws Exception {
    return Transaction.options()
        .isolation(level)
        .call(
            () -> {
              int first = Thing.objects.get("pk", row.pk()).num;
              try {
                CompletableFuture.runAsync(
                        () -> Thing.objects.filter("pk", row.pk()).update("num", first + 1))
                    .get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              int second = Thing.objects.get("pk", row.pk()).num;
              return new int[] {first, second};
            });
  }

  @DbTest
  @SkipOn(value = "sqlite", reason = "a SQLite write transaction blocks the second writer")
  void repeatableReadKeepsItsSnapshotReadCommittedDoesNot() throws Exception {
    Thing row = Thing.objects.create("num", 10);
    assertThat(twoReadsAround(Isolation.REPEATABLE_READ, row)).containsExactly(10, 10);
    assertThat(Thing.objects.get("pk", row.pk()).num).isEqualTo(11);
    assertThat(twoReadsAround(Isolation.READ_COMMITTED, row)).containsExactly(11, 12);
  }
}
