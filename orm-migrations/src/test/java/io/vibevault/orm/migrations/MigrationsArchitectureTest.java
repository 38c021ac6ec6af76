package io.vibevault.orm.migrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md's rule for this module as a checked fact: migrations drive DDL only through the core
 * SchemaEditor contract. They name no vendor, and no operation or the autodetector runs SQL of its
 * own; the only statements outside the schema editor are the history table's rows (the recorder)
 * and a data migration's rows (historical models).
 */
@AnalyzeClasses(
    packages = "io.vibevault.orm.migrations",
    importOptions = {ImportOption.DoNotIncludeTests.class})
class MigrationsArchitectureTest {
  @ArchTest
  static final ArchRule namesNoVendor =
      noClasses()
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
          .because("vendor DDL lives in the backends' schema editors");

  @ArchTest
  static final ArchRule ddlOnlyThroughTheSchemaEditor =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.vibevault.orm.migrations.operations..",
              "io.vibevault.orm.migrations.autodetect..",
              "io.vibevault.orm.migrations.state..",
              "io.vibevault.orm.migrations.graph..",
              "io.vibevault.orm.migrations.io..")
          .should()
          .callMethod(
              io.vibevault.orm.execution.DatabaseConnection.class,
              "execute",
              String.class,
              java.util.List.class)
          .because("schema changes go through SchemaEditor, which backends implement");

  @ArchTest
  static final ArchRule noQueryInternals =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vibevault.orm.sql..")
          .because("migrations work on model metadata and the backend contract, not the compiler");
}
