package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.AlterModelOptions;
import io.vibevault.orm.migrations.operations.AlterModelTable;
import io.vibevault.orm.migrations.operations.AlterModelTableComment;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.DeleteModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.ModelDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges operations that can be one (Django's {@code MigrationOptimizer}), repeating until nothing
 * changes. The reductions:
 *
 * <ul>
 *   <li>CreateModel + DeleteModel: nothing; CreateModel + RenameModel: CreateModel under the new
 *       name; CreateModel + AddField / AlterField / RemoveField / RenameField / AlterModelOptions /
 *       AlterModelTable / AlterModelTableComment: one CreateModel of the model as they leave it;
 *   <li>AddField + AlterField: one AddField; AddField + RenameField: AddField under the new name;
 *       AddField + RemoveField: nothing;
 *   <li>AlterField + AlterField: the last; AlterField + RemoveField: the removal; AlterField +
 *       RenameField: the rename, then the alteration under the new name;
 *   <li>RenameField a→b + RenameField b→c: a→c; RenameModel A→B + RenameModel B→C: A→C;
 *   <li>AlterModelOptions + AlterModelOptions, AlterModelTable + AlterModelTable: the last;
 *       AlterModelTable + DeleteModel: the deletion.
 * </ul>
 *
 * <p>Two operations merge across the operations between them when those do not reference the same
 * model or field (Django's {@code reduce} returning {@code True}): the merged operation takes the
 * place of the second one, or of the first one when every operation between can move behind it.
 * RunSql and RunCode reference everything, so nothing merges across them.
 *
 * <pre>{@code
 * Optimizer.optimize(List.of(new CreateModel(tag), new AddField("vault", "Tag", colour)));
 * // [CreateModel Tag (with colour)]
 * }</pre>
 */
public final class Optimizer {
  private Optimizer() {}

  public static List<Operation> optimize(List<Operation> operations) {
    List<Operation> ops = List.copyOf(operations);
    while (true) {
      List<Operation> next = optimizeOnce(ops);
      if (next.equals(ops)) {
        return next;
      }
      ops = next;
    }
  }

  /** One pass of Django's {@code optimize_inner}: the first merge found, or the input. */
  private static List<Operation> optimizeOnce(List<Operation> ops) {
    for (int i = 0; i < ops.size(); i++) {
      boolean right = true;
      for (int j = i + 1; j < ops.size(); j++) {
        List<Operation> between = ops.subList(i + 1, j);
        Reduction r = reduce(ops.get(i), ops.get(j), between);
        if (r.merged() != null) {
          List<Operation> out = new ArrayList<>(ops.subList(0, i));
          if (right) {
            out.addAll(between);
            out.addAll(r.merged());
          } else if (canMoveBehind(between, ops.get(j))) {
            out.addAll(r.merged());
            out.addAll(between);
          } else {
            break;
          }
          out.addAll(ops.subList(j + 1, ops.size()));
          return out;
        }
        if (!r.through()) {
          right = false;
        }
      }
    }
    return ops;
  }

  private static boolean canMoveBehind(List<Operation> between, Operation later) {
    for (int k = 0; k < between.size(); k++) {
      if (!reduce(between.get(k), later, between.subList(k + 1, between.size())).through()) {
        return false;
      }
    }
    return true;
  }

  /** What {@code a} and a later {@code b} become, {@code between} being the operations between. */
  static Reduction reduce(Operation a, Operation b, List<Operation> between) {
    if (a.modelKey() == null || b.modelKey() == null) {
      return Reduction.BLOCKED;
    }
    boolean sameModel = a.modelKey().equals(b.modelKey());
    List<Operation> merged = sameModel ? mergeSameModel(a, b, between) : null;
    if (merged != null) {
      return new Reduction(merged, false);
    }
    return throughAllowed(a, b) ? Reduction.THROUGH : Reduction.BLOCKED;
  }

  /** Whether {@code b} leaves alone what {@code a} is about, so {@code a} may merge past it. */
  private static boolean throughAllowed(Operation a, Operation b) {
    if (a instanceof AddField add) {
      return !References.field(b, add.modelKey(), add.field().name());
    }
    if (a instanceof AlterField alter) {
      return !References.field(b, alter.modelKey(), alter.field().name());
    }
    if (a instanceof RemoveField remove) {
      return !References.field(b, remove.modelKey(), remove.name());
    }
    if (a instanceof RenameField rename) {
      return !References.field(b, rename.modelKey(), rename.oldName())
          && !References.field(b, rename.modelKey(), rename.newName());
    }
    if (a instanceof RenameModel rename) {
      return !References.model(b, rename.modelKey())
          && !References.model(b, References.key(rename.app(), rename.newName()));
    }
    return !References.model(b, a.modelKey());
  }

  private static List<Operation> mergeSameModel(Operation a, Operation b, List<Operation> between) {
    if (a instanceof CreateModel create) {
      return intoCreate(create, b, between);
    }
    if (a instanceof AddField add) {
      String name = add.field().name();
      if (b instanceof AlterField alter
          && alter.field().name().equals(name)
          && alter.preserveDefault()) {
        return List.of(new AddField(add.app(), add.model(), alter.field(), add.preserveDefault()));
      }
      if (b instanceof RenameField rename && rename.oldName().equals(name)) {
        return List.of(
            new AddField(
                add.app(),
                add.model(),
                RenameField.renamed(add.field(), rename.newName()),
                add.preserveDefault()));
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
      if (b instanceof RenameField rename && rename.oldName().equals(name)) {
        return List.of(
            rename,
            new AlterField(
                alter.app(),
                alter.model(),
                RenameField.renamed(alter.field(), rename.newName()),
                alter.preserveDefault()));
      }
      return null;
    }
    if (a instanceof RenameField first
        && b instanceof RenameField second
        && second.oldName().equals(first.newName())) {
      return first.oldName().equals(second.newName())
          ? List.of()
          : List.of(new RenameField(first.app(), first.model(), first.oldName(), second.newName()));
    }
    if (a instanceof AlterModelTableComment && b instanceof AlterModelTableComment
        || a instanceof AlterModelOptions && b instanceof AlterModelOptions
        || a instanceof AlterModelTable
            && (b instanceof AlterModelTable || b instanceof DeleteModel)) {
      return List.of(b);
    }
    return null;
  }

  /** {@code b} folded into the CreateModel {@code create}, or null. */
  private static List<Operation> intoCreate(
      CreateModel create, Operation b, List<Operation> between) {
    String key = create.modelKey();
    boolean referencedBetween = between.stream().anyMatch(op -> References.model(op, key));
    if (b instanceof DeleteModel) {
      return referencedBetween ? null : List.of();
    }
    if (b instanceof RenameModel && referencedBetween) {
      return null;
    }
    if (b instanceof AddField add && References.createsTarget(between, add.field())) {
      return null;
    }
    if (b instanceof RenameModel
        || b instanceof AddField
        || b instanceof AlterField
        || b instanceof RemoveField
        || b instanceof RenameField
        || b instanceof AlterModelOptions
        || b instanceof AlterModelTable
        || b instanceof AlterModelTableComment) {
      // The state the two operations leave is the model the one CreateModel must create.
      ProjectState state = new ProjectState();
      state.add(create.definition());
      b.applyToState(state);
      ModelDefinition folded = state.models().iterator().next();
      return List.of(new CreateModel(folded));
    }
    return null;
  }

  /**
   * The result of comparing two operations: {@code merged} replaces both (possibly empty); else
   * {@code through} says whether the first may be merged with something after the second.
   */
  record Reduction(List<Operation> merged, boolean through) {
    static final Reduction THROUGH = new Reduction(null, true);
    static final Reduction BLOCKED = new Reduction(null, false);
  }
}
