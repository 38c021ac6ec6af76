package io.vibevault.orm.migrations;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.graph.MigrationGraph;
import io.vibevault.orm.migrations.operations.Operation;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code makemigrations --merge} as Django's {@code handle_merge}: for each app with several
 * leaves, lists every branch's operations since the common ancestor, asks the questioner whether to
 * merge (the merge is only sound when the branches touch different models or fields), and makes an
 * empty migration depending on the leaves, named {@code <n+1>_merge_<leaves>} or {@code
 * <n+1>_<name>}.
 */
final class Merger {
  /** Django falls back to a timestamp when the joined leaf names pass this length. */
  private static final int MAX_LEAF_NAMES = 47;

  private final MigrationGraph graph;
  private final Questioner questioner;
  private final Consumer<String> output;

  Merger(MigrationGraph graph, Questioner questioner, Consumer<String> output) {
    this.graph = graph;
    this.questioner = questioner;
    this.output = output;
  }

  /** The merge migration of {@code app}'s conflicting {@code leaves}, or null when refused. */
  Migration merge(String app, List<Key> leaves, String name) {
    List<List<Key>> ancestries = new ArrayList<>();
    Set<Key> common = null;
    for (Key leaf : leaves) {
      List<Key> ancestry =
          graph.forwardsPlan(leaf).stream().filter(k -> k.app().equals(app)).toList();
      ancestries.add(ancestry);
      if (common == null) {
        common = new LinkedHashSet<>(ancestry);
      } else {
        common.retainAll(ancestry);
      }
    }
    if (common == null || common.isEmpty()) {
      throw new MigrationError("Could not find common ancestor of " + leaves + " in " + app);
    }
    output.accept("Merging " + app);
    for (int i = 0; i < leaves.size(); i++) {
      output.accept("  Branch " + leaves.get(i).name());
      for (Key k : ancestries.get(i)) {
        if (!common.contains(k)) {
          for (Operation op : graph.migration(k).operations()) {
            output.accept("    - " + op.describe());
          }
        }
      }
    }
    if (!questioner.askMerge(app)) {
      return null;
    }
    int biggest = leaves.stream().mapToInt(k -> graph.migration(k).number()).max().orElse(0);
    String suffix = name;
    if (suffix == null || suffix.isEmpty()) {
      String leafNames = String.join("_", leaves.stream().map(Key::name).sorted().toList());
      suffix =
          "merge_"
              + (leafNames.length() > MAX_LEAF_NAMES
                  ? LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm"))
                  : leafNames);
    }
    String fileName = String.format("%04d_%s", biggest + 1, suffix);
    return new Migration(app, fileName, leaves, List.of(), false, List.of());
  }
}
