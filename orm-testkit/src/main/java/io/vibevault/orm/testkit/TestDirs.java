package io.vibevault.orm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary directories for tests, deleted with everything in them when the test JVM exits. Many
 * outlive the test method that made them (a started web app holds its data directory, a fixture its
 * migrations), so they go at exit rather than after each test; JUnit's {@code @TempDir} is the tool
 * for one that does not. Made with {@code Files.createTempDirectory} and never removed, the tests'
 * directories piled up under /tmp: 1,481 of the app's over a day's runs on one machine, 127 of the
 * ORM's from a single run.
 *
 * <pre>{@code
 * MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
 * }</pre>
 */
public final class TestDirs {
  private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDirs::deleteAll, "test-dirs-cleanup"));
  }

  private TestDirs() {}

  /** A new empty directory whose name starts with {@code prefix}. */
  public static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      CREATED.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteAll() {
    for (Path dir : CREATED) {
      try (Stream<Path> tree = Files.walk(dir)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // A file still open (a child process's) keeps its directory: nothing to report at exit.
      }
    }
  }
}
