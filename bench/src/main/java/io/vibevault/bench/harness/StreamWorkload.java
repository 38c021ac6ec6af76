package io.vibevault.bench.harness;

import java.lang.management.ManagementFactory;

/**
 * W9: every memory streamed through a peer's iterator (in a JVM with a 64 MB heap), its rows
 * counted and the last kept for the correctness check; an untimed call that stops at the first row;
 * and the live heap an open stream holds.
 *
 * <pre>{@code
 * StreamWorkload w9 = new StreamWorkload(200_000);
 * Object answer = w9.run(peer, 0);          // "200000 rows, last ..."
 * double mb = w9.heapGrowthMb(peer);        // the "heap grows <= 2 MB" rule
 * }</pre>
 */
final class StreamWorkload implements Bench.Op {
  private static final int CHUNK = 2000;

  private final int memories;
  private long seen;
  private Object last;
  private final Peer.Sink sink =
      o -> {
        seen++;
        last = o;
      };

  StreamWorkload(int memories) {
    this.memories = memories;
  }

  @Override
  public Object run(Peer p, long n) throws Exception {
    seen = 0;
    p.w9(CHUNK, sink);
    Object l = last;
    last = null;
    return seen + " rows, last " + Canon.one(l);
  }

  /**
   * Executes the stream's statement and stops at its first row: the driver counts the execution all
   * the same, and on PostgreSQL the server closes the cursor without sending the other 198,000 rows
   * (the sampler's untimed calls after reconnecting, but the last).
   */
  @Override
  public void prime(Peer p, long n) throws Exception {
    try {
      p.w9(
          CHUNK,
          o -> {
            throw StopStream.INSTANCE;
          });
    } catch (RuntimeException e) {
      if (!StopStream.causes(e)) {
        throw e;
      }
    }
  }

  /**
   * The live heap an open stream holds: used heap after a full GC half-way through the stream, less
   * the used heap after a full GC before it (an untimed run of its own).
   */
  double heapGrowthMb(Peer p) throws Exception {
    gc();
    long before = usedHeap();
    long[] count = new long[1];
    long[] during = new long[1];
    p.w9(
        CHUNK,
        o -> {
          if (++count[0] == memories / 2) {
            gc();
            during[0] = usedHeap();
          }
        });
    return Math.max(0, during[0] - before) / 1048576.0;
  }

  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Thrown by a sink to end a stream early; every peer's stream closes on it, as on any error. */
  private static final class StopStream extends RuntimeException {
    static final StopStream INSTANCE = new StopStream();

    private StopStream() {
      super("stream stopped after its first row", null, false, false);
    }

    /** Whether {@code e} is this or wraps it (jOOQ and Hibernate may wrap a sink's exception). */
    static boolean causes(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t == INSTANCE) {
          return true;
        }
      }
      return false;
    }
  }
}
