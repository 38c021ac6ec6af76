package io.vibevault.orm.migrations.executor;

import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.exception.OrmException;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.graph.MigrationGraph;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.SchemaContext;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies and unapplies migrations (Django's {@code MigrationExecutor}). A plan is computed from
 * the graph and the history table under a database lock, so two processes migrating at once never
 * both apply: the second waits and then finds nothing to do (R-18). Each migration runs in one
 * transaction where the backend rolls DDL back (PostgreSQL, SQLite), so a failure leaves the schema
 * as it was (R-16); elsewhere (MySQL, MariaDB) each operation's success is recorded as it happens,
 * the error says what was applied, and the next run resumes after it (R-17).
 *
 * <pre>{@code
 * MigrationExecutor executor = new MigrationExecutor(Database.connection(), graph, System.out::println);
 * executor.migrate(List.of(Target.leaf("vault")), MigrateOptions.DEFAULT);
 * executor.migrate(List.of(Target.of("vault", "0001_initial")), MigrateOptions.DEFAULT);  // back
 * }</pre>
 */
public final class MigrationExecutor {
  /** The name of the lock migrate holds. */
  public static final String LOCK = "vibevault_migrate";

  private static final int LOCK_TIMEOUT_SECONDS = 600;

  /** Where to go: a migration of an app, or {@code name == null} for "zero" (nothing applied). */
  public record Target(String app, String name) {
    public static Target of(String app, String name) {
      return new Target(app, name);
    }

    /** Every migration of the app unapplied ({@code migrate vault zero}). */
    public static Target zero(String app) {
      return new Target(app, null);
    }
  }

  /** One step of a plan. */
  public record Step(Migration migration, boolean backwards) {
    @Override
    public String toString() {
      return (backwards ? "Unapply " : "Apply ") + migration.key();
    }
  }

  /**
   * How to migrate: record without running ({@code fake}), or fake initial migrations whose tables
   * exist.
   */
  public record MigrateOptions(boolean fake, boolean fakeInitial) {
    public static final MigrateOptions DEFAULT = new MigrateOptions(false, false);
  }

  private final DatabaseConnection connection;
  private final MigrationGraph graph;
  private final MigrationRecorder recorder;
  private final Consumer<String> log;
  // What the history holds as the current migrate goes: the states see other apps' models.
  private final MigrationStates states;

  public MigrationExecutor(
      DatabaseConnection connection, MigrationGraph graph, Consumer<String> log) {
    this.connection = connection;
    this.graph = graph;
    this.recorder = new MigrationRecorder(connection);
    this.log = log;
    this.states = new MigrationStates(graph, connection);
  }

  public MigrationRecorder recorder() {
    return recorder;
  }

  /** The plan to reach {@code targets} from what is recorded now (no lock, no changes). */
  public List<Step> plan(List<Target> targets) {
    return plan(targets, recorded());
  }

  /** The history, where a squash counts as applied when every migration it replaces is. */
  private Map<Key, Integer> recorded() {
    Map<Key, Integer> recorded = new java.util.TreeMap<>(recorder.applied());
    for (Migration m : graph.migrations()) {
      if (!m.replaces().isEmpty()
          && !recorded.containsKey(m.key())
          && m.replaces().stream()
              .allMatch(r -> recorded.containsKey(r) && recorded.get(r) == null)) {
        recorded.put(m.key(), null);
      }
    }
    return recorded;
  }

  private void recordApplied(Migration m) {
    recorder.recordApplied(m.key());
    m.replaces().forEach(recorder::recordApplied);
  }

  private void recordUnapplied(Migration m) {
    recorder.recordUnapplied(m.key());
    m.replaces().forEach(recorder::recordUnapplied);
  }

  private List<Step> plan(List<Target> targets, Map<Key, Integer> recorded) {
    Set<Key> applied = new HashSet<>();
    Set<Key> touched = new HashSet<>(recorded.keySet());
    recorded.forEach(
        (k, progress) -> {
          if (progress == null) {
            applied.add(k);
          }
        });
    List<Step> plan = new ArrayList<>();
    for (Target t : targets) {
      if (t.name() == null) {
        for (Migration root : roots(t.app())) {
          backwards(root.key(), touched, applied, plan);
        }
      } else {
        Key key = new Key(t.app(), t.name());
        graph.migration(key);
        if (applied.contains(key)) {
          for (Key child : graph.children(key)) {
            if (child.app().equals(t.app())) {
              backwards(child, touched, applied, plan);
            }
          }
        } else {
          for (Key k : graph.forwardsPlan(key)) {
            if (!applied.contains(k)) {
              plan.add(new Step(graph.migration(k), false));
              applied.add(k);
              touched.add(k);
            }
          }
        }
      }
    }
    return plan;
  }

  private void backwards(Key from, Set<Key> touched, Set<Key> applied, List<Step> plan) {
    for (Key k : graph.backwardsPlan(from)) {
      if (touched.contains(k)) {
        plan.add(new Step(graph.migration(k), true));
        touched.remove(k);
        applied.remove(k);
      }
    }
  }

  private List<Migration> roots(String app) {
    List<Migration> out = new ArrayList<>();
    for (Migration m : graph.migrations(app)) {
      if (graph.parents(m.key()).stream().noneMatch(p -> p.app().equals(app))) {
        out.add(m);
      }
    }
    if (out.isEmpty() && !graph.appLabels().contains(app)) {
      throw new MigrationError("App '" + app + "' has no migrations");
    }
    return out;
  }

  /**
   * Migrates to {@code targets} under the migration lock and returns the steps taken (empty when
   * there was nothing to do).
   */
  public List<Step> migrate(List<Target> targets, MigrateOptions options) {
    graph.checkConsistent();
    List<Step> done = new ArrayList<>();
    SchemaEditor lockEditor = connection.backend().schemaEditor(connection);
    connection.onOneConnection(
        () -> {
          lockEditor.acquireMigrationLock(LOCK, LOCK_TIMEOUT_SECONDS);
          try {
            recorder.ensureSchema(connection.backend().schemaEditor(connection));
            // Read the history only now: another process may have migrated while we waited.
            Map<Key, Integer> recorded = recorded();
            List<Step> plan = plan(targets, recorded);
            if (plan.isEmpty()) {
              log.accept("No migrations to apply.");
            }
            states.track(recorded.keySet());
            for (Step step : plan) {
              Integer progress = recorded.get(step.migration().key());
              if (step.backwards()) {
                unapply(step.migration(), progress, options.fake());
                states.unapplied(step.migration().key());
              } else {
                apply(step.migration(), progress, options);
                states.applied(step.migration().key());
              }
              done.add(step);
            }
          } finally {
            lockEditor.releaseMigrationLock(LOCK);
          }
        });
    return done;
  }

  private void apply(Migration m, Integer progress, MigrateOptions options) {
    Key key = m.key();
    if (options.fake() || (options.fakeInitial() && m.initial() && states.softApplied(m))) {
      recordApplied(m);
      log.accept("  Applying " + key + "... FAKED");
      return;
    }
    List<ProjectState> states = this.states.around(m);
    SchemaEditor editor = connection.backend().schemaEditor(connection);
    SchemaContext context = new SchemaContext(editor, connection);
    int start = progress == null ? 0 : progress;
    int[] current = {start};
    int[] sqlBefore = {0};
    boolean transactional = connection.backend().features().supportsTransactionalDdl();
    Runnable work =
        () -> {
          for (int i = start; i < m.operations().size(); i++) {
            current[0] = i;
            sqlBefore[0] = editor.executedSql().size();
            m.operations().get(i).forwards(context, states.get(i), states.get(i + 1));
            if (!transactional) {
              recorder.recordProgress(key, i + 1);
            }
          }
          recordApplied(m);
        };
    try {
      if (transactional) {
        editor.withConstraintChecksSuspended(() -> Transaction.using(connection.alias()).run(work));
      } else {
        work.run();
      }
    } catch (OrmException | IllegalArgumentException e) {
      throw failure(m, current[0], editor, sqlBefore[0], transactional, start, e);
    }
    log.accept(
        "  Applying "
            + key
            + "... OK"
            + (start > 0 ? " (resumed at operation #" + (start + 1) + ")" : ""));
  }

  private MigrationError failure(
      Migration m,
      int index,
      SchemaEditor editor,
      int sqlBefore,
      boolean transactional,
      int start,
      RuntimeException cause) {
    Operation op = m.operations().get(index);
    List<String> sql = editor.executedSql();
    String failedSql = sql.size() > sqlBefore ? sql.get(sql.size() - 1) : null;
    StringBuilder msg = new StringBuilder();
    msg.append("Migration ")
        .append(m.key())
        .append(" failed at operation #")
        .append(index + 1)
        .append(" (")
        .append(op.describe())
        .append(")");
    if (failedSql != null) {
      msg.append(" running: ").append(failedSql);
    }
    msg.append(": ").append(cause.getMessage()).append(". ");
    if (transactional) {
      msg.append("The migration was rolled back; nothing of it was applied.");
    } else if (index == 0) {
      msg.append("No operation of it was applied.");
    } else {
      msg.append("Operations #1-#")
          .append(index)
          .append(" were applied and committed (this database cannot roll back DDL)")
          .append(start > 0 ? " (#1-#" + start + " by an earlier run)" : "")
          .append("; fix the cause and run migrate again: it resumes at operation #")
          .append(index + 1)
          .append(".");
    }
    return new MigrationError(msg.toString(), cause);
  }

  private void unapply(Migration m, Integer progress, boolean fake) {
    Key key = m.key();
    int count = progress == null ? m.operations().size() : progress;
    if (fake) {
      recordUnapplied(m);
      log.accept("  Unapplying " + key + "... FAKED");
      return;
    }
    for (int i = 0; i < count; i++) {
      Operation op = m.operations().get(i);
      if (!op.reversible()) {
        throw new MigrationError(
            "Migration "
                + key
                + " cannot be unapplied: operation #"
                + (i + 1)
                + " ("
                + op.describe()
                + ") is irreversible. Nothing was changed.");
      }
    }
    List<ProjectState> states = this.states.around(m);
    SchemaEditor editor = connection.backend().schemaEditor(connection);
    SchemaContext context = new SchemaContext(editor, connection);
    boolean transactional = connection.backend().features().supportsTransactionalDdl();
    int[] current = {count - 1};
    int[] sqlBefore = {0};
    Runnable work =
        () -> {
          for (int i = count - 1; i >= 0; i--) {
            current[0] = i;
            sqlBefore[0] = editor.executedSql().size();
            m.operations().get(i).backwards(context, states.get(i), states.get(i + 1));
            if (!transactional && i > 0) {
              recorder.recordProgress(key, i);
            }
          }
          recordUnapplied(m);
        };
    try {
      if (transactional) {
        editor.withConstraintChecksSuspended(() -> Transaction.using(connection.alias()).run(work));
      } else {
        work.run();
      }
    } catch (OrmException | IllegalArgumentException e) {
      Operation op = m.operations().get(current[0]);
      List<String> sql = editor.executedSql();
      String failedSql = sql.size() > sqlBefore[0] ? sql.get(sql.size() - 1) : null;
      throw new MigrationError(
          "Unapplying "
              + key
              + " failed at operation #"
              + (current[0] + 1)
              + " ("
              + op.describe()
              + ")"
              + (failedSql == null ? "" : " running: " + failedSql)
              + ": "
              + e.getMessage()
              + (transactional ? ". The migration was rolled back." : ""),
          e);
    }
    log.accept("  Unapplying " + key + "... OK");
  }

  /** Whether every table an initial migration creates exists already ({@code --fake-initial}). */
  /**
   * The SQL a migration runs (sqlmigrate), collected without running any of it: catalog lookups
   * still read the database, so the output matches the database's current state. RunCode is listed
   * as a comment and never run.
   */
  public List<String> sql(Migration m, boolean backwards) {
    states.track(recorded().keySet());
    List<ProjectState> states = this.states.around(m);
    List<String> out = new ArrayList<>();
    SchemaEditor real = connection.backend().schemaEditor(connection);
    real.withConstraintChecksSuspended(
        () -> {
          SchemaEditor editor =
              connection.backend().schemaEditor(new CollectingExecutor(connection));
          SchemaContext context = new SchemaContext(editor, connection);
          int n = m.operations().size();
          for (int step = 0; step < n; step++) {
            int i = backwards ? n - 1 - step : step;
            Operation op = m.operations().get(i);
            int before = editor.executedSql().size();
            out.add("--");
            out.add("-- " + op.describe());
            out.add("--");
            if (op instanceof io.vibevault.orm.migrations.operations.RunCode) {
              out.add("-- (Java code: not shown, never run by sqlmigrate)");
              continue;
            }
            if (backwards && !op.reversible()) {
              out.add("-- (irreversible)");
              continue;
            }
            if (backwards) {
              op.backwards(context, states.get(i), states.get(i + 1));
            } else {
              op.forwards(context, states.get(i), states.get(i + 1));
            }
            List<String> sql = editor.executedSql();
            for (int s = before; s < sql.size(); s++) {
              out.add(sql.get(s) + ";");
            }
          }
        });
    return out;
  }
}
