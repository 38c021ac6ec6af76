package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Explicit answers for scripts and CI: the renames that happened and the one-off defaults to use;
 * every other question goes to the fallback (usually {@link Questioner#noInput()}).
 *
 * <pre>{@code
 * Questioner q = new ScriptedQuestioner(Questioner.noInput())
 *     .renameModel("vault.Note", "Memory")
 *     .renameField("vault.Memory", "body", "text")
 *     .oneOffDefault("vault.Memory", "mood", "calm");
 * }</pre>
 */
public final class ScriptedQuestioner implements Questioner {
  private final Questioner fallback;
  private final Set<String> modelRenames = new HashSet<>();
  private final Set<String> fieldRenames = new HashSet<>();
  private final Map<String, Object> defaults = new HashMap<>();

  public ScriptedQuestioner(Questioner fallback) {
    this.fallback = fallback;
  }

  /** Model {@code oldLabel} ({@code app.Old}) was renamed to {@code newName}. */
  public ScriptedQuestioner renameModel(String oldLabel, String newName) {
    modelRenames.add(oldLabel.toLowerCase(java.util.Locale.ROOT) + "->" + newName);
    return this;
  }

  /** Field {@code oldName} of {@code modelLabel} was renamed to {@code newName}. */
  public ScriptedQuestioner renameField(String modelLabel, String oldName, String newName) {
    fieldRenames.add(
        modelLabel.toLowerCase(java.util.Locale.ROOT) + "." + oldName + "->" + newName);
    return this;
  }

  /** Existing rows get {@code value} for {@code modelLabel.field}. */
  public ScriptedQuestioner oneOffDefault(String modelLabel, String field, Object value) {
    defaults.put(modelLabel.toLowerCase(java.util.Locale.ROOT) + "." + field, value);
    return this;
  }

  @Override
  public boolean askRenameModel(ModelDefinition oldModel, ModelDefinition newModel) {
    return modelRenames.contains(oldModel.key() + "->" + newModel.name())
        || fallback.askRenameModel(oldModel, newModel);
  }

  @Override
  public boolean askRenameField(
      ModelDefinition model, FieldDefinition oldField, FieldDefinition newField) {
    return fieldRenames.contains(model.key() + "." + oldField.name() + "->" + newField.name())
        || fallback.askRenameField(model, oldField, newField);
  }

  @Override
  public boolean askMerge(String app) {
    return fallback.askMerge(app);
  }

  @Override
  public Object askNotNullAddition(ModelDefinition model, FieldDefinition field) {
    String key = model.key() + "." + field.name();
    return defaults.containsKey(key)
        ? defaults.get(key)
        : fallback.askNotNullAddition(model, field);
  }

  @Override
  public Object askNotNullAlteration(ModelDefinition model, FieldDefinition field) {
    String key = model.key() + "." + field.name();
    return defaults.containsKey(key)
        ? defaults.get(key)
        : fallback.askNotNullAlteration(model, field);
  }
}
