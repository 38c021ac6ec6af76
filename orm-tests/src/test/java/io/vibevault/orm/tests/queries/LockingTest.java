package io.vibevault.orm.tests.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.TransactionManagementError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.RequiresFeature;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** selectForUpdate: only inside Transaction.atomic; FOR UPDATE where the backend has row locks. */
@DatabaseTest(models = {Product.class})
class LockingTest {

  private static void seed() {
    Product.objects.create("sku", "A", "name", "a", "price", 1);
    Product.objects.create("sku", "B", "name", "b", "price", 2);
  }

  @DbTest
  void refusedOutsideATransactionBeforeSql() {
    seed();
    var ran =
        Database.captureQueries(
            () -> {
              assertThatThrownBy(() -> Product.objects.selectForUpdate().list())
                  .isInstanceOf(TransactionManagementError.class);
              assertThatThrownBy(() -> Product.objects.selectForUpdate().get("sku", "A"))
                  .isInstanceOf(TransactionManagementError.class);
            });
    assertThat(ran).isEmpty();
  }

  @DbTest
  void locksTheSelectedRowsInsideAtomic(TestDatabase db) {
    seed();
    var ran =
        Database.captureQueries(
            () ->
                Transaction.atomic(
                    () -> {
                      List<Product> locked =
                          Product.objects.selectForUpdate().filter("price__gt", 1).list();
                      assertThat(locked).extracting(p -> p.sku).containsExactly("B");
                      Product p = locked.get(0);
                      p.price = 20;
                      p.save();
                    }));
    String select =
        ran.stream().filter(q -> q.sql().startsWith("SELECT")).findFirst().orElseThrow().sql();
    if (db.features().hasSelectForUpdate()) {
      assertThat(select).contains("FOR UPDATE");
    } else {
      assertThat(select).doesNotContain("FOR UPDATE");
    }
    assertThat(Product.objects.get("sku", "B").price).isEqualTo(20);
  }

  @DbTest
  @RequiresFeature({"hasSelectForUpdateNowait", "hasSelectForUpdateSkipLocked"})
  void nowaitFailsAndSkipLockedSkipsARowLockedElsewhere() throws Exception {
    seed();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                Transaction.atomic(
                    () -> {
                      Product.objects.selectForUpdate().get("sku", "A");
                      locked.countDown();
                      try {
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    try {
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      Transaction.atomic(
          () -> {
            assertThat(Product.objects.all().skipLocked().list())
                .extracting(p -> p.sku)
                .containsExactly("B");
          });
      assertThatThrownBy(
              () -> Transaction.atomic(() -> Product.objects.all().nowait().get("sku", "A")))
          .isInstanceOf(LockNotAvailable.class);
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
    }
  }

  @DbTest
  void optionsTheBackendLacksAreNotSupportedErrors(TestDatabase db) {
    seed();
    if (!db.features().hasSelectForUpdateSkipLocked()) {
      assertThatThrownBy(() -> Transaction.atomic(() -> Product.objects.all().skipLocked().list()))
          .isInstanceOf(NotSupportedError.class);
    }
    if (!db.features().hasSelectForUpdateNowait()) {
      assertThatThrownBy(() -> Transaction.atomic(() -> Product.objects.all().nowait().list()))
          .isInstanceOf(NotSupportedError.class);
    }
    if (db.features().hasSelectForUpdateNowait()) {
      String sql = Product.objects.all().nowait().query().sql();
      assertThat(sql).contains("NOWAIT");
    }
  }
}
