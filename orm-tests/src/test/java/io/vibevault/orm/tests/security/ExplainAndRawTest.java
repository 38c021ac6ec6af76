package io.vibevault.orm.tests.security;

import static io.vibevault.orm.tests.security.Hostile.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS.md §2.8: EXPLAIN options come from the backend's allowlist (names and values), and raw
 * SQL and cursors bind every parameter, whatever it holds.
 */
@DatabaseTest(models = {User.class, Memory.class})
class ExplainAndRawTest {
  private static final List<String> SQL_PAYLOADS =
      List.of(
          "' OR 1=1 --",
          "' OR '1'='1",
          "\\' OR 1=1 -- ",
          "'; DROP TABLE security_memory; --",
          "\n; SELECT pg_sleep(5); --",
          "'); SELECT SLEEP(5); --",
          "%s",
          "%%",
          "?",
          "$1",
          ":name",
          "Beach day' --");

  private Memory beach;

  @BeforeEach
  void seed() {
    User ada = Hostile.user("ada");
    beach = Hostile.memory(ada, "Beach day", Map.of());
    Hostile.memory(ada, "Park walk", Map.of());
  }

  @DbTest
  void h58ExplainOptionNamesOutsideTheAllowlist(TestDatabase db) {
    List<String> names =
        new ArrayList<>(
            List.of(
                "opt\"ion",
                "o'ption",
                "op`tion",
                "opti on",
                "option--",
                "analyze; DROP TABLE security_memory",
                "ANALYZE) SELECT 1; --",
                "",
                "format\u0000"));
    for (String name : names) {
      ArgumentError e =
          rejected(
              ArgumentError.class,
              () -> Memory.objects.filter("views", 0).explain(Map.of(name, "true")));
      assertThat(e.getMessage()).contains("EXPLAIN");
    }
    // Allowed names with hostile values are refused as well.
    for (String name : db.features().explainOptions()) {
      for (String value :
          List.of("json; DROP", "true) SELECT 1; --", "json' --", "on off", "", "text\n")) {
        rejected(ArgumentError.class, () -> Memory.objects.all().explain(Map.of(name, value)));
      }
    }
    // The plain explain works on every backend.
    assertThat(Memory.objects.filter("title", "' OR 1=1 --").explain()).isNotBlank();
  }

  @DbTest
  void h58AllowedOptionsWork(TestDatabase db) {
    for (String name : db.features().explainOptions()) {
      String value = name.toLowerCase(Locale.ROOT).equals("format") ? "text" : "true";
      Map<String, String> options = new java.util.HashMap<>(Map.of(name, value));
      if (db.vendor().equals("postgresql") && List.of("wal", "timing").contains(name)) {
        options.put("analyze", "true"); // PostgreSQL's rule, not ours
      }
      assertThat(Memory.objects.filter("title", "x").explain(options))
          .as("EXPLAIN (%s %s)", name, value)
          .isNotBlank();
    }
  }

  @DbTest
  void h59RawBindsTheValue() {
    String table = tableName();
    for (String payload : SQL_PAYLOADS) {
      var ran =
          Hostile.run(
              () ->
                  Memory.objects
                      .raw("SELECT * FROM " + table + " WHERE title = %s", payload)
                      .list());
      assertThat(ran.result()).as("raw with %s", Hostile.printable(payload)).isEmpty();
      assertThat(ran.sql()).containsExactly("SELECT * FROM " + table + " WHERE title = ?");
      assertThat(ran.params()).containsExactly(payload);
    }
    assertThat(
            Memory.objects.raw("SELECT * FROM " + table + " WHERE title = %s", "Beach day").list())
        .containsExactly(beach);
    // Placeholder counts must agree, so a value can never fill in for missing SQL.
    rejected(
        ArgumentError.class,
        () -> Memory.objects.raw("SELECT * FROM " + table + " WHERE title = ?", "x").list());
    rejected(
        ArgumentError.class,
        () -> Memory.objects.raw("SELECT * FROM " + table + " WHERE title LIKE '%x'").list());
    assertThat(Memory.objects.count()).isEqualTo(2);
  }

  @DbTest
  void h59CursorBindsTheValue() {
    String table = tableName();
    for (String payload : SQL_PAYLOADS) {
      try (Cursor c = Database.connection().cursor()) {
        c.execute("SELECT COUNT(*) FROM " + table + " WHERE title = %s", payload);
        assertThat(((Number) c.fetchOne()[0]).longValue()).isZero();
        c.execute("SELECT %s", payload);
        assertThat(c.fetchOne()[0]).isEqualTo(payload);
      }
    }
    try (Cursor c = Database.connection().cursor()) {
      c.executeMany(
          "UPDATE " + table + " SET text = %s WHERE title = %s",
          List.of(List.of("t", "' OR 1=1 --"), List.of("t", "Beach day")));
      assertThat(c.rowCount()).isEqualTo(1);
    }
    assertThat(Memory.objects.filter("text", "t").list()).containsExactly(beach);
  }

  @DbTest
  void h61NegatedParameterFollowedByText() {
    String payload = "\n; SELECT pg_sleep(5); --";
    try (Cursor c = Database.connection().cursor()) {
      double ms = Hostile.millis(() -> c.execute("SELECT -%s, %s", -1, payload));
      Object[] row = c.fetchOne();
      assertThat(((Number) row[0]).longValue()).isEqualTo(1);
      assertThat(row[1]).isEqualTo(payload);
      assertThat(ms).isLessThan(100);
      ms = Hostile.millis(() -> c.execute("SELECT -%s, %s", -1L, "\n; SELECT SLEEP(5); --"));
      assertThat(ms).isLessThan(100);
    }
  }

  @DbTest
  void h61DriverConfiguration(TestDatabase db) throws Exception {
    String settings = String.valueOf(db.settings()).toLowerCase(Locale.ROOT);
    assertThat(settings).doesNotContain("preferquerymode=simple");
    if (db.vendor().equals("postgresql")) {
      Class<?> info = Class.forName("org.postgresql.util.DriverInfo");
      int major = info.getField("MAJOR_VERSION").getInt(null);
      int minor = info.getField("MINOR_VERSION").getInt(null);
      int patch = info.getField("PATCH_VERSION").getInt(null);
      assertThat(major * 1_000_000 + minor * 1_000 + patch)
          .as("pgjdbc %d.%d.%d", major, minor, patch)
          .isGreaterThanOrEqualTo(42_007_002);
      try (Cursor c = Database.connection().cursor()) {
        c.execute("SHOW standard_conforming_strings");
        assertThat(c.fetchOne()[0]).isEqualTo("on");
      }
    }
    if (db.vendor().equals("mariadb")) {
      try (Cursor c = Database.connection().cursor()) {
        c.execute("SELECT @@SESSION.sql_mode");
        assertThat(String.valueOf(c.fetchOne()[0])).contains("STRICT_TRANS_TABLES");
        c.execute(
            "SELECT character_set_name, collation_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = %s AND column_name = %s",
            tableName(), "title");
        Object[] row = c.fetchOne();
        assertThat(row[0]).isEqualTo("utf8mb4");
      }
    }
  }

  private static String tableName() {
    return Memory.objects.all().meta().dbTable();
  }
}
