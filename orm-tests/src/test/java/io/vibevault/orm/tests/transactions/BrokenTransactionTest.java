package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.execution.RowStream;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.SkipOn;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * after a database error inside an atomic block without its own savepoint, the transaction
 * refuses further queries until the block ends, naming the original error as the cause; the block's
 * work is rolled back and the connection serves the next request.
 */
@DatabaseTest(models = Reporter.class)
class BrokenTransactionTest {
  private static final String BROKEN =
      "An error occurred in the current transaction. You can't execute queries until the end of"
          + " the 'atomic' block.";

  @DbTest
  void duplicatePkThenAnotherQueryIsRefusedWithTheIntegrityErrorAsCause() {
    Reporter original = Reporter.objects.create("name", "original");
    AtomicReference<IntegrityError> integrity = new AtomicReference<>();
    AtomicReference<List<CapturedQuery>> afterError = new AtomicReference<>();

    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.filter("pk", original.pk()).update("name", "changed");
                      Reporter dup = new Reporter();
                      dup.setPk(original.pk());
                      dup.name = "duplicate";
                      try {
                        dup.saveAsNew();
                      } catch (IntegrityError e) {
                        integrity.set(e);
                      }
                      afterError.set(
                          Database.captureQueries(() -> Reporter.objects.filter("pk", 1).count()));
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .hasMessage(BROKEN)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(integrity.get()));

    assertThat(integrity.get()).as("the duplicate insert failed").isNotNull();
    assertThat(afterError.get()).as("nothing reaches the database after the error").isNull();

    // The block's update is rolled back with it: the original row is unchanged.
    Reporter reloaded = Reporter.objects.get("pk", original.pk());
    assertThat(reloaded.name).isEqualTo("original");
    assertThat(Reporter.objects.count()).isEqualTo(1);

    // The connection serves the next request, in autocommit and in a new transaction.
    assertThat(Transaction.inAtomicBlock()).isFalse();
    Transaction.atomic(() -> Reporter.objects.create("name", "next request"));
    assertThat(Reporter.objects.count()).isEqualTo(2);
  }

  @DbTest
  void everyKindOfStatementIsRefusedWhileBroken() {
    Reporter.objects.create("name", "taken");
    Transaction.atomic(
        () -> {
          assertThatThrownBy(() -> Reporter.objects.create("name", "taken"))
              .isInstanceOf(IntegrityError.class);
          List<CapturedQuery> sent =
              Database.captureQueries(
                  () -> {
                    assertThatThrownBy(() -> Reporter.objects.all().list())
                        .isInstanceOf(TransactionManagementError.class);
                    assertThatThrownBy(() -> Reporter.objects.create("name", "other"))
                        .isInstanceOf(TransactionManagementError.class);
                    assertThatThrownBy(() -> Reporter.objects.all().update("name", "x"))
                        .isInstanceOf(TransactionManagementError.class);
                    assertThatThrownBy(
                            () -> {
                              try (Cursor c = Database.connection().cursor()) {
                                c.execute("SELECT 1");
                              }
                            })
                        .isInstanceOf(TransactionManagementError.class);
                    assertThatThrownBy(() -> Reporter.objects.all().iterator(10))
                        .isInstanceOf(TransactionManagementError.class);
                  });
          assertThat(sent).isEmpty();
          assertThat(Transaction.getRollback()).isTrue();
        });
    // Leaving the block normally while broken rolls back rather than committing.
    assertThat(Reporter.objects.valuesList("name").flat().list()).containsExactly("taken");
  }

  @DbTest
  void aSavepointAroundTheFailureKeepsTheTransactionUsable() {
    Reporter.objects.create("name", "taken");
    Transaction.atomic(
        () -> {
          assertThatThrownBy(
                  () -> Transaction.atomic(() -> Reporter.objects.create("name", "taken")))
              .isInstanceOf(IntegrityError.class);
          assertThat(Transaction.getRollback()).isFalse();
          Reporter.objects.create("name", "after");
        });
    assertThat(Reporter.objects.count()).isEqualTo(2);
  }

  /** An error while fetching the rows of a streaming iterator breaks the transaction too. */
  @DbTest
  @SkipOn(value = "mariadb", reason = "no portable statement that fails on a later row")
  void anErrorWhileStreamingRowsBreaksTheTransaction(TestDatabase db) {
    String failsOnThirdRow =
        db.vendor().equals("postgresql")
            ? "SELECT 10 / (g - 3) FROM generate_series(1, 5) g"
            : "SELECT json(CASE WHEN x = 3 THEN 'not json' ELSE '1' END)"
                + " FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)";
    AtomicReference<DatabaseError> streamError = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "in the block");
                      try (RowStream<Object> rows =
                          RowStream.open(
                              Database.connection(), failsOnThirdRow, List.of(), 1, rs -> 1)) {
                        while (rows.hasNext()) {
                          rows.next();
                        }
                      } catch (DatabaseError e) {
                        streamError.set(e);
                      }
                      Reporter.objects.count();
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(streamError.get()));
    assertThat(streamError.get()).isNotNull();
    assertThat(Reporter.objects.count()).isZero();
  }
}
