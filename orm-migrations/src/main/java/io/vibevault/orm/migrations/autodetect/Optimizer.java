package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.DeleteModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Merges operations that can be one (Django's {@code MigrationOptimizer}), repeating until nothing
 * changes: CreateModel + AddField becomes one CreateModel, CreateModel + DeleteModel disappears,
 * AddField + AlterField becomes one AddField, AddField + RemoveField disappears, AlterField +
 * AlterField keeps the last, AlterField + RemoveField keeps the removal. A merge never jumps over
 * an operation that creates the model a moved field points at.
 *
 * <pre>{@code
 * Optimizer.optimize(List.of(new CreateModel(tag), new AddField("vault", "Tag", colour)));
 * // [CreateModel Tag (with colour)]
 * }</pre>
 */
public final class Optimizer {
  private Optimizer() {}

  public static List<Operation> optimize(List<Operation> operations) {
    List<Operation> ops = new ArrayList<>(operations);
    boolean changed = true;
    while (changed) {
      changed = false;
      outer:
      for (int i = 0; i < ops.size(); i++) {
        for (int j = i + 1; j < ops.size(); j++) {
          List<Operation> merged = merge(ops.get(i), ops.get(j), ops.subList(i + 1, j));
          if (merged != null) {
            ops.remove(j);
            ops.remove(i);
            ops.addAll(i, merged);
            changed = true;
            break outer;
          }
          if (blocks(ops.get(i), ops.get(j))) {
            break;
          }
        }
      }
    }
    return ops;
  }

  /** The replacement of {@code a ... b}, or null when they do not merge. */
  private static List<Operation> merge(Operation a, Operation b, List<Operation> between) {
    if (a.modelKey() == null || !a.modelKey().equals(b.modelKey())) {
      return null;
    }
    if (a instanceof CreateModel create) {
      ModelDefinition m = create.definition();
      if (b instanceof DeleteModel && between.stream().noneMatch(op -> referencesModel(op, m))) {
        return List.of();
      }
      if (b instanceof AddField add
          && !createsTarget(between, add.field())
          && add.preserveDefault()) {
        List<FieldDefinition> fields = new ArrayList<>(m.fields());
        fields.add(add.field());
        return List.of(new CreateModel(m.withFields(fields)));
      }
      if (b instanceof AlterField alter
          && alter.preserveDefault()
          && m.field(alter.field().name()) != null) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (FieldDefinition f : m.fields()) {
          fields.add(f.name().equals(alter.field().name()) ? alter.field() : f);
        }
        return List.of(new CreateModel(m.withFields(fields)));
      }
      if (b instanceof RemoveField remove && m.field(remove.name()) != null) {
        List<FieldDefinition> fields = new ArrayList<>(m.fields());
        fields.removeIf(f -> f.name().equals(remove.name()));
        return List.of(new CreateModel(m.withFields(fields)));
      }
      return null;
    }
    if (a instanceof AddField add) {
      String name = add.field().name();
      if (b instanceof AlterField alter
          && alter.field().name().equals(name)
          && alter.preserveDefault()) {
        return List.of(new AddField(add.app(), add.model(), alter.field(), add.preserveDefault()));
      }
      if (b instanceof RemoveField remove && remove.name().equals(name)) {
        return List.of();
      }
      return null;
    }
    if (a instanceof AlterField alter) {
      String name = alter.field().name();
      if (b instanceof AlterField next && next.field().name().equals(name)) {
        return List.of(next);
      }
      if (b instanceof RemoveField remove && remove.name().equals(name)) {
        return List.of(remove);
      }
    }
    return null;
  }

  /** Whether {@code b} must stay after {@code a}, so nothing later may merge into {@code a}. */
  private static boolean blocks(Operation a, Operation b) {
    if (a.modelKey() == null || b.modelKey() == null) {
      return true;
    }
    return a.modelKey().equals(b.modelKey());
  }

  private static boolean createsTarget(List<Operation> between, FieldDefinition field) {
    if (!field.isRelation()) {
      return false;
    }
    String target = field.to().toLowerCase(Locale.ROOT);
    return between.stream()
        .anyMatch(op -> op instanceof CreateModel && target.equals(op.modelKey()));
  }

  private static boolean referencesModel(Operation op, ModelDefinition m) {
    return MigrationArranger.referencedModels(op).stream()
        .anyMatch(label -> label.equalsIgnoreCase(m.label()));
  }
}
