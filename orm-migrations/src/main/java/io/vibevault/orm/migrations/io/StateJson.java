package io.vibevault.orm.migrations.io;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Names;
import io.vibevault.orm.model.OnDelete;
import io.vibevault.orm.model.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Models and fields as the JSON of a migration file: only what differs from the defaults, keys in a
 * fixed order, so the same models always give the same bytes. Reading checks every name (H-71):
 * quote characters never reach SQL.
 *
 * <pre>{@code
 * Map<String, Object> json = StateJson.field(FieldDefinition.of("title", FieldKind.CHAR));
 * FieldDefinition back = StateJson.field(json, "vault.Memory");
 * }</pre>
 */
public final class StateJson {
  private StateJson() {}

  /** The JSON object of a field. */
  public static Map<String, Object> field(FieldDefinition f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", f.name());
    if (f.isRelation()) {
      out.put("type", relationType(f.relation()));
      out.put("to", f.to());
    } else {
      out.put("type", f.kind().name());
    }
    String defaultColumn = defaultColumn(f);
    if (f.column() != null && !f.column().equals(defaultColumn)) {
      out.put("column", f.column());
    }
    if (f.primaryKey()) {
      out.put("primaryKey", true);
    }
    if (f.nullable()) {
      out.put("nullable", true);
    }
    if (f.blank() && !(f.kind() != null && f.kind().isAuto())) {
      out.put("blank", true);
    }
    boolean impliedUnique = f.primaryKey() || f.relation() == Relation.Kind.ONE_TO_ONE;
    if (f.unique() && !impliedUnique) {
      out.put("unique", true);
    }
    boolean impliedIndex = f.isRelation() && f.isConcrete() || f.kind() == FieldKind.SLUG;
    if (f.dbIndex() != impliedIndex && f.isConcrete()) {
      out.put("dbIndex", f.dbIndex());
    }
    if (f.maxLength() > 0) {
      out.put("maxLength", f.maxLength());
    }
    if (f.maxDigits() > 0) {
      out.put("maxDigits", f.maxDigits());
    }
    if (f.decimalPlaces() > 0) {
      out.put("decimalPlaces", f.decimalPlaces());
    }
    if (f.autoNow()) {
      out.put("autoNow", true);
    }
    if (f.autoNowAdd()) {
      out.put("autoNowAdd", true);
    }
    if (f.hasDefault()) {
      out.put("default", f.defaultValue());
    }
    if (f.isRelation()) {
      if (f.relation() != Relation.Kind.MANY_TO_MANY && f.onDelete() != OnDelete.CASCADE) {
        out.put("onDelete", f.onDelete().name());
      }
      if (!f.relatedName().isEmpty()) {
        out.put("relatedName", f.relatedName());
      }
      if (!f.toField().isEmpty()) {
        out.put("toField", f.toField());
      }
      if (!f.dbConstraint()) {
        out.put("dbConstraint", false);
      }
      if (f.m2mTable() != null) {
        out.put("dbTable", f.m2mTable());
      }
    }
    if (!f.dbComment().isEmpty()) {
      out.put("dbComment", f.dbComment());
    }
    return out;
  }

  /** Reads a field; {@code owner} names the model in errors. */
  public static FieldDefinition field(Map<String, Object> json, String owner) {
    String name = name(json, "name", owner);
    String type = string(json, "type", owner + "." + name);
    Relation.Kind relation = relationKind(type);
    FieldKind kind = null;
    if (relation == null) {
      try {
        kind = FieldKind.valueOf(type);
      } catch (IllegalArgumentException e) {
        throw new MigrationError(owner + "." + name + ": unknown field type " + quote(type));
      }
    }
    String to = relation == null ? null : name(json, "to", owner + "." + name);
    boolean pk = bool(json, "primaryKey", false);
    FieldDefinition base =
        relation == null
            ? FieldDefinition.of(name, kind)
            : FieldDefinition.relation(name, relation, to);
    String column =
        relation == Relation.Kind.MANY_TO_MANY
            ? null
            : json.containsKey("column") ? name(json, "column", owner + "." + name) : base.column();
    boolean impliedIndex =
        relation != null && relation != Relation.Kind.MANY_TO_MANY || kind == FieldKind.SLUG;
    return new FieldDefinition(
        name,
        kind,
        relation,
        column,
        bool(json, "nullable", false),
        bool(json, "blank", kind != null && kind.isAuto()),
        bool(json, "unique", false) || pk || relation == Relation.Kind.ONE_TO_ONE,
        bool(json, "dbIndex", impliedIndex),
        pk,
        integer(json, "maxLength"),
        integer(json, "maxDigits"),
        integer(json, "decimalPlaces"),
        bool(json, "autoNow", false),
        bool(json, "autoNowAdd", false),
        json.containsKey("default"),
        json.get("default"),
        to,
        json.containsKey("onDelete")
            ? OnDelete.valueOf(string(json, "onDelete", owner + "." + name))
            : OnDelete.CASCADE,
        json.containsKey("relatedName") ? string(json, "relatedName", owner) : "",
        json.containsKey("toField") ? name(json, "toField", owner) : "",
        bool(json, "dbConstraint", true),
        json.containsKey("dbTable") ? name(json, "dbTable", owner + "." + name) : null,
        comment(json, "dbComment", owner + "." + name));
  }

  /** The JSON object of a whole model (CreateModel). */
  public static Map<String, Object> model(ModelDefinition m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    String defaultTable = m.appLabel() + "_" + m.name().toLowerCase(Locale.ROOT);
    if (!m.dbTable().equals(defaultTable)) {
      out.put("dbTable", m.dbTable());
    }
    if (!m.dbTableComment().isEmpty()) {
      out.put("dbTableComment", m.dbTableComment());
    }
    List<Object> fields = new ArrayList<>();
    for (FieldDefinition f : m.fields()) {
      fields.add(field(f));
    }
    out.put("fields", fields);
    Map<String, Object> options = options(m);
    if (!options.isEmpty()) {
      out.put("options", options);
    }
    if (!m.indexes().isEmpty()) {
      out.put("indexes", m.indexes().stream().map(StateJson::index).toList());
    }
    if (!m.uniqueConstraints().isEmpty() || !m.checkConstraints().isEmpty()) {
      List<Object> constraints = new ArrayList<>();
      m.uniqueConstraints().forEach(u -> constraints.add(unique(u)));
      m.checkConstraints().forEach(c -> constraints.add(check(c)));
      out.put("constraints", constraints);
    }
    if (!m.uniqueTogether().isEmpty()) {
      out.put("uniqueTogether", m.uniqueTogether());
    }
    return out;
  }

  /** The options AlterModelOptions changes: ordering and verbose names, when not the defaults. */
  public static Map<String, Object> options(ModelDefinition m) {
    Map<String, Object> options = new LinkedHashMap<>();
    if (!m.ordering().isEmpty()) {
      options.put("ordering", m.ordering());
    }
    if (!m.verboseName().isEmpty() && !m.verboseName().equals(defaultVerbose(m.name()))) {
      options.put("verboseName", m.verboseName());
    }
    String plural = (m.verboseName().isEmpty() ? defaultVerbose(m.name()) : m.verboseName()) + "s";
    if (!m.verboseNamePlural().isEmpty() && !m.verboseNamePlural().equals(plural)) {
      options.put("verboseNamePlural", m.verboseNamePlural());
    }
    return options;
  }

  /** Django's default verbose name: the class name split into lower-case words. */
  static String defaultVerbose(String modelName) {
    return Names.verbose(Character.toLowerCase(modelName.charAt(0)) + modelName.substring(1));
  }

  /** Reads a model of {@code app}. */
  @SuppressWarnings("unchecked")
  public static ModelDefinition model(Map<String, Object> json, String app) {
    String name = name(json, "name", app);
    String label = app + "." + name;
    List<FieldDefinition> fields = new ArrayList<>();
    for (Object f : list(json, "fields", label)) {
      fields.add(field((Map<String, Object>) f, label));
    }
    Map<String, Object> options =
        json.containsKey("options") ? (Map<String, Object>) json.get("options") : Map.of();
    List<ModelMeta.UniqueSpec> unique = new ArrayList<>();
    List<ModelMeta.CheckSpec> checks = new ArrayList<>();
    if (json.containsKey("constraints")) {
      for (Object c : list(json, "constraints", label)) {
        Object parsed = constraint((Map<String, Object>) c, label);
        if (parsed instanceof ModelMeta.UniqueSpec u) {
          unique.add(u);
        } else {
          checks.add((ModelMeta.CheckSpec) parsed);
        }
      }
    }
    List<ModelMeta.IndexSpec> indexes = new ArrayList<>();
    if (json.containsKey("indexes")) {
      for (Object i : list(json, "indexes", label)) {
        indexes.add(index((Map<String, Object>) i, label));
      }
    }
    List<List<String>> together = new ArrayList<>();
    if (json.containsKey("uniqueTogether")) {
      for (Object set : list(json, "uniqueTogether", label)) {
        together.add(names((List<Object>) set, label));
      }
    }
    String defaultVerbose = defaultVerbose(name);
    String verbose = (String) options.getOrDefault("verboseName", defaultVerbose);
    return new ModelDefinition(
        app,
        name,
        json.containsKey("dbTable")
            ? name(json, "dbTable", label)
            : app + "_" + name.toLowerCase(Locale.ROOT),
        fields,
        options.containsKey("ordering")
            ? names((List<Object>) options.get("ordering"), label)
            : List.of(),
        verbose,
        (String) options.getOrDefault("verboseNamePlural", verbose + "s"),
        indexes,
        unique,
        checks,
        together,
        comment(json, "dbTableComment", label));
  }

  public static Map<String, Object> index(ModelMeta.IndexSpec index) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (index.name() != null && !index.name().isEmpty()) {
      out.put("name", index.name());
    }
    out.put("fields", index.fields());
    return out;
  }

  @SuppressWarnings("unchecked")
  public static ModelMeta.IndexSpec index(Map<String, Object> json, String owner) {
    String name = json.containsKey("name") ? name(json, "name", owner) : "";
    return new ModelMeta.IndexSpec(name, names((List<Object>) json.get("fields"), owner));
  }

  public static Map<String, Object> unique(ModelMeta.UniqueSpec u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "unique");
    out.put("name", u.name());
    out.put("fields", u.fields());
    return out;
  }

  public static Map<String, Object> check(ModelMeta.CheckSpec c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "check");
    out.put("name", c.name());
    out.put("conditions", c.conditions());
    return out;
  }

  /** A {@link ModelMeta.UniqueSpec} or a {@link ModelMeta.CheckSpec}. */
  @SuppressWarnings("unchecked")
  public static Object constraint(Map<String, Object> json, String owner) {
    String type = string(json, "type", owner);
    String name = name(json, "name", owner);
    if (type.equals("unique")) {
      return new ModelMeta.UniqueSpec(name, names((List<Object>) json.get("fields"), owner));
    }
    if (type.equals("check")) {
      List<String> conditions = new ArrayList<>();
      for (Object c : (List<Object>) json.get("conditions")) {
        conditions.add(String.valueOf(c));
      }
      return new ModelMeta.CheckSpec(name, conditions);
    }
    throw new MigrationError(owner + ": unknown constraint type " + quote(type));
  }

  private static String relationType(Relation.Kind kind) {
    return switch (kind) {
      case MANY_TO_ONE -> "ForeignKey";
      case ONE_TO_ONE -> "OneToOneField";
      case MANY_TO_MANY -> "ManyToManyField";
    };
  }

  private static Relation.Kind relationKind(String type) {
    return switch (type) {
      case "ForeignKey" -> Relation.Kind.MANY_TO_ONE;
      case "OneToOneField" -> Relation.Kind.ONE_TO_ONE;
      case "ManyToManyField" -> Relation.Kind.MANY_TO_MANY;
      default -> null;
    };
  }

  private static String defaultColumn(FieldDefinition f) {
    if (f.relation() == Relation.Kind.MANY_TO_MANY) {
      return null;
    }
    return Names.snakeCase(f.name()) + (f.isRelation() ? "_id" : "");
  }

  // ---------------------------------------------------------------- checked reads

  /** A name that ends up in SQL: non-empty text without quote or control characters (H-71). */
  static String name(Map<String, Object> json, String key, String owner) {
    String value = string(json, key, owner);
    checkName(value, owner + " " + key);
    return value;
  }

  static void checkName(String value, String where) {
    if (value.isEmpty() || value.length() > 200) {
      throw new MigrationError(where + ": " + quote(value) + " is not a valid name");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '`' || c == '\'' || c == '\\' || c == '[' || c == ']' || c < 0x20
          || c == 0x7f) {
        throw new MigrationError(
            where + ": the name " + quote(value) + " contains a quote or control character");
      }
    }
  }

  /**
   * A comment (free text: the dialect quotes it as a literal), empty when absent. A NUL character
   * is refused: no database stores it in a comment, and some drivers cut the statement there.
   */
  public static String comment(Map<String, Object> json, String key, String owner) {
    if (!json.containsKey(key)) {
      return "";
    }
    String value = string(json, key, owner);
    if (value.indexOf('\0') >= 0) {
      throw new MigrationError(owner + ": " + key + " contains a NUL character");
    }
    return value;
  }

  static String string(Map<String, Object> json, String key, String owner) {
    Object v = json.get(key);
    if (!(v instanceof String s)) {
      throw new MigrationError(owner + ": \"" + key + "\" must be a string, got " + v);
    }
    return s;
  }

  private static boolean bool(Map<String, Object> json, String key, boolean otherwise) {
    Object v = json.get(key);
    return v instanceof Boolean b ? b : otherwise;
  }

  private static int integer(Map<String, Object> json, String key) {
    Object v = json.get(key);
    return v instanceof Number n ? n.intValue() : 0;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> json, String key, String owner) {
    Object v = json.get(key);
    if (!(v instanceof List<?> l)) {
      throw new MigrationError(owner + ": \"" + key + "\" must be a list");
    }
    return (List<Object>) l;
  }

  static List<String> names(List<Object> values, String owner) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      String s = String.valueOf(v);
      checkName(s.startsWith("-") ? s.substring(1) : s, owner);
      out.add(s);
    }
    return out;
  }

  static String quote(String s) {
    return io.vibevault.orm.exception.FieldError.quote(s);
  }
}
