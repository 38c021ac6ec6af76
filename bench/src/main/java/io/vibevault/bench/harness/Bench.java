package io.vibevault.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vibevault.bench.hibernate.HibernatePeer;
import io.vibevault.bench.jdbc.JdbcPeer;
import io.vibevault.bench.jooq.JooqPeer;
import io.vibevault.bench.model.AnalysisStatus;
import io.vibevault.bench.orm.OrmPeer;
import java.io.IOException;
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
 * checked against hand-written JDBC's answer; then {@link Sampler} warms every peer up and takes
 * samples in alternating rounds (the first peer of each round rotates) so noise from the shared
 * machine falls on all of them alike. One JSON line per workload and peer goes to {@code --out}.
 * {@code --pin-thread 0} pins the thread that runs the workloads to CPU 0 (run.sh pins the server
 * to the others, and passes it only then: the sampler takes it to mean both are pinned).
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fixture fixture;
  private final Sampler sampler;
  private final Path out;
  private Path target;

  /** JDBC's checked answers per workload, written for peers outside the JVM (Django). */
  private final Map<String, Object> answers = new LinkedHashMap<>();

  private final boolean quick;
  private final List<Peer> peers = new ArrayList<>();
  private DataSource jdbcDs;
  private final AtomicLong w7Flip = new AtomicLong();
  private List<String> only = List.of();
  private long profileSeconds;
  private List<String> peerNames = List.of("jdbc", "vibevault", "hibernate", "jooq");

  private Bench(Fixture fixture, boolean quick, boolean pinned, Path out) {
    this.fixture = fixture;
    this.quick = quick;
    this.sampler = new Sampler(fixture, quick, pinned);
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
            opts.containsKey("pin-thread"),
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

    /**
     * An untimed call whose only purpose is to leave the connection as an application's would be
     * (its statements past the driver's prepare threshold): the operation itself unless a workload
     * has a cheaper way to run the same statement.
     */
    default void prime(Peer peer, long n) throws Exception {
      run(peer, n);
    }

    /**
     * Untimed, before the first timed sample and after every one: lets the database reclaim what
     * the operations left behind (W7's dead row versions), so that no peer's sample pays for the
     * warm-up or for the sample before it.
     */
    default void reclaim() throws Exception {}
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
        // --quick, a smoke test, does not wait for MariaDB's purge (~1 s per delete on a slow VM).
        idle -> fixture.deleteAbove(jdbcDs, maxId, idle && !quick),
        () -> insertedRows(maxId));
    fixture.settle(jdbcDs);
    Map<Long, String> w7Before = fixture.w7Statuses(jdbcDs);
    workload(
        "W7",
        new Op() {
          @Override
          public Object run(Peer p, long n) throws Exception {
            return p.w7(
                w7Flip.getAndIncrement() % 2 == 0 ? AnalysisStatus.DONE : AnalysisStatus.FAILED);
          }

          @Override
          public void reclaim() throws Exception {
            fixture.reclaimUpdatedRows(jdbcDs);
          }
        },
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
    workload("W9", new StreamWorkload(fixture.memories), null);
  }

  private List<String> insertedRows(long maxId) throws Exception {
    List<String> rows = new ArrayList<>();
    // Without their ids: every peer's insert draws new ones.
    for (String line : Canon.of(new JdbcPeer(jdbcDs, fixture.vendor).memoriesAbove(maxId))) {
      rows.add(line.substring(line.indexOf('|')));
    }
    return rows;
  }

  private void workload(String id, Op op, Cleanup cleanup) throws Exception {
    workload(id, op, cleanup, null);
  }

  /** Undoes what an operation wrote (untimed). */
  @FunctionalInterface
  interface Cleanup {
    /**
     * {@code idle}: also waits until the database has finished what the undoing left it to do in
     * the background (MariaDB's purge), as before a sample; warm-up operations wait only now and
     * then (see Sampler).
     */
    void run(boolean idle) throws Exception;
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
          cleanup.run(true);
        }
      }
      System.out.printf(
          "[%s] %s %s: %d operations profiled%n", fixture.vendorName, id, p.name(), n);
      return;
    }
    long began = System.nanoTime();
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
        cleanup.run(true);
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
    List<Sampler.Result> results = sampler.sample(id, timed, op, cleanup);
    for (int i = 0; i < timed.size(); i++) {
      Sampler.Result result = results.get(i);
      long[] s = result.samplesNs().clone();
      Arrays.sort(s);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("min_ns", s[0]);
      extra.put("max_ns", s[s.length - 1]);
      extra.put("samples", s.length);
      extra.put("ops_per_sample", result.perSample());
      // In round order: sample r of every peer was taken in round r (on the same connection on a
      // server), so rounds can be compared peer with peer; a peer that sat out the last rounds has
      // those of the rounds it took.
      extra.put("samples_ns", result.samplesNs());
      // The collectors' time within each sample (pauses and, for G1, its concurrent phases'
      // accounting), in the same order: a sample much slower than its neighbours with tens of ms
      // here met a collection, whichever peer's garbage it was.
      extra.put("gc_ms", result.gcMs());
      extra.put("jit_ms", result.jitMs());
      if (stream) {
        extra.put("peak_heap_mb", round1(result.peakHeapMb()));
        if (!quick && op instanceof StreamWorkload w9) {
          // One more stream per peer: a full run's measurement, not a smoke test's.
          extra.put("heap_growth_mb", round1(w9.heapGrowthMb(timed.get(i))));
        }
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
          result.perSample(),
          heapNote(extra));
    }
    // Checks, warm-up, reconnections, rounds and cleanups: where a run's minutes go.
    System.out.printf(
        "[%s] %s took %.1f s%n", fixture.vendorName, id, (System.nanoTime() - began) / 1e9);
  }

  /** W9's heap figures for the log line (growth only where it was measured); "" elsewhere. */
  private static String heapNote(Map<String, Object> extra) {
    if (!extra.containsKey("peak_heap_mb")) {
      return "";
    }
    String note = String.format("  peak heap %.1f MB", extra.get("peak_heap_mb"));
    return extra.containsKey("heap_growth_mb")
        ? note + String.format(", growth %.1f MB", extra.get("heap_growth_mb"))
        : note;
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
