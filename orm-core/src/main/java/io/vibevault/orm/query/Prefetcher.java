package io.vibevault.orm.query;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.expr.EmptyResultSet;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.query.PrefetchPlan.Hop;
import io.vibevault.orm.query.PrefetchPlan.Kind;
import io.vibevault.orm.sql.Filter;
import io.vibevault.orm.sql.Query;
import io.vibevault.orm.sql.SelectCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@link QuerySet#prefetchRelated} lookups: after the main query, one query per level (more
 * only when an IN list exceeds the backend's bind-parameter limit), the results installed on the
 * instances. ORM internals; the API is {@code prefetchRelated}, {@link Prefetch}, {@code
 * Model.prefetched(name)} and the many-to-many holder's {@code all()}.
 */
public final class Prefetcher {
  /** The key of the owner id selected alongside a many-to-many prefetch. */
  static final String OWNER_KEY = "_prefetch_related_val";

  private Prefetcher() {}

  /** The lookups as Prefetch objects appended to {@code existing}, checked before any SQL. */
  static List<Prefetch> add(ModelMeta root, List<Prefetch> existing, Object[] lookups) {
    return PrefetchPlan.add(root, existing, lookups);
  }

  // ------------------------------------------------------------------ execution

  /** Runs every lookup for {@code roots} (rows of one model), level by level. */
  static void prefetch(List<? extends Model> roots, List<Prefetch> lookups, String db) {
    if (roots.isEmpty() || lookups.isEmpty()) {
      return;
    }
    ModelMeta rootMeta = roots.get(0).meta();
    Map<String, List<Model>> done = new LinkedHashMap<>();
    Map<String, ModelMeta> seen = new LinkedHashMap<>();
    for (Prefetch p : lookups) {
      List<Hop> hops = PrefetchPlan.plan(rootMeta, p, seen);
      String[] names = p.path().split("__", -1);
      List<Model> current = new ArrayList<>(roots);
      String prefix = "";
      for (int i = 0; i < names.length; i++) {
        boolean last = i == names.length - 1;
        String path = prefix.isEmpty() ? names[i] : prefix + "__" + names[i];
        String storedAt = last ? p.prefetchTo() : path;
        List<Model> level = done.get(storedAt);
        if (level == null) {
          String attr = last && p.toAttr() != null ? p.toAttr() : names[i];
          QuerySet<? extends Model> qs = last ? p.queryset() : null;
          level = fetchLevel(current, hops.get(i), qs, attr, last && p.toAttr() != null, db);
          done.put(storedAt, level);
        }
        current = level;
        prefix = storedAt;
      }
    }
  }

  /** Loads one level for {@code owners}, installs it and returns the objects loaded. */
  private static List<Model> fetchLevel(
      List<Model> owners,
      Hop hop,
      QuerySet<? extends Model> custom,
      String attr,
      boolean toAttr,
      String db) {
    if (owners.isEmpty()) {
      return List.of();
    }
    String alias = custom != null && custom.alias != null ? custom.alias : db;
    QuerySet<? extends Model> base = custom != null ? custom : defaultQuerySet(hop, alias);
    return switch (hop.kind()) {
      case FORWARD_SINGLE -> forward(owners, hop, base, custom != null, attr, toAttr, alias);
      case REVERSE_FOREIGN_KEY, REVERSE_ONE_TO_ONE ->
          reverse(owners, hop, base, attr, toAttr, alias);
      case FORWARD_MANY_TO_MANY ->
          manyToMany(
              owners,
              hop,
              base,
              // A hidden ("+") reverse side still has an internal name to filter by (Django).
              hop.target().reverseOf(hop.field()).name(),
              attr,
              toAttr,
              alias);
      case REVERSE_MANY_TO_MANY ->
          manyToMany(owners, hop, base, hop.field().name(), attr, toAttr, alias);
    };
  }

  /**
   * Where a level starts when no Prefetch queryset is given, as in Django: a forward foreign key or
   * a reverse one-to-one reads through the base manager (every row, as {@code memory.user.get()}
   * does); a reverse foreign key and a many-to-many through the target's default manager, as their
   * related managers do, so a manager hiding soft-deleted rows hides them from the prefetch too.
   */
  private static QuerySet<? extends Model> defaultQuerySet(Hop hop, String db) {
    ModelMeta target = hop.target();
    if (hop.singleValued()) {
      return new QuerySet<>(target.modelClass(), target, new Query(target), db);
    }
    return DefaultManagers.querySet(target, db);
  }

  private static List<Model> forward(
      List<Model> owners,
      Hop hop,
      QuerySet<? extends Model> base,
      boolean custom,
      String attr,
      boolean toAttr,
      String db) {
    Field field = hop.field();
    Field targetField = field.relation().targetField();
    Map<Object, Model> byKey = new LinkedHashMap<>();
    List<Model> toFetchInOrder = new ArrayList<>();
    Set<Model> toFetch = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Model o : owners) {
      // Already loaded (selectRelated, set(), an earlier get()): Django's is_fetched, no query.
      if (!custom && !toAttr && ModelInternals.isRelatedLoaded(o, field)) {
        Model held = ModelInternals.heldRelated(o, field);
        if (held != null) {
          byKey.putIfAbsent(normalise(targetField, targetField.get(held)), held);
        }
      } else if (toFetch.add(o)) {
        toFetchInOrder.add(o);
      }
    }
    for (List<Object> chunk : chunks(keys(toFetchInOrder, field::get, targetField), base, db)) {
      for (Model m : base.filter(targetField.name() + "__in", chunk).using(db).list()) {
        byKey.put(normalise(targetField, targetField.get(m)), m);
      }
    }
    for (Model o : owners) {
      Object id = field.get(o);
      Model related = id == null ? null : byKey.get(normalise(targetField, id));
      ModelInternals.setPrefetched(o, attr, related == null ? List.of() : List.of(related));
      if (toAttr) {
        ModelInternals.putAnnotation(o, attr, related);
      } else if (toFetch.contains(o)) {
        ModelInternals.setRelatedLoaded(o, field, related);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static List<Model> reverse(
      List<Model> owners,
      Hop hop,
      QuerySet<? extends Model> base,
      String attr,
      boolean toAttr,
      String db) {
    Field field = hop.field();
    Field ownerKey = field.relation().targetField();
    KeyNormaliser normalise = new KeyNormaliser(ownerKey);
    // One group per key, in the owners' order (the IN list's); a key held twice keeps its last
    // owner as its children's owner, as installing owner by owner did.
    Map<Object, Group> byKey = new LinkedHashMap<>(owners.size() * 2);
    for (Model o : owners) {
      Object k = ownerKey.get(o);
      if (k != null) {
        byKey.computeIfAbsent(normalise.apply(k), x -> new Group()).owner = o;
      }
    }
    List<Model> loaded = new ArrayList<>();
    for (List<Object> chunk : chunks(new ArrayList<>(byKey.keySet()), base, db)) {
      // Grouped and installed as each child is read, while it is at hand: a second pass over
      // thousands of freshly read children misses the CPU caches on every one.
      loaded.addAll(
          base.filter(field.name() + "__in", chunk)
              .using(db)
              .fetchEach(
                  m -> {
                    Group g = byKey.get(normalise.apply(field.get(m)));
                    if (g != null) {
                      g.children.add(m);
                      ModelInternals.setRelatedLoaded(m, field, g.owner);
                    }
                  }));
    }
    for (Model o : owners) {
      Object k = ownerKey.get(o);
      Group g = k == null ? null : byKey.get(normalise.apply(k));
      List<Model> mine = g == null ? List.of() : g.children;
      if (hop.kind() == Kind.REVERSE_ONE_TO_ONE && !toAttr) {
        ModelInternals.setReverseOne(o, field, mine.isEmpty() ? null : mine.get(0));
      }
      install(o, hop, attr, toAttr, mine);
    }
    return loaded;
  }

  /** The owner of one key of a reverse prefetch and the children read for it, in query order. */
  private static final class Group {
    Model owner;
    final List<Model> children = new ArrayList<>();
  }

  /**
   * {@link #normalise} for one key field, with a shortcut: a Long key of an integer field whose
   * normal form is Long (every auto primary key) is returned as it is, not converted twice per row.
   */
  private static final class KeyNormaliser {
    private final Field field;
    private final boolean longsAreNormal;

    KeyNormaliser(Field field) {
      this.field = field;
      this.longsAreNormal = field.kind().isInteger() && normalise(field, 1L) instanceof Long;
    }

    Object apply(Object value) {
      return value instanceof Long && longsAreNormal ? value : normalise(field, value);
    }
  }

  private static List<Model> manyToMany(
      List<Model> owners,
      Hop hop,
      QuerySet<? extends Model> base,
      String ownerPath,
      String attr,
      boolean toAttr,
      String db) {
    ModelMeta target = hop.target();
    Field ownerPk = owners.get(0).meta().pk();
    List<Object> keys = keys(owners, Model::pk, ownerPk);
    List<Field> loadedFields = base.query.loadedFields();
    List<String> deferred = new ArrayList<>();
    for (Field f : target.concreteFields()) {
      if (!loadedFields.contains(f)) {
        deferred.add(f.attname());
      }
    }
    Set<String> deferredSet = ModelInternals.deferredSet(deferred);
    List<String> valueKeys = new ArrayList<>();
    for (Field f : loadedFields) {
      valueKeys.add(f.attname());
    }
    List<String> paths = new ArrayList<>(valueKeys);
    valueKeys.add(OWNER_KEY);
    paths.add(ownerPath);
    List<Model> loaded = new ArrayList<>();
    Map<Object, List<Model>> groups = new LinkedHashMap<>();
    for (List<Object> chunk : chunks(keys, base, db)) {
      Query q = base.query.copy();
      q.addFilter(new Filter.Leaf(ownerPath + "__in", chunk));
      q.setValues(valueKeys, paths, Map.of());
      List<Map<String, Object>> rows =
          new ValuesQuerySet<Map<String, Object>>(target, q, db, ValuesQuerySet.Shape.MAP).list();
      for (Map<String, Object> row : rows) {
        Model m = ModelInternals.newInstance(target);
        for (Field f : loadedFields) {
          f.set(m, row.get(f.attname()));
        }
        ModelInternals.markLoaded(m, target, db, deferredSet);
        loaded.add(m);
        groups
            .computeIfAbsent(normalise(ownerPk, row.get(OWNER_KEY)), x -> new ArrayList<>())
            .add(m);
      }
    }
    for (Model o : owners) {
      List<Model> mine =
          o.pk() == null ? List.of() : groups.getOrDefault(normalise(ownerPk, o.pk()), List.of());
      install(o, hop, attr, toAttr, mine);
    }
    return loaded;
  }

  /**
   * Stores {@code rows} as the owner's prefetched list. They are a finished group, never changed
   * afterwards, so they are wrapped rather than copied (owners sharing a key share one list).
   */
  private static void install(Model owner, Hop hop, String attr, boolean toAttr, List<Model> rows) {
    List<Model> list = Collections.unmodifiableList(rows);
    ModelInternals.setPrefetched(owner, attr, list);
    if (toAttr) {
      ModelInternals.putAnnotation(
          owner, attr, hop.singleValued() ? (list.isEmpty() ? null : list.get(0)) : list);
    }
  }

  /** The distinct non-null keys {@code read} gives for the owners, in the key field's type. */
  private static List<Object> keys(
      List<Model> owners, java.util.function.Function<Model, Object> read, Field as) {
    Set<Object> keys = new LinkedHashSet<>();
    for (Model o : owners) {
      Object k = read.apply(o);
      if (k != null) {
        keys.add(normalise(as, k));
      }
    }
    return new ArrayList<>(keys);
  }

  private static Object normalise(Field field, Object value) {
    return value == null ? null : field.fromNeutral(field.toNeutral(value));
  }

  /**
   * The IN list split so that each query stays under the backend's bind-parameter limit, counting
   * the parameters the level's own QuerySet already binds (one piece where the list is bound as one
   * array).
   */
  static List<List<Object>> chunks(List<Object> values, QuerySet<? extends Model> base, String db) {
    if (values.isEmpty()) {
      return List.of();
    }
    Backend backend = Database.connection(db).backend();
    Features features = backend.features();
    if (features.supportsArrayParameters()) {
      // The whole list is one array parameter (PostgreSQL's = ANY(?)): no limit to stay under.
      return List.of(values);
    }
    return split(values, limitPerQuery(features.maxQueryParams(), ownParams(base.query, backend)));
  }

  /**
   * How many parameters the level's QuerySet binds before its IN list is added (none when it
   * matches nothing). Compiled through the cache of query shapes, where a default QuerySet's
   * compiles once, rather than afresh per prefetch as {@code QuerySet.query()} shows it.
   */
  private static int ownParams(Query query, Backend backend) {
    try {
      return SelectCache.compileSelect(query, backend.operations(), backend.features())
          .params()
          .size();
    } catch (EmptyResultSet e) {
      return 0;
    }
  }

  /** How many IN values one query may bind next to {@code own} other parameters. */
  static int limitPerQuery(int maxQueryParams, int own) {
    return Math.max(1, maxQueryParams - own - 1);
  }

  /** {@code values} in consecutive pieces of at most {@code size}. */
  static List<List<Object>> split(List<Object> values, int size) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += size) {
      out.add(values.subList(i, Math.min(values.size(), i + size)));
    }
    return out;
  }

  // ------------------------------------------------------------------ reading

  /** A copy of {@code qs} whose result is already {@code rows} ({@code memory.tags.all()}). */
  public static <T extends Model> QuerySet<T> cached(QuerySet<T> qs, List<? extends Model> rows) {
    QuerySet<T> copy = qs.all();
    List<T> typed = new ArrayList<>();
    for (Model m : rows) {
      typed.add(copy.model().cast(m));
    }
    copy.primeCache(typed);
    return copy;
  }

  /** Rows of {@code source} a chunk at a time, each chunk prefetched before it is yielded. */
  static <T extends Model> ResultIterator<T> perChunk(
      ResultIterator<T> source, int chunkSize, Consumer<List<T>> prefetch) {
    return new ResultIterator<>() {
      private final List<T> buffer = new ArrayList<>();
      private int next;

      private void fill() {
        if (next < buffer.size()) {
          return;
        }
        buffer.clear();
        next = 0;
        while (buffer.size() < chunkSize && source.hasNext()) {
          buffer.add(source.next());
        }
        if (!buffer.isEmpty()) {
          prefetch.accept(buffer);
        }
      }

      @Override
      public boolean hasNext() {
        fill();
        return next < buffer.size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.get(next++);
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }
}
