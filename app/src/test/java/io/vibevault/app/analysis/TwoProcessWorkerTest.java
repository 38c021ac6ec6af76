package io.vibevault.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DatabaseUrls;
import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.AnalysisStatus;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The worker test: 4 workers in 2 processes over 500 pending memories. */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class TwoProcessWorkerTest {
  @DbTest
  void fourWorkersInTwoProcessesAnalyseEachMemoryExactlyOnce(TestDatabase db) throws Exception {
    User ada =
        new Accounts(new PasswordHasher(1024, 1, 1)).register("ada", "ada@x.io", "password-ada");
    List<Memory> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Memory m = new Memory();
      m.user.set(ada);
      m.title = "Memory " + i;
      batch.add(m);
    }
    Memory.objects.bulkCreate(batch, 100);

    Path dir = TestDirs.create("vv-workers");
    Path childOut = dir.resolve("child.txt");
    Path ready = dir.resolve("ready");
    Path go = dir.resolve("go");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WorkerChild.class.getName(),
                DatabaseUrls.of(db.settings()),
                "2",
                childOut.toString(),
                ready.toString(),
                go.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.exists(ready))
          .as(
              Files.exists(dir.resolve("child.log"))
                  ? Files.readString(dir.resolve("child.log"))
                  : "")
          .isTrue();
      List<Long> mine = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Files.writeString(go, "go");
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> new AnalysisWorker(WorkerChild.slowCounting(mine), 5).drain()));
      }
      for (Future<Integer> f : runs) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

      List<Long> theirs =
          Files.readAllLines(childOut).stream()
              .filter(s -> !s.isBlank())
              .map(Long::parseLong)
              .toList();
      Map<Long, Integer> counts = new HashMap<>();
      mine.forEach(id -> counts.merge(id, 1, Integer::sum));
      theirs.forEach(id -> counts.merge(id, 1, Integer::sum));
      assertThat(counts).hasSize(500);
      assertThat(counts.values()).containsOnly(1);
      assertThat(theirs).isNotEmpty(); // both processes took part
      assertThat(mine).isNotEmpty();
      assertThat(Memory.objects.filter("analysisStatus", AnalysisStatus.DONE).count())
          .isEqualTo(500);
    } finally {
      child.destroy();
    }
  }
}
