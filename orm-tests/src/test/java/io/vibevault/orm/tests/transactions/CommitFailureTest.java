package io.vibevault.orm.tests.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A transaction that fails at COMMIT (a foreign key checked at commit on SQLite and PostgreSQL, at
 * the INSERT on MariaDB) is rolled back, runs no hooks, and leaves a connection that holds no lock
 * and serves the next transaction.
 */
@DatabaseTest(models = {Reporter.class, Article.class})
class CommitFailureTest {

  private static Article dangling() {
    Article a = new Article();
    a.reporter.setId(999_999L);
    a.headline = "dangling";
    return a;
  }

  @DbTest
  void aFailedCommitRollsBackRunsNoHooksAndFreesTheConnection(TestDatabase db) throws Exception {
    List<String> hooks = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> {
                      Reporter.objects.create("name", "kept?");
                      Transaction.onCommit(() -> hooks.add("ran"));
                      dangling().save();
                    }))
        .isInstanceOf(IntegrityError.class);
    assertThat(hooks).isEmpty();
    assertThat(Transaction.inAtomicBlock()).isFalse();
    assertThat(Reporter.objects.count()).isZero();
    assertThat(Article.objects.count()).isZero();

    // Another thread can write at once: no lock is left behind.
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other
          .submit(() -> Transaction.atomic(() -> Reporter.objects.create("name", "other")))
          .get(3, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
    Transaction.atomic(
        () -> {
          Reporter r = Reporter.objects.create("name", "next");
          Article a = new Article();
          a.reporter.set(r);
          a.headline = "fine";
          a.save();
          Transaction.onCommit(() -> hooks.add("next"));
        });
    assertThat(hooks).containsExactly("next");
    assertThat(Article.objects.count()).isEqualTo(1);
  }

  @DbTest
  void aFailedCommitInsideAManualTransactionLeavesAutocommitOn() {
    Transaction.setAutocommit(false);
    try {
      Reporter.objects.create("name", "pending");
      dangling().save();
      assertThatThrownBy(() -> Transaction.setAutocommit(true)).isInstanceOf(IntegrityError.class);
    } catch (IntegrityError atInsert) {
      // MariaDB checks at the INSERT: roll back by hand, as a manual transaction must.
      Transaction.rollback();
    } finally {
      Transaction.setAutocommit(true);
    }
    assertThat(Transaction.getAutocommit()).isTrue();
    assertThat(Reporter.objects.count()).isZero();
    Reporter.objects.create("name", "autocommit works");
    assertThat(Reporter.objects.count()).isEqualTo(1);
  }
}
