package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * THREATS W-03: an unknown user, a wrong password and a user whose password is unusable cannot be
 * told apart by status, body or latency.
 *
 * <p>The latency comparison is between groups of the same run, interleaved round by round so that
 * load from elsewhere on the machine falls on every group alike, and uses medians, which ignore the
 * occasional stall. The hash cost is modest but real: it dominates a request, so a path that
 * skipped hashing would stand out by far more than the 10 % allowed.
 */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class LoginEnumerationWebTest {
  /** About as costly as the whole rest of a login request on this machine. */
  static final PasswordHasher MODEST = new PasswordHasher(4 * 1024, 2, 1);

  static final int ATTEMPTS = 200;
  static final int WARM_UP = 20;

  /**
   * On a loaded machine 200 rounds may not settle the medians; the test then goes on measuring, 200
   * rounds at a time, and judges all rounds so far. A real gap (a path that skips hashing is
   * several times faster) only grows clearer with more rounds.
   */
  static final int MAX_ROUNDS = 3 * ATTEMPTS;

  WebTestSupport.MovableClock clock;
  WebApp web;

  @BeforeEach
  void start() {
    clock = new WebTestSupport.MovableClock();
    web = WebTestSupport.start(clock, MODEST);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @DbTest
  void unknownUserWrongPasswordAndUnusablePasswordLookAndTakeTheSame() {
    WebTestSupport.signedUp(web, "ada");
    WebTestSupport.signedUp(web, "bob");
    User.objects.filter("usernameKey", "bob").update("passwordHash", "!");
    List<String> users = List.of("nobody", "ada", "bob"); // unknown, wrong password, unusable
    Browser b = new Browser(web.port());
    String token = b.csrf("/login");

    List<long[]> rounds = new ArrayList<>();
    Set<Integer> statuses = new HashSet<>();
    Set<String> bodies = new HashSet<>();
    for (int round = -WARM_UP; round < MAX_ROUNDS; round++) {
      long[] times = new long[users.size()];
      for (int k = 0; k < users.size(); k++) {
        // Rotating the order keeps any first-or-last-in-the-round effect off a single group.
        int group = Math.floorMod(round + k, users.size());
        // The throttle would answer 429 long before 600 failures; moving its clock past every
        // window keeps each attempt a plain failed login (W-04 tests the throttle).
        clock.advance(Duration.ofHours(2));
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            b.post(
                "/login",
                Map.of(
                    "_csrf",
                    token,
                    "username",
                    users.get(group),
                    "password",
                    "wrong-pass-" + round));
        times[group] = System.nanoTime() - t0;
        statuses.add(r.statusCode());
        bodies.add(r.body());
      }
      if (round >= 0) {
        rounds.add(times);
      }
      if (rounds.size() >= ATTEMPTS && rounds.size() % ATTEMPTS == 0 && similar(rounds)) {
        break;
      }
    }
    assertThat(statuses).containsExactly(400);
    assertThat(bodies).hasSize(1);
    assertThat(bodies.iterator().next()).contains(AccountPages.LOGIN_FAILED);
    assertThat(similar(rounds)).as(describe(rounds)).isTrue();
  }

  /**
   * Whether, for every pair of groups, the median of their per-round differences is under 10 % of
   * the median latency. Pairing the requests of one round (sent within milliseconds of each other)
   * cancels the machine's load drift that separate medians would each carry.
   */
  static boolean similar(List<long[]> rounds) {
    long overall = median(rounds.stream().flatMapToLong(Arrays::stream).toArray());
    for (int a = 0; a < 3; a++) {
      for (int c = a + 1; c < 3; c++) {
        int x = a;
        int y = c;
        long diff = median(rounds.stream().mapToLong(t -> t[x] - t[y]).toArray());
        if (Math.abs(diff) >= overall / 10) {
          return false;
        }
      }
    }
    return true;
  }

  static String describe(List<long[]> rounds) {
    StringBuilder s = new StringBuilder(rounds.size() + " rounds; median µs per group");
    for (int g = 0; g < 3; g++) {
      int x = g;
      s.append(' ').append(median(rounds.stream().mapToLong(t -> t[x]).toArray()) / 1000);
    }
    return s.toString();
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
