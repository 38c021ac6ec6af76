package io.vibevault.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vibevault.bench.hibernate.HibernatePeer;
import io.vibevault.bench.jdbc.JdbcPeer;
import io.vibevault.bench.jdbc.Vendor;
import io.vibevault.bench.jooq.JooqPeer;
import io.vibevault.bench.model.AnalysisStatus;
import io.vibevault.bench.orm.OrmPeer;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The benchmark runner for one database in one JVM: {@code --db sqlite|postgresql|mariadb}, {@code
 * --mode main} (W1-W8, W10; creates and loads the data) or {@code --mode stream} (W9, run with
 * -Xmx64m on the data main left), {@code --quick}. Each workload is first run once per peer and
 * checked against hand-written JDBC's answer; then every peer warms up, and samples are taken in
 * alternating rounds (the first peer of each round rotates) so noise from the shared machine falls
 * on all of them alike. One JSON line per workload and peer goes to {@code --out}.
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fixture fixture;
  private final boolean quick;
  private final Path out;
  private Path target;

  /** JDBC's checked answers per workload, written for peers outside the JVM (Django). */
  private final Map<String, Object> answers = new LinkedHashMap<>();

  private final List<Peer> peers = new ArrayList<>();
  private DataSource jdbcDs;
  private final AtomicLong w7Flip = new AtomicLong();
  private List<String> only = List.of();
  private long profileSeconds;
  private List<String> peerNames = List.of("jdbc", "vibevault", "hibernate", "jooq");

  private Bench(Fixture fixture, boolean quick, Path out) {
    this.fixture = fixture;
    this.quick = quick;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        opts.put("quick", "true");
      } else {
        opts.put(args[i].substring(2), args[++i]);
      }
    }
    if (opts.containsKey("pin-thread")) {
      pinThisThread(opts.get("pin-thread"));
    }
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    String db = opts.getOrDefault("db", "sqlite");
    Path target = Path.of(opts.getOrDefault("target", "bench/target"));
    Fixture fixture = new Fixture(db, 4000);
    Bench bench =
        new Bench(
            fixture,
            opts.containsKey("quick"),
            Path.of(opts.getOrDefault("out", target.resolve("raw.jsonl").toString())));
    if (opts.containsKey("only")) {
      bench.only = List.of(opts.get("only").split(","));
    }
    if (opts.containsKey("profile")) {
      bench.profileSeconds = Long.parseLong(opts.get("profile"));
    }
    if (opts.containsKey("peers")) {
      bench.peerNames = List.of(opts.get("peers").split(","));
    }
    bench.target = target;
    fixture.configure(target);
    bench.open();
    try {
      if (opts.getOrDefault("mode", "main").equals("main")) {
        long t0 = System.nanoTime();
        if (!opts.containsKey("reuse")) {
          fixture.createAndLoad(bench.jdbcDs);
        } else {
          fixture.settle(bench.jdbcDs);
        }
        System.out.printf(
            "[%s] loaded %d users, %d memories in %.1f s%n",
            db, fixture.users, fixture.memories, (System.nanoTime() - t0) / 1e9);
        bench.runMain();
      } else {
        bench.runStream();
      }
    } finally {
      bench.close();
    }
  }

  /**
   * Pins the calling thread, which runs every workload, to {@code cpus} (a taskset CPU list), and
   * only it: the JVM's compiler and collector threads stay free to run on the server's CPU when the
   * server is idle, as they do unpinned.
   */
  private static void pinThisThread(String cpus) throws IOException, InterruptedException {
    // /proc/thread-self links to /proc/<pid>/task/<tid>: the kernel's id of this thread.
    String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    Process p =
        new ProcessBuilder("taskset", "-p", "-c", cpus, tid)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("taskset could not pin thread " + tid + " to CPUs " + cpus);
    }
  }

  private void open() {
    jdbcDs = fixture.dataSource("jdbc");
    // JDBC always runs: its answer is the reference the others are checked against.
    peers.add(new JdbcPeer(jdbcDs, fixture.vendor));
    if (peerNames.contains("vibevault")) {
      peers.add(new OrmPeer());
    }
    if (peerNames.contains("hibernate")) {
      peers.add(new HibernatePeer(fixture.dataSource("hibernate"), fixture.vendorName));
    }
    if (peerNames.contains("jooq")) {
      peers.add(new JooqPeer(fixture.dataSource("jooq"), fixture.vendor));
    }
  }

  private void close() {
    for (Peer p : peers) {
      p.close();
    }
    io.vibevault.orm.Database.closeAll();
  }

  /** One operation of a workload for a peer; {@code n} numbers the calls (for varying keys). */
  @FunctionalInterface
  interface Op {
    Object run(Peer peer, long n) throws Exception;
  }

  private void runMain() throws Exception {
    int users = fixture.users;
    int memories = fixture.memories;
    workload("W1", (p, n) -> p.w1(10_000), null);
    workload("W2", (p, n) -> p.w2((n * 7919L) % memories + 1), null);
    workload("W3", (p, n) -> p.w3(n % users + 1), null);
    workload("W4", (p, n) -> p.w4(1_000), null);
    workload("W5", (p, n) -> p.w5(200), null);
    List<Data.NewMemory> batch = Data.batch(10_000, users);
    long maxId = memories;
    workload(
        "W6",
        (p, n) -> p.w6(batch),
        () -> fixture.deleteAbove(jdbcDs, maxId),
        () -> insertedRows(maxId));
    fixture.settle(jdbcDs);
    Map<Long, String> w7Before = fixture.w7Statuses(jdbcDs);
    workload(
        "W7",
        (p, n) ->
            p.w7(w7Flip.getAndIncrement() % 2 == 0 ? AnalysisStatus.DONE : AnalysisStatus.FAILED),
        null);
    // Untimed: W7 leaves the statuses it flipped; put them back so what reads the data later (the
    // Django column, a --reuse run) sees the rows the W1-W5 answers were taken on.
    fixture.restoreW7Statuses(jdbcDs, w7Before);
    fixture.settle(jdbcDs);
    workload("W8", (p, n) -> p.w8(), null);
    workload("W10", (p, n) -> p.w10(), null);
    writeAnswers(maxId);
  }

  /**
   * Writes JDBC's canonical answers ({@code jdbc-answers-<db>.json} in the target directory) so a
   * peer in another process (bench/django) is checked against the same text before it is timed.
   */
  private void writeAnswers(long maxId) throws IOException {
    if (profileSeconds > 0 || answers.isEmpty()) {
      return;
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("database", fixture.vendorName);
    file.put("users", fixture.users);
    file.put("memories", fixture.memories);
    file.put("max_id", maxId);
    file.put("workloads", answers);
    JSON.writeValue(target.resolve("jdbc-answers-" + fixture.vendorName + ".json").toFile(), file);
  }

  private void runStream() throws Exception {
    long[] seen = new long[1];
    Object[] last = new Object[1];
    Peer.Sink sink =
        o -> {
          seen[0]++;
          last[0] = o;
        };
    workload(
        "W9",
        (p, n) -> {
          seen[0] = 0;
          p.w9(2000, sink);
          Object l = last[0];
          last[0] = null;
          return seen[0] + " rows, last " + Canon.one(l);
        },
        null);
  }

  private List<String> insertedRows(long maxId) throws Exception {
    List<String> rows = new ArrayList<>();
    for (String line : Canon.of(new JdbcPeer(jdbcDs, fixture.vendor).w1(Integer.MAX_VALUE))) {
      long id = Long.parseLong(line.substring(0, line.indexOf('|')));
      if (id > maxId) {
        rows.add(line.substring(line.indexOf('|')));
      }
    }
    return rows;
  }

  private void workload(String id, Op op, Cleanup cleanup) throws Exception {
    workload(id, op, cleanup, null);
  }

  @FunctionalInterface
  interface Cleanup {
    void run() throws Exception;
  }

  @FunctionalInterface
  interface SideEffect {
    List<String> read() throws Exception;
  }

  private void workload(String id, Op op, Cleanup cleanup, SideEffect effect) throws Exception {
    if (!only.isEmpty() && !only.contains(id)) {
      return;
    }
    if (profileSeconds > 0) {
      // For a profiler (JFR): the last peer named, in a loop, nothing measured.
      Peer p = peers.get(peers.size() - 1);
      long until = System.nanoTime() + profileSeconds * 1_000_000_000L;
      long n = 0;
      while (System.nanoTime() < until) {
        op.run(p, ++n);
        if (cleanup != null) {
          cleanup.run();
        }
      }
      System.out.printf(
          "[%s] %s %s: %d operations profiled%n", fixture.vendorName, id, p.name(), n);
      return;
    }
    boolean stream = id.equals("W9");
    List<Peer> timed = new ArrayList<>();
    List<String> expected = null;
    List<String> expectedEffect = null;
    for (Peer p : peers) {
      Object result;
      try {
        result = op.run(p, 0);
      } catch (Peer.Pending e) {
        System.out.printf(
            "[%s] %s %-10s pending: %s%n", fixture.vendorName, id, p.name(), e.getMessage());
        emit(id, p.name(), "pending", e.getMessage(), null, null);
        continue;
      } catch (Exception | Error e) {
        System.out.printf("[%s] %s %-10s ERROR: %s%n", fixture.vendorName, id, p.name(), e);
        e.printStackTrace(System.out);
        emit(id, p.name(), "error", String.valueOf(e), null, null);
        continue;
      }
      List<String> canon = id.equals("W10") ? List.of("sql") : Canon.of(result);
      List<String> sideEffect = effect == null ? null : effect.read();
      if (cleanup != null) {
        cleanup.run();
      }
      if (expected == null) {
        // JDBC runs first: its answer is the reference (W10 has none: SQL text differs by design).
        expected = canon;
        expectedEffect = sideEffect;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lines", canon);
        if (sideEffect != null) {
          answer.put("effect", sideEffect);
        }
        answers.put(id, answer);
        if (id.equals("W10")) {
          System.out.printf("[%s] W10 %s SQL: %s%n", fixture.vendorName, p.name(), result);
        }
      } else if (!canon.equals(expected)
          || (effect != null && !sideEffect.equals(expectedEffect))) {
        String diff = firstDifference(expected, canon);
        if (effect != null && canon.equals(expected)) {
          diff = "inserted rows differ: " + firstDifference(expectedEffect, sideEffect);
        }
        System.out.printf("[%s] %s %-10s MISMATCH: %s%n", fixture.vendorName, id, p.name(), diff);
        emit(id, p.name(), "mismatch", diff, null, null);
        continue;
      } else if (id.equals("W10")) {
        System.out.printf("[%s] W10 %s SQL: %s%n", fixture.vendorName, p.name(), result);
      }
      timed.add(p);
    }
    if (timed.isEmpty()) {
      return;
    }
    long[] counters = new long[timed.size()];
    // How many operations make one sample: ~target ms for the first (reference) peer.
    long targetNs = (quick ? 40 : 100) * 1_000_000L;
    long warmNs = (quick ? 200 : 1200) * 1_000_000L;
    // Code that runs once per operation (building and compiling a QuerySet) reaches the JIT's
    // optimising compiler after thousands of calls, not after a time: at 3-7 ms per operation,
    // 1.2 s left W7's update path in C1 code, where it cost VibeVault twice the client CPU (172 vs
    // 89 us per update in a loop) and 8% of the wall clock on MariaDB. So operations shorter than
    // 10 ms also warm up until 1,000 calls, for at most 5 s. (Longer ones spend their time in
    // per-row loops, which the JIT compiles early; --quick keeps its short warm-up.)
    int warmOps = quick ? 3 : 1000;
    long warmCapNs = 5000 * 1_000_000L;
    long shortOpNs = 10 * 1_000_000L;
    // W9 streams 200,000 rows per operation: half the warm-up is still several operations. W5
    // (~40 ms) gets the full warm-up: with half, its hydration and grouping code was still being
    // compiled during the first samples. W6 inserts 10,000 rows per operation in 56 statements
    // (VibeVault; JDBC in 10 batches): what runs once per statement reaches the optimising
    // compiler after a thousand statements or so, not after a time. With 0.6 s and with 1.2 s of
    // warm-up, the JIT still compiled for 12-77 ms within each of VibeVault's first five to seven
    // W6 samples on every database (jit_ms), which took 118-158 ms on MariaDB against 113-121 ms
    // after. So W6 warms up for 20 operations, for at most 3 s per peer. In --quick, one
    // operation of 10,000 or 200,000 rows warms W6's and W9's row loops up (one takes 0.1-1.5 s;
    // with three, --quick took 5 minutes on an AMD 2-core VM).
    int minWarmOps = quick && (stream || id.equals("W6")) ? 1 : 3;
    if (stream || (quick && id.equals("W6"))) {
      warmNs = warmNs / 2;
      warmOps = minWarmOps;
      warmCapNs = warmNs;
    } else if (id.equals("W6")) {
      warmOps = 20;
      warmCapNs = 3000 * 1_000_000L;
    }
    // The reference peer's mean operation time in its warm-up, for the calls after reconnecting.
    long warmMeanNs = 0;
    for (int i = 0; i < timed.size(); i++) {
      // The operations' own time: W6's cleanup (a DELETE, on MariaDB a wait for the purge) is not
      // warming anything up.
      long elapsed = 0;
      int done = 0;
      while (true) {
        if (i == 0 && done > 0) {
          warmMeanNs = elapsed / done;
        }
        boolean longOpsDone = cleanup == null && done > 0 && elapsed / done >= shortOpNs;
        boolean enough =
            done >= minWarmOps
                && elapsed >= warmNs
                && (done >= warmOps || elapsed >= warmCapNs || longOpsDone);
        if (enough || done >= 100_000) {
          break;
        }
        long start = System.nanoTime();
        op.run(timed.get(i), ++counters[i]);
        elapsed += System.nanoTime() - start;
        if (cleanup != null) {
          cleanup.run();
        }
        done++;
      }
    }
    // After new connections, a dozen untimed calls for short operations (see reconnect), fewer for
    // the rest: a statement planned afresh costs nothing next to a 20 ms or a 600 ms operation,
    // and twelve streams of W9 per peer and database added 1.5 minutes to --quick. But pgjdbc
    // sends a statement's first four executions on a connection as text and reads their results
    // as text, and switches to a server-prepared statement with binary results from the fifth
    // (prepareThreshold): W9 on PostgreSQL streamed in 450-470 ms for every peer in the four rounds
    // after its one untimed call and in 350-380 ms from then on, the JIT recompiling the driver's
    // binary date-time reader at that moment. An application's pooled connections run their
    // statements far more often than four times, so on PostgreSQL a long read gets five untimed
    // calls (outside --quick, where one stays a smoke test's; W6 runs its insert 56 times a call).
    boolean shortOp = cleanup == null && warmMeanNs < shortOpNs;
    boolean pastPrepareThreshold = cleanup == null && fixture.vendor == Vendor.POSTGRESQL && !quick;
    int untimedCalls = shortOp ? 12 : pastPrepareThreshold ? 5 : 1;
    reconnect(timed, op, cleanup, counters, untimedCalls);
    awaitQuietJit();
    // The fastest of a few calls of the reference peer sizes the samples (noise only adds time; one
    // call for operations of 10 ms and more).
    long one = Long.MAX_VALUE;
    for (int i = 0; i < (shortOp ? 5 : 1); i++) {
      long t0 = System.nanoTime();
      op.run(timed.get(0), ++counters[0]);
      one = Math.max(1, Math.min(one, System.nanoTime() - t0));
      if (cleanup != null) {
        cleanup.run();
      }
    }
    // W9's samples are single streams whose time varies most (GC in a 64 MB heap): as many rounds
    // as the others, so its median does not rest on seven values.
    int rounds = quick ? (stream || cleanup != null ? 3 : 5) : 11;
    // Sub-millisecond operations (W2, W3) are a round trip or two to a server, whose latency on a
    // 2-core VM sits at one of two levels (17-20 us or 60-90 us for one get on PostgreSQL on an
    // Intel VM, ~35 us or ~100 us on an AMD one): fast while the server process that answers runs
    // on the client's CPU, slow when waking it takes the other, idle one. The scheduler keeps a
    // server process where it is for seconds: with one connection all along, a workload's samples
    // could all sit on one level (PostgreSQL W2 at 2.37x in one run, its minimum at 1.11x, when
    // each peer still had a connection of its own). So these take 33 shorter rounds, and on a
    // server every round starts on a new connection, which all peers share (Fixture#dataSource):
    // the placement is drawn again per round, for all peers at once (on a quiet VM; on a noisy one
    // the server moved within a round, see docs/performance.md). Longer reads
    // depend on it too, the other way round (10,000 rows stream faster when the server runs beside
    // the client, on the other CPU: PostgreSQL's W1 took 22 to 39 ms for the JDBC floor within one
    // run), so every read workload on a server reconnects per round.
    // (Not on SQLite, which runs in the JVM: a new connection there only starts with an empty page
    // cache, which made every peer's W2 a third slower.)
    boolean subMillisecond = !quick && one < 1_000_000L && cleanup == null;
    boolean reconnectPerRound =
        !quick && !stream && cleanup == null && fixture.vendor != Vendor.SQLITE;
    if (subMillisecond) {
      rounds = 33;
      targetNs = targetNs / 3;
    }
    int perSample = (int) Math.max(1, Math.min(50_000, targetNs / one));
    if (cleanup != null) {
      perSample = 1;
    }
    long[][] samples = new long[timed.size()][rounds];
    long[][] gcMsPerSample = new long[timed.size()][rounds];
    long[][] jitMsPerSample = new long[timed.size()][rounds];
    int[] taken = new int[timed.size()];
    boolean[] settled = new boolean[timed.size()];
    double[] peakMb = new double[timed.size()];
    for (int r = 0; r < rounds; r++) {
      if (reconnectPerRound && r > 0) {
        reconnect(timed, op, cleanup, counters, untimedCalls);
      }
      for (int k = 0; k < timed.size(); k++) {
        int i = (r + k) % timed.size();
        if (settled[i]) {
          continue;
        }
        Peer p = timed.get(i);
        if (stream) {
          resetPeaks();
        }
        long gcBefore = gcMillis();
        long jitBefore = jitMillis();
        long start = System.nanoTime();
        for (int s = 0; s < perSample; s++) {
          op.run(p, ++counters[i]);
        }
        long elapsed = System.nanoTime() - start;
        gcMsPerSample[i][taken[i]] = gcMillis() - gcBefore;
        jitMsPerSample[i][taken[i]] = jitMillis() - jitBefore;
        samples[i][taken[i]++] = elapsed / perSample;
        if (stream) {
          peakMb[i] = Math.max(peakMb[i], peakHeapMb());
        }
        if (cleanup != null) {
          cleanup.run();
        }
      }
      // A peer at twice the reference or more after five rounds (JDBC's median; VibeVault's in
      // W10, where JDBC has none) is far from any close call, and the slowest make the longest
      // samples: it sits out the remaining rounds. (Hibernate inserts
      // W6's rows one by one, 6-12x of JDBC's 0.2-0.4 s, and streams W9 at 2-3x of 0.5-1.2 s: its
      // eleven rounds of those two were over a minute of a full run on a slow VM.)
      if (r + 1 == SETTLING_ROUNDS && rounds > SETTLING_ROUNDS) {
        long floor = median(samples[0], SETTLING_ROUNDS);
        for (int i = 1; i < timed.size(); i++) {
          settled[i] = median(samples[i], SETTLING_ROUNDS) >= 2 * floor;
        }
      }
    }
    for (int i = 0; i < timed.size(); i++) {
      long[] inRoundOrder = Arrays.copyOf(samples[i], taken[i]);
      long[] s = inRoundOrder.clone();
      Arrays.sort(s);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("min_ns", s[0]);
      extra.put("max_ns", s[s.length - 1]);
      extra.put("samples", s.length);
      extra.put("ops_per_sample", perSample);
      // In round order: sample r of every peer was taken in round r (on the same connection on a
      // server), so rounds can be compared peer with peer; a peer that sat out the last rounds has
      // the first five.
      extra.put("samples_ns", inRoundOrder);
      // The collectors' time within each sample (pauses and, for G1, its concurrent phases'
      // accounting), in the same order: a sample much slower than its neighbours with tens of ms
      // here met a collection, whichever peer's garbage it was.
      extra.put("gc_ms", Arrays.copyOf(gcMsPerSample[i], taken[i]));
      extra.put("jit_ms", Arrays.copyOf(jitMsPerSample[i], taken[i]));
      if (stream) {
        extra.put("peak_heap_mb", round1(peakMb[i]));
        extra.put("heap_growth_mb", round1(heapGrowthMb(timed.get(i))));
        extra.put("max_heap_mb", round1(Runtime.getRuntime().maxMemory() / 1048576.0));
      }
      emit(id, timed.get(i).name(), "ok", null, s[s.length / 2], extra);
      System.out.printf(
          "[%s] %-3s %-10s median %,14d ns  (min %,d max %,d; %d x %d ops)%s%n",
          fixture.vendorName,
          id,
          timed.get(i).name(),
          s[s.length / 2],
          s[0],
          s[s.length - 1],
          s.length,
          perSample,
          stream
              ? String.format(
                  "  peak heap %.1f MB, growth %.1f MB",
                  extra.get("peak_heap_mb"), extra.get("heap_growth_mb"))
              : "");
    }
  }

  /** Rounds after which a peer at twice the reference or more stops being sampled. */
  private static final int SETTLING_ROUNDS = 5;

  /** The median of the first {@code n} values. */
  private static long median(long[] values, int n) {
    long[] first = Arrays.copyOf(values, n);
    Arrays.sort(first);
    return first[n / 2];
  }

  /**
   * The live heap an open stream holds: used heap after a full GC half-way through the stream, less
   * the used heap after a full GC before it (an untimed run of its own).
   */
  private double heapGrowthMb(Peer p) throws Exception {
    gc();
    long before = usedHeap();
    long[] seen = new long[1];
    long[] during = new long[1];
    p.w9(
        2000,
        o -> {
          if (++seen[0] == fixture.memories / 2) {
            gc();
            during[0] = usedHeap();
          }
        });
    return Math.max(0, during[0] - before) / 1048576.0;
  }

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  /**
   * Waits (at most 3 s) until the JIT has finished no compilation for 150 ms. The warm-up queues
   * compilations faster than one compiler thread per tier on 2 cores finishes them: in a full run
   * the compiler was still busy for 50-200 ms within samples of the first rounds of W2, W3 and W6
   * (jit_ms), on the CPU of the thread being timed or of the server. The backlog is drained first;
   * what the timed rounds trigger themselves still compiles within them.
   */
  private static void awaitQuietJit() throws InterruptedException {
    if (JIT == null || !JIT.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.nanoTime() + 3_000_000_000L;
    long last = jitMillis();
    int quietTicks = 0;
    while (quietTicks < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      long now = jitMillis();
      quietTicks = now == last ? quietTicks + 1 : 0;
      last = now;
    }
  }

  /** The time the JIT has spent compiling so far (0 where the JVM does not tell). */
  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : 0;
  }

  /** The collection time of every garbage collector of this JVM so far. */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, b.getCollectionTime());
    }
    return total;
  }

  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String firstDifference(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return "missing result";
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return "row " + i + ": expected " + a.get(i) + " but got " + b.get(i);
      }
    }
    return "expected " + a.size() + " rows but got " + b.size();
  }

  /**
   * New connections for every peer (see {@link Fixture#freshConnections}), each used by {@code
   * calls} untimed calls so that no sample pays for a connection or its first prepared statements
   * (pgjdbc prepares on the server from a statement's fifth use, and PostgreSQL plans a prepared
   * statement afresh for its first five executions).
   */
  private void reconnect(List<Peer> timed, Op op, Cleanup cleanup, long[] counters, int calls)
      throws Exception {
    fixture.freshConnections();
    for (int i = 0; i < timed.size(); i++) {
      for (int call = 0; call < calls; call++) {
        op.run(timed.get(i), ++counters[i]);
        if (cleanup != null) {
          cleanup.run();
        }
      }
    }
    // On SQLite the ORM's new pool opened one connection in its first call and opens the other in
    // the background (the peers' pools were waited for): a connection takes a few ms to open.
    Thread.sleep(20);
  }

  private void emit(
      String workload,
      String impl,
      String status,
      String note,
      Long medianNs,
      Map<String, Object> extra)
      throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("workload", workload);
    line.put("database", fixture.vendorName);
    line.put("impl", impl);
    line.put("status", status);
    line.put("median_ns", medianNs);
    if (note != null) {
      line.put("note", note);
    }
    if (extra != null) {
      line.putAll(extra);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(
        out,
        JSON.writeValueAsString(line) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
