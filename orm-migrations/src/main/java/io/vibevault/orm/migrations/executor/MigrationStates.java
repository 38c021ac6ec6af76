package io.vibevault.orm.migrations.executor;

import io.vibevault.orm.backend.Introspection;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.graph.MigrationGraph;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The project states around a migration while migrate runs, from the graph and what the history
 * holds at that moment, and whether a migration's schema is there already ({@code --fake-initial}).
 */
final class MigrationStates {
  private final MigrationGraph graph;
  private final DatabaseConnection connection;
  private final Set<Key> applied = new HashSet<>();

  MigrationStates(MigrationGraph graph, DatabaseConnection connection) {
    this.graph = graph;
    this.connection = connection;
  }

  /** Starts from what the history holds. */
  void track(Collection<Key> recorded) {
    applied.clear();
    applied.addAll(recorded);
  }

  void applied(Key key) {
    applied.add(key);
  }

  void unapplied(Key key) {
    applied.remove(key);
  }

  /**
   * The states around each operation of {@code m}: index i is the state before operation i. As in
   * Django, the state before {@code m} holds its dependencies and every other applied migration
   * that does not depend on it, so an operation sees the models of other apps pointing at its own
   * (a renamed model's join tables in another app).
   */
  List<ProjectState> around(Migration m) {
    Set<Key> before = new LinkedHashSet<>(graph.parents(m.key()));
    Set<Key> dependents = new HashSet<>(graph.backwardsPlan(m.key()));
    for (Key k : applied) {
      if (graph.contains(k) && !dependents.contains(k)) {
        before.add(k);
      }
    }
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = graph.state(before);
    states.add(state);
    for (Operation op : m.operations()) {
      state = state.copy();
      op.applyToState(state);
      states.add(state);
    }
    return states;
  }

  /**
   * Whether {@code m} looks applied already (Django's {@code detect_soft_applied}): the table of
   * each CreateModel exists, and the column (or join table) of each AddField, with at least one of
   * them. Other operations are not looked at.
   */
  boolean softApplied(Migration m) {
    Introspection schema = connection.backend().introspection(connection);
    Set<String> tables = MigrationRecorder.tableNames(connection);
    List<ProjectState> states = around(m);
    boolean any = false;
    for (int i = 0; i < m.operations().size(); i++) {
      Operation op = m.operations().get(i);
      if (op instanceof CreateModel c) {
        any = true;
        if (!tables.contains(c.definition().dbTable().toLowerCase(Locale.ROOT))) {
          return false;
        }
      } else if (op instanceof AddField a) {
        any = true;
        ModelMeta model = states.get(i + 1).meta(a.app(), a.model());
        Field field = model.field(a.field().name());
        boolean exists =
            field.isConcrete()
                ? schema.columns(model.dbTable()).stream()
                    .anyMatch(col -> col.name().equalsIgnoreCase(field.column()))
                : tables.contains(field.relation().m2mTable().toLowerCase(Locale.ROOT));
        if (!exists) {
          return false;
        }
      }
    }
    return any;
  }
}
