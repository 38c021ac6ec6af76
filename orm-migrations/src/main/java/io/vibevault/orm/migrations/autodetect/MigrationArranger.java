package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cuts each app's operations into migrations whose dependencies never form a cycle (Django's {@code
 * _build_migration_list}). An operation pointing at a model another app has yet to create waits for
 * that app's migration. When every app waits on another (app A's new model points at app B's and
 * B's at A's), the first app's blocked CreateModel is split, as Django's CreateModel has its
 * relations apart: the model is created without those relations in one migration, and they come
 * back as AddFields in a later one that depends on the other app's.
 *
 * <pre>{@code
 * List<Planned> plan = MigrationArranger.arrange(changes);
 * // [alpha: Create model Alpha (no FK), beta: Create model Beta -> [0], alpha: Add field beta -> [1]]
 * }</pre>
 */
public final class MigrationArranger {
  private MigrationArranger() {}

  /**
   * One migration to write, in writing order: its operations, the earlier planned migrations it
   * depends on (indexes into the plan; its own app's previous one is implied), and the other apps
   * whose existing leaves it depends on.
   */
  public record Planned(
      String app, List<Operation> operations, Set<Integer> dependsOn, Set<String> leavesOf) {}

  /** The migrations to write for {@code changes}. */
  public static List<Planned> arrange(Autodetector.Changes changes) {
    Map<String, Deque<Operation>> pending = new TreeMap<>();
    changes.byApp().forEach((app, ops) -> pending.put(app, new ArrayDeque<>(ops)));
    List<Planned> plan = new ArrayList<>();
    Map<String, Integer> lastMade = new HashMap<>();
    boolean chop = false;
    int remaining = count(pending);
    while (remaining > 0) {
      for (Map.Entry<String, Deque<Operation>> e : pending.entrySet()) {
        String app = e.getKey();
        Deque<Operation> queue = e.getValue();
        List<Operation> chopped = new ArrayList<>();
        Set<Integer> deps = new TreeSet<>();
        Set<String> leaves = new TreeSet<>();
        while (!queue.isEmpty()) {
          Operation op = queue.peekFirst();
          Set<String> blocking = blocking(op, app, pending);
          if (!blocking.isEmpty()) {
            if (chop && op instanceof CreateModel create) {
              queue.pollFirst();
              op = splitOff(create, blocking, queue);
            } else {
              break;
            }
          } else {
            queue.pollFirst();
          }
          Set<String> otherApps = new TreeSet<>();
          References.targets(op).forEach(label -> otherApps.add(appOf(label)));
          if (op instanceof RenameModel) {
            // After the apps pointing at the renamed model (see Autodetector.Changes).
            otherApps.addAll(changes.dependsOnApps(app));
          }
          for (String other : otherApps) {
            if (other.equals(app)) {
              continue;
            }
            if (lastMade.containsKey(other)) {
              deps.add(lastMade.get(other));
            } else {
              leaves.add(other);
            }
          }
          chopped.add(op);
        }
        if (chopped.isEmpty()) {
          continue;
        }
        if (queue.isEmpty() || chop) {
          plan.add(new Planned(app, List.copyOf(chopped), deps, leaves));
          lastMade.put(app, plan.size() - 1);
          chop = false;
        } else {
          // Not finished and not forced: the app waits whole, as Django's does.
          for (int i = chopped.size() - 1; i >= 0; i--) {
            queue.addFirst(chopped.get(i));
          }
        }
      }
      int left = count(pending);
      if (left == remaining) {
        if (chop) {
          throw new MigrationError(
              "Cannot order the operations of apps "
                  + pending.keySet()
                  + " into migrations: their dependencies form a cycle that no split of a new"
                  + " model can break");
        }
        chop = true;
      }
      remaining = left;
    }
    return plan;
  }

  /**
   * The model {@code create} makes without its relations to {@code blocking}; those relations go to
   * the front of {@code queue} as AddFields.
   */
  private static CreateModel splitOff(
      CreateModel create, Set<String> blocking, Deque<Operation> queue) {
    ModelDefinition model = create.definition();
    List<FieldDefinition> kept = new ArrayList<>();
    List<Operation> later = new ArrayList<>();
    for (FieldDefinition f : model.fields()) {
      if (f.isRelation() && blocking.stream().anyMatch(b -> b.equalsIgnoreCase(f.to()))) {
        later.add(new AddField(model.appLabel(), model.name(), f));
      } else {
        kept.add(f);
      }
    }
    for (int i = later.size() - 1; i >= 0; i--) {
      queue.addFirst(later.get(i));
    }
    return new CreateModel(model.withFields(kept));
  }

  /** Models of other apps {@code op} points at that a pending operation still has to create. */
  private static Set<String> blocking(
      Operation op, String app, Map<String, Deque<Operation>> pending) {
    Set<String> out = new TreeSet<>();
    for (String label : References.targets(op)) {
      String other = appOf(label);
      if (other.equals(app)) {
        continue;
      }
      for (Operation candidate : pending.getOrDefault(other, new ArrayDeque<>())) {
        if (creates(candidate, label)) {
          out.add(label);
        }
      }
    }
    return out;
  }

  private static boolean creates(Operation op, String label) {
    if (op instanceof CreateModel c) {
      return c.definition().label().equalsIgnoreCase(label);
    }
    if (op instanceof RenameModel r) {
      return (r.app() + "." + r.newName()).equalsIgnoreCase(label);
    }
    return false;
  }

  private static String appOf(String label) {
    return label.substring(0, label.indexOf('.'));
  }

  private static int count(Map<String, Deque<Operation>> pending) {
    return pending.values().stream().mapToInt(Deque::size).sum();
  }
}
