package io.vibevault.orm.migrations.autodetect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Asks in a terminal, as Django's interactive questioner does: renames as yes/no (default no), a
 * one-off default as a JSON value ({@code "calm"}, {@code 0}, {@code true}), or {@code quit}.
 *
 * <pre>{@code
 * Questioner q = new TerminalQuestioner(context::prompt, context.out()::println);
 * }</pre>
 */
public final class TerminalQuestioner implements Questioner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final UnaryOperator<String> prompt;
  private final Consumer<String> say;

  /**
   * {@code prompt} prints a question and returns the line typed (null at the end of input); {@code
   * say} prints a line.
   */
  public TerminalQuestioner(UnaryOperator<String> prompt, Consumer<String> say) {
    this.prompt = prompt;
    this.say = say;
  }

  private String ask(String question) {
    String line = prompt.apply(question);
    if (line == null) {
      throw new MigrationError("No answer (end of input) to: " + question.trim());
    }
    return line.trim();
  }

  private boolean yes(String question) {
    String a = ask(question + " [y/N] ").toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }

  @Override
  public boolean askMerge(String app) {
    say.accept("");
    say.accept("Merging will only work if the operations printed above do not conflict");
    say.accept("with each other (working on different fields or models)");
    return yes("Should these migration branches be merged?");
  }

  @Override
  public boolean askRenameModel(ModelDefinition oldModel, ModelDefinition newModel) {
    return yes("Was the model " + oldModel.label() + " renamed to " + newModel.name() + "?");
  }

  @Override
  public boolean askRenameField(
      ModelDefinition model, FieldDefinition oldField, FieldDefinition newField) {
    return yes(
        "Was "
            + model.name()
            + "."
            + oldField.name()
            + " renamed to "
            + model.name()
            + "."
            + newField.name()
            + "?");
  }

  private Object oneOff(String intro) {
    say.accept(intro);
    while (true) {
      String answer = ask("Enter a one-off default as JSON (\"text\", 0, true) or 'quit': ");
      if (answer.equals("quit")) {
        throw new MigrationError("makemigrations stopped: no one-off default given");
      }
      try {
        return JSON.readValue(answer, Object.class);
      } catch (IOException e) {
        say.accept("Not a JSON value: " + e.getMessage());
      }
    }
  }

  @Override
  public Object askNotNullAddition(ModelDefinition model, FieldDefinition field) {
    return oneOff(
        "The field "
            + model.name()
            + "."
            + field.name()
            + " is NOT NULL without a default; existing rows need a value.");
  }

  @Override
  public Object askNotNullAlteration(ModelDefinition model, FieldDefinition field) {
    if (!yes(
        "The field "
            + model.name()
            + "."
            + field.name()
            + " becomes NOT NULL; give existing NULLs a one-off value?")) {
      return null;
    }
    return oneOff("Existing NULLs of " + model.name() + "." + field.name() + " get this value.");
  }
}
