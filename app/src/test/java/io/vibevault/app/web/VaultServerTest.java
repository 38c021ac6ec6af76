package io.vibevault.app.web;

import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared frame of the web security tests: the {@code vault} models on each test database and a
 * real server on a free port, started before and stopped after every test.
 */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
abstract class VaultServerTest {
  WebApp web;

  @BeforeEach
  void startServer() {
    web = WebTestSupport.start(Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    web.close();
  }
}
