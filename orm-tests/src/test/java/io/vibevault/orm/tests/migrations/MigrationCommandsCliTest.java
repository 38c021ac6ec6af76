package io.vibevault.orm.tests.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.cli.Cli;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The guide's migration commands through the command line, in process: makemigrations, migrate,
 * showmigrations, migrate back, sqlmigrate, and makemigrations --check for CI.
 */
@DatabaseTest
class MigrationCommandsCliTest {
  record Run(int code, String out, String err) {}

  private Path dir;

  @AfterEach
  void clean(TestDatabase db) {
    Schema.dropAll(db.connection(), db.vendor());
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--migrations-dir";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        new Cli().out(out).err(err).input("").terminal(false).apps(new RoundTripApp()).execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  @DbTest
  void migrateDrawsAProgressBarOnATerminal() throws Exception {
    dir = TestDirs.create("vv-cli-migrations");
    assertThat(run("makemigrations").code()).isZero();
    StringWriter out = new StringWriter();
    int code =
        new Cli()
            .out(out)
            .err(new StringWriter())
            .input("")
            .terminal(true)
            .apps(new RoundTripApp())
            .execute("--migrations-dir", dir.toString(), "migrate");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Migrating [------------------------] 0/1")
        .contains("Migrating [########################] 1/1 Applying migrt.0001_initial... OK");
  }

  @DbTest
  void theGuidesCommands(TestDatabase db) throws Exception {
    dir = TestDirs.create("vv-cli-migrations");
    Run check = run("makemigrations", "--check");
    assertThat(check.code()).as("--check fails while a migration is missing").isEqualTo(1);
    assertThat(Files.exists(dir.resolve("migrt"))).isFalse();

    Run make = run("makemigrations");
    assertThat(make.err()).isEmpty();
    assertThat(make.code()).isZero();
    assertThat(make.out()).contains("Migrations for 'migrt':").contains("- Create model Writer");
    assertThat(run("makemigrations", "--check").code()).isZero();
    assertThat(run("makemigrations").out()).contains("No changes detected");

    Run show = run("showmigrations");
    assertThat(show.out()).isEqualTo("migrt\n [ ] 0001_initial\n");

    Run sql = run("sqlmigrate", "migrt", "0001");
    assertThat(sql.code()).isZero();
    assertThat(sql.out()).contains("CREATE TABLE").contains("-- Create model Writer");

    Run plan = run("migrate", "--plan");
    assertThat(plan.out()).contains("migrt.0001_initial").contains("Create model Book");

    Run migrate = run("migrate");
    assertThat(migrate.err()).isEmpty();
    assertThat(migrate.out()).contains("Applying migrt.0001_initial... OK");
    assertThat(run("showmigrations").out()).isEqualTo("migrt\n [X] 0001_initial\n");
    assertThat(run("showmigrations", "--plan").out()).isEqualTo("[X]  migrt.0001_initial\n");

    Run back = run("migrate", "migrt", "zero");
    assertThat(back.out()).contains("Unapplying migrt.0001_initial... OK");
    assertThat(Schema.tables(db.connection())).allMatch(t -> t.startsWith("vibevault_"));

    Run wrong = run("migrate", "migrt", "0042");
    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err())
        .startsWith("Error: ")
        .contains("Cannot find a migration matching '0042' from app 'migrt'")
        .doesNotContain("\tat ");
  }
}
