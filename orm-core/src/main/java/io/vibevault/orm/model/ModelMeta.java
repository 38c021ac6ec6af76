package io.vibevault.orm.model;

import io.vibevault.orm.exception.FieldError;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the ORM knows about one model (Django's {@code _meta}): table, fields, primary key,
 * default ordering, indexes and constraints, and the reverse relations other models declare towards
 * it. Built once per class from its annotations.
 *
 * <pre>{@code
 * ModelMeta meta = ModelMeta.of(Memory.class);
 * meta.dbTable();              // "memories"
 * meta.field("createdAt");     // the Field
 * meta.ordering();             // ["-createdAt"]
 * }</pre>
 */
public final class ModelMeta {
  /** An index over fields ({@code -name} for descending). */
  public record IndexSpec(String name, List<String> fields) {}

  /** A named unique constraint. */
  public record UniqueSpec(String name, List<String> fields) {}

  /** A named check constraint: lookups in keyword form, {@code path=jsonValue}, AND-ed. */
  public record CheckSpec(String name, List<String> conditions) {}

  private final Apps apps;
  private final Class<? extends Model> modelClass;
  private final String appLabel;
  private final String modelName;
  private final String dbTable;
  private final boolean autoCreated;
  final List<String> ordering = new ArrayList<>();
  String verboseName;
  String verboseNamePlural;
  String dbTableComment = "";
  String defaultManagerName = "";
  final List<Field> fields = new ArrayList<>();
  final List<IndexSpec> indexes = new ArrayList<>();
  final List<UniqueSpec> uniqueConstraints = new ArrayList<>();
  final List<CheckSpec> checkConstraints = new ArrayList<>();
  final List<List<String>> uniqueTogether = new ArrayList<>();
  final Set<String> sensitiveFields = new java.util.HashSet<>();
  int maxRelationDepth = DEFAULT_MAX_RELATION_DEPTH;
  MethodHandle constructor;

  /** Hydration's field writers by the list of fields they set ({@link FieldWriter#of}). */
  final Map<List<Field>, FieldWriter> fieldWriters = new ConcurrentHashMap<>();

  private Field pk;
  private final Map<String, Field> byName = new LinkedHashMap<>();
  private List<Field> concrete;
  private List<Field> relations;
  private List<Field> manyToMany;
  private final Map<String, ReverseRelation> reverse = new ConcurrentHashMap<>();
  private final Map<String, ReverseRelation> hiddenReverse = new ConcurrentHashMap<>();

  ModelMeta(
      Apps apps,
      Class<? extends Model> modelClass,
      String appLabel,
      String modelName,
      String dbTable,
      boolean autoCreated) {
    this.apps = apps;
    this.modelClass = modelClass;
    this.appLabel = appLabel;
    this.modelName = modelName;
    this.dbTable = dbTable;
    this.autoCreated = autoCreated;
  }

  /** The metadata of a model class, built on first use. */
  public static ModelMeta of(Class<? extends Model> modelClass) {
    return Apps.global().meta(modelClass);
  }

  void finish() {
    for (Field f : fields) {
      byName.put(f.name(), f);
      if (f.isPrimaryKey()) {
        pk = f;
      }
    }
    for (Field f : fields) {
      if (!f.attname().equals(f.name())) {
        byName.putIfAbsent(f.attname(), f);
      }
    }
    concrete = fields.stream().filter(Field::isConcrete).toList();
    relations = fields.stream().filter(Field::isRelation).toList();
    manyToMany = fields.stream().filter(f -> f.isRelation() && !f.isConcrete()).toList();
  }

  public Apps apps() {
    return apps;
  }

  /** The model class, or null for an auto-created many-to-many join model. */
  public Class<? extends Model> modelClass() {
    return modelClass;
  }

  public String appLabel() {
    return appLabel;
  }

  /** The class's simple name ({@code Memory}), or {@code Memory_tags} for a join model. */
  public String modelName() {
    return modelName;
  }

  /** {@code app.Model}, as Django labels it. */
  public String label() {
    return appLabel + "." + modelName;
  }

  public String dbTable() {
    return dbTable;
  }

  /** Whether the ORM created this model for a many-to-many relation without a through model. */
  public boolean isAutoCreated() {
    return autoCreated;
  }

  /** Default ordering, as declared ({@code -createdAt}). */
  public List<String> ordering() {
    return Collections.unmodifiableList(ordering);
  }

  public String verboseName() {
    return verboseName;
  }

  public String verboseNamePlural() {
    return verboseNamePlural;
  }

  /** The comment on the table ({@code @Meta(dbTableComment = ...)}), empty when none. */
  public String dbTableComment() {
    return dbTableComment;
  }

  public String defaultManagerName() {
    return defaultManagerName;
  }

  /** The primary key field. */
  public Field pk() {
    return pk;
  }

  /** Every field in declaration order (parents first), many-to-many included. */
  public List<Field> fields() {
    return Collections.unmodifiableList(fields);
  }

  /** The fields that have a column, in table order. */
  public List<Field> concreteFields() {
    return concrete;
  }

  /** Forward relation fields: foreign keys, one-to-ones and many-to-manys. */
  public List<Field> relationFields() {
    return relations;
  }

  public List<Field> manyToManyFields() {
    return manyToMany;
  }

  public List<IndexSpec> indexes() {
    return Collections.unmodifiableList(indexes);
  }

  public List<UniqueSpec> uniqueConstraints() {
    return Collections.unmodifiableList(uniqueConstraints);
  }

  public List<CheckSpec> checkConstraints() {
    return Collections.unmodifiableList(checkConstraints);
  }

  public List<List<String>> uniqueTogether() {
    return Collections.unmodifiableList(uniqueTogether);
  }

  /**
   * How many relations a path from this model may cross unless its {@code @Meta} says otherwise:
   * two ({@code memories__tags__name}). Deeper paths are how "ORM leak" attacks reach other users'
   * secrets ({@code user__memories__user__email}).
   */
  public static final int DEFAULT_MAX_RELATION_DEPTH = 2;

  /** How many relations a lookup, ordering or values path starting here may cross. */
  public int maxRelationDepth() {
    return maxRelationDepth;
  }

  /** Whether a field is marked sensitive: it may not be filtered, ordered or selected by path. */
  public boolean isSensitive(String fieldName) {
    return sensitiveFields.contains(fieldName);
  }

  /** The field with this name or attname, or a FieldError naming the choices. */
  public Field field(String name) {
    Field f = findField(name);
    if (f == null) {
      throw new FieldError(
          "Cannot resolve keyword "
              + FieldError.quote(name)
              + " into field of "
              + label()
              + ". Choices are: "
              + String.join(", ", fieldChoices()));
    }
    return f;
  }

  /** The field with this name or attname ({@code pk} means the primary key), or null. */
  public Field findField(String name) {
    if ("pk".equals(name)) {
      return pk;
    }
    return byName.get(name);
  }

  /**
   * A reverse relation by its query name, or null. A hidden one ({@code relatedName = "+"}) is
   * found only by its internal name {@code _app_model_field_+}, which the ORM uses for its own
   * queries.
   */
  public ReverseRelation reverseRelation(String name) {
    ReverseRelation r = reverse.get(name);
    return r != null ? r : hiddenReverse.get(name);
  }

  /**
   * Every relation pointing at this model, hidden ones ({@code relatedName = "+"}) and the
   * auto-created join models' foreign keys included: what a delete must follow.
   */
  public List<ReverseRelation> incomingRelations() {
    List<ReverseRelation> all = new ArrayList<>(reverse.values());
    all.addAll(hiddenReverse.values());
    return all;
  }

  /** The reverse side of {@code field} (a relation pointing at this model), hidden or not. */
  public ReverseRelation reverseOf(Field field) {
    for (ReverseRelation r : incomingRelations()) {
      if (r.field() == field) {
        return r;
      }
    }
    return null;
  }

  void addHiddenReverse(ReverseRelation relation) {
    hiddenReverse.putIfAbsent(relation.name(), relation);
  }

  /** Every reverse relation declared towards this model by registered models. */
  public List<ReverseRelation> reverseRelations() {
    return List.copyOf(reverse.values());
  }

  void addReverse(ReverseRelation relation) {
    reverse.putIfAbsent(relation.name(), relation);
  }

  /** The names a lookup path may use at this model: fields, reverse relations and {@code pk}. */
  public List<String> fieldChoices() {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      if (!sensitiveFields.contains(f.name())) {
        names.add(f.name());
        if (!f.attname().equals(f.name())) {
          names.add(f.attname());
        }
      }
    }
    names.addAll(new java.util.TreeSet<>(reverse.keySet()));
    names.add("pk");
    return names;
  }

  Model newInstance() {
    if (constructor == null) {
      throw new IllegalStateException(label() + " has no Java class to instantiate");
    }
    try {
      // Typed ()Model once, so invokeExact calls it as it is (invoke adapted the call per row).
      return (Model) constructor.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("Cannot instantiate " + label(), t);
    }
  }

  @Override
  public String toString() {
    return "ModelMeta(" + label() + ")";
  }
}
