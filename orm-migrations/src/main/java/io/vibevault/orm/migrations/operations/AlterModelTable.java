package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.migrations.state.ProjectState;
import java.util.Map;

/**
 * Renames a model's table ({@code @Meta(dbTable = ...)} changed); join tables named after the table
 * follow, as in Django.
 *
 * <pre>{@code
 * new AlterModelTable("vault", "Memory", "memories");
 * }</pre>
 */
public final class AlterModelTable extends ModelOperation {
  private final String table;

  public AlterModelTable(String app, String model, String table) {
    super(app, model);
    this.table = table;
  }

  public String table() {
    return table;
  }

  @Override
  public void applyToState(ProjectState state) {
    state.change(
        app,
        model,
        m -> m.withTable(table).withFields(JoinTables.followTable(m.fields(), m.dbTable(), table)));
  }

  @Override
  public void forwards(SchemaContext context, ProjectState before, ProjectState after) {
    context
        .editor()
        .alterDbTable(after.meta(app, model), before.model(app, model).dbTable(), table);
    JoinTables.rename(context.editor(), before, label(), after, label());
  }

  @Override
  public void backwards(SchemaContext context, ProjectState before, ProjectState after) {
    context
        .editor()
        .alterDbTable(before.meta(app, model), table, before.model(app, model).dbTable());
    JoinTables.rename(context.editor(), after, label(), before, label());
  }

  private String label() {
    return app + "." + model;
  }

  @Override
  public String describe() {
    return "Rename table for " + model + " to " + table;
  }

  @Override
  public String nameFragment() {
    return "alter_" + lower(model) + "_table";
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = json("AlterModelTable");
    out.put("table", table);
    return out;
  }
}
