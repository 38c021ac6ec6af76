package io.vibevault.app.memories;

import io.vibevault.app.accounts.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes media files that no row references (RELIABILITY R-23): memories' media and profiles'
 * avatars. A file is written before its row commits, so a crash or a failed insert in between
 * leaves an orphan, and so does a user deleted with the profile that named its avatar. Files
 * younger than {@code minAge} are left alone (their row may be committing right now); leftover
 * {@code .part} files of interrupted writes go too.
 *
 * <pre>{@code
 * int removed = new MediaJanitor(media, Clock.systemUTC()).sweep(Duration.ofMinutes(1));
 * }</pre>
 */
public final class MediaJanitor {
  private static final Logger log = LoggerFactory.getLogger(MediaJanitor.class);
  private static final int BATCH = 500;

  private final MediaStorage media;
  private final Clock clock;

  /** A janitor for {@code media}. */
  public MediaJanitor(MediaStorage media, Clock clock) {
    this.media = media;
    this.clock = clock;
  }

  /**
   * Deletes unreferenced files older than {@code minAge}, memories' media and profiles' avatars;
   * returns how many.
   */
  public int sweep(Duration minAge) {
    return sweep(
            "memories",
            minAge,
            names ->
                Memory.allObjects
                    .filter("mediaFile__in", names)
                    .valuesList("mediaFile")
                    .flat()
                    .list())
        + sweep(
            "avatars",
            minAge,
            names ->
                Profile.objects.filter("avatar__in", names).valuesList("avatar").flat().list());
  }

  /** The stored names (relative to the media root) among {@code names} that a row references. */
  @FunctionalInterface
  private interface References {
    List<Object> among(List<String> names);
  }

  private int sweep(String subdirectory, Duration minAge, References references) {
    Path dir = media.root().resolve(subdirectory);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(minAge);
    List<String> candidates = new ArrayList<>();
    List<Path> partials = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (Files.getLastModifiedTime(p).toInstant().isAfter(cutoff)) {
          continue;
        }
        if (p.getFileName().toString().endsWith(".part")) {
          partials.add(p);
        } else {
          candidates.add(media.root().relativize(p).toString().replace('\\', '/'));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int removed = 0;
    for (int i = 0; i < candidates.size(); i += BATCH) {
      List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + BATCH));
      Set<String> referenced = new HashSet<>();
      for (Object name : references.among(batch)) {
        referenced.add((String) name);
      }
      for (String name : batch) {
        if (!referenced.contains(name)) {
          media.delete(name);
          removed++;
        }
      }
    }
    for (Path p : partials) {
      try {
        Files.deleteIfExists(p);
        removed++;
      } catch (IOException e) {
        log.warn("Cannot remove {}", p, e);
      }
    }
    if (removed > 0) {
      log.info("Removed {} orphaned media files", removed);
    }
    return removed;
  }
}
