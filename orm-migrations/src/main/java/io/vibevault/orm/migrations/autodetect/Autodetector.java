package io.vibevault.orm.migrations.autodetect;

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
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two project states and writes the operations that take the first to the second (Django's
 * {@code MigrationAutodetector}), per app, in an order that always applies: renames, removals of
 * indexes and constraints, new models (referenced ones first; a relation cycle becomes a later
 * AddField), new fields, changed fields, removed fields, removed models, then new indexes and
 * constraints and options. Renames and one-off defaults are asked through the {@link Questioner}.
 *
 * <pre>{@code
 * Changes changes = new Autodetector(fromMigrations, fromModels, Questioner.noInput()).changes(Set.of("vault"));
 * changes.operations("vault");      // [CreateModel Tag, AddField Memory.tags, ...]
 * changes.dependsOnApps("vault");   // other apps whose models these operations need
 * }</pre>
 */
public final class Autodetector {
  private final ProjectState from;
  private final ProjectState to;
  private final Questioner questioner;

  /**
   * What changed, per app, and which other apps each app's operations depend on: the apps of the
   * models they point at, and the apps pointing at a model they rename.
   */
  public record Changes(Map<String, List<Operation>> byApp, Map<String, Set<String>> appDeps) {
    public List<Operation> operations(String app) {
      return byApp.getOrDefault(app, List.of());
    }

    public Set<String> dependsOnApps(String app) {
      return appDeps.getOrDefault(app, Set.of());
    }

    public boolean isEmpty() {
      return byApp.values().stream().allMatch(List::isEmpty);
    }
  }

  public Autodetector(ProjectState from, ProjectState to, Questioner questioner) {
    this.from = from;
    this.to = to;
    this.questioner = questioner;
  }

  /** The changes of the given apps (every app of the new state when empty). */
  public Changes changes(Collection<String> apps) {
    Set<String> labels = new LinkedHashSet<>(apps);
    if (labels.isEmpty()) {
      labels.addAll(to.appLabels());
    }
    // Model renames of every app first (Django's generate_renamed_models): relations from other
    // apps then already point at the new names and need no AlterField.
    ProjectState renamed = from.copy();
    Map<String, List<Operation>> modelRenames = new TreeMap<>();
    for (String app : labels) {
      modelRenames.put(app, renamedModels(app, renamed));
    }
    Map<String, List<Operation>> out = new TreeMap<>();
    Map<String, Set<String>> deps = new TreeMap<>();
    for (String app : labels) {
      List<Operation> ops = Optimizer.optimize(detect(app, renamed, modelRenames.get(app)));
      if (!ops.isEmpty()) {
        out.put(app, ops);
        Set<String> needed = new java.util.TreeSet<>(appDependencies(app, ops));
        needed.addAll(appsPointingAtRenamed(app, ops));
        deps.put(app, needed);
      }
    }
    return new Changes(out, deps);
  }

  /**
   * Renamed models of {@code app}: a removed and an added model with the same fields, if the
   * questioner agrees. Each rename is applied to {@code working}.
   */
  private List<Operation> renamedModels(String app, ProjectState working) {
    List<Operation> renames = new ArrayList<>();
    List<ModelDefinition> added = added(app, working);
    List<ModelDefinition> removed = removed(app, working);
    for (ModelDefinition newModel : List.copyOf(added)) {
      for (ModelDefinition oldModel : List.copyOf(removed)) {
        if (sameFields(oldModel, newModel) && questioner.askRenameModel(oldModel, newModel)) {
          RenameModel op = new RenameModel(app, oldModel.name(), newModel.name());
          renames.add(op);
          op.applyToState(working);
          removed.remove(oldModel);
          break;
        }
      }
    }
    return renames;
  }

  private List<ModelDefinition> added(String app, ProjectState working) {
    List<ModelDefinition> added = new ArrayList<>();
    for (ModelDefinition m : to.models(app)) {
      if (working.find(app, m.name()) == null) {
        added.add(m);
      }
    }
    return added;
  }

  private List<ModelDefinition> removed(String app, ProjectState working) {
    List<ModelDefinition> removed = new ArrayList<>();
    for (ModelDefinition m : working.models(app)) {
      if (to.find(app, m.name()) == null) {
        removed.add(m);
      }
    }
    return removed;
  }

  /** The operations of {@code app} from {@code base}, where the model renames are applied. */
  private List<Operation> detect(String app, ProjectState base, List<Operation> modelRenames) {
    ProjectState working = base.copy();
    List<Operation> renames = new ArrayList<>(modelRenames);
    List<Operation> removals = new ArrayList<>();
    List<Operation> creates = new ArrayList<>();
    List<Operation> addFields = new ArrayList<>();
    List<Operation> alterFields = new ArrayList<>();
    List<Operation> removeFields = new ArrayList<>();
    List<Operation> deletes = new ArrayList<>();
    List<Operation> additions = new ArrayList<>();
    List<Operation> options = new ArrayList<>();

    List<ModelDefinition> added = added(app, working);
    List<ModelDefinition> removed = removed(app, working);

    // New models, referenced ones first; relations that would close a cycle come later.
    Set<String> available = new HashSet<>();
    working.models().forEach(m -> available.add(m.key()));
    List<ModelDefinition> pending = new ArrayList<>(added);
    List<AddField> deferred = new ArrayList<>();
    while (!pending.isEmpty()) {
      ModelDefinition next = null;
      for (ModelDefinition m : pending) {
        if (missingTargets(m, available, added).isEmpty()) {
          next = m;
          break;
        }
      }
      if (next == null) {
        next = pending.get(0);
        Set<String> missing = missingTargets(next, available, added);
        List<FieldDefinition> kept = new ArrayList<>();
        for (FieldDefinition f : next.fields()) {
          if (f.isRelation() && missing.contains(f.to().toLowerCase(Locale.ROOT))) {
            deferred.add(new AddField(app, next.name(), f));
          } else {
            kept.add(f);
          }
        }
        next = next.withFields(kept);
      }
      pending.remove(pending.stream().filter(isNamed(next)).findFirst().orElseThrow());
      creates.add(new CreateModel(next));
      available.add(next.key());
    }
    creates.addAll(deferred);

    for (ModelDefinition oldModel : removed) {
      deletes.add(new DeleteModel(app, oldModel.name()));
    }
    // A removed model pointing at another removed model goes first.
    deletes.sort(
        (a, b) -> {
          ModelDefinition ma = working.model(app, ((DeleteModel) a).model());
          ModelDefinition mb = working.model(app, ((DeleteModel) b).model());
          boolean aToB = pointsAt(ma, mb);
          boolean bToA = pointsAt(mb, ma);
          return aToB == bToA ? 0 : aToB ? -1 : 1;
        });

    for (ModelDefinition newModel : to.models(app)) {
      ModelDefinition oldModel = working.find(app, newModel.name());
      if (oldModel == null) {
        continue;
      }
      String name = newModel.name();
      if (!oldModel.dbTable().equals(newModel.dbTable())) {
        AlterModelTable op = new AlterModelTable(app, name, newModel.dbTable());
        renames.add(op);
        op.applyToState(working); // its join tables follow: no AlterField for them
        oldModel = working.model(app, name);
      }
      if (!oldModel.dbTableComment().equals(newModel.dbTableComment())) {
        renames.add(new AlterModelTableComment(app, name, newModel.dbTableComment()));
      }
      detectFields(app, oldModel, newModel, renames, addFields, alterFields, removeFields);
      ModelDefinition renamedOld = oldModel;
      for (Operation op : renames) {
        if (op instanceof RenameField rf && rf.model().equals(name)) {
          ProjectState scratch = new ProjectState();
          scratch.add(renamedOld);
          rf.applyToState(scratch);
          renamedOld = scratch.model(app, name);
        }
      }
      detectIndexes(app, renamedOld, newModel, removals, additions);
      detectConstraints(app, renamedOld, newModel, removals, additions);
      if (!renamedOld.uniqueTogether().equals(newModel.uniqueTogether())) {
        List<List<String>> kept = new ArrayList<>(renamedOld.uniqueTogether());
        kept.retainAll(newModel.uniqueTogether());
        if (!kept.equals(renamedOld.uniqueTogether())) {
          removals.add(new AlterUniqueTogether(app, name, kept));
        }
        if (!kept.equals(newModel.uniqueTogether())) {
          additions.add(new AlterUniqueTogether(app, name, newModel.uniqueTogether()));
        }
      }
      if (!renamedOld.ordering().equals(newModel.ordering())
          || !Objects.equals(renamedOld.verboseName(), newModel.verboseName())
          || !Objects.equals(renamedOld.verboseNamePlural(), newModel.verboseNamePlural())) {
        options.add(
            new AlterModelOptions(
                app,
                name,
                newModel.ordering(),
                newModel.verboseName(),
                newModel.verboseNamePlural()));
      }
    }

    List<Operation> all = new ArrayList<>();
    all.addAll(renames);
    all.addAll(removals);
    all.addAll(creates);
    all.addAll(addFields);
    all.addAll(alterFields);
    all.addAll(removeFields);
    all.addAll(deletes);
    all.addAll(additions);
    all.addAll(options);
    return all;
  }

  private void detectFields(
      String app,
      ModelDefinition oldModel,
      ModelDefinition newModel,
      List<Operation> renames,
      List<Operation> addFields,
      List<Operation> alterFields,
      List<Operation> removeFields) {
    String name = newModel.name();
    List<FieldDefinition> addedFields = new ArrayList<>();
    for (FieldDefinition f : newModel.fields()) {
      if (oldModel.field(f.name()) == null) {
        addedFields.add(f);
      }
    }
    List<FieldDefinition> removedFields = new ArrayList<>();
    for (FieldDefinition f : oldModel.fields()) {
      if (newModel.field(f.name()) == null) {
        removedFields.add(f);
      }
    }
    for (FieldDefinition newField : List.copyOf(addedFields)) {
      for (FieldDefinition oldField : List.copyOf(removedFields)) {
        FieldDefinition afterRename = renamedField(oldModel, oldField, newField.name());
        if (sameButName(afterRename, newField)
            && questioner.askRenameField(oldModel, oldField, newField)) {
          renames.add(new RenameField(app, name, oldField.name(), newField.name()));
          addedFields.remove(newField);
          removedFields.remove(oldField);
          if (!afterRename.equals(newField)) {
            alterFields.add(new AlterField(app, name, newField));
          }
          break;
        }
      }
    }
    for (FieldDefinition f : addedFields) {
      boolean needsValue =
          f.isConcrete()
              && !f.nullable()
              && !f.hasDefault()
              && !f.primaryKey()
              && !f.autoNow()
              && !f.autoNowAdd();
      if (needsValue) {
        Object value = questioner.askNotNullAddition(newModel, f);
        addFields.add(new AddField(app, name, f.withDefault(value), false));
      } else {
        addFields.add(new AddField(app, name, f));
      }
    }
    for (FieldDefinition newField : newModel.fields()) {
      FieldDefinition oldField = oldModel.field(newField.name());
      if (oldField == null || oldField.equals(newField)) {
        continue;
      }
      if (oldField.nullable()
          && !newField.nullable()
          && !newField.hasDefault()
          && newField.isConcrete()) {
        Object value = questioner.askNotNullAlteration(newModel, newField);
        if (value != null) {
          alterFields.add(new AlterField(app, name, newField.withDefault(value), false));
          continue;
        }
      }
      alterFields.add(new AlterField(app, name, newField));
    }
    for (FieldDefinition f : removedFields) {
      removeFields.add(new RemoveField(app, name, f.name()));
    }
  }

  private static void detectIndexes(
      String app,
      ModelDefinition oldModel,
      ModelDefinition newModel,
      List<Operation> removals,
      List<Operation> additions) {
    List<ModelMeta.IndexSpec> gone = new ArrayList<>(oldModel.indexes());
    gone.removeAll(newModel.indexes());
    List<ModelMeta.IndexSpec> come = new ArrayList<>(newModel.indexes());
    come.removeAll(oldModel.indexes());
    for (ModelMeta.IndexSpec n : List.copyOf(come)) {
      for (ModelMeta.IndexSpec o : List.copyOf(gone)) {
        if (o.fields().equals(n.fields()) && !o.name().isEmpty() && !n.name().isEmpty()) {
          additions.add(new RenameIndex(app, newModel.name(), o.name(), n.name()));
          come.remove(n);
          gone.remove(o);
          break;
        }
      }
    }
    gone.forEach(i -> removals.add(new RemoveIndex(app, newModel.name(), i)));
    come.forEach(i -> additions.add(new AddIndex(app, newModel.name(), i)));
  }

  private static void detectConstraints(
      String app,
      ModelDefinition oldModel,
      ModelDefinition newModel,
      List<Operation> removals,
      List<Operation> additions) {
    List<Object> oldC = new ArrayList<>(oldModel.uniqueConstraints());
    oldC.addAll(oldModel.checkConstraints());
    List<Object> newC = new ArrayList<>(newModel.uniqueConstraints());
    newC.addAll(newModel.checkConstraints());
    for (Object o : oldC) {
      if (!newC.contains(o)) {
        removals.add(new RemoveConstraint(app, newModel.name(), constraintName(o)));
      }
    }
    for (Object n : newC) {
      if (!oldC.contains(n)) {
        additions.add(new AddConstraint(app, newModel.name(), n));
      }
    }
  }

  private static String constraintName(Object c) {
    return c instanceof ModelMeta.UniqueSpec u ? u.name() : ((ModelMeta.CheckSpec) c).name();
  }

  /** The field as a RenameField leaves it: the default column (or join table) follows the name. */
  private static FieldDefinition renamedField(
      ModelDefinition model, FieldDefinition old, String newName) {
    ProjectState scratch = new ProjectState();
    scratch.add(model);
    new RenameField(model.appLabel(), model.name(), old.name(), newName).applyToState(scratch);
    return scratch.model(model.appLabel(), model.name()).field(newName);
  }

  /**
   * Whether a field as renaming it left it ({@link #renamedField}) is the candidate, or would be
   * with the candidate's column.
   */
  private static boolean sameButName(FieldDefinition renamed, FieldDefinition candidate) {
    return renamed.equals(candidate)
        || (renamed.isConcrete() && renamed.withColumn(candidate.column()).equals(candidate));
  }

  /**
   * Whether {@code b} has the fields {@code a} has once renamed (and its table renamed): relations
   * to itself and join tables named after its table follow the rename.
   */
  private static boolean sameFields(ModelDefinition a, ModelDefinition b) {
    ProjectState scratch = new ProjectState();
    scratch.add(a);
    new RenameModel(a.appLabel(), a.name(), b.name()).applyToState(scratch);
    if (!scratch.model(b.appLabel(), b.name()).dbTable().equals(b.dbTable())) {
      new AlterModelTable(b.appLabel(), b.name(), b.dbTable()).applyToState(scratch);
    }
    return scratch.model(b.appLabel(), b.name()).fields().equals(b.fields());
  }

  private static boolean pointsAt(ModelDefinition from, ModelDefinition target) {
    return pointsAt(from, target.label());
  }

  private static boolean pointsAt(ModelDefinition from, String label) {
    return from.fields().stream().anyMatch(f -> f.isRelation() && f.to().equalsIgnoreCase(label));
  }

  private static java.util.function.Predicate<ModelDefinition> isNamed(ModelDefinition m) {
    return p -> p.name().equals(m.name());
  }

  /** Relation targets among the models being created that are not created yet (self excluded). */
  private static Set<String> missingTargets(
      ModelDefinition m, Set<String> available, List<ModelDefinition> added) {
    Set<String> addedKeys = new HashSet<>();
    added.forEach(a -> addedKeys.add(a.key()));
    Set<String> missing = new HashSet<>();
    for (FieldDefinition f : m.fields()) {
      if (!f.isRelation()) {
        continue;
      }
      String target = f.to().toLowerCase(Locale.ROOT);
      if (!target.equals(m.key()) && addedKeys.contains(target) && !available.contains(target)) {
        missing.add(target);
      }
    }
    return missing;
  }

  /**
   * Other apps with models pointing at a model these operations rename: as in Django, the rename
   * comes after their migrations, so replaying the history never meets a relation to a name that is
   * gone.
   */
  private Set<String> appsPointingAtRenamed(String app, List<Operation> ops) {
    Set<String> apps = new java.util.TreeSet<>();
    for (Operation op : ops) {
      if (op instanceof RenameModel r) {
        String label = app + "." + r.model();
        for (ModelDefinition m : from.models()) {
          if (!m.appLabel().equals(app) && pointsAt(m, label)) {
            apps.add(m.appLabel());
          }
        }
      }
    }
    return apps;
  }

  /** Other apps whose models the operations point at (relations). */
  private static Set<String> appDependencies(String app, List<Operation> ops) {
    Set<String> apps = new java.util.TreeSet<>();
    for (Operation op : ops) {
      for (String label : References.targets(op)) {
        String target = label.substring(0, label.indexOf('.'));
        if (!target.equals(app)) {
          apps.add(target);
        }
      }
    }
    return apps;
  }
}
