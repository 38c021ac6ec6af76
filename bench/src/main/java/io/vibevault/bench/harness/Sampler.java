package io.vibevault.bench.harness;

import io.vibevault.bench.jdbc.Vendor;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one workload for the peers whose answers were checked: warm-up, new connections and untimed
 * calls, the JIT's backlog drained, then alternating rounds of one sample per peer, with the
 * collectors' and the JIT's milliseconds within each sample and, for a stream, the heap's peak.
 *
 * <pre>{@code
 * List<Sampler.Result> results = new Sampler(fixture, false).sample("W1", peers, op, null);
 * }</pre>
 */
final class Sampler {
  /** Operations shorter than this are sampled in batches and warm up by count, not time. */
  private static final long SHORT_OP_NS = 10 * 1_000_000L;

  /** Rounds after which a peer at twice the reference or more stops being sampled. */
  private static final int SETTLING_ROUNDS = 5;

  /** Rounds after which a peer at four times the reference or more stops being sampled. */
  private static final int EARLY_SETTLING_ROUNDS = 3;

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final Fixture fixture;
  private final boolean quick;
  private final boolean pinned;

  /**
   * {@code pinned}: the workload thread and the server run on CPUs of their own (run.sh's
   * placement), so a new connection cannot land the server elsewhere.
   */
  Sampler(Fixture fixture, boolean quick, boolean pinned) {
    this.fixture = fixture;
    this.quick = quick;
    this.pinned = pinned;
  }

  /**
   * One peer's samples: the nanoseconds per operation of each sample in round order (sample r was
   * taken in round r; a peer that sat out has those of the rounds it took), and in the same order
   * the milliseconds the collectors and the JIT reported within it.
   */
  record Result(long[] samplesNs, long[] gcMs, long[] jitMs, int perSample, double peakHeapMb) {}

  /** Samples {@code op} for each of {@code timed} (the reference peer first). */
  List<Result> sample(String id, List<Peer> timed, Bench.Op op, Bench.Cleanup cleanup)
      throws Exception {
    boolean stream = id.equals("W9");
    boolean writes = cleanup != null; // W6, the one workload that writes
    long[] counters = new long[timed.size()];
    // How many operations make one sample: ~target ms for the first (reference) peer.
    long targetNs = (quick ? 40 : 100) * 1_000_000L;
    // In --quick, one operation of 10,000 or 200,000 rows warms W6's and W9's row loops up (one
    // takes 0.1-5 s; with three, --quick took 5 minutes on an AMD 2-core VM), and the correctness
    // check has run it: no warm-up, and no new connections after it.
    boolean checkWarmsUp = quick && (stream || writes);
    long warmMeanNs = checkWarmsUp ? Long.MAX_VALUE : warmUp(stream, timed, op, cleanup, counters);
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
    boolean shortOp = !writes && !stream && warmMeanNs < SHORT_OP_NS;
    boolean pastPrepareThreshold = !writes && fixture.vendor == Vendor.POSTGRESQL && !quick;
    int untimedCalls = shortOp ? 12 : pastPrepareThreshold ? 5 : 1;
    if (!checkWarmsUp) {
      reconnect(timed, op, cleanup, counters, untimedCalls);
    }
    if (!quick) {
      // (--quick times the JIT's first tiers anyway: a smoke test.)
      awaitQuietJit();
    }
    // The fastest of a few calls of the reference peer sizes the samples (noise only adds time; one
    // call for operations of 10 ms and more). W6 and W9 take one operation per sample: no call,
    // and `one` left at its maximum makes perSample 1.
    int sizingCalls = writes || stream ? 0 : shortOp ? 5 : 1;
    long one = Long.MAX_VALUE;
    for (int i = 0; i < sizingCalls; i++) {
      long t0 = System.nanoTime();
      op.run(timed.get(0), ++counters[0]);
      one = Math.max(1, Math.min(one, System.nanoTime() - t0));
    }
    // W9's samples are single streams whose time varies most (GC in a 64 MB heap): as many rounds
    // as the others, so its median does not rest on seven values.
    int rounds = quick ? (stream || writes ? 3 : 5) : 11;
    // Sub-millisecond operations (W2, W3) are a round trip or two to a server, whose latency on a
    // 2-core VM sits at one of two levels (17-20 us or 60-90 us for one get on PostgreSQL on an
    // Intel VM, ~35 us or ~100 us on an AMD one): fast while the server process that answers runs
    // on the client's CPU, slow when waking it takes the other, idle one. The scheduler keeps a
    // server process where it is for seconds: with one connection all along, a workload's samples
    // could all sit on one level (PostgreSQL W2 at 2.37x in one run, its minimum at 1.11x, when
    // each peer still had a connection of its own). So these take 33 shorter rounds, and on a
    // server every round starts on a new connection, which all peers share (Fixture#dataSource):
    // the placement is drawn again per round, for all peers at once. (That did not pair the
    // levels: the server moved within a round. run.sh now pins the workload thread and the server
    // apart, so every round trip crosses CPUs; see Placement in bench/README.md.) Longer reads
    // depend on it too, the other way round (10,000 rows stream faster when the server runs beside
    // the client, on the other CPU: PostgreSQL's W1 took 22 to 39 ms for the JDBC floor within one
    // run), so every read workload on a server reconnects per round.
    // (Not on SQLite, which runs in the JVM: a new connection there only starts with an empty page
    // cache, which made every peer's W2 a third slower.) Pinned apart, there is no placement left
    // to draw: the connections of the warm-up's end serve every round. Reconnecting cost more than
    // the samples then: on PostgreSQL each round's five untimed calls per peer of W1, W5 and W8
    // took 13-15 s of a workload whose samples took 3-5 s, on a slow VM.
    boolean subMillisecond = !quick && one < 1_000_000L && !writes;
    boolean reconnectPerRound =
        !quick && !pinned && !stream && !writes && fixture.vendor != Vendor.SQLITE;
    if (subMillisecond) {
      rounds = 33;
      targetNs = targetNs / 3;
    }
    int perSample = (int) Math.max(1, Math.min(50_000, targetNs / one));
    long[][] samples = new long[timed.size()][rounds];
    long[][] gcMsPerSample = new long[timed.size()][rounds];
    long[][] jitMsPerSample = new long[timed.size()][rounds];
    int[] taken = new int[timed.size()];
    boolean[] settled = new boolean[timed.size()];
    double[] peakMb = new double[timed.size()];
    op.reclaim();
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
          cleanup.run(true);
        }
        op.reclaim();
      }
      // A peer at twice the reference or more after five rounds (JDBC's median; VibeVault's in
      // W10, where JDBC has none) is far from any close call, and the slowest make the longest
      // samples: it sits out the remaining rounds; at four times or more, after three (after one
      // in --quick, a smoke test of three to five rounds). (Hibernate
      // inserts W6's rows one by one, 5-12x of JDBC's 0.2-0.6 s, and streams W9 at 2-3x of
      // 0.5-1.3 s: its eleven rounds of those two were over a minute of a full run on a slow VM,
      // and its five of W6 alone 28 s on PostgreSQL on a slower one.)
      sitOut(samples, settled, r + 1, rounds, quick ? 1 : EARLY_SETTLING_ROUNDS, 4);
      sitOut(samples, settled, r + 1, rounds, SETTLING_ROUNDS, 2);
    }

    List<Result> results = new ArrayList<>(timed.size());
    for (int i = 0; i < timed.size(); i++) {
      results.add(
          new Result(
              Arrays.copyOf(samples[i], taken[i]),
              Arrays.copyOf(gcMsPerSample[i], taken[i]),
              Arrays.copyOf(jitMsPerSample[i], taken[i]),
              perSample,
              peakMb[i]));
    }
    return results;
  }

  /**
   * Warms every peer up with untimed operations; returns the reference peer's mean operation time
   * in its warm-up.
   */
  private long warmUp(
      boolean stream, List<Peer> timed, Bench.Op op, Bench.Cleanup cleanup, long[] counters)
      throws Exception {
    long warmNs = (quick ? 200 : 1200) * 1_000_000L;
    // Code that runs once per operation (building and compiling a QuerySet) reaches the JIT's
    // optimising compiler after thousands of calls, not after a time: at 3-7 ms per operation,
    // 1.2 s left W7's update path in C1 code, where it cost VibeVault twice the client CPU (172 vs
    // 89 us per update in a loop) and 8% of the wall clock on MariaDB. HotSpot hands a method to
    // C2 once its profiling (tier-3) code has run about 5,000 times (Tier4InvocationThreshold,
    // raised while C2's queue is long): after 1,000 calls, or the ~5,000 that 1.2 s holds of a
    // 250 us page, VibeVault's per-call code (building the QuerySet, finding its SQL) was still
    // reaching C2 in the first half of W3's rounds on the servers, at 1.20x and 1.22x of JDBC on
    // MariaDB against 1.01x and 1.02x after 10,000 calls (W2 and W3 alone, two runs each). So
    // operations shorter than 10 ms also warm up until 1,000 calls, and those under 1 ms until
    // 10,000, for at most 5 s. (Longer ones spend their time in per-row loops, which the JIT
    // compiles early. From 1 ms, the per-call code's first-tier cost is a few percent at most, and
    // 10,000 calls of W4 and W7 made each peer's warm-up its 5 s, a minute of a full run; --quick
    // keeps its short warm-up.)
    int warmOps = quick ? 3 : 1000;
    int subMillisecondWarmOps = quick ? 3 : 10_000;
    long warmCapNs = 5000 * 1_000_000L;
    // W9 streams 200,000 rows per operation: half the warm-up is still several operations. W5
    // (~40 ms) gets the full warm-up: with half, its hydration and grouping code was still being
    // compiled during the first samples. W6 inserts 10,000 rows per operation in 56 statements
    // (VibeVault; JDBC in 10 batches): what runs once per statement reaches the optimising
    // compiler after a thousand statements or so, not after a time. With 0.6 s and with 1.2 s of
    // warm-up, the JIT still compiled for 12-77 ms within each of VibeVault's first five to seven
    // W6 samples on every database (jit_ms), which took 118-158 ms on MariaDB against 113-121 ms
    // after. So W6 warms up for 20 operations, for at most 3 s per peer, and at least one: a peer
    // that takes seconds per operation (Hibernate inserts row by row, 10,000 statements, 5.5 s on
    // PostgreSQL on a slow VM) has run its statements thousands of times after one.
    boolean writes = cleanup != null;
    int minWarmOps = writes ? 1 : 3;
    if (stream) {
      warmNs = warmNs / 2;
      warmOps = minWarmOps;
      warmCapNs = warmNs;
    } else if (writes) {
      warmOps = 20;
      warmCapNs = 3000 * 1_000_000L;
    }
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
        long meanNs = done > 0 ? elapsed / done : Long.MAX_VALUE;
        boolean longOpsDone = !writes && done > 0 && meanNs >= SHORT_OP_NS;
        int callsWanted =
            !writes && !stream && meanNs < 1_000_000L ? subMillisecondWarmOps : warmOps;
        boolean enough =
            done >= minWarmOps
                && elapsed >= warmNs
                && (done >= callsWanted || elapsed >= warmCapNs || longOpsDone);
        if (enough || done >= 100_000) {
          break;
        }
        long start = System.nanoTime();
        op.run(timed.get(i), ++counters[i]);
        elapsed += System.nanoTime() - start;
        done++;
        if (writes) {
          // With a wait after every warm-up operation for MariaDB's purge of W6's 10,000 deleted
          // rows (1.1 s each on a slow VM, four times the JDBC floor's insert), MariaDB's W6 took
          // 121 s of a full run there, 23 s of it samples; every fourth keeps the purge from
          // falling far behind. Before a sample the database is left idle (the calls after
          // reconnecting, the rounds), except in --quick (see Bench#runMain).
          cleanup.run(done % 4 == 0);
        }
      }
    }
    return warmMeanNs;
  }

  /**
   * After {@code after} of more than {@code after} rounds, marks every peer but the reference still
   * sampled whose median is {@code times} the reference's or more: it sits out the rest.
   */
  private static void sitOut(
      long[][] samples, boolean[] settled, int done, int rounds, int after, int times) {
    if (done != after || rounds <= after) {
      return;
    }
    long floor = median(samples[0], after);
    for (int i = 1; i < samples.length; i++) {
      if (!settled[i] && median(samples[i], after) >= times * floor) {
        settled[i] = true;
      }
    }
  }

  /** The median of the first {@code n} values. */
  private static long median(long[] values, int n) {
    long[] first = Arrays.copyOf(values, n);
    Arrays.sort(first);
    return first[n / 2];
  }

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

  /**
   * New connections for every peer (see {@link Fixture#freshConnections}), each used by {@code
   * calls} untimed calls so that no sample pays for a connection or its first prepared statements
   * (pgjdbc prepares on the server from a statement's fifth use, and PostgreSQL plans a prepared
   * statement afresh for its first five executions).
   */
  private void reconnect(
      List<Peer> timed, Bench.Op op, Bench.Cleanup cleanup, long[] counters, int calls)
      throws Exception {
    fixture.freshConnections();
    for (int i = 0; i < timed.size(); i++) {
      for (int call = 0; call < calls; call++) {
        // The last call runs in full, so whatever the driver switched to on the way (pgjdbc's
        // binary results) has run once before the first sample.
        if (call < calls - 1) {
          op.prime(timed.get(i), ++counters[i]);
        } else {
          op.run(timed.get(i), ++counters[i]);
        }
        if (cleanup != null) {
          cleanup.run(true);
        }
      }
    }
    // On SQLite the ORM's new pool opened one connection in its first call and opens the other in
    // the background (the peers' pools were waited for): a connection takes a few ms to open.
    Thread.sleep(20);
  }
}
