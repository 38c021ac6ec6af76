package io.vibevault.orm.testkit;

import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.Features;
import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.backend.SqlExecutor;
import io.vibevault.orm.backend.TestDatabases;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;

/**
 * A backend for vendor {@code sqlite} that talks to no database: it records what the test kit asks
 * of it (create, createModel, flush, destroy) and hands out JDBC objects that accept every
 * statement, so the kit's lifecycle and query counting are tested without a driver. Registered
 * through {@code META-INF/services} of the kit's test class path only.
 */
public final class FakeBackend implements Backend {
  /** What happened, in order: {@code create vv_t_...}, {@code createModel kit_book}, ... */
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  /** Features answering true; every other boolean feature answers false. */
  static final Set<String> TRUE_FEATURES = new CopyOnWriteArraySet<>();

  /** createModel of this table fails (null: none fails). */
  static volatile String failingTable;

  /** The ServiceLoader entry point. */
  public static final class Provider implements BackendProvider {
    @Override
    public String vendor() {
      return "sqlite";
    }

    @Override
    public Backend create(DatabaseSettings settings) {
      return new FakeBackend();
    }
  }

  static void reset() {
    EVENTS.clear();
    TRUE_FEATURES.clear();
    failingTable = null;
  }

  /** The events starting with {@code prefix}, without it. */
  static List<String> events(String prefix) {
    synchronized (EVENTS) {
      return EVENTS.stream()
          .filter(e -> e.startsWith(prefix + " "))
          .map(e -> e.substring(prefix.length() + 1))
          .toList();
    }
  }

  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public DataSource createDataSource(DatabaseSettings settings, String poolName) {
    return proxy(DataSource.class);
  }

  @Override
  public void initConnection(Connection connection) {}

  @Override
  public Operations operations() {
    return null;
  }

  @Override
  public Features features() {
    return (Features)
        Proxy.newProxyInstance(
            Features.class.getClassLoader(),
            new Class<?>[] {Features.class},
            (proxy, method, args) -> {
              if (method.getReturnType() == boolean.class) {
                return TRUE_FEATURES.contains(method.getName());
              }
              return method.getReturnType() == int.class ? 999 : Set.of();
            });
  }

  @Override
  public SchemaEditor schemaEditor(SqlExecutor executor) {
    return new SchemaEditor() {
      @Override
      public void createModel(ModelMeta model) {
        if (model.dbTable().equals(failingTable)) {
          throw new IllegalStateException("table " + model.dbTable() + " refused");
        }
        EVENTS.add("createModel " + model.dbTable());
      }

      @Override
      public void deleteModel(ModelMeta model) {}

      @Override
      public void addField(ModelMeta model, Field field) {}

      @Override
      public void removeField(ModelMeta model, Field field) {}

      @Override
      public void addIndex(ModelMeta model, ModelMeta.IndexSpec index) {}

      @Override
      public void removeIndex(ModelMeta model, ModelMeta.IndexSpec index) {}

      @Override
      public void alterField(ModelMeta model, Field oldField, Field newField) {}

      @Override
      public void alterDbTable(ModelMeta model, String oldTable, String newTable) {}

      @Override
      public void alterJoinTable(ModelMeta oldThrough, ModelMeta newThrough) {}

      @Override
      public void addUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {}

      @Override
      public void removeUniqueConstraint(ModelMeta model, ModelMeta.UniqueSpec constraint) {}

      @Override
      public void addCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {}

      @Override
      public void removeCheckConstraint(ModelMeta model, ModelMeta.CheckSpec constraint) {}

      @Override
      public void alterUniqueTogether(
          ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets) {}

      @Override
      public void renameIndex(
          ModelMeta model, ModelMeta.IndexSpec oldIndex, ModelMeta.IndexSpec newIndex) {}

      @Override
      public void runSql(String sql) {}

      @Override
      public void acquireMigrationLock(String name, int timeoutSeconds) {}

      @Override
      public void releaseMigrationLock(String name) {}

      @Override
      public String columnType(Field field) {
        return null;
      }

      @Override
      public List<String> executedSql() {
        return List.of();
      }
    };
  }

  @Override
  public io.vibevault.orm.backend.Introspection introspection(SqlExecutor executor) {
    throw new UnsupportedOperationException("The fake backend has no schema");
  }

  @Override
  public io.vibevault.orm.backend.DatabaseClient client() {
    throw new UnsupportedOperationException("The fake backend has no client");
  }

  @Override
  public TestDatabases testDatabases() {
    return new TestDatabases() {
      @Override
      public DatabaseSettings create(DatabaseSettings base, String name) {
        EVENTS.add("create " + name);
        return base.withName(name + ".sqlite3");
      }

      @Override
      public void flush(SqlExecutor executor, List<String> tables) {
        EVENTS.add("flush " + String.join(",", tables));
      }

      @Override
      public void resetSequence(SqlExecutor executor, String table, String pkColumn) {}

      @Override
      public void destroy(DatabaseSettings base, DatabaseSettings created) {
        EVENTS.add("destroy " + created.name());
      }
    };
  }

  /**
   * A JDBC object that answers everything: connections in auto-commit, statements that update
   * nothing and return no result set.
   */
  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            FakeBackend.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              Class<?> returns = method.getReturnType();
              if (returns == Connection.class || returns == PreparedStatement.class) {
                return proxy(returns);
              }
              if (returns == boolean.class) {
                return method.getName().equals("getAutoCommit");
              }
              if (returns == int.class) {
                return 0;
              }
              if (returns == long.class) {
                return 0L;
              }
              return null;
            });
  }
}
