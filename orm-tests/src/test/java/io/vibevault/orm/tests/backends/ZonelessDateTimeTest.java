package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.query.Manager;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A date-time column without a time zone (PostgreSQL's {@code timestamp}, as a table made elsewhere
 * may have it; MariaDB's {@code DATETIME} and SQLite's text always) is read as UTC, whatever the
 * session's time zone: through models, values() and raw cursors alike, including a wall-clock time
 * that does not exist in the session's zone.
 */
@DatabaseTest(
    models = {BackendModels.Author.class, BackendModels.Tag.class, BackendModels.Item.class})
class ZonelessDateTimeTest {
  private static final Manager<BackendModels.Author> AUTHORS =
      Manager.of(BackendModels.Author.class);
  private static final Manager<BackendModels.Item> ITEMS = Manager.of(BackendModels.Item.class);

  /** 02:30 on the night New York's clocks skip from 02:00 to 03:00. */
  private static final Instant IN_THE_GAP = Instant.parse("2026-03-08T02:30:00.123456Z");

  private static final Instant WINTER = Instant.parse("2026-01-01T10:00:00Z");

  @DbTest
  void readAsUtcInAnotherSessionZone(TestDatabase database) {
    RawSql db = new RawSql(database);
    if (database.vendor().equals("postgresql")) {
      db.execute(
          "ALTER TABLE \"bt_item\" ALTER COLUMN \"created_at\" TYPE timestamp"
              + " USING \"created_at\" AT TIME ZONE 'UTC'");
    }
    BackendModels.Author ann = AUTHORS.create("name", "Ann");
    long gap = item(ann, "gap", IN_THE_GAP);
    long winter = item(ann, "winter", WINTER);

    // One block, so one connection: the zone is set and put back on the connection that reads.
    Transaction.atomic(
        () -> {
          try {
            readInNewYork(database, gap, winter);
          } finally {
            if (database.vendor().equals("mariadb")) {
              try (Cursor c = Database.connection().cursor()) {
                c.execute("SET time_zone = '+00:00'");
              }
            }
          }
        });
  }

  private static void readInNewYork(TestDatabase database, long gap, long winter) {
    sessionZone(database);
    assertThat(ITEMS.get("id", gap).createdAt).isEqualTo(IN_THE_GAP);
    assertThat(ITEMS.get("id", winter).createdAt).isEqualTo(WINTER);
    List<Map<String, Object>> rows = ITEMS.orderBy("id").values("createdAt").list();
    assertThat(rows).extracting(r -> r.get("createdAt")).containsExactly(IN_THE_GAP, WINTER);
    if (!database.vendor().equals("sqlite")) {
      // SQLite's cursor has no column type to go by: its text stays text.
      try (Cursor c = Database.connection().cursor()) {
        c.execute(
            new RawSql(database).sql("SELECT \"created_at\" FROM \"bt_item\" ORDER BY \"id\""));
        assertThat(c.fetchAll()).extracting(r -> r[0]).containsExactly(IN_THE_GAP, WINTER);
      }
    }
  }

  private static long item(BackendModels.Author author, String title, Instant at) {
    BackendModels.Item item = new BackendModels.Item();
    item.author.set(author);
    item.title = title;
    item.createdAt = at;
    item.save();
    return ((Number) item.pk()).longValue();
  }

  /** A session zone far from UTC (with a daylight-saving gap where the database knows zones). */
  private static void sessionZone(TestDatabase database) {
    String sql =
        switch (database.vendor()) {
          // LOCAL: until the block ends, so the pooled connection goes back in UTC.
          case "postgresql" -> "SET LOCAL TIME ZONE 'America/New_York'";
          case "mariadb" -> "SET time_zone = '-05:00'";
          default -> null;
        };
    if (sql != null) {
      try (Cursor c = Database.connection().cursor()) {
        c.execute(sql);
      }
    }
  }
}
