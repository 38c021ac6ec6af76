package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.SerializationFailure;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.execution.AtomicBlocks.Isolation;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** docs/transactions.md beyond the guide's examples. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
class TransactionsDocTest {

  @DbTest
  void brokenBlockRefusesQueriesUntilItEnds() {
    Transaction.atomic(
        () -> {
          User.objects.create("username", "ada");
          assertThatThrownBy(() -> User.objects.create("username", "ada"))
              .isInstanceOf(IntegrityError.class);
          assertThatThrownBy(() -> User.objects.count())
              .isInstanceOf(TransactionManagementError.class)
              .hasMessageContaining(
                  "You can't execute queries until the end of the 'atomic' block");
        });
    assertThat(User.objects.count()).isZero(); // the whole block was rolled back

    // A nested block around the risky statement keeps the outer work.
    Transaction.atomic(
        () -> {
          User.objects.create("username", "ada");
          try {
            Transaction.atomic(() -> User.objects.create("username", "ada"));
          } catch (IntegrityError taken) {
            User.objects.create("username", "ada2");
          }
        });
    assertThat(User.objects.valuesList("username").flat().orderBy("username").list())
        .containsExactly("ada", "ada2");
  }

  @DbTest
  void durableBlocksMustBeOutermost() {
    Transaction.options().durable().run(() -> User.objects.create("username", "ada"));
    assertThatThrownBy(
            () -> Transaction.atomic(() -> Transaction.options().durable().run(() -> {})))
        .isInstanceOf(TransactionManagementError.class)
        .hasMessage("A durable atomic block cannot be nested within another atomic block.");
  }

  @DbTest
  void isolationLevels() {
    String vendor = GuideSql.vendor();
    String level =
        Transaction.options()
            .isolation(Isolation.SERIALIZABLE)
            .call(
                () -> {
                  try (Cursor c = Database.connection().cursor()) {
                    String sql =
                        switch (vendor) {
                          case "postgresql" -> "SHOW transaction_isolation";
                          case "mariadb" -> "SELECT @@tx_isolation";
                          default -> "PRAGMA read_uncommitted";
                        };
                    return String.valueOf(c.execute(sql).fetchOne()[0]);
                  }
                });
    switch (vendor) {
      case "postgresql" -> assertThat(level).isEqualTo("serializable");
      case "mariadb" -> assertThat(level).isEqualTo("SERIALIZABLE");
      default -> assertThat(level).isEqualTo("0"); // SQLite is always serializable
    }
    assertThatThrownBy(
            () ->
                Transaction.atomic(
                    () -> Transaction.options().isolation(Isolation.READ_COMMITTED).run(() -> {})))
        .isInstanceOf(TransactionManagementError.class);
  }

  @DbTest
  void retryingRunsTheWholeBlockAgain() {
    AtomicInteger attempts = new AtomicInteger();
    User user =
        Transaction.retrying(
            3,
            () -> {
              User u = User.objects.create("username", "ada" + attempts.get());
              if (attempts.incrementAndGet() == 1) {
                throw new SerializationFailure("could not serialize", null, "40001", 0);
              }
              return u;
            });
    assertThat(attempts).hasValue(2);
    assertThat(User.objects.valuesList("username").flat().list()).containsExactly(user.username);
  }

  @DbTest
  void onCommitAndRollbackControls() {
    List<String> events = new ArrayList<>();
    Transaction.onCommit(() -> events.add("now")); // no transaction: runs at once
    Transaction.atomic(
        () -> {
          User.objects.create("username", "ada");
          Transaction.onCommit(() -> events.add("never"));
          Transaction.setRollback(true); // roll back without an exception
        });
    assertThat(events).containsExactly("now");
    assertThat(User.objects.count()).isZero();

    Transaction.atomic(
        () -> {
          User.objects.create("username", "bob");
          String sid = Transaction.savepoint();
          User.objects.create("username", "carol");
          Transaction.savepointRollback(sid);
          assertThat(Transaction.inAtomicBlock()).isTrue();
        });
    assertThat(User.objects.valuesList("username").flat().list()).containsExactly("bob");
  }

  @DbTest
  void lockingOptionsTheBackendLacksAreRefusedBeforeSql() {
    if (Database.connection().backend().features().hasSelectForUpdateSkipLocked()) {
      Transaction.atomic(
          () ->
              assertThat(User.objects.selectForUpdate().skipLocked().query().sql())
                  .endsWith("FOR UPDATE SKIP LOCKED"));
      return;
    }
    Transaction.atomic(
        () ->
            assertNoQueries(
                () ->
                    assertThatThrownBy(() -> User.objects.selectForUpdate().skipLocked().list())
                        .isInstanceOf(NotSupportedError.class)));
  }
}
