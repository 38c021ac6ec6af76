package io.vibevault.orm.migrations;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.execution.DatabaseConnection;
import io.vibevault.orm.migrations.autodetect.Autodetector;
import io.vibevault.orm.migrations.autodetect.MigrationArranger;
import io.vibevault.orm.migrations.autodetect.MigrationArranger.Planned;
import io.vibevault.orm.migrations.autodetect.Optimizer;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.executor.MigrationExecutor;
import io.vibevault.orm.migrations.executor.MigrationExecutor.MigrateOptions;
import io.vibevault.orm.migrations.executor.MigrationExecutor.Step;
import io.vibevault.orm.migrations.executor.MigrationExecutor.Target;
import io.vibevault.orm.migrations.graph.Migration;
import io.vibevault.orm.migrations.graph.Migration.Key;
import io.vibevault.orm.migrations.graph.MigrationGraph;
import io.vibevault.orm.migrations.io.MigrationFiles;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.AppConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The migration commands as a Java API (Django's {@code makemigrations}, {@code migrate}, {@code
 * showmigrations}, {@code sqlmigrate}, {@code squashmigrations}): what the command line calls, and
 * what an application embeds.
 *
 * <pre>{@code
 * Migrations migrations = Migrations.of(Path.of("src/main/resources/migrations"), new VaultApp());
 * migrations.makemigrations(MakeOptions.DEFAULT);      // writes vault/0001_initial.json
 * migrations.migrate();                                // applies everything
 * migrations.migrate("vault", "0005");                 // back (or forward) to vault.0005_...
 * migrations.migrate("vault", "zero");                 // unapplies every vault migration
 * migrations.showmigrations();                         // ["vault", " [X] 0001_initial", ...]
 * migrations.sqlmigrate("vault", "0006", false);       // the SQL of vault.0006_...
 * }</pre>
 */
public final class Migrations {
  private final Path directory;
  private final List<AppConfig> apps;
  private String alias = Database.DEFAULT;
  private Questioner questioner = Questioner.noInput();
  private Consumer<String> output = System.out::println;

  /** makemigrations options: apps (none = all), name, dry run, empty, merge. */
  public record MakeOptions(Set<String> apps, String name, boolean dryRun, boolean empty) {
    public static final MakeOptions DEFAULT = new MakeOptions(Set.of(), null, false, false);

    public MakeOptions withApps(String... labels) {
      return new MakeOptions(Set.of(labels), name, dryRun, empty);
    }

    public MakeOptions withName(String newName) {
      return new MakeOptions(apps, newName, dryRun, empty);
    }

    public MakeOptions asDryRun() {
      return new MakeOptions(apps, name, true, empty);
    }

    public MakeOptions asEmpty() {
      return new MakeOptions(apps, name, dryRun, true);
    }
  }

  private Migrations(Path directory, List<AppConfig> apps) {
    this.directory = directory;
    this.apps = List.copyOf(apps);
    Set<String> labels = new TreeSet<>();
    for (AppConfig app : apps) {
      if (!labels.add(app.label())) {
        throw new MigrationError("Two apps are labelled '" + app.label() + "'");
      }
      app.ready();
    }
  }

  /** The migrations of {@code apps}, stored under {@code directory/<app>/}. */
  public static Migrations of(Path directory, AppConfig... apps) {
    return new Migrations(directory, List.of(apps));
  }

  public static Migrations of(Path directory, List<? extends AppConfig> apps) {
    return new Migrations(directory, List.copyOf(apps));
  }

  /** Runs against this database alias (default {@code "default"}). */
  public Migrations using(String databaseAlias) {
    this.alias = databaseAlias;
    return this;
  }

  /** Who answers rename and default questions (default: {@link Questioner#noInput()}). */
  public Migrations questioner(Questioner q) {
    this.questioner = q;
    return this;
  }

  /** Where progress lines go (default: standard output). */
  public Migrations output(Consumer<String> lines) {
    this.output = lines;
    return this;
  }

  public List<AppConfig> apps() {
    return apps;
  }

  private AppConfig app(String label) {
    for (AppConfig a : apps) {
      if (a.label().equals(label)) {
        return a;
      }
    }
    throw new MigrationError(
        "No installed app with label '"
            + label
            + "'; installed: "
            + apps.stream().map(AppConfig::label).toList());
  }

  // ---------------------------------------------------------------- loading

  /** Every migration file of every app. */
  public List<Migration> load() {
    List<Migration> all = new ArrayList<>();
    for (AppConfig a : apps) {
      all.addAll(MigrationFiles.readApp(directory, a.migrationsModule(), a.label()));
    }
    return all;
  }

  /**
   * The graph of the migration files; a squash stands for the migrations it replaces unless only
   * some of those are recorded as applied.
   */
  public MigrationGraph graph(Set<Key> applied) {
    List<Migration> all = load();
    Set<Key> present = new java.util.HashSet<>();
    all.forEach(m -> present.add(m.key()));
    Set<Key> drop = new java.util.HashSet<>();
    for (Migration m : all) {
      if (m.replaces().isEmpty()) {
        continue;
      }
      long appliedCount = m.replaces().stream().filter(applied::contains).count();
      boolean partial = appliedCount > 0 && appliedCount < m.replaces().size();
      if (partial && m.replaces().stream().allMatch(present::contains)) {
        drop.add(m.key());
      } else {
        drop.addAll(m.replaces());
      }
    }
    return new MigrationGraph(all.stream().filter(m -> !drop.contains(m.key())).toList());
  }

  /** The state of the current model classes. */
  public ProjectState modelState() {
    return ProjectState.fromApps(apps);
  }

  // ---------------------------------------------------------------- makemigrations

  /** Whether the models have changes that no migration records ({@code makemigrations --check}). */
  public boolean hasChanges(String... appLabels) {
    MigrationGraph graph = graph(Set.of());
    Autodetector.Changes changes =
        new Autodetector(graph.leafState(), modelState(), CHECKING).changes(labels(appLabels));
    return !changes.isEmpty();
  }

  /**
   * Answers without asking and without failing: --check only needs to know that something changed.
   */
  private static final Questioner CHECKING =
      new Questioner() {
        @Override
        public boolean askRenameModel(
            io.vibevault.orm.model.ModelDefinition oldModel,
            io.vibevault.orm.model.ModelDefinition newModel) {
          return false;
        }

        @Override
        public boolean askRenameField(
            io.vibevault.orm.model.ModelDefinition model,
            io.vibevault.orm.model.FieldDefinition oldField,
            io.vibevault.orm.model.FieldDefinition newField) {
          return false;
        }

        @Override
        public Object askNotNullAddition(
            io.vibevault.orm.model.ModelDefinition model,
            io.vibevault.orm.model.FieldDefinition field) {
          return null;
        }

        @Override
        public Object askNotNullAlteration(
            io.vibevault.orm.model.ModelDefinition model,
            io.vibevault.orm.model.FieldDefinition field) {
          return null;
        }
      };

  private List<String> labels(String... appLabels) {
    if (appLabels.length > 0) {
      for (String l : appLabels) {
        app(l);
      }
      return List.of(appLabels);
    }
    return apps.stream().map(AppConfig::label).toList();
  }

  /**
   * Writes a migration for each app whose models changed (none when nothing changed) and returns
   * them; a dry run only returns them.
   */
  public List<Migration> makemigrations(MakeOptions options) {
    List<String> labels = labels(options.apps().toArray(String[]::new));
    MigrationGraph graph = graph(Set.of());
    graph.checkConsistent();
    List<Planned> plan = new ArrayList<>();
    if (options.empty()) {
      for (String l : labels) {
        plan.add(new Planned(l, List.of(), Set.of(), Set.of()));
      }
    } else {
      Autodetector.Changes changes =
          new Autodetector(graph.leafState(), modelState(), questioner).changes(labels);
      plan.addAll(MigrationArranger.arrange(changes));
    }
    if (plan.isEmpty()) {
      output.accept("No changes detected" + (options.apps().isEmpty() ? "" : " in " + labels));
      return List.of();
    }
    List<Migration> made = new ArrayList<>();
    Map<String, Migration> lastOfApp = new LinkedHashMap<>();
    for (Planned p : plan) {
      String app = p.app();
      boolean initial = graph.migrations(app).isEmpty();
      String suffix =
          options.name() != null ? options.name() : suggestName(p.operations(), initial);
      int number =
          lastOfApp.containsKey(app) ? lastOfApp.get(app).number() + 1 : nextNumber(graph, app);
      Key key = new Key(app, String.format("%04d_%s", number, suffix));
      Set<Key> deps = new LinkedHashSet<>();
      if (lastOfApp.containsKey(app)) {
        deps.add(lastOfApp.get(app).key());
      } else {
        deps.addAll(graph.leaves(app));
      }
      for (int i : p.dependsOn()) {
        deps.add(made.get(i).key());
      }
      for (String other : p.leavesOf()) {
        if (!graph.leaves(other).isEmpty()) {
          deps.addAll(graph.leaves(other));
        } else if (apps.stream().noneMatch(a -> a.label().equals(other))) {
          throw new MigrationError(
              "Models of app '" + app + "' point at app '" + other + "', which is not installed");
        }
      }
      // Every migration of an app that had none is initial, as in Django (0002_initial).
      Migration m =
          new Migration(app, key.name(), List.copyOf(deps), p.operations(), initial, List.of());
      made.add(m);
      lastOfApp.put(app, m);
      if (options.dryRun()) {
        output.accept("Migrations for '" + app + "' (dry run):");
      } else {
        Path file = MigrationFiles.write(directory, app(app).migrationsModule(), m);
        output.accept("Migrations for '" + app + "':");
        output.accept("  " + file);
      }
      for (Operation op : m.operations()) {
        output.accept("    - " + op.describe());
      }
    }
    return made;
  }

  /**
   * Django's names: {@code initial}, one operation's fragment, or several joined (or "_and_more").
   */
  static String suggestName(List<Operation> ops, boolean initial) {
    if (initial) {
      return "initial";
    }
    if (ops.isEmpty()) {
      return "custom";
    }
    List<String> fragments = ops.stream().map(Operation::nameFragment).distinct().toList();
    String joined = String.join("_", fragments);
    String name = joined.length() <= 52 ? joined : fragments.get(0) + "_and_more";
    name = name.replaceAll("[^a-z0-9_]", "_");
    return name.length() > 70 ? name.substring(0, 70) : name;
  }

  private static int nextNumber(MigrationGraph graph, String app) {
    return graph.migrations(app).stream().mapToInt(Migration::number).max().orElse(0) + 1;
  }

  /**
   * Writes a merge migration for each app with two or more leaf migrations ({@code makemigrations
   * --merge}); returns them (none without conflicts).
   */
  public List<Migration> merge(boolean dryRun) {
    return merge(dryRun, null);
  }

  /**
   * {@code makemigrations --merge [--name name]}, as Django's: for each app with two or more leaf
   * migrations, prints each branch's operations since their common ancestor, asks the questioner
   * ({@link Questioner#askMerge}; yes without a terminal), and writes {@code <n+1>_merge_<leaves>}
   * (or {@code <n+1>_<name>}) depending on the leaves. Returns the merges written (or shown, for a
   * dry run).
   */
  public List<Migration> merge(boolean dryRun, String name) {
    MigrationGraph graph = graph(Set.of());
    Merger merger = new Merger(graph, questioner, output);
    List<Migration> made = new ArrayList<>();
    for (Map.Entry<String, List<Key>> e : graph.conflicts().entrySet()) {
      Migration m = merger.merge(e.getKey(), e.getValue(), name);
      if (m == null) {
        continue;
      }
      made.add(m);
      if (!dryRun) {
        Path file = MigrationFiles.write(directory, app(e.getKey()).migrationsModule(), m);
        output.accept("Created new merge migration " + file);
      }
    }
    if (graph.conflicts().isEmpty()) {
      output.accept("No conflicts detected to merge.");
    }
    return made;
  }

  // ---------------------------------------------------------------- migrate

  private DatabaseConnection connection() {
    return Database.connection(alias);
  }

  private MigrationExecutor executor() {
    MigrationExecutor probe = new MigrationExecutor(connection(), graph(Set.of()), output);
    Set<Key> applied = probe.recorder().applied().keySet();
    return new MigrationExecutor(connection(), graph(applied), output);
  }

  /** Applies every unapplied migration of every app. */
  public List<Step> migrate() {
    return migrate(null, null, MigrateOptions.DEFAULT);
  }

  /** {@code migrate <app> <name>}; {@code name} may be a unique prefix ({@code 0005}) or "zero". */
  public List<Step> migrate(String app, String name) {
    return migrate(app, name, MigrateOptions.DEFAULT);
  }

  public List<Step> migrate(String app, String name, MigrateOptions options) {
    MigrationExecutor executor = executor();
    return executor.migrate(targets(app, name), options);
  }

  /** The steps {@code migrate} would take ({@code --plan}), without changing anything. */
  public List<Step> plan(String app, String name) {
    return executor().plan(targets(app, name));
  }

  private List<Target> targets(String app, String name) {
    MigrationGraph graph = graph(Set.of());
    List<Target> targets = new ArrayList<>();
    if (app == null) {
      for (AppConfig a : apps) {
        for (Key leaf : graph.leaves(a.label())) {
          targets.add(Target.of(leaf.app(), leaf.name()));
        }
      }
      return targets;
    }
    app(app);
    if (name == null) {
      List<Key> leaves = graph.leaves(app);
      if (leaves.isEmpty()) {
        throw new MigrationError("App '" + app + "' has no migrations");
      }
      leaves.forEach(l -> targets.add(Target.of(app, l.name())));
    } else if (name.equals("zero")) {
      targets.add(Target.zero(app));
    } else {
      targets.add(Target.of(app, resolveName(graph, app, name)));
    }
    return targets;
  }

  /** A full name or a unique prefix ({@code 0005}). */
  private static String resolveName(MigrationGraph graph, String app, String name) {
    List<String> matches =
        graph.migrations(app).stream()
            .map(Migration::name)
            .filter(n -> n.equals(name) || n.startsWith(name))
            .toList();
    if (matches.contains(name)) {
      return name;
    }
    if (matches.isEmpty()) {
      throw new MigrationError(
          "Cannot find a migration matching '" + name + "' from app '" + app + "'");
    }
    if (matches.size() > 1) {
      throw new MigrationError(
          "More than one migration matches '" + name + "' in app '" + app + "': " + matches);
    }
    return matches.get(0);
  }

  // ---------------------------------------------------------------- showmigrations, sqlmigrate

  /** Each app followed by its migrations, {@code [X]} applied, {@code [ ]} not. */
  public List<String> showmigrations(String... appLabels) {
    MigrationExecutor probe = new MigrationExecutor(connection(), graph(Set.of()), output);
    Map<Key, Integer> recorded = probe.recorder().applied();
    MigrationGraph graph = graph(recorded.keySet());
    List<String> lines = new ArrayList<>();
    for (String app : labels(appLabels)) {
      lines.add(app);
      List<Migration> ms = graph.migrations(app);
      if (ms.isEmpty()) {
        lines.add(" (no migrations)");
      }
      for (Migration m : ms) {
        boolean applied =
            recorded.containsKey(m.key()) && recorded.get(m.key()) == null
                || !m.replaces().isEmpty() && recorded.keySet().containsAll(m.replaces());
        boolean partial = recorded.containsKey(m.key()) && recorded.get(m.key()) != null;
        lines.add(
            " ["
                + (applied ? "X" : partial ? "-" : " ")
                + "] "
                + m.name()
                + (m.replaces().isEmpty()
                    ? ""
                    : " (" + m.replaces().size() + " squashed migrations)")
                + (partial ? " (" + recorded.get(m.key()) + " operations applied)" : ""));
      }
    }
    return lines;
  }

  /** {@code showmigrations --plan}: every migration in apply order, {@code [X]} when applied. */
  public List<String> showPlan() {
    MigrationExecutor probe = new MigrationExecutor(connection(), graph(Set.of()), output);
    Map<Key, Integer> recorded = probe.recorder().applied();
    MigrationGraph graph = graph(recorded.keySet());
    LinkedHashSet<Key> order = new LinkedHashSet<>();
    for (AppConfig a : apps) {
      for (Key leaf : graph.leaves(a.label())) {
        order.addAll(graph.forwardsPlan(leaf));
      }
    }
    List<String> lines = new ArrayList<>();
    for (Key k : order) {
      boolean applied = recorded.containsKey(k) && recorded.get(k) == null;
      lines.add("[" + (applied ? "X" : " ") + "]  " + k);
    }
    return lines;
  }

  /** The SQL of one migration, forwards or backwards ({@code sqlmigrate [--backwards]}). */
  public List<String> sqlmigrate(String app, String name, boolean backwards) {
    MigrationGraph graph = graph(Set.of());
    app(app);
    Migration m = graph.migration(new Key(app, resolveName(graph, app, name)));
    return new MigrationExecutor(connection(), graph, output).sql(m, backwards);
  }

  // ---------------------------------------------------------------- squashmigrations

  /**
   * Squashes the migrations of {@code app} from {@code start} (null: the first) to {@code end} into
   * one optimized migration that replaces them, and writes it.
   */
  public Migration squash(String app, String start, String end, String squashedName) {
    MigrationGraph graph = graph(Set.of());
    app(app);
    String endName = resolveName(graph, app, end);
    String startName =
        start == null ? graph.migrations(app).get(0).name() : resolveName(graph, app, start);
    List<Migration> range = new ArrayList<>();
    boolean inside = false;
    for (Migration m : graph.migrations(app)) {
      if (m.name().equals(startName)) {
        inside = true;
      }
      if (inside) {
        range.add(m);
      }
      if (m.name().equals(endName)) {
        break;
      }
    }
    if (range.isEmpty() || !range.get(range.size() - 1).name().equals(endName)) {
      throw new MigrationError("The migration range " + startName + ".." + endName + " is empty");
    }
    Set<Key> replaced = new LinkedHashSet<>();
    range.forEach(m -> replaced.add(m.key()));
    List<Operation> ops = new ArrayList<>();
    Set<Key> deps = new LinkedHashSet<>();
    for (Migration m : range) {
      ops.addAll(m.operations());
      for (Key d : m.dependencies()) {
        if (!replaced.contains(d)) {
          deps.add(d);
        }
      }
    }
    List<Operation> optimized = Optimizer.optimize(ops);
    String name =
        squashedName != null
            ? String.format("%04d_%s", range.get(0).number(), squashedName)
            : String.format("%04d_squashed_%s", range.get(0).number(), endName);
    Migration squashed =
        new Migration(
            app, name, List.copyOf(deps), optimized, range.get(0).initial(), List.copyOf(replaced));
    Path file = MigrationFiles.write(directory, app(app).migrationsModule(), squashed);
    output.accept(
        "Squashed "
            + range.size()
            + " migrations into "
            + file
            + " ("
            + ops.size()
            + " operations optimized to "
            + optimized.size()
            + ")");
    return squashed;
  }
}
