package io.vibevault.orm.query;

import io.vibevault.orm.NPlusOneGuard;
import io.vibevault.orm.exception.NPlusOneError;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.ModelInternals;
import java.security.CodeSource;
import java.util.Collections;
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

  /** The shared token of the instances of one evaluation; counts lazy loads per relation. */
  static final class ResultSet {
    private final String model;

    /** Per relation, the distinct rows that loaded it lazily. */
    private final Map<String, Set<Model>> loads = new ConcurrentHashMap<>();

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ResultSet(String model) {
      this.model = model;
    }
  }

  /** Gives the rows of one evaluation a shared token (only when there is more than one). */
  static void share(List<? extends Model> rows) {
    if (rows.size() < 2 || NPlusOneGuard.mode() == NPlusOneGuard.Mode.OFF) {
      return;
    }
    ResultSet token = new ResultSet(rows.get(0).meta().modelName());
    for (Model m : rows) {
      ModelInternals.setResultSet(m, token);
    }
  }

  /** Joins one streamed row to {@code token} (made on the first row); returns the token. */
  static ResultSet join(ResultSet token, Model row) {
    ResultSet t = token != null ? token : new ResultSet(row.meta().modelName());
    ModelInternals.setResultSet(row, t);
    return t;
  }

  /**
   * Records that {@code owner} is about to load {@code relation} with a query of its own; warns
   * once, or raises in strict mode, when the owner's result set loaded it threshold times.
   */
  static void record(Model owner, String relation, String fix) {
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
      owners.add(owner);
      count = owners.size();
    }
    if (count < settings.threshold()) {
      return;
    }
    if (settings.mode() == NPlusOneGuard.Mode.STRICT) {
      owners.remove(owner);
      throw new NPlusOneError(
          message(token.model, relation, fix, count), token.model, relation, fix);
    }
    if (token.warned.add(relation)) {
      LOG.warn(message(token.model, relation, fix, count));
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
