package io.vibevault.orm.tests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A concurrency run's seed and operation history, written to {@code
 * target/reliability/<test>-<database>.log} so that a failing run can be read and replayed.
 */
final class History {
  private final String name;
  private final long seed;
  private final long start = System.nanoTime();
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  History(String test, String database, long seed) {
    this.name = test + "-" + database;
    this.seed = seed;
  }

  long seed() {
    return seed;
  }

  /** One operation, stamped with microseconds since the start and the thread. */
  void record(String what) {
    lines.add(
        (System.nanoTime() - start) / 1000 + "us " + Thread.currentThread().getName() + " " + what);
  }

  /** Writes the file and returns its path, for failure messages. */
  Path write(String summary) {
    List<String> out = new ArrayList<>();
    out.add("seed " + seed);
    out.add("summary " + summary);
    out.addAll(lines);
    Path file = Path.of("target", "reliability", name + ".log");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toAbsolutePath();
  }
}
