package io.vibevault.orm.testkit;

import io.vibevault.orm.Database;
import io.vibevault.orm.backend.DatabaseSettings;
import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a database server answers: a TCP connect bounded by {@link #CONNECT_TIMEOUT_MS} (so an
 * absent server costs about a second), then a {@code SELECT 1} through the ORM's own backend, which
 * also proves the backend module is on the class path and the credentials work.
 */
final class ServerProbe {
  static final int CONNECT_TIMEOUT_MS = 1000;

  // A server that accepted the TCP connection but stalls in the handshake still must not hang the
  // run, so the pool gives up on its first connection after this long.
  private static final long LOGIN_TIMEOUT_MS = 5000;

  private static final AtomicInteger PROBES = new AtomicInteger();

  /** The answer: available, or why not. */
  record Result(boolean available, String reason) {
    static final Result AVAILABLE = new Result(true, "");
  }

  private ServerProbe() {}

  static Result probe(Target target) {
    if (!target.vendor().isServer()) {
      return Result.AVAILABLE;
    }
    DatabaseSettings s = target.settings();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(s.host(), s.port()), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      return new Result(
          false,
          "nothing answers at "
              + s.host()
              + ":"
              + s.port()
              + " within "
              + CONNECT_TIMEOUT_MS
              + " ms ("
              + e.getMessage()
              + ")");
    }
    String alias = "vv_probe_" + target.vendor().label() + "_" + PROBES.incrementAndGet();
    try {
      Database.configure(
          alias,
          new DatabaseSettings(
              s.vendor(),
              s.host(),
              s.port(),
              s.name(),
              s.user(),
              s.password(),
              s.options(),
              1,
              LOGIN_TIMEOUT_MS));
      Database.connection(alias).query("SELECT 1", List.of());
      return Result.AVAILABLE;
    } catch (RuntimeException e) {
      return new Result(false, s + " answers but cannot be used: " + IsolatedDatabase.describe(e));
    } finally {
      try {
        Database.remove(alias);
      } catch (RuntimeException ignored) {
        // Closing a pool that never opened: nothing to release.
      }
    }
  }
}
