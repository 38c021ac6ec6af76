package io.vibevault.orm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vibevault.orm.migrations.Migrations;
import io.vibevault.orm.migrations.Migrations.MakeOptions;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.autodetect.ScriptedQuestioner;
import io.vibevault.orm.migrations.autodetect.TerminalQuestioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code makemigrations}: writes the migrations the models' changes need. In a terminal it asks
 * about renames and one-off defaults; {@code --no-input} never asks (no renames, no invented
 * values); {@code --rename-field}, {@code --rename-model} and {@code --default} answer for scripts.
 * {@code --check} exits 1 when models changed without a migration (for CI).
 *
 * <pre>{@code
 * ... Main --app com.example.VaultApp makemigrations
 * ... Main --app com.example.VaultApp makemigrations --check --dry-run
 * ... Main --app com.example.VaultApp makemigrations vault --empty --name default_tags
 * ... Main --app com.example.VaultApp makemigrations --no-input --rename-field vault.Memory.body=text --default 'vault.Memory.mood="calm"'
 * }</pre>
 */
@Command(
    name = "makemigrations",
    description = "Creates new migrations from the changes of the models.",
    mixinStandardHelpOptions = true)
final class MakeMigrationsCommand extends ManagementCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..*", description = "App labels (default: every app).")
  List<String> apps = new ArrayList<>();

  @Option(names = "--check", description = "Exit 1 when models changed without a migration.")
  boolean check;

  @Option(names = "--dry-run", description = "Show what would be written, write nothing.")
  boolean dryRun;

  @Option(names = "--empty", description = "Write an empty migration (for data migrations).")
  boolean empty;

  @Option(
      names = {"-n", "--name"},
      description = "The migration's name after its number.")
  String name;

  @Option(names = "--merge", description = "Write merge migrations for conflicting leaves.")
  boolean merge;

  @Option(
      names = {"--no-input", "--noinput"},
      description = "Never ask: no renames, and a NOT NULL field without a default is an error.")
  boolean noInput;

  @Option(
      names = "--rename-model",
      description = "app.Old=New: this model was renamed (answers the question).")
  List<String> renameModels = new ArrayList<>();

  @Option(
      names = "--rename-field",
      description = "app.Model.old=new: this field was renamed (answers the question).")
  List<String> renameFields = new ArrayList<>();

  @Option(
      names = "--default",
      description =
          "app.Model.field=<json>: one-off value for existing rows (answers the question).")
  List<String> defaults = new ArrayList<>();

  @Override
  protected int handle(CommandContext context) throws Exception {
    Migrations migrations = MigrationSupport.migrations(context);
    if (name != null && !name.matches("[a-z0-9_]{1,80}")) {
      throw new CommandError("--name must be lower-case letters, digits and underscores");
    }
    Questioner base =
        noInput || !context.isTerminal()
            ? Questioner.noInput()
            : new TerminalQuestioner(context::prompt, context.out()::println);
    ScriptedQuestioner scripted = new ScriptedQuestioner(base);
    for (String r : renameModels) {
      String[] kv = split(r, "--rename-model");
      scripted.renameModel(kv[0], kv[1]);
    }
    for (String r : renameFields) {
      String[] kv = split(r, "--rename-field");
      int dot = kv[0].lastIndexOf('.');
      scripted.renameField(kv[0].substring(0, dot), kv[0].substring(dot + 1), kv[1]);
    }
    for (String d : defaults) {
      String[] kv = split(d, "--default");
      int dot = kv[0].lastIndexOf('.');
      Object value;
      try {
        value = JSON.readValue(kv[1], Object.class);
      } catch (Exception e) {
        throw new CommandError("--default " + kv[0] + ": not a JSON value: " + kv[1]);
      }
      scripted.oneOffDefault(kv[0].substring(0, dot), kv[0].substring(dot + 1), value);
    }
    migrations.questioner(scripted);
    if (merge) {
      migrations.merge(dryRun, name);
      return 0;
    }
    if (check) {
      boolean changed = migrations.hasChanges(apps.toArray(String[]::new));
      if (changed) {
        migrations.makemigrations(new MakeOptions(Set.copyOf(apps), name, true, false));
      } else {
        context.out().println("No changes detected");
      }
      return changed ? 1 : 0;
    }
    migrations.makemigrations(new MakeOptions(Set.copyOf(apps), name, dryRun, empty));
    return 0;
  }

  private static String[] split(String value, String option) {
    int eq = value.indexOf('=');
    if (eq <= 0 || value.substring(0, eq).indexOf('.') < 0) {
      throw new CommandError(option + " expects label=value, got " + value);
    }
    return new String[] {value.substring(0, eq), value.substring(eq + 1)};
  }
}
