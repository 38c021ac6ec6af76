package io.vibevault.orm.tests.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.tests.conformance.models.Account;
import io.vibevault.orm.tests.conformance.models.Employee;
import io.vibevault.orm.tests.conformance.models.Memory;
import io.vibevault.orm.tests.conformance.models.Profile;
import io.vibevault.orm.tests.conformance.models.Tag;
import io.vibevault.orm.tests.conformance.models.User;
import java.nio.file.Path;
import java.util.List;

/**
 * The Django conformance suite ({@code shared/conformance}) on every configured database: loads the
 * fixture once, runs the 188 cases, writes {@code target/conformance-<backend>.json} and fails when
 * a case listed in {@code conformance/expected-passes-<backend>.txt} does not pass.
 */
@DatabaseTest(
    models = {User.class, Profile.class, Tag.class, Memory.class, Employee.class, Account.class})
class ConformanceTest {

  @DbTest
  void djangoConformance(TestDatabase db) {
    ConformanceRunner runner = new ConformanceRunner(db.vendor(), db.alias());
    runner.runAll();
    Path report = runner.writeReport();

    var summary = runner.report().get("summary");
    System.out.println(
        "Conformance on " + db.vendor() + ": " + summary + " (report: " + report + ")");
    List<String> fresh = runner.newPasses();
    if (!fresh.isEmpty()) {
      System.out.println(
          "Passing but not in expected-passes-" + db.vendor() + ".txt: " + String.join(" ", fresh));
    }
    runner.outcomes().values().stream()
        .filter(o -> o.status() == ConformanceRunner.Status.FAIL)
        .forEach(o -> System.out.println("  FAIL " + o.id() + ": " + o.detail()));

    List<String> regressions = runner.regressions();
    if (!regressions.isEmpty()) {
      fail(
          regressions.size()
              + " expected conformance case(s) do not pass on "
              + db.vendor()
              + " (see "
              + report
              + "):\n  "
              + String.join("\n  ", regressions));
    }
  }
}
