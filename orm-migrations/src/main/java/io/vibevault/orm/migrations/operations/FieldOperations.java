package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.ArrayList;
import java.util.List;

/** State edits shared by the field operations. */
final class FieldOperations {
  private FieldOperations() {}

  static ModelDefinition withField(ModelDefinition m, FieldDefinition field) {
    if (m.field(field.name()) != null) {
      throw new MigrationError(m.label() + " already has a field " + field.name());
    }
    List<FieldDefinition> fields = new ArrayList<>(m.fields());
    fields.add(field);
    return m.withFields(fields);
  }

  static ModelDefinition withoutField(ModelDefinition m, String name) {
    requireField(m, name);
    List<FieldDefinition> fields = new ArrayList<>(m.fields());
    fields.removeIf(f -> f.name().equals(name));
    return m.withFields(fields);
  }

  static ModelDefinition replacingField(ModelDefinition m, String name, FieldDefinition field) {
    requireField(m, name);
    List<FieldDefinition> fields = new ArrayList<>();
    for (FieldDefinition f : m.fields()) {
      fields.add(f.name().equals(name) ? field : f);
    }
    return m.withFields(fields);
  }

  static FieldDefinition requireField(ModelDefinition m, String name) {
    FieldDefinition f = m.field(name);
    if (f == null) {
      throw new MigrationError(
          m.label() + " has no field " + name + " at this point of the migration history");
    }
    return f;
  }

  /**
   * Renames a field in a model: its column too when the column was the default one (its join table
   * when named after it), and every index, constraint and unique-together set naming it.
   */
  static ModelDefinition renamingField(ModelDefinition m, String oldName, String newName) {
    FieldDefinition old = requireField(m, oldName);
    FieldDefinition renamed = RenameField.renamed(old, newName);
    String join = m.dbTable() + "_" + Names.snakeCase(oldName);
    if (old.m2mTable() != null && old.m2mTable().equals(join)) {
      // A join table named after the field follows it (Django's _alter_many_to_many).
      renamed = renamed.withM2mTable(m.dbTable() + "_" + Names.snakeCase(newName));
    }
    ModelDefinition out = replacingField(m, oldName, renamed);
    out =
        out.withIndexes(
            out.indexes().stream()
                .map(i -> new ModelMeta.IndexSpec(i.name(), rename(i.fields(), oldName, newName)))
                .toList());
    out =
        out.withConstraints(
            out.uniqueConstraints().stream()
                .map(u -> new ModelMeta.UniqueSpec(u.name(), rename(u.fields(), oldName, newName)))
                .toList(),
            out.checkConstraints().stream()
                .map(
                    c ->
                        new ModelMeta.CheckSpec(
                            c.name(),
                            c.conditions().stream()
                                .map(k -> renameInCondition(k, oldName, newName))
                                .toList()))
                .toList());
    return out.withUniqueTogether(
        out.uniqueTogether().stream().map(s -> rename(s, oldName, newName)).toList());
  }

  /** A check condition {@code path=value} with the field renamed in its path and in {@code F()}. */
  private static String renameInCondition(String condition, String oldName, String newName) {
    int eq = condition.indexOf('=');
    if (eq <= 0) {
      return condition;
    }
    String path = condition.substring(0, eq).strip();
    String value = condition.substring(eq + 1).strip();
    boolean changed = false;
    if (path.equals(oldName) || path.startsWith(oldName + "__")) {
      path = newName + path.substring(oldName.length());
      changed = true;
    }
    if (value.startsWith("F(")
        && value.endsWith(")")
        && value.substring(2, value.length() - 1).strip().equals(oldName)) {
      value = "F(" + newName + ")";
      changed = true;
    }
    return changed ? path + "=" + value : condition;
  }

  private static List<String> rename(List<String> names, String oldName, String newName) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals(oldName)) {
        out.add(newName);
      } else if (n.equals("-" + oldName)) {
        out.add("-" + newName);
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** The state {@code before} with {@code field} added: the model as the database gets it. */
  static ModelMeta metaWith(ProjectState before, String app, String model, FieldDefinition field) {
    ProjectState temporary = before.copy();
    temporary.change(app, model, m -> withField(m, field));
    return temporary.meta(app, model);
  }
}
