package io.vibevault.orm.query;

import io.vibevault.orm.NPlusOneGuard;
import io.vibevault.orm.exception.NPlusOneError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import io.vibevault.orm.model.ModelMeta;
import java.security.CodeSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The N+1 guard's bookkeeping: the instances one QuerySet evaluation hydrated share a {@link
 * ResultSet} token; every lazy load of a relation from one of them is counted in it, and the {@link
 * NPlusOneGuard} settings decide what happens past the threshold.
 */
final class LazyLoads {
  private static final Logger LOG = LoggerFactory.getLogger(NPlusOneGuard.LOGGER);
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final CodeSource ORM = LazyLoads.class.getProtectionDomain().getCodeSource();

  private LazyLoads() {}

  /**
   * The shared token of the instances of one evaluation at one selectRelated path: counts lazy
   * loads per relation. {@code model} is the model the QuerySet reads, {@code prefix} the path from
   * it to these instances ({@code ""} for the rows themselves, {@code "user__"} for the users
   * selectRelated("user") loaded alongside).
   */
  static final class ResultSet {
    private final String model;
    private final String prefix;

    /** Per relation, the distinct rows that loaded it lazily. */
    private final Map<String, Set<Model>> loads = new ConcurrentHashMap<>();

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ResultSet(String model, String prefix) {
      this.model = model;
      this.prefix = prefix;
    }
  }

  /** The tokens of one evaluation, one per selectRelated path; rows join it as they are read. */
  static final class Evaluation {
    /**
     * The tokens by path and the relations by class, made when a second row shows there is a set (a
     * get() reads one row, and should not pay for them). One evaluation runs on one thread.
     */
    private Map<String, ResultSet> byPath;

    private Map<Class<?>, Field[]> forwardFields;

    private String model;

    /** The rows' own place in the tree of selectRelated paths. */
    private Node root;

    /**
     * Whether rows may hold objects loaded alongside: false when the query had no selectRelated, so
     * joining a row touches only its own state, not its relation holders.
     */
    private final boolean related;

    /** The first row of a list(), held until a second row shows there is a set to share. */
    private Model first;

    private boolean several;

    Evaluation(boolean related) {
      this.related = related;
    }

    /**
     * One selectRelated path ({@code ""}, {@code "user__"}, ...): its token, and the paths below it
     * by index of the forward relation, so a row's related objects find their tokens without
     * building the path string per row.
     */
    private final class Node {
      final String prefix;
      final ResultSet token;
      Class<?> modelClass;
      Field[] fields;
      Node[] children;

      Node(String prefix) {
        this.prefix = prefix;
        this.token = byPath.computeIfAbsent(prefix, p -> new ResultSet(model, p));
      }

      /** The forward relations of instances of {@code c} and their (lazily made) child paths. */
      Field[] fieldsOf(Model instance) {
        Class<?> c = instance.getClass();
        if (c != modelClass) {
          fields = forwardFields.get(c);
          if (fields == null) {
            fields = concreteRelations(instance.meta());
            forwardFields.put(c, fields);
          }
          children = new Node[fields.length];
          modelClass = c;
        }
        return fields;
      }

      /**
       * A plain loop, run once per model class per query: the stream it replaces showed in the
       * profile of a 1,000-row selectRelated list().
       */
      private static Field[] concreteRelations(ModelMeta meta) {
        List<Field> relations = meta.relationFields();
        int n = 0;
        for (Field f : relations) {
          n += f.isConcrete() ? 1 : 0;
        }
        Field[] out = new Field[n];
        int i = 0;
        for (Field f : relations) {
          if (f.isConcrete()) {
            out[i++] = f;
          }
        }
        return out;
      }

      Node child(int i) {
        Node child = children[i];
        if (child == null) {
          child = new Node(prefix + fields[i].name() + "__");
          children[i] = child;
        }
        return child;
      }
    }

    /**
     * A row of list() (and what selectRelated loaded with it) joins the shared token; a list of one
     * row is loaded alone and gets none.
     */
    void add(Model row) {
      if (several) {
        join(row);
      } else if (first == null) {
        first = row;
      } else {
        several = true;
        join(first);
        first = null;
        join(row);
      }
    }

    /** A streamed row (and what selectRelated loaded with it) joins the shared token. */
    void join(Model row) {
      if (root == null) {
        model = row.meta().modelName();
        byPath = new HashMap<>();
        forwardFields = new IdentityHashMap<>();
        root = new Node("");
      }
      join(row, root, 0);
    }

    private void join(Model instance, Node node, int depth) {
      ModelInternals.setResultSet(instance, node.token);
      if (!related || depth >= 8) {
        return;
      }
      Field[] fields = node.fieldsOf(instance);
      for (int i = 0; i < fields.length; i++) {
        Model held = ModelInternals.heldRelated(instance, fields[i]);
        if (held != null) {
          join(held, node.child(i), depth + 1);
        }
      }
    }
  }

  /**
   * Records that {@code owner} is about to load {@code relation} with a query of its own; warns
   * once, or raises in strict mode, when rows of the owner's result set loaded it threshold times.
   * {@code forward}: a foreign key or one-to-one (fixed by selectRelated), else a many-to-many or
   * reverse relation (fixed by prefetchRelated).
   */
  static void record(Model owner, String relation, boolean forward) {
    if (!(ModelInternals.resultSet(owner) instanceof ResultSet token)) {
      return;
    }
    NPlusOneGuard.Settings settings = NPlusOneGuard.current();
    if (settings.mode() == NPlusOneGuard.Mode.OFF) {
      return;
    }
    Set<Model> owners =
        token.loads.computeIfAbsent(
            relation,
            r -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())));
    int count;
    synchronized (owners) {
      if (!owners.add(owner)) {
        return; // the same row reading its own relation again is not N+1
      }
      count = owners.size();
    }
    if (count < settings.threshold()) {
      return;
    }
    String path = token.prefix + relation;
    String fix = (forward ? "selectRelated(\"" : "prefetchRelated(\"") + path + "\")";
    String shown = token.prefix.isEmpty() ? relation : path;
    if (settings.mode() == NPlusOneGuard.Mode.STRICT) {
      owners.remove(owner);
      throw new NPlusOneError(message(token.model, shown, fix, count), token.model, shown, fix);
    }
    if (token.warned.add(relation)) {
      LOG.warn(message(token.model, shown, fix, count));
    }
  }

  static String message(String model, String relation, String fix, int count) {
    return "N+1 queries: "
        + model
        + "."
        + relation
        + " is loaded one row at a time ("
        + count
        + " lazy loads from one "
        + model
        + " QuerySet) at "
        + callerLocation()
        + ". Fix: add ."
        + fix
        + " to the QuerySet that loads the "
        + model
        + " rows.";
  }

  /** The first stack frame outside the ORM. */
  static String callerLocation() {
    Optional<StackWalker.StackFrame> frame =
        WALKER.walk(
            s ->
                s.filter(
                        f -> {
                          Class<?> c = f.getDeclaringClass();
                          String name = c.getName();
                          if (name.startsWith("java.")
                              || name.startsWith("jdk.")
                              || name.startsWith("sun.")) {
                            return false;
                          }
                          CodeSource source = c.getProtectionDomain().getCodeSource();
                          return !Objects.equals(source, ORM)
                              || !name.startsWith("io.vibevault.orm.");
                        })
                    .findFirst());
    return frame.map(f -> f.toStackTraceElement().toString()).orElse("an unknown location");
  }
}
