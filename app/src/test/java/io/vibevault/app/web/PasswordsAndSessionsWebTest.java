package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.AppConfig;
import io.vibevault.app.accounts.LoginThrottle;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Tokens;
import io.vibevault.app.accounts.User;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * THREATS W-01 (upgrade on login, salted hashes), W-02 (the length edges) and W-06 (the {@code
 * Secure} flag, ten thousand random session ids), over real HTTP.
 */
class PasswordsAndSessionsWebTest extends VaultServerTest {

  @DbTest
  void aWeakerHashIsUpgradedAtTheNextLoginAndEqualPasswordsHashDifferently() {
    WebTestSupport.signedUp(web, "ada");
    User.objects
        .filter("usernameKey", "ada")
        .update("passwordHash", new PasswordHasher(256, 1, 1).hash("password-ada"));
    Browser b = new Browser(web.port());
    assertThat(
            b.submit("/login", "/login", Map.of("username", "ada", "password", "password-ada"))
                .statusCode())
        .isEqualTo(302);
    String upgraded = User.objects.get("usernameKey", "ada").passwordHash;
    // The tests' server hashes with m=1024,t=1,p=1 (the production target is 19456,2,1).
    assertThat(upgraded)
        .matches("^\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
    assertThat(
            new Browser(web.port())
                .submit("/login", "/login", Map.of("username", "ada", "password", "password-ada"))
                .statusCode())
        .isEqualTo(302);

    Browser c = new Browser(web.port());
    c.submit(
        "/register",
        "/register",
        Map.of("username", "cleo", "email", "cleo@x.io", "password", "password-ada"));
    assertThat(User.objects.get("usernameKey", "cleo").passwordHash).isNotEqualTo(upgraded);
  }

  @DbTest
  void emptyPasswordsAreRefusedAnd64CharactersVerifyExactly() {
    Browser b = new Browser(web.port());
    assertThat(
            b.submit(
                    "/register",
                    "/register",
                    Map.of("username", "ada", "email", "ada@x.io", "password", ""))
                .statusCode())
        .isEqualTo(400);
    String p64 = "0123456789abcdef".repeat(4);
    assertThat(
            b.submit(
                    "/register",
                    "/register",
                    Map.of("username", "ada", "email", "ada@x.io", "password", p64))
                .statusCode())
        .isEqualTo(302);
    Browser other = new Browser(web.port());
    String last = p64.substring(0, 63) + "F";
    assertThat(
            other
                .submit("/login", "/login", Map.of("username", "ada", "password", last))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            other
                .submit("/login", "/login", Map.of("username", "ada", "password", p64))
                .statusCode())
        .isEqualTo(302);
  }

  @DbTest
  void cookiesAreSecureWhenConfigured() throws Exception {
    WebApp secure =
        WebApp.start(
            new AppConfig(TestDirs.create("vv-secure"), 0, true, 0, Clock.systemUTC()),
            WebTestSupport.FAST);
    try {
      WebTestSupport.signedUp(secure, "ada");
      Browser b = new Browser(secure.port());
      var login =
          b.submit("/login", "/login", Map.of("username", "ada", "password", "password-ada"));
      assertThat(login.statusCode()).isEqualTo(302);
      assertThat(Browser.setCookies(login))
          .filteredOn(c -> c.startsWith(Cookies.SESSION + "="))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c)
                      .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/")
                      .doesNotContain("Domain"));
    } finally {
      secure.close();
    }
  }

  @DbTest
  void tenThousandSessionIdsAreUniqueAndLookRandom() {
    int n = 10_000;
    Set<String> ids = new HashSet<>();
    int[] onesPerBit = new int[256];
    long ones = 0;
    for (int i = 0; i < n; i++) {
      String id = Tokens.random();
      ids.add(id);
      byte[] raw = Base64.getUrlDecoder().decode(id);
      assertThat(raw).hasSize(32); // 256 bits of randomness encoded, at least the 128 required
      for (int bit = 0; bit < 256; bit++) {
        if ((raw[bit / 8] >> (bit % 8) & 1) == 1) {
          onesPerBit[bit]++;
          ones++;
        }
      }
    }
    assertThat(ids).hasSize(n);
    // Each bit is set in about half the ids: 5,000 +- 300 is six standard deviations.
    assertThat(java.util.Arrays.stream(onesPerBit).boxed().toList())
        .allSatisfy(c -> assertThat(c).isBetween(4_700, 5_300));
    assertThat((double) ones / (256.0 * n)).isBetween(0.495, 0.505);
  }

  @DbTest
  void oneAddressTryingManyAccountsIsThrottled() {
    WebTestSupport.signedUp(web, "ada");
    Browser b = new Browser(web.port());
    String token = b.csrf("/login");
    int refused = 0;
    // 1,000 attempts over 100 accounts, none of them failing ten times: only the address limit
    // can stop them.
    for (int i = 0; i < 1000 && refused == 0; i++) {
      int status =
          b.post(
                  "/login",
                  Map.of("_csrf", token, "username", "user" + (i % 100), "password", "wrong-pass"))
              .statusCode();
      if (status == 429) {
        refused = i;
      } else {
        assertThat(status).isEqualTo(400);
      }
    }
    assertThat(refused).isEqualTo(LoginThrottle.ADDRESS_LIMIT);
    assertThat(
            b.post("/login", Map.of("_csrf", token, "username", "ada", "password", "password-ada"))
                .statusCode())
        .isEqualTo(429);
  }
}
