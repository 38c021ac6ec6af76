package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.model.FieldDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an operation touches, for the optimizer (Django's {@code references_model} and {@code
 * references_field}). Conservative: an operation this class cannot see into (RunSql, RunCode)
 * references everything, and a model-level operation references every field of its model.
 */
final class References {
  private References() {}

  /** The key of a model ({@code app.model} in lower case), as {@link Operation#modelKey()}. */
  static String key(String app, String model) {
    return (app + "." + model).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code op} is about the model {@code modelKey} or holds a relation to it. */
  static boolean model(Operation op, String modelKey) {
    if (op.modelKey() == null || op.modelKey().equals(modelKey)) {
      return true;
    }
    if (op instanceof RenameModel rename && key(rename.app(), rename.newName()).equals(modelKey)) {
      return true;
    }
    return targets(op).stream().anyMatch(label -> label.toLowerCase(Locale.ROOT).equals(modelKey));
  }

  /**
   * The models ({@code app.Model} labels, sorted) that the relations an operation declares point
   * at: the fields of a CreateModel, an AddField or an AlterField.
   */
  static Set<String> targets(Operation op) {
    Set<String> out = new TreeSet<>();
    for (FieldDefinition f : fields(op)) {
      if (f.isRelation()) {
        out.add(f.to());
      }
    }
    return out;
  }

  /** Whether {@code op} touches the field {@code name} of the model {@code modelKey}. */
  static boolean field(Operation op, String modelKey, String name) {
    if (op.modelKey() == null || !op.modelKey().equals(modelKey)) {
      return model(op, modelKey);
    }
    if (op instanceof AddField add) {
      return add.field().name().equals(name);
    }
    if (op instanceof AlterField alter) {
      return alter.field().name().equals(name);
    }
    if (op instanceof RemoveField remove) {
      return remove.name().equals(name);
    }
    if (op instanceof RenameField rename) {
      return rename.oldName().equals(name) || rename.newName().equals(name);
    }
    return true;
  }

  /** Whether one of {@code ops} creates the model a relation {@code field} points at. */
  static boolean createsTarget(List<Operation> ops, FieldDefinition field) {
    if (!field.isRelation()) {
      return false;
    }
    String target = field.to().toLowerCase(Locale.ROOT);
    return ops.stream().anyMatch(op -> op instanceof CreateModel && target.equals(op.modelKey()));
  }

  private static List<FieldDefinition> fields(Operation op) {
    if (op instanceof CreateModel c) {
      return c.definition().fields();
    }
    if (op instanceof AddField a) {
      return List.of(a.field());
    }
    if (op instanceof AlterField a) {
      return List.of(a.field());
    }
    return List.of();
  }
}
