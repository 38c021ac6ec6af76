package io.vibevault.orm.migrations.operations;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.query.MapQuerySet;

/**
 * The models as they were at one migration, handed to {@link MigrationCode} (Django's {@code apps}
 * argument of a RunPython function). {@link #getModel} gives a QuerySet over rows as plain maps,
 * built from the historical state, never from the current Java class: a field added later does not
 * exist here, a field removed later still does.
 *
 * <pre>{@code
 * MapQuerySet tag = apps.getModel("vault", "Tag");
 * tag.create(Map.of("name", "personal"));
 * tag.filter("name__iexact", "work").update("name", "job");
 * }</pre>
 */
public final class HistoricalApps {
  private final ProjectState state;
  private final DatabaseConnection connection;

  HistoricalApps(ProjectState state, DatabaseConnection connection) {
    this.state = state;
    this.connection = connection;
  }

  /**
   * Every row of {@code app.Model} as it was at this migration, on the migration's connection: a
   * full QuerySet (lookups, relations, F, aggregates, update, delete with the historical on_delete
   * rules, create) whose rows are maps of attname to value.
   */
  public MapQuerySet getModel(String app, String model) {
    return new MapQuerySet(state.meta(app, model), connection.alias());
  }

  /**
   * The rows of the join model of the many-to-many field {@code app.Model.field} (Django's {@code
   * Note.tags.through}): each links the two sides by their keys ({@code noteId}, {@code tagId}).
   */
  public MapQuerySet getThrough(String app, String model, String field) {
    Field m2m = state.meta(app, model).field(field);
    if (!m2m.isRelation() || !m2m.relation().isManyToMany()) {
      throw new FieldError(app + "." + model + "." + field + " is not a many-to-many field");
    }
    return new MapQuerySet(m2m.relation().through(), connection.alias());
  }

  /**
   * The connection the migration runs on (Django's {@code schema_editor.connection}): for code
   * whose SQL depends on the backend, chosen by {@code connection().backend().vendor()}.
   */
  public DatabaseConnection connection() {
    return connection;
  }

  /** The state itself, for code that needs to look at the models' definitions. */
  public ProjectState state() {
    return state;
  }
}
