package io.vibevault.orm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md as checked facts: the core names no database vendor, and inside the
 * core the arrows point one way ({@code query → sql → backend}; expressions and lookups are
 * compiled by {@code sql} and never reach back into {@code query}). Rules on packages that may
 * still be empty allow an empty selection, so they start holding the moment code lands there.
 */
@AnalyzeClasses(
    packages = "io.vibevault.orm",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreNamesNoVendor =
      noClasses()
          .that()
          .resideInAPackage("io.vibevault.orm..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.sqlite..",
              "org.postgresql..",
              "org.mariadb..",
              "com.mysql..",
              "io.vibevault.orm.backend.sqlite..",
              "io.vibevault.orm.backend.postgresql..",
              "io.vibevault.orm.backend.mysql..")
          .because("vendor code lives in the backend modules, found through ServiceLoader");

  @ArchTest
  static final ArchRule sqlDoesNotImportQuery =
      noClasses()
          .that()
          .resideInAPackage("io.vibevault.orm.sql..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.vibevault.orm.query..")
          .because("QuerySets build the query description; the compiler never calls back")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule backendContractStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("io.vibevault.orm.backend..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.vibevault.orm.query..",
              "io.vibevault.orm.sql..",
              "io.vibevault.orm.expr..",
              "io.vibevault.orm.lookup..")
          .because("backends implement a contract below the query layers, not beside them")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule expressionsAndLookupsDoNotImportQuery =
      noClasses()
          .that()
          .resideInAnyPackage("io.vibevault.orm.expr..", "io.vibevault.orm.lookup..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.vibevault.orm.query..")
          .because("expressions and lookups are compiled by sql, which never imports query")
          .allowEmptyShould(true);

  /**
   * A plain walk over the sources: javac writes no {@code package-info.class} for a package-info
   * without annotations, so the compiled classes cannot tell.
   */
  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    Path sources = Path.of("src", "main", "java");
    assertThat(sources).as("run from the orm-core module directory").isDirectory();
    List<Path> missing;
    try (Stream<Path> dirs = Files.walk(sources)) {
      missing =
          dirs.filter(Files::isDirectory)
              .filter(ArchitectureTest::hasJavaSource)
              .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
              .map(sources::relativize)
              .sorted()
              .toList();
    }
    assertThat(missing)
        .as("packages without a package-info.java saying what they are for and who may use them")
        .isEmpty();
  }

  private static boolean hasJavaSource(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
