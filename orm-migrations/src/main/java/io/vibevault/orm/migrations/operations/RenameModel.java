package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.ModelDefinition;
import java.util.Map;

/**
 * Renames a model; relations pointing at it follow, from any app. A table named after the model by
 * default ({@code app_oldname}) is renamed to the new default; an explicit table name stays. The
 * auto-created join tables follow as in Django: a join table named after the model's table is
 * renamed with it, and the {@code <model>_id} column of every join table towards the model is
 * renamed (foreign keys pointing at the table stay valid: every backend follows a table rename).
 *
 * <pre>{@code
 * new RenameModel("vault", "Note", "Memory");
 * }</pre>
 */
public final class RenameModel extends ModelOperation {
  private final String newName;

  public RenameModel(String app, String oldName, String newName) {
    super(app, oldName);
    this.newName = newName;
  }

  public String newName() {
    return newName;
  }

  @Override
  public void applyToState(ProjectState state) {
    ModelDefinition old = state.model(app, model);
    String defaultTable = app + "_" + lower(model);
    String table = old.dbTable().equals(defaultTable) ? app + "_" + lower(newName) : old.dbTable();
    state.change(
        app,
        model,
        m ->
            m.withName(newName)
                .withTable(table)
                .withFields(JoinTables.followTable(m.fields(), old.dbTable(), table)));
    state.retarget(app + "." + model, app + "." + newName);
  }

  @Override
  public void forwards(SchemaContext context, ProjectState before, ProjectState after) {
    context
        .editor()
        .alterDbTable(
            after.meta(app, newName),
            before.model(app, model).dbTable(),
            after.model(app, newName).dbTable());
    JoinTables.rename(context.editor(), before, app + "." + model, after, app + "." + newName);
  }

  @Override
  public void backwards(SchemaContext context, ProjectState before, ProjectState after) {
    context
        .editor()
        .alterDbTable(
            before.meta(app, model),
            after.model(app, newName).dbTable(),
            before.model(app, model).dbTable());
    JoinTables.rename(context.editor(), after, app + "." + newName, before, app + "." + model);
  }

  @Override
  public String describe() {
    return "Rename model " + model + " to " + newName;
  }

  @Override
  public String nameFragment() {
    return "rename_" + lower(model) + "_" + lower(newName);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = json("RenameModel");
    out.put("newName", newName);
    return out;
  }
}
