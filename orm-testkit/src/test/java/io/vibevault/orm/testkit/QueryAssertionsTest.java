package io.vibevault.orm.testkit;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.DatabaseConnection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Counts statements sent through a real DatabaseConnection over the fake backend's JDBC (which
 * binds no parameters, so the statements here have none).
 */
class QueryAssertionsTest {
  private static final String ALIAS = "query_assertions";

  @BeforeAll
  static void configure() {
    Database.configure(ALIAS, "sqlite:unused.sqlite3");
  }

  @AfterAll
  static void remove() {
    Database.remove(ALIAS);
  }

  private static DatabaseConnection db() {
    return Database.connection(ALIAS);
  }

  @Test
  void passesOnTheExactCount() {
    assertNumQueries(
        2,
        () -> {
          db().execute("UPDATE t SET a = 1", List.of());
          db().execute("DELETE FROM t", List.of());
        });
  }

  @Test
  void theSupplierFormReturnsTheValue() {
    int n = assertNumQueries(1, () -> db().execute("UPDATE t SET a = 1", List.of()));

    assertThat(n).isZero();
  }

  @Test
  void transactionControlIsNotCounted() {
    assertNumQueries(
        1,
        () -> {
          db().execute("BEGIN", List.of());
          db().execute("SAVEPOINT s1", List.of());
          db().execute("INSERT INTO t VALUES (1)", List.of());
          db().execute("RELEASE SAVEPOINT s1", List.of());
          db().execute("COMMIT", List.of());
        });
  }

  @Test
  void aMismatchListsEveryStatement() {
    assertThatThrownBy(
            () ->
                assertNumQueries(
                    1,
                    () -> {
                      db().execute("BEGIN", List.of());
                      db().execute("SELECT a FROM t WHERE b = 7", List.of());
                      db().execute("SELECT c FROM u", List.of());
                    }))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("2 queries executed, 1 expected. Captured:")
        .hasMessageContaining("BEGIN   (transaction control, not counted)")
        .hasMessageContaining("   1. SELECT a FROM t WHERE b = 7   [query_assertions]")
        .hasMessageContaining("   2. SELECT c FROM u");
  }

  @Test
  void assertNoQueriesFailsOnAnyStatement() {
    assertNoQueries(() -> {});
    assertThat(assertNoQueries(() -> "cached")).isEqualTo("cached");
    assertThatThrownBy(() -> assertNoQueries(() -> db().execute("SELECT 1", List.of())))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("1 query executed, 0 expected");
  }

  @Test
  void expectingStatementsWhenNoneRanSaysSo() {
    assertThatThrownBy(() -> assertNumQueries(1, () -> {}))
        .hasMessage("0 queries executed, 1 expected; nothing was sent");
  }
}
