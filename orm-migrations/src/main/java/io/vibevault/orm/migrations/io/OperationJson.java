package io.vibevault.orm.migrations.io;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.operations.AddConstraint;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AddIndex;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.AlterModelOptions;
import io.vibevault.orm.migrations.operations.AlterModelTable;
import io.vibevault.orm.migrations.operations.AlterModelTableComment;
import io.vibevault.orm.migrations.operations.AlterUniqueTogether;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.DeleteModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveConstraint;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RemoveIndex;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameIndex;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.migrations.operations.RunCode;
import io.vibevault.orm.migrations.operations.RunSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an operation from its JSON object ({@code "type"} names it); writing is each operation's
 * own {@code toJson()}. Every name is checked before it can reach SQL (H-71).
 *
 * <pre>{@code
 * Operation op = OperationJson.read(Map.of("type", "DeleteModel", "model", "Draft"), "vault");
 * }</pre>
 */
public final class OperationJson {
  private static final Pattern CLASS_NAME =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private OperationJson() {}

  @SuppressWarnings("unchecked")
  public static Operation read(Map<String, Object> json, String app) {
    String type = StateJson.string(json, "type", app);
    String where = app + " " + type;
    switch (type) {
      case "CreateModel":
        return new CreateModel(StateJson.model(json, app));
      case "RunSql":
        return new RunSql(
            strings(StateJson.list(json, "sql", where)),
            json.containsKey("reverseSql")
                ? strings(StateJson.list(json, "reverseSql", where))
                : null);
      case "RunCode":
        return new RunCode(
            className(json, "code", where),
            json.containsKey("reverseCode")
                ? (RunCode.NOOP.equals(json.get("reverseCode"))
                    ? RunCode.NOOP
                    : className(json, "reverseCode", where))
                : null);
      default:
        break;
    }
    String model = StateJson.name(json, "model", where);
    String owner = app + "." + model;
    return switch (type) {
      case "DeleteModel" -> new DeleteModel(app, model);
      case "RenameModel" -> new RenameModel(app, model, StateJson.name(json, "newName", where));
      case "AlterModelTable" ->
          new AlterModelTable(app, model, StateJson.name(json, "table", where));
      case "AlterModelTableComment" ->
          new AlterModelTableComment(app, model, StateJson.comment(json, "tableComment", owner));
      case "AlterModelOptions" -> {
        Map<String, Object> options = (Map<String, Object>) json.get("options");
        yield new AlterModelOptions(
            app,
            model,
            StateJson.names((List<Object>) options.getOrDefault("ordering", List.of()), owner),
            (String) options.getOrDefault("verboseName", ""),
            (String) options.getOrDefault("verboseNamePlural", ""));
      }
      case "AddField" ->
          new AddField(
              app,
              model,
              StateJson.field((Map<String, Object>) json.get("field"), owner),
              !Boolean.FALSE.equals(json.get("preserveDefault")));
      case "AlterField" ->
          new AlterField(
              app,
              model,
              StateJson.field((Map<String, Object>) json.get("field"), owner),
              !Boolean.FALSE.equals(json.get("preserveDefault")));
      case "RemoveField" -> new RemoveField(app, model, StateJson.name(json, "name", where));
      case "RenameField" ->
          new RenameField(
              app,
              model,
              StateJson.name(json, "oldName", where),
              StateJson.name(json, "newName", where));
      case "AddIndex" ->
          new AddIndex(app, model, StateJson.index((Map<String, Object>) json.get("index"), owner));
      case "RemoveIndex" ->
          new RemoveIndex(
              app, model, StateJson.index((Map<String, Object>) json.get("index"), owner));
      case "RenameIndex" ->
          new RenameIndex(
              app,
              model,
              StateJson.name(json, "oldName", where),
              StateJson.name(json, "newName", where));
      case "AddConstraint" ->
          new AddConstraint(
              app,
              model,
              StateJson.constraint((Map<String, Object>) json.get("constraint"), owner));
      case "RemoveConstraint" ->
          new RemoveConstraint(app, model, StateJson.name(json, "name", where));
      case "AlterUniqueTogether" -> {
        List<List<String>> sets = new ArrayList<>();
        for (Object set : StateJson.list(json, "uniqueTogether", where)) {
          sets.add(StateJson.names((List<Object>) set, owner));
        }
        yield new AlterUniqueTogether(app, model, sets);
      }
      default ->
          throw new MigrationError(app + ": unknown operation type " + StateJson.quote(type));
    };
  }

  private static List<String> strings(List<Object> values) {
    return values.stream().map(String::valueOf).toList();
  }

  private static String className(Map<String, Object> json, String key, String where) {
    String name = StateJson.string(json, key, where);
    if (!CLASS_NAME.matcher(name).matches()) {
      throw new MigrationError(where + ": " + StateJson.quote(name) + " is not a Java class name");
    }
    return name;
  }
}
