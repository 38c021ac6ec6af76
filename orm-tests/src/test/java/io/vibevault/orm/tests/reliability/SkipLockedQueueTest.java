package io.vibevault.orm.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.NotSupportedError;
import io.vibevault.orm.exception.TransactionRetryableError;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.expr.F;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.OnlyOn;
import io.vibevault.orm.testkit.RequiresFeature;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * a job queue drained by workers that claim batches with {@code selectForUpdate()
 * .skipLocked()}; every job is processed exactly once. {@code nowait()} against a locked row fails
 * fast with LockNotAvailable. SQLite has neither and says so before sending any SQL. Scaled from
 * 10,000 jobs and 8 workers to 2,000 and 4 for a shared 2-core machine.
 */
@DatabaseTest(models = Job.class)
class SkipLockedQueueTest {
  private static final int JOBS = 2_000;
  private static final int WORKERS = 4;
  private static final int BATCH = 10;

  private static void enqueue(int n) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(new Job());
    }
    Job.objects.bulkCreate(jobs);
  }

  @DbTest
  @RequiresFeature("hasSelectForUpdateSkipLocked")
  void everyJobIsProcessedExactlyOnce(TestDatabase db) throws Exception {
    History history =
        new History("R-08-queue", db.vendor(), Long.getLong("vibevault.seed", System.nanoTime()));
    enqueue(JOBS);
    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                start.await();
                int batches = 0;
                // Bounded: far more rounds than the queue needs, and a deadline.
                for (int round = 0; round < JOBS && System.nanoTime() < deadline; round++) {
                  List<Long> ids;
                  try {
                    ids =
                        Transaction.retrying(
                            3,
                            () -> {
                              List<Job> jobs =
                                  Job.objects
                                      .selectForUpdate()
                                      .skipLocked()
                                      .filter("done", false)
                                      .orderBy("id")
                                      .slice(0, BATCH)
                                      .list();
                              List<Long> got = new ArrayList<>();
                              for (Job job : jobs) {
                                got.add((Long) job.pk());
                              }
                              if (!got.isEmpty()) {
                                Job.objects
                                    .filter("pk__in", got)
                                    .update(
                                        Map.of(
                                            "done",
                                            true,
                                            "worker",
                                            worker,
                                            "times",
                                            F.of("times").plus(1)));
                              }
                              return got;
                            });
                  } catch (TransactionRetryableError e) {
                    errors.add(e);
                    continue;
                  }
                  if (ids.isEmpty()) {
                    break;
                  }
                  batches++;
                  claimed.addAll(ids);
                  history.record("claimed " + ids);
                }
                return batches;
              }));
    }
    start.countDown();
    List<Integer> batchesPerWorker = new ArrayList<>();
    try {
      for (Future<Integer> f : workers) {
        batchesPerWorker.add(f.get(150, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    String summary = "claimed=" + claimed.size() + " batchesPerWorker=" + batchesPerWorker;
    var file = history.write(summary);
    System.out.println("R-08 [" + db.vendor() + "] " + summary + " (history: " + file + ")");

    assertThat(errors).as("history %s", file).isEmpty();
    Set<Long> unique = new HashSet<>(claimed);
    assertThat(claimed).as("no job claimed twice").hasSameSizeAs(unique);
    assertThat(unique).as("none missing").hasSize(JOBS);
    assertThat(Job.objects.filter("done", false).count()).isZero();
    assertThat(Job.objects.exclude("times", 1).count()).as("processed exactly once").isZero();
    assertThat(Job.objects.valuesList("worker").distinct().flat().list())
        .as("the work was shared")
        .hasSizeGreaterThan(1);
  }

  /** Holds a lock on {@code job} in another thread until {@code release} opens. */
  private static Future<?> holdLock(
      ExecutorService pool, Job job, CountDownLatch locked, CountDownLatch release) {
    return pool.submit(
        () ->
            Transaction.atomic(
                () -> {
                  Job.objects.selectForUpdate().get("pk", job.pk());
                  locked.countDown();
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
  }

  @DbTest
  @RequiresFeature("hasSelectForUpdateNowait")
  void nowaitAgainstALockedRowFailsWithin200Ms() throws Exception {
    enqueue(3);
    List<Job> jobs = Job.objects.orderBy("id").list();
    Job locked = jobs.get(0);
    CountDownLatch isLocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder = holdLock(pool, locked, isLocked, release);
      assertThat(isLocked.await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  Transaction.atomic(
                      () -> Job.objects.selectForUpdate().nowait().get("pk", locked.pk())))
          .isInstanceOf(LockNotAvailable.class);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(millis).as("LockNotAvailable after %d ms", millis).isLessThan(200);

      // The other rows are free: NOWAIT takes them, SKIP LOCKED leaves out the locked one.
      Transaction.atomic(
          () -> {
            assertThat(Job.objects.selectForUpdate().nowait().get("pk", jobs.get(1).pk()))
                .isNotNull();
            if (Database.connection().backend().features().hasSelectForUpdateSkipLocked()) {
              assertThat(Job.objects.selectForUpdate().skipLocked().orderBy("id").list())
                  .extracting(Job::pk)
                  .containsExactly(jobs.get(1).pk(), jobs.get(2).pk());
            }
          });

      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
      // Once released, NOWAIT gets the row.
      Transaction.atomic(
          () ->
              assertThat(Job.objects.selectForUpdate().nowait().get("pk", locked.pk()))
                  .isNotNull());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @DbTest
  @OnlyOn("sqlite")
  void sqliteRefusesSkipLockedAndNowaitBeforeAnySql() {
    enqueue(3);
    Transaction.atomic(
        () -> {
          List<CapturedQuery> sent =
              Database.captureQueries(
                  () -> {
                    assertThatThrownBy(
                            () ->
                                Job.objects
                                    .selectForUpdate()
                                    .skipLocked()
                                    .filter("done", false)
                                    .slice(0, BATCH)
                                    .list())
                        .isInstanceOf(NotSupportedError.class);
                    assertThatThrownBy(() -> Job.objects.selectForUpdate().nowait().list())
                        .isInstanceOf(NotSupportedError.class);
                    assertThatThrownBy(() -> Job.objects.all().selectForUpdateOf("self").list())
                        .isInstanceOf(NotSupportedError.class);
                  });
          assertThat(sent).isEmpty();
          // Refused while building the query: the transaction is not marked broken.
          assertThat(Transaction.getRollback()).isFalse();
          assertThat(Job.objects.count()).isEqualTo(3);
        });
  }
}
