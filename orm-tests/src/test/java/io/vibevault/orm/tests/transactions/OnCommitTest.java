package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * the 17 scenarios of Django's {@code tests/transaction_hooks/tests.py}
 * (TestConnectionOnCommit), each with Django's expected list of notified numbers, checked against
 * the rows left in the table as Django's {@code assertDone} does.
 */
@DatabaseTest(models = Thing.class)
class OnCommitTest {
  private static final class ForcedError extends RuntimeException {}

  private List<Integer> notified;

  @BeforeEach
  void setUp() {
    notified = new ArrayList<>();
  }

  private void notify(int num) {
    notified.add(num);
  }

  /** Creates a Thing and asks to be notified about it once committed. */
  private void doIt(int num) {
    Thing.objects.create("num", num);
    Transaction.onCommit(() -> notify(num));
  }

  private void assertDone(Integer... nums) {
    assertNotified(nums);
    assertThat(Thing.objects.all().list().stream().map(t -> t.num).sorted().toList())
        .as("rows in the table")
        .containsExactlyElementsOf(List.of(nums).stream().sorted().toList());
  }

  private void assertNotified(Integer... nums) {
    assertThat(notified).as("notified").containsExactly(nums);
  }

  private static void swallow(Class<? extends Throwable> type, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      if (!type.isInstance(e)) {
        throw e;
      }
    }
  }

  @DbTest
  void executesImmediatelyIfNoTransaction() {
    doIt(1);
    assertDone(1);
  }

  @DbTest
  void delaysExecutionUntilAfterTransactionCommit() {
    Transaction.atomic(
        () -> {
          doIt(1);
          assertNotified();
        });
    assertDone(1);
  }

  @DbTest
  void doesNotExecuteIfTransactionRolledBack() {
    swallow(
        ForcedError.class,
        () ->
            Transaction.atomic(
                () -> {
                  doIt(1);
                  throw new ForcedError();
                }));
    assertDone();
  }

  @DbTest
  void executesOnlyAfterFinalTransactionCommitted() {
    Transaction.atomic(
        () -> {
          Transaction.atomic(
              () -> {
                doIt(1);
                assertNotified();
              });
          assertNotified();
        });
    assertDone(1);
  }

  @DbTest
  void discardsHooksFromRolledBackSavepoint() {
    Transaction.atomic(
        () -> {
          Transaction.atomic(() -> doIt(1));
          swallow(
              ForcedError.class,
              () ->
                  Transaction.atomic(
                      () -> {
                        doIt(2);
                        throw new ForcedError();
                      }));
          Transaction.atomic(() -> doIt(3));
        });
    assertDone(1, 3);
  }

  @DbTest
  void noHooksRunFromFailedTransaction() {
    swallow(
        ForcedError.class,
        () ->
            Transaction.atomic(
                () -> {
                  Transaction.atomic(() -> doIt(1));
                  throw new ForcedError();
                }));
    assertDone();
  }

  @DbTest
  void innerSavepointRolledBackWithOuter() {
    Transaction.atomic(
        () -> {
          swallow(
              ForcedError.class,
              () ->
                  Transaction.atomic(
                      () -> {
                        Transaction.atomic(() -> doIt(1));
                        throw new ForcedError();
                      }));
          doIt(2);
        });
    assertDone(2);
  }

  @DbTest
  void noSavepointsAtomicMergedWithOuter() {
    Transaction.atomic(
        () ->
            Transaction.atomic(
                () -> {
                  doIt(1);
                  swallow(
                      ForcedError.class,
                      () ->
                          Transaction.options()
                              .noSavepoint()
                              .run(
                                  () -> {
                                    throw new ForcedError();
                                  }));
                }));
    assertDone();
  }

  @DbTest
  void innerSavepointDoesNotAffectOuter() {
    Transaction.atomic(
        () ->
            Transaction.atomic(
                () -> {
                  doIt(1);
                  swallow(
                      ForcedError.class,
                      () ->
                          Transaction.atomic(
                              () -> {
                                throw new ForcedError();
                              }));
                }));
    assertDone(1);
  }

  @DbTest
  void runsHooksInOrderRegistered() {
    Transaction.atomic(
        () -> {
          doIt(1);
          Transaction.atomic(() -> doIt(2));
          doIt(3);
        });
    assertDone(1, 2, 3);
  }

  @DbTest
  void hooksClearedAfterSuccessfulCommit() {
    Transaction.atomic(() -> doIt(1));
    Transaction.atomic(() -> doIt(2));
    assertDone(1, 2); // not [1, 1, 2]
  }

  @DbTest
  void hooksClearedAfterRollback() {
    swallow(
        ForcedError.class,
        () ->
            Transaction.atomic(
                () -> {
                  doIt(1);
                  throw new ForcedError();
                }));
    Transaction.atomic(() -> doIt(2));
    assertDone(2);
  }

  @DbTest
  void hooksClearedOnReconnect() {
    Transaction.atomic(
        () -> {
          doIt(1);
          Database.connection().close();
        });
    // Django calls connection.connect() here; the next statement borrows a connection.
    Transaction.atomic(() -> doIt(2));
    assertDone(2);
  }

  @DbTest
  void errorInHookDoesntPreventClearingHooks() {
    swallow(
        ForcedError.class,
        () ->
            Transaction.atomic(
                () ->
                    Transaction.onCommit(
                        () -> {
                          throw new ForcedError();
                        })));
    Transaction.atomic(() -> doIt(1));
    assertDone(1);
  }

  @DbTest
  void dbQueryInHook() {
    Transaction.atomic(
        () -> {
          Thing.objects.create("num", 1);
          Transaction.onCommit(() -> Thing.objects.all().list().forEach(t -> notify(t.num)));
        });
    assertDone(1);
  }

  @DbTest
  void transactionInHook() {
    Transaction.atomic(
        () ->
            Transaction.onCommit(
                () ->
                    Transaction.atomic(
                        () -> {
                          Thing t = Thing.objects.create("num", 1);
                          notify(t.num);
                        })));
    assertDone(1);
  }

  @DbTest
  void raisesExceptionNonAutocommitMode() {
    try {
      Transaction.setAutocommit(false);
      assertThatThrownBy(
              () ->
                  Transaction.onCommit(
                      () -> {
                        throw new AssertionError("this function should never be called");
                      }))
          .isInstanceOf(TransactionManagementError.class);
    } finally {
      Transaction.setAutocommit(true);
    }
    assertDone();
  }
}
