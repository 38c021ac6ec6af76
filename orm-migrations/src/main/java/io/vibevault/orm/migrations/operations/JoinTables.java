package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The auto-created join tables a model rename touches (Django's RenameModel): those of the
 * many-to-many fields declared on the model, named after its table, and those of fields pointing at
 * it from any app, whose {@code <model>_id} column is named after it.
 */
final class JoinTables {
  private JoinTables() {}

  /**
   * The model's fields, each many-to-many join table named after {@code oldTable} (the default) now
   * named after {@code newTable}.
   */
  static List<FieldDefinition> followTable(
      List<FieldDefinition> fields, String oldTable, String newTable) {
    List<FieldDefinition> out = new ArrayList<>();
    for (FieldDefinition f : fields) {
      String suffix = "_" + Names.snakeCase(f.name());
      if (f.m2mTable() != null && f.m2mTable().equals(oldTable + suffix)) {
        out.add(f.withM2mTable(newTable + suffix));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Renames the join tables and columns of every many-to-many field touching the model {@code
   * fromLabel} of {@code from}, which is {@code toLabel} in {@code to}. The model's own table is
   * renamed first, so the join tables' keys can point at it.
   */
  static void rename(
      SchemaEditor editor, ProjectState from, String fromLabel, ProjectState to, String toLabel) {
    for (ModelDefinition owner : from.models()) {
      boolean renamed = owner.label().equalsIgnoreCase(fromLabel);
      for (FieldDefinition f : owner.fields()) {
        if (!f.isRelation() || f.isConcrete()) {
          continue;
        }
        if (!renamed && !f.to().equalsIgnoreCase(fromLabel)) {
          continue;
        }
        String[] target = (renamed ? toLabel : owner.label()).split("\\.", 2);
        Field oldField = from.meta(owner.appLabel(), owner.name()).field(f.name());
        Field newField = to.meta(target[0], target[1]).field(f.name());
        if (autoCreated(oldField) && autoCreated(newField)) {
          editor.alterJoinTable(oldField.relation().through(), newField.relation().through());
        }
      }
    }
  }

  private static boolean autoCreated(Field f) {
    ModelMeta through = f.relation().through();
    return !f.relation().hasExplicitThrough() && through != null && through.isAutoCreated();
  }
}
