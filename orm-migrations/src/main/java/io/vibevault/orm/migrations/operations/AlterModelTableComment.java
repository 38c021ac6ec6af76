package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.migrations.state.ProjectState;
import java.util.Map;

/**
 * Changes the comment on a model's table ({@code @Meta(dbTableComment = ...)}, Django's {@code
 * AlterModelTableComment}); an empty comment removes it. SQLite keeps no comments: there it changes
 * the state only.
 *
 * <pre>{@code
 * new AlterModelTableComment("vault", "Memory", "One entry of a user's journal");
 * }</pre>
 */
public final class AlterModelTableComment extends ModelOperation {
  private final String comment;

  public AlterModelTableComment(String app, String model, String comment) {
    super(app, model);
    this.comment = comment == null ? "" : comment;
  }

  public String comment() {
    return comment;
  }

  @Override
  public void applyToState(ProjectState state) {
    state.change(app, model, m -> m.withTableComment(comment));
  }

  @Override
  public void forwards(SchemaContext context, ProjectState before, ProjectState after) {
    context.editor().alterTableComment(after.meta(app, model), comment);
  }

  @Override
  public void backwards(SchemaContext context, ProjectState before, ProjectState after) {
    context
        .editor()
        .alterTableComment(before.meta(app, model), before.model(app, model).dbTableComment());
  }

  @Override
  public String describe() {
    return "Alter " + model + " table comment";
  }

  @Override
  public String nameFragment() {
    return "alter_" + lower(model) + "_table_comment";
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = json("AlterModelTableComment");
    out.put("tableComment", comment);
    return out;
  }
}
