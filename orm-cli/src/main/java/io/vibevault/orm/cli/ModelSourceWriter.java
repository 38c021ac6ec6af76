package io.vibevault.orm.cli;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.backend.Introspection.ColumnInfo;
import io.vibevault.orm.backend.Introspection.ConstraintInfo;
import io.vibevault.orm.backend.Introspection.ForeignKeyInfo;
import io.vibevault.orm.backend.Introspection.TableInfo;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes Java model classes for database tables, from what {@link Introspection} reads (the heart
 * of {@code inspectdb}). Each table becomes a model with its {@code dbTable}; each column a field
 * of the matching kind with nullability, max length, digits, uniqueness and {@code dbColumn} where
 * the name is not the field's snake_case; foreign keys become {@code Ref}s with {@code
 * OnDelete.DO_NOTHING} (the database decides, as Django writes them). Names that are not Java
 * identifiers are made safe; comments and defaults from the database only ever land inside comments
 * and string literals, escaped.
 *
 * <pre>{@code
 * ModelSourceWriter w = new ModelSourceWriter(introspection, "com.example.legacy", "legacy");
 * String source = w.container("LegacyModels", List.of("bt_author", "bt_item"));
 * Map<String, String> files = w.files(List.of("bt_author", "bt_item")); // class name → source
 * }</pre>
 */
final class ModelSourceWriter {
  private final Introspection schema;
  private final String packageName;
  private final String appLabel;

  /** Per table: its class name, decided for all tables first so references resolve. */
  private final Map<String, String> classNames = new LinkedHashMap<>();

  ModelSourceWriter(Introspection schema, String packageName, String appLabel) {
    this.schema = schema;
    this.packageName = packageName;
    this.appLabel = appLabel;
  }

  /** One source file holding every model as a public static nested class of {@code name}. */
  String container(String name, List<String> tables) {
    name(tables);
    Set<String> imports = new TreeSet<>();
    StringBuilder body = new StringBuilder();
    for (String table : tables) {
      body.append('\n');
      model(table, "  ", true, imports, body);
    }
    StringBuilder out = header(imports);
    out.append("/** Models written by inspectdb from the tables of an existing database. */\n");
    out.append("public final class ").append(name).append(" {\n");
    out.append("  private ").append(name).append("() {}\n");
    out.append(body);
    out.append("}\n");
    return out.toString();
  }

  /** One source file per model: class name → source. */
  Map<String, String> files(List<String> tables) {
    name(tables);
    Map<String, String> out = new LinkedHashMap<>();
    for (String table : tables) {
      Set<String> imports = new TreeSet<>();
      StringBuilder body = new StringBuilder();
      model(table, "", false, imports, body);
      out.put(classNames.get(table), header(imports).append(body).toString());
    }
    return out;
  }

  private StringBuilder header(Set<String> imports) {
    StringBuilder out = new StringBuilder();
    out.append("// Written by VibeVault inspectdb. Review every model before use:\n");
    out.append("//   * fields may be reordered, renamed or given better types;\n");
    out.append("//   * foreign keys use OnDelete.DO_NOTHING: choose what a delete should do;\n");
    out.append("//   * a table without a one-column primary key needs one to be a model.\n");
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n");
    }
    out.append('\n');
    for (String i : imports) {
      out.append("import ").append(i).append(";\n");
    }
    out.append('\n');
    return out;
  }

  private void name(List<String> tables) {
    classNames.clear();
    Set<String> used = new HashSet<>();
    for (String table : tables) {
      String base = JavaText.className(table);
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      classNames.put(table, name);
    }
  }

  private void model(
      String table, String indent, boolean nested, Set<String> imports, StringBuilder out) {
    String className = classNames.get(table);
    List<ColumnInfo> columns = schema.columns(table);
    List<ConstraintInfo> constraints = schema.constraints(table);
    Map<String, ForeignKeyInfo> foreignKeys = new HashMap<>();
    for (ForeignKeyInfo fk : schema.foreignKeys(table)) {
      foreignKeys.put(fk.column(), fk);
    }
    Set<String> uniqueColumns = new HashSet<>();
    List<List<String>> uniqueTogether = new ArrayList<>();
    List<String> primaryKey = List.of();
    for (ConstraintInfo c : constraints) {
      if (c.primaryKey()) {
        primaryKey = c.columns();
      } else if (c.unique() && c.columns().size() == 1) {
        uniqueColumns.add(c.columns().get(0));
      } else if (c.unique()
          && c.columns().size() > 1
          && c.columns().stream().allMatch(n -> isMappable(n))) {
        uniqueTogether.add(c.columns());
      }
    }
    imports.add("io.vibevault.orm.model.Model");
    imports.add("io.vibevault.orm.model.fields.Meta");
    imports.add("io.vibevault.orm.query.Manager");

    // Field names first: unique within the model, and needed by uniqueTogether.
    Map<String, String> fieldNames = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    used.add("id");
    for (ColumnInfo c : columns) {
      boolean implicitId = isImplicitId(c, primaryKey);
      String base =
          foreignKeys.containsKey(c.name()) ? relationName(c.name()) : JavaText.fieldName(c.name());
      if (implicitId) {
        fieldNames.put(c.name(), "id");
        continue;
      }
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      fieldNames.put(c.name(), name);
    }
    Map<String, Integer> targets = new HashMap<>();
    for (ForeignKeyInfo fk : foreignKeys.values()) {
      targets.merge(fk.referencedTable(), 1, Integer::sum);
    }

    String tableComment =
        schema.tables().stream()
            .filter(t -> t.name().equals(table))
            .map(TableInfo::comment)
            .filter(c -> c != null && !c.isEmpty())
            .findFirst()
            .orElse(null);
    String in = indent + "  ";
    out.append(indent).append("/** The table ").append(javadocSafe(table)).append(". */\n");
    if (primaryKey.size() > 1) {
      out.append(indent)
          .append("// The primary key (")
          .append(JavaText.comment(String.join(", ", primaryKey)))
          .append(") has several columns: models need a one-column key.\n");
    } else if (primaryKey.isEmpty()) {
      out.append(indent).append("// No primary key: models need one to save and delete rows.\n");
    }
    List<String> meta = new ArrayList<>();
    meta.add("appLabel = " + JavaText.literal(appLabel));
    meta.add("dbTable = " + JavaText.literal(table));
    if (tableComment != null) {
      meta.add("dbTableComment = " + JavaText.literal(tableComment));
    }
    if (!uniqueTogether.isEmpty()) {
      imports.add("io.vibevault.orm.model.fields.UniqueTogether");
      List<String> groups = new ArrayList<>();
      for (List<String> group : uniqueTogether) {
        List<String> names = new ArrayList<>();
        for (String column : group) {
          names.add(JavaText.literal(fieldNames.getOrDefault(column, column)));
        }
        groups.add("@UniqueTogether({" + String.join(", ", names) + "})");
      }
      meta.add("uniqueTogether = {" + String.join(", ", groups) + "}");
    }
    annotation(out, indent, "Meta", meta);
    out.append(indent)
        .append("public ")
        .append(nested ? "static " : "")
        .append("class ")
        .append(className)
        .append(" extends Model {\n");
    out.append(in)
        .append("public static final Manager<")
        .append(className)
        .append("> objects = Manager.of(")
        .append(className)
        .append(".class);\n");

    for (ColumnInfo c : columns) {
      String fieldName = fieldNames.get(c.name());
      if (isImplicitId(c, primaryKey)) {
        continue;
      }
      out.append('\n');
      if (!isMappable(c.name())) {
        // Models reject names with quote characters (THREATS H-71); the column stays unmapped.
        out.append(in)
            .append("// Column ")
            .append(JavaText.comment(c.name()))
            .append(" is left out: its name has a quote character, which models reject.\n");
        continue;
      }
      if (c.defaultSql() != null && !c.autoIncrement()) {
        out.append(in)
            .append("// Database default: ")
            .append(JavaText.comment(c.defaultSql()))
            .append('\n');
      }
      boolean pk = primaryKey.size() == 1 && primaryKey.get(0).equals(c.name());
      ForeignKeyInfo fk = foreignKeys.get(c.name());
      if (fk != null && classNames.containsKey(fk.referencedTable())) {
        relation(c, fk, fieldName, className, pk, uniqueColumns, targets, imports, in, out);
      } else {
        if (fk != null) {
          out.append(in)
              .append("// References ")
              .append(JavaText.comment(fk.referencedTable()))
              .append(", which was not inspected: kept as a plain column.\n");
        }
        plain(c, fieldName, pk, uniqueColumns.contains(c.name()), imports, in, out);
      }
    }
    out.append(indent).append("}\n");
  }

  /**
   * Whether a column can be a field: models refuse names with quote characters (THREATS H-71), and
   * an expression index has no column name at all.
   */
  private static boolean isMappable(String column) {
    return !column.isEmpty() && column.indexOf('"') < 0 && column.indexOf('`') < 0;
  }

  /** An auto-numbered one-column key named {@code id}: every model has it already. */
  private static boolean isImplicitId(ColumnInfo c, List<String> primaryKey) {
    return c.name().equals("id")
        && primaryKey.equals(List.of("id"))
        && c.autoIncrement()
        && (c.kind() == FieldKind.AUTO || c.kind() == FieldKind.BIG_AUTO);
  }

  /** {@code author_id} → {@code author}, as Django strips {@code _id} from foreign keys. */
  private static String relationName(String column) {
    String lower = column.toLowerCase(java.util.Locale.ROOT);
    String base =
        lower.endsWith("_id") && column.length() > 3
            ? column.substring(0, column.length() - 3)
            : column;
    return JavaText.fieldName(base);
  }

  private void relation(
      ColumnInfo c,
      ForeignKeyInfo fk,
      String fieldName,
      String className,
      boolean pk,
      Set<String> uniqueColumns,
      Map<String, Integer> targets,
      Set<String> imports,
      String in,
      StringBuilder out) {
    String target = classNames.get(fk.referencedTable());
    boolean oneToOne = pk || uniqueColumns.contains(c.name());
    String annotation = oneToOne ? "OneToOneField" : "ForeignKey";
    imports.add("io.vibevault.orm.model.fields." + annotation);
    imports.add("io.vibevault.orm.model.OnDelete");
    imports.add("io.vibevault.orm.model.Ref");
    List<String> params = new ArrayList<>();
    params.add("onDelete = OnDelete.DO_NOTHING");
    if (!fk.referencedColumn().equals(targetPk(fk.referencedTable()))) {
      params.add("toField = " + JavaText.literal(JavaText.fieldName(fk.referencedColumn())));
    }
    if (targets.get(fk.referencedTable()) > 1) {
      // Two keys to one model would both claim the default reverse name.
      String lowerModel = Character.toLowerCase(className.charAt(0)) + className.substring(1);
      params.add(
          "relatedName = "
              + JavaText.literal(
                  lowerModel
                      + Character.toUpperCase(fieldName.charAt(0))
                      + fieldName.substring(1)
                      + "Set"));
    }
    if (!(Names.snakeCase(fieldName) + "_id").equals(c.name())) {
      params.add("dbColumn = " + JavaText.literal(c.name()));
    }
    if (c.nullable()) {
      params.add("nullable = true");
      params.add("blank = true");
    }
    addComment(c, params);
    if (pk) {
      out.append(in)
          .append(
              "// This foreign key is also the primary key, which models cannot declare yet.\n");
    }
    annotation(out, in, annotation, params);
    out.append(in)
        .append("public final Ref<")
        .append(target)
        .append("> ")
        .append(fieldName)
        .append(" = new Ref<>();\n");
  }

  private String targetPk(String table) {
    return schema.primaryKeyColumn(table).orElse("id");
  }

  private void plain(
      ColumnInfo c,
      String fieldName,
      boolean pk,
      boolean unique,
      Set<String> imports,
      String in,
      StringBuilder out) {
    ColumnField field = ColumnField.of(c);
    for (String note : field.notes()) {
      out.append(in).append("// ").append(note).append('\n');
    }
    imports.addAll(field.imports());
    String annotation = field.annotation();
    List<String> params = new ArrayList<>(field.params());
    if (pk) {
      params.add("primaryKey = true");
    } else if (unique) {
      params.add("unique = true");
    }
    if (!Names.snakeCase(fieldName).equals(c.name())) {
      params.add("dbColumn = " + JavaText.literal(c.name()));
    }
    if (c.nullable() && !pk) {
      params.add("nullable = true");
      params.add("blank = true");
    }
    addComment(c, params);
    annotation(out, in, annotation, params);
    out.append(in).append("public ").append(field.javaType()).append(' ').append(fieldName);
    out.append(";\n");
  }

  /** The column's comment as {@code dbComment}, a string literal whatever the comment holds. */
  private static void addComment(ColumnInfo c, List<String> params) {
    if (c.comment() != null && !c.comment().isEmpty()) {
      params.add("dbComment = " + JavaText.literal(c.comment()));
    }
  }

  /** {@code @Name(a, b)} on one line, or one parameter per line when that passes 100 columns. */
  private static void annotation(
      StringBuilder out, String indent, String name, List<String> params) {
    out.append(indent).append('@').append(name);
    if (params.isEmpty()) {
      out.append('\n');
      return;
    }
    String oneLine = String.join(", ", params);
    if (indent.length() + name.length() + oneLine.length() + 3 <= 100) {
      out.append('(').append(oneLine).append(")\n");
      return;
    }
    out.append("(\n");
    for (int i = 0; i < params.size(); i++) {
      out.append(indent).append("    ").append(params.get(i));
      out.append(i + 1 < params.size() ? ",\n" : ")\n");
    }
  }

  /** A table name inside Javadoc: no comment end, no unicode escape, no HTML. */
  private static String javadocSafe(String text) {
    return JavaText.comment(text)
        .replace("*/", "*&#47;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;");
  }
}
