package io.vibevault.orm.testkit;

import io.vibevault.orm.model.Apps;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models a test class needs, in the order their tables can be created, and every table they
 * own. The declared models are completed with the models they point at (a foreign key to a model
 * the test did not list would otherwise fail on a server), and with explicit through models of
 * their many-to-many fields. Auto-created join tables come with their owner's {@code createModel}
 * but are listed in {@link #tables()} so they are flushed too.
 *
 * <p>Order: a model comes after every model it has a foreign key, one-to-one or auto-created
 * many-to-many towards. Self references are fine; a cycle between models cannot be ordered, so its
 * members keep their declared order and the backend's schema editor must cope.
 */
final class ModelTables {
  private final List<ModelMeta> creationOrder;
  private final List<String> tables;

  private ModelTables(List<ModelMeta> creationOrder) {
    this.creationOrder = List.copyOf(creationOrder);
    List<String> names = new ArrayList<>();
    for (ModelMeta meta : creationOrder) {
      names.add(meta.dbTable());
      for (Field m2m : meta.manyToManyFields()) {
        ModelMeta through = m2m.relation().through();
        if (through != null && through.isAutoCreated()) {
          names.add(through.dbTable());
        }
      }
    }
    this.tables = List.copyOf(new LinkedHashSet<>(names));
  }

  /** The tables for these model classes (registered with the global apps first). */
  static ModelTables of(List<Class<? extends Model>> models) {
    // Registering all of them before reading any relation wires every reverse relation, as an
    // AppConfig would, so tests see the same metadata the application does.
    List<ModelMeta> metas = models.stream().map(Apps.global()::meta).toList();
    Set<ModelMeta> all = new LinkedHashSet<>();
    for (ModelMeta meta : metas) {
      collect(meta, all);
    }
    return new ModelTables(order(all));
  }

  /** The models to create, FK targets first. */
  List<ModelMeta> creationOrder() {
    return creationOrder;
  }

  /** Every table: the models' own and their auto-created join tables. */
  List<String> tables() {
    return tables;
  }

  private static void collect(ModelMeta meta, Set<ModelMeta> all) {
    if (meta.modelClass() == null || !all.add(meta)) {
      return;
    }
    for (Field f : meta.relationFields()) {
      collect(f.relation().target(), all);
      ModelMeta through = f.relation().through();
      if (through != null && !through.isAutoCreated()) {
        collect(through, all);
      }
    }
  }

  /** Depth-first: each model's dependencies are placed before it. */
  private static List<ModelMeta> order(Set<ModelMeta> models) {
    List<ModelMeta> ordered = new ArrayList<>();
    Map<ModelMeta, Boolean> state = new HashMap<>(); // false: in progress, true: placed
    for (ModelMeta meta : models) {
      visit(meta, models, state, ordered);
    }
    return ordered;
  }

  private static void visit(
      ModelMeta meta, Set<ModelMeta> models, Map<ModelMeta, Boolean> state, List<ModelMeta> out) {
    if (state.containsKey(meta)) {
      return; // placed already, or a cycle back to a model in progress
    }
    state.put(meta, false);
    for (ModelMeta dependency : dependencies(meta)) {
      if (dependency != meta && models.contains(dependency)) {
        visit(dependency, models, state, out);
      }
    }
    state.put(meta, true);
    out.add(meta);
  }

  /** The tables that must exist before this model's CREATE TABLE statements run. */
  private static List<ModelMeta> dependencies(ModelMeta meta) {
    List<ModelMeta> deps = new ArrayList<>();
    for (Field f : meta.relationFields()) {
      if (!f.relation().isManyToMany()) {
        deps.add(f.relation().target());
      } else {
        // An explicit through model is its own model with its own foreign keys; only an
        // auto-created join table, made with this model, needs the target to exist.
        ModelMeta through = f.relation().through();
        if (through == null || through.isAutoCreated()) {
          deps.add(f.relation().target());
        }
      }
    }
    return deps;
  }
}
