package io.vibevault.orm.tests.queries;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.query.ResultIterator;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * iterator(chunkSize) streams rows: one query, rows read chunk by chunk, nothing retained, and the
 * connection given back when the iterator is closed or exhausted.
 */
@DatabaseTest(models = {Row.class})
class IteratorTest {
  private static final int ROWS = 5_000;

  private static void seed() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Row r = new Row();
      r.n = i;
      r.payload = "payload " + i;
      rows.add(r);
    }
    Row.objects.bulkCreate(rows, 1000);
  }

  @DbTest
  void streamsEveryRowInOneQuery() {
    seed();
    long sum =
        assertNumQueries(
            1,
            () -> {
              long total = 0;
              int seen = 0;
              int previous = -1;
              try (ResultIterator<Row> it = Row.objects.orderBy("n").iterator(100)) {
                while (it.hasNext()) {
                  Row r = it.next();
                  assertThat(r.n).isEqualTo(previous + 1);
                  previous = r.n;
                  total += r.n;
                  seen++;
                }
              }
              assertThat(seen).isEqualTo(ROWS);
              return total;
            });
    assertThat(sum).isEqualTo((long) ROWS * (ROWS - 1) / 2);
  }

  @DbTest
  void rowsAlreadyReadAreNotRetained() {
    seed();
    List<WeakReference<Row>> early = new ArrayList<>();
    try (ResultIterator<Row> it = Row.objects.orderBy("n").iterator(100)) {
      while (it.hasNext()) {
        Row r = it.next();
        if (early.size() < 200) {
          early.add(new WeakReference<>(r));
        }
      }
    }
    int alive = early.size();
    for (int attempt = 0; attempt < 10 && alive > 0; attempt++) {
      System.gc();
      alive = (int) early.stream().filter(w -> w.get() != null).count();
    }
    assertThat(alive).as("rows streamed earlier can be collected").isLessThan(20);
  }

  @DbTest
  void valuesStreamToo() {
    seed();
    int count = 0;
    try (ResultIterator<Object> it =
        Row.objects.filter("n__lt", 250).valuesList("payload").flat().iterator(7)) {
      while (it.hasNext()) {
        assertThat((String) it.next()).startsWith("payload ");
        count++;
      }
    }
    assertThat(count).isEqualTo(250);
  }

  @DbTest
  void anEmptyResultAndBadChunkSizes() {
    try (ResultIterator<Row> it = Row.objects.filter("n", -1).iterator(10)) {
      assertThat(it.hasNext()).isFalse();
    }
    try (ResultIterator<Row> it = Row.objects.none().iterator(10)) {
      assertThat(it.hasNext()).isFalse();
    }
    assertThatThrownBy(() -> Row.objects.all().iterator(0)).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> Row.objects.all().iterator(-5)).isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void closingGivesTheConnectionBack(TestDatabase db) throws Exception {
    seed();
    String alias = "iterator_one_connection_" + db.vendor();
    DatabaseSettings s = db.settings();
    Database.configure(
        alias,
        new DatabaseSettings(
            s.vendor(), s.host(), s.port(), s.name(), s.user(), s.password(), s.options(), 1, 750));
    try {
      assertThat(otherThreadCount(alias)).as("the pool's one connection is free").isEqualTo(ROWS);
      ResultIterator<Row> it = Row.objects.all().using(alias).iterator(100);
      assertThat(it.next()).isNotNull();
      assertThatThrownBy(() -> otherThreadCount(alias))
          .as("an open iterator holds the only connection")
          .hasCauseInstanceOf(OrmException.class);
      it.close();
      assertThat(otherThreadCount(alias)).as("closed: the connection is back").isEqualTo(ROWS);

      ResultIterator<Row> exhausted = Row.objects.filter("n__lt", 3).using(alias).iterator(2);
      while (exhausted.hasNext()) {
        exhausted.next();
      }
      assertThat(otherThreadCount(alias)).as("exhausted: the connection is back").isEqualTo(ROWS);
      exhausted.close();
    } finally {
      Database.remove(alias);
    }
  }

  private static long otherThreadCount(String alias) throws Exception {
    return CompletableFuture.supplyAsync(() -> Row.objects.all().using(alias).count())
        .get(30, TimeUnit.SECONDS);
  }
}
