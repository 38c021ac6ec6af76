package io.vibevault.app.web;

import io.vibevault.app.AppConfig;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Starts the real server on a free port against the test class's database. */
final class WebTestSupport {
  /** Cheap Argon2id parameters so the tests do not spend their time hashing. */
  static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

  private WebTestSupport() {}

  static WebApp start(Clock clock) {
    return start(clock, FAST);
  }

  static WebApp start(Clock clock, PasswordHasher hasher) {
    Path data = TestDirs.create("vv-web");
    return WebApp.start(new AppConfig(data, 0, false, 0, clock), hasher);
  }

  /** Registers through the page and returns a signed-in browser. */
  static Browser signedUp(WebApp web, String name) {
    Browser b = new Browser(web.port());
    var r =
        b.submit(
            "/register",
            "/register",
            Map.of(
                "username", name, "email", name + "@example.org", "password", "password-" + name));
    if (r.statusCode() != 302) {
      throw new AssertionError("registration failed: " + r.statusCode() + " " + r.body());
    }
    return b;
  }

  /** A clock tests can move forward. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
