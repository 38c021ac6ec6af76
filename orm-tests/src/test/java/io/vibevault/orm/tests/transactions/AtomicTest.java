package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.DatabaseBusy;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Atomic blocks: commit, rollback, nested savepoints (the guide's "Savepoints" snippet), blocks
 * without savepoint, durable blocks, the manual savepoint API and setRollback (the conformance
 * shapes TX001-TX004), and the transaction-control statements each shape sends.
 */
@DatabaseTest(models = {Reporter.class, Thing.class})
class AtomicTest {
  private static final class Boom extends RuntimeException {
    Boom(String message) {
      super(message);
    }
  }

  private static List<String> names() {
    return Reporter.objects.orderBy("name").valuesList("name").<String>flat().list();
  }

  /** The transaction-control statements of {@code action}, upper-cased, savepoint ids elided. */
  private static List<String> control(Runnable action) {
    List<String> out = new ArrayList<>();
    for (CapturedQuery q : Database.captureQueries(action)) {
      if (q.isTransactionControl()) {
        out.add(q.sql().toUpperCase(Locale.ROOT).replaceAll("SAVEPOINT \\S+", "SAVEPOINT"));
      }
    }
    return out;
  }

  @DbTest
  void commitsOnNormalExitAndReturnsTheResult() {
    Reporter r = Transaction.atomic(() -> Reporter.objects.create("name", "ada"));
    assertThat(r.pk()).isNotNull();
    assertThat(names()).containsExactly("ada");
    assertThat(Transaction.inAtomicBlock()).isFalse();
  }

  @DbTest
  void rollsBackAndRethrowsTheSameException() {
    Boom boom = new Boom("no");
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "ada");
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(names()).isEmpty();
    assertThat(Transaction.inAtomicBlock()).isFalse();
  }

  /** The guide: "Second rolled back, First still committed". */
  @DbTest
  void guideSavepointsSnippet() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "First");
          try {
            Transaction.atomic(
                () -> {
                  Reporter.objects.create("name", "Second");
                  throw new Boom("Rollback this");
                });
          } catch (Boom e) {
            // Second rolled back, First still committed
          }
        });
    assertThat(names()).containsExactly("First");
  }

  /** The guide's decorator example: if the second create fails, the first is rolled back. */
  @DbTest
  void guideCreateBothOrNeither() {
    Reporter.objects.create("name", "taken");
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "new user");
                      Reporter.objects.create("name", "taken");
                    }))
        .isInstanceOf(IntegrityError.class);
    assertThat(names()).containsExactly("taken");
  }

  @DbTest
  void outerFailureRollsBackCommittedSavepoints() {
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Transaction.atomic(() -> Reporter.objects.create("name", "inner"));
                      throw new Boom("outer");
                    }))
        .isInstanceOf(Boom.class);
    assertThat(names()).isEmpty();
  }

  @DbTest
  void withoutSavepointAnInnerFailureDoomsTheOuterBlock() {
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "outer");
                      try {
                        Transaction.options()
                            .noSavepoint()
                            .run(
                                () -> {
                                  Reporter.objects.create("name", "inner");
                                  throw new Boom("inner");
                                });
                      } catch (Boom expected) {
                        assertThat(Transaction.getRollback()).isTrue();
                      }
                      Reporter.objects.count();
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .hasCauseInstanceOf(Boom.class);
    assertThat(names()).isEmpty();
  }

  @DbTest
  void sendsBeginCommitSavepointAndRelease() {
    assertThat(control(() -> Transaction.atomic(() -> Reporter.objects.create("name", "a"))))
        .containsExactly("BEGIN", "COMMIT");
    assertThat(
            control(
                () ->
                    Transaction.atomic(
                        () -> Transaction.atomic(() -> Reporter.objects.create("name", "b")))))
        .containsExactly("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT", "COMMIT");
    assertThat(
            control(
                () ->
                    Transaction.atomic(
                        () ->
                            Transaction.options()
                                .noSavepoint()
                                .run(() -> Reporter.objects.create("name", "c")))))
        .containsExactly("BEGIN", "COMMIT");
    assertThat(
            control(
                () ->
                    swallow(
                        () ->
                            Transaction.atomic(
                                () ->
                                    Transaction.atomic(
                                        () -> {
                                          throw new Boom("x");
                                        })))))
        .containsExactly(
            "BEGIN", "SAVEPOINT", "ROLLBACK TO SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK");
    assertThat(names()).containsExactly("a", "b", "c");
  }

  private static void swallow(Runnable r) {
    try {
      r.run();
    } catch (Boom expected) {
      // The shape under test ends with this exception.
    }
  }

  @DbTest
  void durableBlockCommitsAndRefusesToNest() {
    Transaction.options().durable().run(() -> Reporter.objects.create("name", "durable"));
    assertThat(names()).containsExactly("durable");

    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "outer");
                      Transaction.options()
                          .durable()
                          .run(() -> Reporter.objects.create("name", "nested"));
                    }))
        .isInstanceOf(TransactionManagementError.class)
        .hasMessageContaining("durable");
    assertThat(names()).containsExactly("durable");
    assertThat(Transaction.inAtomicBlock()).isFalse();
  }

  /** Conformance TX001: an inner block's failure is caught, the outer work is kept. */
  @DbTest
  void tx001InnerRolledBackOuterKept() {
    List<String> log = new ArrayList<>();
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "outer");
          try {
            Transaction.atomic(
                () -> {
                  Reporter.objects.create("name", "inner");
                  throw new IllegalArgumentException("boom");
                });
          } catch (IllegalArgumentException e) {
            log.add("inner rolled back");
          }
        });
    assertThat(log).containsExactly("inner rolled back");
    assertThat(names()).containsExactly("outer");
  }

  /** Conformance TX002: an IntegrityError in a savepoint leaves the transaction usable. */
  @DbTest
  void tx002IntegrityErrorInSavepointKeepsTransactionUsable() {
    Reporter.objects.create("name", "alice");
    String[] outcome = new String[1];
    Transaction.atomic(
        () -> {
          try {
            Transaction.atomic(() -> Reporter.objects.create("name", "alice"));
            outcome[0] = "inserted";
          } catch (IntegrityError e) {
            outcome[0] = "integrity error";
          }
          Reporter.objects.create("name", "after-error");
        });
    assertThat(outcome[0]).isEqualTo("integrity error");
    assertThat(names()).containsExactly("after-error", "alice");
  }

  /** Conformance TX003: savepoint(), savepointRollback(), savepointCommit(). */
  @DbTest
  void tx003ManualSavepoints() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "kept");
          String sid = Transaction.savepoint();
          Reporter.objects.create("name", "discarded");
          Transaction.savepointRollback(sid);
          String sid2 = Transaction.savepoint();
          Reporter.objects.create("name", "released");
          Transaction.savepointCommit(sid2);
          assertThat(sid2).isNotEqualTo(sid);
        });
    assertThat(names()).containsExactly("kept", "released");
  }

  /** Conformance TX004: setRollback(true) in a nested block rolls back only that block. */
  @DbTest
  void tx004SetRollbackInNestedBlock() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "a1");
          Transaction.atomic(
              () -> {
                Reporter.objects.create("name", "a2");
                Transaction.setRollback(true);
              });
          assertThat(Transaction.getRollback()).isFalse();
        });
    assertThat(names()).containsExactly("a1");
  }

  @DbTest
  void setRollbackOnOutermostBlockRollsBackWithoutError() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "gone");
          assertThat(Transaction.getRollback()).isFalse();
          Transaction.setRollback(true);
          assertThat(Transaction.getRollback()).isTrue();
        });
    assertThat(names()).isEmpty();
  }

  /** Django's documented escape hatch: clear the flag after rolling back to a savepoint. */
  @DbTest
  void setRollbackFalseAfterSavepointRollbackKeepsTheTransaction() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "kept");
          String sid = Transaction.savepoint();
          try {
            Transaction.options().noSavepoint().run(() -> Reporter.objects.create("name", "kept"));
          } catch (IntegrityError expected) {
            Transaction.savepointRollback(sid);
            Transaction.setRollback(false);
          }
          Reporter.objects.create("name", "after");
        });
    assertThat(names()).containsExactly("after", "kept");
  }

  @DbTest
  void savepointApiNeedsAnAtomicBlock() {
    assertThatThrownBy(Transaction::savepoint).isInstanceOf(TransactionManagementError.class);
    assertThatThrownBy(() -> Transaction.setRollback(true))
        .isInstanceOf(TransactionManagementError.class);
    assertThatThrownBy(Transaction::getRollback).isInstanceOf(TransactionManagementError.class);
  }

  @DbTest
  void commitRollbackAndAutocommitAreForbiddenInsideAtomic() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "inside");
          assertThatThrownBy(Transaction::commit).isInstanceOf(TransactionManagementError.class);
          assertThatThrownBy(Transaction::rollback).isInstanceOf(TransactionManagementError.class);
          assertThatThrownBy(() -> Transaction.setAutocommit(true))
              .isInstanceOf(TransactionManagementError.class);
          assertThat(Transaction.getAutocommit()).isFalse();
        });
    assertThat(names()).containsExactly("inside");
    assertThat(Transaction.getAutocommit()).isTrue();
  }

  @DbTest
  void manualTransactionCommitsAndRollsBack() {
    Transaction.setAutocommit(false);
    try {
      Reporter.objects.create("name", "rolled back");
      Transaction.rollback();
      Reporter.objects.create("name", "committed");
      Transaction.commit();
      Reporter.objects.create("name", "left open");
      // An atomic block in manual mode is a savepoint and leaves the transaction open.
      Transaction.atomic(() -> Reporter.objects.create("name", "savepoint"));
      assertThat(Transaction.inAtomicBlock()).isFalse();
      Transaction.rollback();
    } finally {
      Transaction.setAutocommit(true);
    }
    assertThat(names()).containsExactly("committed");
  }

  @DbTest
  void onCommitOutsideATransactionRunsAtOnce() {
    List<String> ran = new ArrayList<>();
    Transaction.onCommit(() -> ran.add("now"));
    assertThat(ran).containsExactly("now");
  }

  @DbTest
  void hooksOfARolledBackSavepointAreDroppedOthersRunInOrder() {
    List<String> ran = new ArrayList<>();
    Transaction.atomic(
        () -> {
          Transaction.onCommit(() -> ran.add("outer-1"));
          swallow(
              () ->
                  Transaction.atomic(
                      () -> {
                        Transaction.onCommit(() -> ran.add("dropped"));
                        Transaction.atomic(() -> Transaction.onCommit(() -> ran.add("dropped-2")));
                        throw new Boom("x");
                      }));
          Transaction.atomic(() -> Transaction.onCommit(() -> ran.add("inner-kept")));
          Transaction.onCommit(() -> ran.add("outer-2"));
          assertThat(ran).isEmpty();
        });
    assertThat(ran).containsExactly("outer-1", "inner-kept", "outer-2");
  }

  @DbTest
  void errorInHookSurfacesAfterTheCommitAndClearsTheRest() {
    List<String> ran = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "committed");
                      Transaction.onCommit(
                          () -> {
                            throw new Boom("hook");
                          });
                      Transaction.onCommit(() -> ran.add("after the failing hook"));
                    }))
        .isInstanceOf(Boom.class)
        .hasMessage("hook");
    assertThat(names()).containsExactly("committed");
    Transaction.atomic(() -> Transaction.onCommit(() -> ran.add("next")));
    assertThat(ran).containsExactly("next");
  }

  @DbTest
  void hookRunsOnceTheConnectionIsBackInAutocommit() {
    List<Boolean> seen = new ArrayList<>();
    Transaction.atomic(() -> Transaction.onCommit(() -> seen.add(Transaction.inAtomicBlock())));
    assertThat(seen).containsExactly(false);
  }

  @DbTest
  void hooksOfBlocksInAManualTransactionRunWhenAutocommitReturns() {
    List<String> ran = new ArrayList<>();
    Transaction.setAutocommit(false);
    try {
      Transaction.atomic(
          () -> {
            Reporter.objects.create("name", "manual");
            Transaction.onCommit(() -> ran.add("hook"));
          });
      Transaction.commit();
      assertThat(ran).isEmpty();
    } finally {
      Transaction.setAutocommit(true);
    }
    assertThat(ran).containsExactly("hook");
    assertThat(names()).containsExactly("manual");
  }

  @DbTest
  void closingTheConnectionInsideABlockRefusesQueriesUntilTheBlockEnds() {
    Transaction.atomic(
        () -> {
          Reporter.objects.create("name", "lost");
          Transaction.atomic(
              () -> {
                Database.connection().close();
                assertThatThrownBy(Reporter.objects::count)
                    .isInstanceOf(TransactionManagementError.class);
              });
        });
    assertThat(Transaction.inAtomicBlock()).isFalse();
    assertThat(names()).isEmpty();
    Transaction.atomic(() -> Reporter.objects.create("name", "next"));
    assertThat(names()).containsExactly("next");
  }

  @DbTest
  void retryingRunsTheWholeTransactionAgainAndItsHooksOnce() {
    AtomicInteger runs = new AtomicInteger();
    List<String> hooks = new ArrayList<>();
    String result =
        Transaction.retrying(
            5,
            () -> {
              int n = runs.incrementAndGet();
              Reporter.objects.create("name", "attempt " + n);
              Transaction.onCommit(() -> hooks.add("committed " + n));
              if (n < 3) {
                throw new DatabaseBusy("busy on attempt " + n, null, null, 0);
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(runs).hasValue(3);
    assertThat(names()).containsExactly("attempt 3");
    assertThat(hooks).containsExactly("committed 3");
  }

  @DbTest
  void retryingGivesUpWithTheLastErrorAndNeverRetriesOthers() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Transaction.retrying(
                    2,
                    () -> {
                      Reporter.objects.create("name", "try " + runs.incrementAndGet());
                      throw new DatabaseBusy("busy " + runs.get(), null, null, 0);
                    }))
        .isInstanceOf(DatabaseBusy.class)
        .hasMessage("busy 2");
    assertThat(runs).hasValue(2);

    Reporter.objects.create("name", "taken");
    runs.set(0);
    assertThatThrownBy(
            () ->
                Transaction.retrying(
                    5,
                    () -> {
                      runs.incrementAndGet();
                      return Reporter.objects.create("name", "taken");
                    }))
        .isInstanceOf(IntegrityError.class);
    assertThat(runs).hasValue(1);
    assertThat(names()).containsExactly("taken");
  }

  @DbTest
  void retryingMustBeTheOutermostBlock() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () -> Transaction.atomic(() -> Transaction.retrying(3, runs::incrementAndGet)))
        .isInstanceOf(TransactionManagementError.class);
    assertThat(runs).hasValue(0);
    assertThatThrownBy(() -> Transaction.retrying(0, runs::incrementAndGet))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Each alias has its own transaction state and hooks, as each Django connection does. */
  @DbTest
  void blocksOnAnotherAliasLeaveTheDefaultInAutocommit(TestDatabase db) {
    Database.configure("tx_other", db.settings());
    try {
      List<String> ran = new ArrayList<>();
      Transaction.using("tx_other")
          .run(
              () -> {
                assertThat(Database.connection("tx_other").inAtomicBlock()).isTrue();
                assertThat(Transaction.inAtomicBlock()).isFalse();
                Transaction.onCommit("tx_other", () -> ran.add("other, after commit"));
                Transaction.onCommit(() -> ran.add("default, at once"));
                assertThat(ran).containsExactly("default, at once");
                Reporter.objects.using("tx_other").create("name", "via other");
              });
      assertThat(ran).containsExactly("default, at once", "other, after commit");
      assertThat(names()).containsExactly("via other");
    } finally {
      Database.remove("tx_other");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }

  /** A checked exception thrown through a Supplier (Kotlin code does this freely). */
  @DbTest
  void aCheckedExceptionLeavingTheBlockRollsBackToo() {
    java.io.IOException io = new java.io.IOException("disk full");
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "half done");
                      throw sneaky(io);
                    }));
    assertThat(thrown).isSameAs(io);
    assertThat(Transaction.inAtomicBlock()).isFalse();
    assertThat(names()).isEmpty();
    Transaction.atomic(() -> Reporter.objects.create("name", "next"));
    assertThat(names()).containsExactly("next");
  }
}
