package io.vibevault.orm.testkit;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.Backend;
import io.vibevault.orm.backend.BackendProvider;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.backend.SchemaEditor;
import io.vibevault.orm.execution.ConnectionHandler;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test class's database on one vendor: created through the backend's {@code TestDatabases},
 * configured as its own alias, holding the class's tables; flushed after each test and dropped
 * after the class.
 */
final class IsolatedDatabase implements AutoCloseable {
  private static final AtomicInteger ALIASES = new AtomicInteger();

  private final Target target;
  private final Backend baseBackend;
  private final DatabaseSettings created;
  private final TestDatabase database;
  private boolean closed;

  private IsolatedDatabase(
      Target target, Backend baseBackend, DatabaseSettings created, TestDatabase database) {
    this.target = target;
    this.baseBackend = baseBackend;
    this.created = created;
    this.database = database;
  }

  /** Creates the database and the tables; on failure leaves nothing behind. */
  static IsolatedDatabase create(Target target, Class<?> testClass, ModelTables models) {
    String where = testClass.getName() + " on " + target.vendor().label();
    Backend baseBackend;
    DatabaseSettings created;
    try {
      baseBackend = BackendProvider.forSettings(target.settings());
      created = baseBackend.testDatabases().create(target.settings(), uniqueName(testClass));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot create the test database for "
              + where
              + " from "
              + target.settings()
              + ": "
              + describe(e),
          e);
    }
    String alias = "test_" + target.vendor().label() + "_" + ALIASES.incrementAndGet();
    IsolatedDatabase db =
        new IsolatedDatabase(
            target,
            baseBackend,
            created,
            new TestDatabase(target.vendor().label(), alias, created, models.tables()));
    try {
      Database.configure(alias, created);
      SchemaEditor editor =
          ConnectionHandler.get().backend(alias).schemaEditor(Database.connection(alias));
      for (ModelMeta model : models.creationOrder()) {
        editor.createModel(model);
      }
    } catch (RuntimeException e) {
      IllegalStateException failure =
          new IllegalStateException(
              "Cannot create the tables " + models.tables() + " for " + where + ": " + describe(e),
              e);
      try {
        db.close();
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    return db;
  }

  /**
   * {@code vv_t_<hash of the class name>_<random>}: lower case and 22 characters, inside every
   * vendor's identifier rules; the random part keeps concurrent runs (two CI jobs on one server,
   * the same class in two JVMs) apart.
   */
  static String uniqueName(Class<?> testClass) {
    return String.format(
        Locale.ROOT,
        "vv_t_%08x_%08x",
        testClass.getName().hashCode(),
        ThreadLocalRandom.current().nextInt());
  }

  /** A cause for a message: its own message, or its class when it has none. */
  static String describe(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
  }

  TestDatabase database() {
    return database;
  }

  /** Empties every table of the class and restarts their sequences. */
  void flush() {
    if (!database.tables().isEmpty()) {
      database
          .backend()
          .testDatabases()
          .flush(Database.connection(database.alias()), database.tables());
    }
  }

  /** Removes the alias (closing its pool, which a DROP may wait for) and drops the database. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    try {
      Database.remove(database.alias());
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      baseBackend.testDatabases().destroy(target.settings(), created);
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw new IllegalStateException(
          "Cannot drop the test database " + created + " (" + database.alias() + ")", failure);
    }
  }
}
