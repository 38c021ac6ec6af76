package io.vibevault.orm.tests.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code Database.connection().cursor()}: Django's placeholder rules, the fetch methods, batches,
 * row counts, and parameters that are always bound, never spliced into the SQL.
 */
@DatabaseTest(models = {User.class, Memory.class})
class CursorTest {
  private User ada;

  @BeforeEach
  void seed() {
    ada = User.objects.create("username", "ada");
    memory("Beach day", "photo", 5);
    memory("Lisbon trip", "photo", 10);
    memory("100% summer", "text", 1);
    memory("Voice note", "audio", 2);
    memory("Park walk", "text", 3);
  }

  private void memory(String title, String mediaType, int likes) {
    Memory.objects.create(
        "user",
        ada,
        "title",
        title,
        "text",
        title + " text",
        "mediaType",
        mediaType,
        "likeCount",
        likes);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static long count(String sql, Object... params) {
    try (Cursor c = Database.connection().cursor()) {
      c.execute(sql, params);
      return number(c.fetchOne()[0]);
    }
  }

  /** The guide's cursor() snippet. */
  @DbTest
  void guideCountByMediaType() {
    List<Object[]> results;
    try (Cursor cursor = Database.connection().cursor()) {
      cursor.execute("SELECT COUNT(*), media_type FROM memories GROUP BY media_type");
      results = cursor.fetchAll();
    }
    Map<String, Long> byType = new HashMap<>();
    for (Object[] row : results) {
      byType.put((String) row[1], number(row[0]));
    }
    assertThat(byType).isEqualTo(Map.of("photo", 2L, "text", 2L, "audio", 1L));
  }

  /** The guide's "Always parameterize" line. */
  @DbTest
  void guideAlwaysParameterize() {
    Object userInput = Memory.objects.get("title", "Lisbon trip").pk();
    try (Cursor cursor = Database.connection().cursor()) {
      cursor.execute("SELECT * FROM memories WHERE id = %s", List.of(userInput));
      Object[] row = cursor.fetchOne();
      assertThat(row[cursor.columns().indexOf("title")]).isEqualTo("Lisbon trip");
      assertThat(cursor.fetchOne()).isNull();
    }
  }

  /** The guide's "NEVER do this", shown safe: a hostile parameter is only ever a value. */
  @DbTest
  void hostileParametersAreMatchedLiterally() {
    String[] hostile = {
      "x' OR '1'='1", "'; DROP TABLE memories; --", "\" OR \"\"=\"", "%", "Beach day' --"
    };
    for (String input : hostile) {
      assertThat(count("SELECT COUNT(*) FROM memories WHERE title = %s", input)).as(input).isZero();
    }
    Memory stored = Memory.objects.create("user", ada, "title", hostile[0], "text", hostile[1]);
    assertThat(count("SELECT COUNT(*) FROM memories WHERE title = %s", hostile[0])).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM memories WHERE text = %s", hostile[1])).isEqualTo(1);
    assertThat(Memory.objects.get("pk", stored.pk()).text).isEqualTo(hostile[1]);
    assertThat(Memory.objects.count()).isEqualTo(6);

    // The parameter travels separately from the SQL text the database receives.
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> count("SELECT COUNT(*) FROM memories WHERE title = %s", hostile[1]));
    assertThat(sent)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.sql()).doesNotContain("DROP");
              assertThat(q.params()).containsExactly(hostile[1]);
            });
  }

  @DbTest
  void percentPlaceholdersAndLiterals() {
    assertThat(count("SELECT COUNT(*) FROM memories WHERE title LIKE '100%%'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM memories WHERE title LIKE %s", "%r%")).isEqualTo(3);
    assertThat(
            count(
                "SELECT COUNT(*) FROM memories WHERE like_count > %s AND media_type = %s",
                2, "photo"))
        .isEqualTo(2);
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT %s", "50%% off");
      assertThat(c.fetchOne()[0]).as("%% in a parameter is not unescaped").isEqualTo("50%% off");
    }
  }

  @DbTest
  void placeholderMismatchIsRefusedBeforeAnySql() {
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              try (Cursor c = Database.connection().cursor()) {
                assertThatThrownBy(() -> c.execute("SELECT * FROM memories WHERE id = %s"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("1 %s placeholder(s) but 0 parameter(s)");
                assertThatThrownBy(() -> c.execute("SELECT * FROM memories WHERE id = %s", 1, 2))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("but 2 parameter(s)");
                assertThatThrownBy(() -> c.execute("SELECT * FROM memories WHERE title LIKE '5%'"))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Unescaped '%'");
                assertThatThrownBy(() -> c.execute("SELECT %d", 1))
                    .isInstanceOf(ArgumentError.class);
                assertThatThrownBy(
                        () ->
                            c.executeMany(
                                "INSERT INTO users (username) VALUES (%s)",
                                List.of(List.of("a"), List.of("b", "c"))))
                    .isInstanceOf(ArgumentError.class);
              }
            });
    assertThat(sent).isEmpty();
  }

  @DbTest
  void aMismatchInsideATransactionDoesNotBreakIt() {
    Transaction.atomic(
        () -> {
          try (Cursor c = Database.connection().cursor()) {
            assertThatThrownBy(() -> c.execute("SELECT %s")).isInstanceOf(ArgumentError.class);
            assertThat(Transaction.getRollback()).isFalse();
            c.execute("INSERT INTO users (username) VALUES (%s)", "bob");
          }
        });
    assertThat(User.objects.count()).isEqualTo(2);
  }

  @DbTest
  void fetchOneManyAllWalkTheRowsOnce() {
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT title, like_count AS likes FROM memories ORDER BY like_count");
      assertThat(c.columns()).containsExactly("title", "likes");
      assertThat(c.rowCount()).isEqualTo(5);
      Object[] first = c.fetchOne();
      assertThat(first[0]).isEqualTo("100% summer");
      assertThat(number(first[1])).isEqualTo(1);
      assertThat(c.fetchMany(2)).extracting(r -> r[0]).containsExactly("Voice note", "Park walk");
      assertThat(c.fetchAll()).extracting(r -> r[0]).containsExactly("Beach day", "Lisbon trip");
      assertThat(c.fetchOne()).isNull();
      assertThat(c.fetchMany(3)).isEmpty();
      assertThat(c.fetchAll()).isEmpty();

      c.execute("SELECT title FROM memories WHERE like_count > %s ORDER BY title", 100);
      assertThat(c.fetchAll()).isEmpty();
      assertThat(c.rowCount()).isZero();
    }
  }

  @DbTest
  void executeManyAndRowCounts() {
    try (Cursor c = Database.connection().cursor()) {
      c.executeMany(
          "INSERT INTO users (username) VALUES (%s)",
          List.of(List.of("bob"), List.of("cy"), List.of("dee")));
      assertThat(c.rowCount()).isEqualTo(3);
      c.execute(
          "UPDATE memories SET like_count = like_count + %s WHERE media_type = %s", 1, "photo");
      assertThat(c.rowCount()).isEqualTo(2);
      c.execute("DELETE FROM memories WHERE media_type = %s", "none");
      assertThat(c.rowCount()).isZero();
      c.executeMany("DELETE FROM users WHERE username = %s", List.of());
      assertThat(c.rowCount()).isZero();
    }
    assertThat(User.objects.count()).isEqualTo(4);
    assertThat(Memory.objects.get("title", "Beach day").likeCount).isEqualTo(6);
  }

  @DbTest
  void databaseErrorsAreTypedAndBreakTheTransaction() {
    try (Cursor c = Database.connection().cursor()) {
      assertThatThrownBy(() -> c.execute("SELEC 1"))
          .isInstanceOf(ProgrammingError.class)
          .isNotInstanceOf(SQLException.class)
          .hasCauseInstanceOf(SQLException.class);
      assertThatThrownBy(() -> c.execute("SELECT * FROM no_such_table"))
          .isInstanceOf(DatabaseError.class);
    }
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      try (Cursor c = Database.connection().cursor()) {
                        c.execute("INSERT INTO users (username) VALUES (%s)", "eve");
                        try {
                          c.execute("SELECT * FROM no_such_table");
                        } catch (DatabaseError expected) {
                          // Caught, but the transaction is broken all the same.
                        }
                        c.execute("SELECT 1");
                      }
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .hasCauseInstanceOf(DatabaseError.class);
    assertThat(User.objects.filter("username", "eve").exists()).isFalse();
  }

  @DbTest
  void aClosedCursorRefusesWork() {
    Cursor c = Database.connection().cursor();
    c.close();
    assertThatThrownBy(() -> c.execute("SELECT 1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(c::fetchOne).isInstanceOf(IllegalStateException.class);
  }
}
