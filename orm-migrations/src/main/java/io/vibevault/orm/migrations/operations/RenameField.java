package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import java.util.Map;

/**
 * Renames a field; its column follows when it had the default name ({@code <name>_id} for a foreign
 * key). Indexes, unique and check constraints and unique-together sets naming the field, and the
 * {@code toField} of relations pointing at it, are updated in the state.
 *
 * <pre>{@code
 * new RenameField("vault", "Memory", "body", "text");
 * }</pre>
 */
public final class RenameField extends ModelOperation {
  private final String oldName;
  private final String newName;

  public RenameField(String app, String model, String oldName, String newName) {
    super(app, model);
    this.oldName = oldName;
    this.newName = newName;
  }

  public String oldName() {
    return oldName;
  }

  public String newName() {
    return newName;
  }

  /** {@code field} under {@code newName}; its column follows when it had the default name. */
  public static FieldDefinition renamed(FieldDefinition field, String newName) {
    FieldDefinition out = field.withName(newName);
    String suffix = field.isRelation() ? "_id" : "";
    if (field.isConcrete() && field.column().equals(Names.snakeCase(field.name()) + suffix)) {
      out = out.withColumn(Names.snakeCase(newName) + suffix);
    }
    return out;
  }

  @Override
  public void applyToState(ProjectState state) {
    state.change(app, model, m -> FieldOperations.renamingField(m, oldName, newName));
    state.renameTargetField(app + "." + model, oldName, newName);
  }

  @Override
  public void forwards(SchemaContext context, ProjectState before, ProjectState after) {
    ModelMeta to = after.meta(app, model);
    context.editor().alterField(to, before.meta(app, model).field(oldName), to.field(newName));
  }

  @Override
  public void backwards(SchemaContext context, ProjectState before, ProjectState after) {
    ModelMeta to = before.meta(app, model);
    context.editor().alterField(to, after.meta(app, model).field(newName), to.field(oldName));
  }

  @Override
  public String describe() {
    return "Rename field " + oldName + " on " + model + " to " + newName;
  }

  @Override
  public String nameFragment() {
    return "rename_" + lower(oldName) + "_" + lower(model) + "_" + lower(newName);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = json("RenameField");
    out.put("oldName", oldName);
    out.put("newName", newName);
    return out;
  }
}
