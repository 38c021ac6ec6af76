package io.vibevault.app.cli;

import io.vibevault.app.Schema;
import io.vibevault.app.VaultApp;
import io.vibevault.orm.cli.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The ORM's management commands with the app's models, database and migrations: {@code vibevault
 * makemigrations}, {@code migrate}, {@code showmigrations}, {@code sqlmigrate vault 0001_initial},
 * {@code squashmigrations}, {@code dbshell}, {@code flush}. {@code --data} and {@code --database}
 * choose the database as for {@code serve}; the migrations are the source tree's when run from a
 * checkout (so {@code makemigrations} writes where they are committed), else the jar's.
 *
 * <pre>{@code
 * java -jar app/target/vibevault.jar showmigrations --data ./data
 * }</pre>
 */
public final class OrmCommands {
  /** The command names handed to the ORM's command line. */
  public static final Set<String> NAMES =
      Set.of(
          "migrate",
          "makemigrations",
          "showmigrations",
          "sqlmigrate",
          "squashmigrations",
          "dbshell",
          "flush",
          "shell");

  private OrmCommands() {}

  /** Whether {@code args} names one of the ORM's commands. */
  public static boolean handles(String[] args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  /** Runs the command; returns its exit code. */
  public static int run(String[] args) throws IOException {
    return run(args, new Cli());
  }

  /**
   * As {@link #run(String[])}, on {@code cli}'s streams and process runner (tests capture them).
   */
  public static int run(String[] args, Cli cli) throws IOException {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Path data = Path.of(take(rest, "--data", "./data"));
    String database = take(rest, "--database", null);
    List<String> full = new ArrayList<>();
    full.add("--database");
    full.add(url(database, data));
    if (!rest.contains("--migrations-dir")) {
      full.add("--migrations-dir");
      full.add(Schema.commandMigrations().toString());
    }
    full.addAll(rest);
    return cli.apps(new VaultApp()).execute(full.toArray(String[]::new));
  }

  private static String url(String database, Path data) throws IOException {
    if (database != null) {
      return database;
    }
    String fromEnvironment = System.getenv(io.vibevault.orm.Database.URL_VARIABLE);
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    java.nio.file.Files.createDirectories(data);
    return "sqlite:" + data.resolve("vibevault.sqlite3");
  }

  /** Removes {@code --name value} (or {@code --name=value}) from {@code args}, returning value. */
  private static String take(List<String> args, String name, String fallback) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(name) && i + 1 < args.size()) {
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return value;
      }
      if (a.startsWith(name + "=")) {
        args.remove(i);
        return a.substring(name.length() + 1);
      }
    }
    return fallback;
  }
}
