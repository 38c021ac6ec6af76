package io.vibevault.orm.sql;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.ReverseRelation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields a query loads: the paths given to only() and defer() (Django's {@code
 * Query.deferred_loading}), and the rule that turns them into the columns of the base model and of
 * each selectRelated model.
 *
 * <pre>{@code
 * DeferredLoading loading = new DeferredLoading();
 * loading.setOnly(Set.of(DeferredLoading.path(memoryMeta, "title")));
 * loading.fields(memoryMeta, ""); // [id, title]
 * }</pre>
 *
 * <p>Paths are stored in one form whatever the caller wrote: the relation names followed, then the
 * final field's attname ({@code user__username}, {@code userId}).
 */
final class DeferredLoading {
  /** Stands for an unset only() in a cache key. */
  private static final Object NO_ONLY = new Object();

  /** only()'s paths; null when only() was not used. */
  private Set<String> only;

  /** defer()'s paths (empty while only() is in force: a defer() then narrows only()'s set). */
  private final Set<String> deferred;

  DeferredLoading() {
    deferred = new LinkedHashSet<>();
  }

  /** A copy for independent editing. */
  DeferredLoading(DeferredLoading source) {
    only = source.only == null ? null : copy(source.only);
    deferred = copy(source.deferred);
  }

  /**
   * An empty set without {@code addAll}'s iterator: most queries use neither only() nor defer().
   */
  private static Set<String> copy(Set<String> source) {
    return source.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(source);
  }

  /** only(): these paths (and the primary key) replace whatever only() or defer() said before. */
  void setOnly(Set<String> paths) {
    only = paths;
    deferred.clear();
  }

  /** defer(): leaves the path out, or takes it out of only()'s set when only() is in force. */
  void defer(String path) {
    if (only != null) {
      only.remove(path);
    } else {
      deferred.add(path);
    }
  }

  /** defer(null): every field loads again. */
  void clear() {
    only = null;
    deferred.clear();
  }

  /** Whether every field loads (neither only() nor defer() in force). */
  boolean loadsEverything() {
    return only == null && deferred.isEmpty();
  }

  /** Adds what decides the loaded columns to a query's cache key. */
  void addTo(SelectCache.Shape shape) {
    if (only == null) {
      shape.add(NO_ONLY);
    } else {
      shape.addAll(only);
    }
    shape.addAll(deferred);
  }

  /**
   * The concrete fields loaded for the model reached by {@code prefix} ({@code ""} for the base,
   * {@code "user__"} for a selectRelated model), in table order. With only(), a model that no
   * only() name reaches loads every field (Django's rule); a model it reaches loads the named
   * fields, the relations the names go through, and the pk.
   */
  List<Field> fields(ModelMeta opts, String prefix) {
    Set<String> named = new LinkedHashSet<>();
    Set<String> levelNames = only != null ? only : deferred;
    for (String entry : levelNames) {
      if (!entry.startsWith(prefix)) {
        continue;
      }
      String rest = entry.substring(prefix.length());
      int sep = rest.indexOf("__");
      if (sep < 0) {
        named.add(rest);
      } else if (only != null) {
        Field through = opts.findField(rest.substring(0, sep));
        // A reverse one-to-one joins on this model's key: no column of its own to keep.
        named.add(through != null ? through.attname() : opts.pk().attname());
      }
    }
    boolean restrict = only != null && (prefix.isEmpty() || !named.isEmpty());
    List<Field> out = new ArrayList<>();
    for (Field f : opts.concreteFields()) {
      boolean loaded;
      if (f.isPrimaryKey()) {
        loaded = true;
      } else if (only != null) {
        loaded = !restrict || named.contains(f.attname());
      } else {
        loaded = !named.contains(f.attname());
      }
      if (loaded) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The stored form of an only()/defer() name given on {@code model}, checked: every step but the
   * last a forward foreign key or one-to-one (or a reverse one-to-one, selectable with
   * selectRelated), and no sensitive field named across a relation.
   */
  static String path(ModelMeta model, String name) {
    List<String> names = PathResolver.split(name);
    ModelMeta opts = model;
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < names.size() - 1; i++) {
      ReverseRelation reverseOne = RelatedSelections.reverseOneToOne(opts, names.get(i));
      if (reverseOne != null) {
        // only("profile__bio"): a reverse one-to-one selected with selectRelated("profile").
        prefix.append(names.get(i)).append("__");
        opts = reverseOne.relatedModel();
        continue;
      }
      Field rel = opts.field(names.get(i));
      if (!rel.isRelation() || rel.relation().isManyToMany()) {
        throw new FieldError(
            "Invalid field name "
                + FieldError.quote(name)
                + " given in only()/defer(): "
                + FieldError.quote(names.get(i))
                + " of "
                + opts.label()
                + " is not a foreign key or one-to-one field");
      }
      prefix.append(rel.name()).append("__");
      opts = rel.relation().target();
    }
    Field last = opts.field(names.get(names.size() - 1));
    if (names.size() > 1 && opts.isSensitive(last.name())) {
      throw new FieldError(
          "Field "
              + FieldError.quote(last.name())
              + " of "
              + opts.label()
              + " is sensitive and cannot be named across a relation");
    }
    return prefix + last.attname();
  }
}
