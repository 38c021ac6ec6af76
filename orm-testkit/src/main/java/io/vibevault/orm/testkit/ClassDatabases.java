package io.vibevault.orm.testkit;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The databases of one test class, one per vendor, created on first use (a vendor whose every test
 * is skipped costs nothing) and closed after the class. A failed creation is remembered, so the
 * class's other tests on that vendor fail at once with the same cause instead of retrying.
 */
final class ClassDatabases implements AutoCloseable {
  private final Class<?> testClass;
  private final List<Class<? extends Model>> models;
  private final Map<Vendor, IsolatedDatabase> created = new EnumMap<>(Vendor.class);
  private final Map<Vendor, RuntimeException> failed = new EnumMap<>(Vendor.class);
  private ModelTables tables;
  private boolean closed;

  ClassDatabases(Class<?> testClass, Class<? extends Model>[] models) {
    this.testClass = testClass;
    this.models = List.of(models);
  }

  /** The class's database on this target, created now if needed. */
  synchronized IsolatedDatabase get(Target target) {
    if (closed) {
      throw new IllegalStateException(testClass.getName() + "'s databases are already dropped");
    }
    Vendor vendor = target.vendor();
    IsolatedDatabase db = created.get(vendor);
    if (db != null) {
      return db;
    }
    RuntimeException earlier = failed.get(vendor);
    if (earlier != null) {
      throw earlier;
    }
    try {
      if (tables == null) {
        tables = models(testClass, models);
      }
      db = IsolatedDatabase.create(target, testClass, tables);
    } catch (RuntimeException e) {
      failed.put(vendor, e);
      throw e;
    }
    created.put(vendor, db);
    return db;
  }

  private static ModelTables models(Class<?> testClass, List<Class<? extends Model>> models) {
    try {
      return ModelTables.of(models);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot read the models "
              + models
              + " of "
              + testClass.getName()
              + ": "
              + IsolatedDatabase.describe(e),
          e);
    }
  }

  /** The class's database on this target if it was created (never creates one). */
  synchronized Optional<IsolatedDatabase> existing(Target target) {
    return Optional.ofNullable(created.get(target.vendor()));
  }

  /** Drops every database created; reports the first failure with the others suppressed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<RuntimeException> failures = new ArrayList<>();
    for (IsolatedDatabase db : created.values()) {
      try {
        db.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    created.clear();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
