package io.vibevault.orm.migrations.state;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.model.AppConfig;
import io.vibevault.orm.model.Apps;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Every model of a project at one point of its history (Django's {@code ProjectState}): built from
 * the model classes of some apps, or by replaying migrations, without a database. Each model is a
 * {@link ModelDefinition} (its model state) made of {@link FieldDefinition}s (its field states).
 * {@link #apps()} turns the state into real metadata for the schema editor and historical queries.
 *
 * <pre>{@code
 * ProjectState current = ProjectState.fromApps(List.of(new VaultApp()));
 * ModelDefinition memory = current.model("vault", "Memory");
 * ModelMeta meta = current.meta("vault", "Memory");   // for the schema editor
 * }</pre>
 */
public final class ProjectState {
  private final Map<String, ModelDefinition> models = new TreeMap<>();
  private Apps apps;

  /** An empty state (before any migration). */
  public ProjectState() {}

  /** The state of the given apps' model classes as they are now. */
  public static ProjectState fromApps(Collection<? extends AppConfig> configs) {
    ProjectState state = new ProjectState();
    for (AppConfig config : configs) {
      for (ModelMeta meta : config.modelMetas()) {
        state.add(ModelDefinition.of(meta));
      }
    }
    return state;
  }

  /** A copy that can change independently of this one. */
  public ProjectState copy() {
    ProjectState copy = new ProjectState();
    copy.models.putAll(models);
    return copy;
  }

  /** Every model, ordered by label. */
  public Collection<ModelDefinition> models() {
    return List.copyOf(models.values());
  }

  /** The models of one app, ordered by name. */
  public List<ModelDefinition> models(String app) {
    return models.values().stream().filter(m -> m.appLabel().equals(app)).toList();
  }

  /** The model, or null. */
  public ModelDefinition find(String app, String name) {
    return models.get(key(app, name));
  }

  /** The model, or a MigrationError naming it. */
  public ModelDefinition model(String app, String name) {
    ModelDefinition m = find(app, name);
    if (m == null) {
      throw new MigrationError(
          "Model " + app + "." + name + " does not exist at this point of the migration history");
    }
    return m;
  }

  public void add(ModelDefinition model) {
    if (models.containsKey(model.key())) {
      throw new MigrationError("Model " + model.label() + " already exists in this state");
    }
    models.put(model.key(), model);
    apps = null;
  }

  public void remove(String app, String name) {
    model(app, name);
    models.remove(key(app, name));
    apps = null;
  }

  /** Replaces a model by {@code change} applied to it (a rename changes its key). */
  public void change(String app, String name, UnaryOperator<ModelDefinition> change) {
    ModelDefinition old = model(app, name);
    ModelDefinition changed = change.apply(old);
    models.remove(old.key());
    models.put(changed.key(), changed);
    apps = null;
  }

  /** Points every relation aimed at {@code oldLabel} to {@code newLabel} (a model was renamed). */
  public void retarget(String oldLabel, String newLabel) {
    changeRelations(f -> f.to().equalsIgnoreCase(oldLabel), f -> f.withTarget(newLabel));
  }

  /**
   * Points every relation aimed at field {@code oldName} of {@code label} (its {@code toField}) at
   * {@code newName}: the field was renamed.
   */
  public void renameTargetField(String label, String oldName, String newName) {
    changeRelations(
        f -> f.to().equalsIgnoreCase(label) && f.toField().equals(oldName),
        f -> f.withToField(newName));
  }

  private void changeRelations(
      java.util.function.Predicate<FieldDefinition> which, UnaryOperator<FieldDefinition> change) {
    for (ModelDefinition m : List.copyOf(models.values())) {
      List<FieldDefinition> fields = new ArrayList<>();
      boolean touched = false;
      for (FieldDefinition f : m.fields()) {
        if (f.isRelation() && which.test(f)) {
          fields.add(change.apply(f));
          touched = true;
        } else {
          fields.add(f);
        }
      }
      if (touched) {
        models.put(m.key(), m.withFields(fields));
      }
    }
    apps = null;
  }

  /** The metadata of every model in this state, in a registry of its own (built once per state). */
  public synchronized Apps apps() {
    if (apps == null) {
      Apps built = new Apps();
      built.define(models.values());
      apps = built;
    }
    return apps;
  }

  /** The historical metadata of one model. */
  public ModelMeta meta(String app, String name) {
    model(app, name);
    return apps().resolve(app + "." + name, app);
  }

  /** The labels of the apps having models in this state. */
  public List<String> appLabels() {
    return models.values().stream().map(ModelDefinition::appLabel).distinct().sorted().toList();
  }

  private static String key(String app, String name) {
    return (app + "." + name).toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectState other && other.models.equals(models);
  }

  @Override
  public int hashCode() {
    return models.hashCode();
  }

  @Override
  public String toString() {
    return "ProjectState" + models.keySet();
  }
}
