package io.vibevault.orm.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Found through {@link ServiceLoader}: each backend module registers one in {@code
 * META-INF/services/io.vibevault.orm.backend.BackendProvider}.
 *
 * <pre>{@code
 * Backend b = BackendProvider.forSettings(DatabaseSettings.parse("sqlite::memory:"));
 * }</pre>
 */
public interface BackendProvider {
  /** The vendor served: {@code sqlite}, {@code postgresql} or {@code mysql}. */
  String vendor();

  /** A backend for one alias. */
  Backend create(DatabaseSettings settings);

  /** The provider for the settings' vendor, or a clear error naming the missing module. */
  static Backend forSettings(DatabaseSettings settings) {
    List<String> found = new ArrayList<>();
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.vendor().equals(settings.vendor())) {
        return p.create(settings);
      }
      found.add(p.vendor());
    }
    throw new IllegalStateException(
        "No backend for '"
            + settings.vendor()
            + "' on the class path (found "
            + found
            + "); add the vibevault-orm-"
            + settings.vendor()
            + " module");
  }
}
