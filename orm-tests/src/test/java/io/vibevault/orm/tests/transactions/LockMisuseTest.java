package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.List;
import java.util.Locale;

/**
 * {@code selectForUpdate()} evaluated outside a transaction is a typed error and sends no
 * {@code SELECT ... FOR UPDATE}; a durable block nested in another is a typed error.
 */
@DatabaseTest(models = Reporter.class)
class LockMisuseTest {
  private static final String OUTSIDE =
      "select_for_update cannot be used outside of a transaction.";

  private static long forUpdateStatements(List<CapturedQuery> sent) {
    return sent.stream()
        .filter(q -> q.sql().toUpperCase(Locale.ROOT).contains("FOR UPDATE"))
        .count();
  }

  @DbTest
  void selectForUpdateInAutocommitIsRefusedBeforeAnySql() {
    Reporter.objects.create("name", "ada");
    List<CapturedQuery> sent =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Reporter.objects.selectForUpdate().list())
                  .isInstanceOf(TransactionManagementError.class)
                  .hasMessage(OUTSIDE);
              assertThatThrownBy(() -> Reporter.objects.selectForUpdate().get("name", "ada"))
                  .isInstanceOf(TransactionManagementError.class);
              assertThatThrownBy(
                      () -> Reporter.objects.selectForUpdate().filter("name", "ada").first())
                  .isInstanceOf(TransactionManagementError.class);
              assertThatThrownBy(() -> Reporter.objects.selectForUpdate().iterator(10))
                  .isInstanceOf(TransactionManagementError.class);
              assertThatThrownBy(() -> Reporter.objects.all().skipLocked().list())
                  .isInstanceOf(TransactionManagementError.class);
              assertThatThrownBy(() -> Reporter.objects.all().nowait().list())
                  .isInstanceOf(TransactionManagementError.class);
            });
    assertThat(sent).isEmpty();
    assertThat(forUpdateStatements(sent)).isZero();
  }

  @DbTest
  void selectForUpdateInsideAtomicLocksOnBackendsWithRowLocks(TestDatabase db) {
    Reporter.objects.create("name", "ada");
    List<CapturedQuery> sent =
        Database.captureQueries(
            () ->
                Transaction.atomic(
                    () ->
                        assertThat(Reporter.objects.selectForUpdate().get("name", "ada").name)
                            .isEqualTo("ada")));
    // SQLite has no row locks: its write transaction (BEGIN IMMEDIATE) already holds the lock.
    assertThat(forUpdateStatements(sent)).isEqualTo(db.features().hasSelectForUpdate() ? 1 : 0);
  }

  @DbTest
  void durableNestedInAnotherBlockIsRefusedAndTheOuterBlockRollsBack() {
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "outer");
                      Transaction.options()
                          .durable()
                          .run(() -> Reporter.objects.create("name", "durable"));
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .hasMessage("A durable atomic block cannot be nested within another atomic block.");
    assertThat(Reporter.objects.count()).isZero();
  }

  @DbTest
  void durableUnderADurableBlockIsRefusedToo() {
    assertThatThrownBy(
            () ->
                Transaction.options()
                    .durable()
                    .run(() -> Transaction.options().durable().run(() -> {})))
        .isInstanceOf(TransactionManagementError.class);
    assertThat(Transaction.inAtomicBlock()).isFalse();
  }

  @DbTest
  void isolationOnlyOnTheOutermostBlock() {
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () ->
                        Transaction.options()
                            .isolation(
                                io.vibevault.orm.execution.AtomicBlocks.Isolation.SERIALIZABLE)
                            .run(() -> {})))
        .isInstanceOf(TransactionManagementError.class);
    assertThat(Transaction.inAtomicBlock()).isFalse();
  }
}
