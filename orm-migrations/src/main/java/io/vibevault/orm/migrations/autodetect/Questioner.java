package io.vibevault.orm.migrations.autodetect;

import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;

/**
 * What the autodetector asks when the models alone cannot tell (Django's {@code
 * MigrationQuestioner}): was a model or field renamed, and which one-off value fills existing rows
 * when a NOT NULL field arrives without a default. {@link #noInput()} answers safely without
 * asking; {@link ScriptedQuestioner} takes explicit answers for scripts; {@link TerminalQuestioner}
 * asks.
 *
 * <pre>{@code
 * Questioner q = new ScriptedQuestioner(Questioner.noInput())
 *     .renameField("vault.Memory", "body", "text")
 *     .oneOffDefault("vault.Memory", "mood", "calm");
 * }</pre>
 */
public interface Questioner {
  /** Whether {@code oldModel} was renamed to {@code newModel} (same fields). */
  boolean askRenameModel(ModelDefinition oldModel, ModelDefinition newModel);

  /** Whether field {@code oldField} of {@code model} was renamed to {@code newField}. */
  boolean askRenameField(ModelDefinition model, FieldDefinition oldField, FieldDefinition newField);

  /**
   * The one-off value (a neutral JSON value) existing rows get for a NOT NULL field added without a
   * default; a MigrationError when there is none.
   */
  Object askNotNullAddition(ModelDefinition model, FieldDefinition field);

  /**
   * The one-off value existing NULLs get when a field becomes NOT NULL, or null to leave them (the
   * migration then fails on rows that hold NULL).
   */
  Object askNotNullAlteration(ModelDefinition model, FieldDefinition field);

  /**
   * Whether to write a merge migration for {@code app}'s conflicting branches, whose operations
   * were just printed. Yes unless asked in a terminal, as Django's {@code ask_merge}.
   */
  default boolean askMerge(String app) {
    return true;
  }

  /** The safe answers of {@code --no-input}: no renames, no invented values. */
  static Questioner noInput() {
    return new NoInputQuestioner();
  }
}
