package io.vibevault.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.testkit.DatabaseSelection.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSelectionTest {
  private static DatabaseSelection parse(Map<String, String> variables) {
    return DatabaseSelection.parse(variables::get);
  }

  @Test
  void unsetRequiresSqliteAndProbesTheServersAtTheirDefaultUrls() {
    DatabaseSelection selection = parse(Map.of());

    assertThat(selection.isExplicit()).isFalse();
    assertThat(selection.targets())
        .extracting(t -> t.vendor().label(), Target::required)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sqlite", true),
            org.assertj.core.groups.Tuple.tuple("postgresql", false),
            org.assertj.core.groups.Tuple.tuple("mariadb", false));
    Target postgres = selection.targets().get(1);
    assertThat(postgres.settings().toString())
        .isEqualTo("postgresql://postgres@127.0.0.1:5432/test");
    Target mariadb = selection.targets().get(2);
    assertThat(mariadb.settings().vendor()).isEqualTo("mysql");
    assertThat(mariadb.settings().toString()).isEqualTo("mysql://root@127.0.0.1:3306/test");
    assertThat(selection.targets().get(0).settings().vendor()).isEqualTo("sqlite");
  }

  @Test
  void blankCountsAsUnset() {
    assertThat(parse(Map.of("VIBEVAULT_TEST_DATABASES", "  ")).isExplicit()).isFalse();
  }

  @Test
  void aListRequiresExactlyThoseInItsOrder() {
    DatabaseSelection selection =
        parse(Map.of("VIBEVAULT_TEST_DATABASES", " MariaDB, sqlite,,mariadb "));

    assertThat(selection.isExplicit()).isTrue();
    assertThat(selection.targets())
        .extracting(t -> t.vendor().label())
        .containsExactly("mariadb", "sqlite");
    assertThat(selection.targets()).allMatch(Target::required);
  }

  @Test
  void anExplicitServerIsRequired() {
    DatabaseSelection selection = parse(Map.of("VIBEVAULT_TEST_DATABASES", "postgresql"));

    assertThat(selection.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.vendor()).isEqualTo(Vendor.POSTGRESQL);
              assertThat(t.required()).isTrue();
              assertThat(t.displayName()).isEqualTo("[postgresql]");
            });
  }

  @Test
  void anUnknownNameIsAnErrorListingTheChoices() {
    assertThatThrownBy(() -> parse(Map.of("VIBEVAULT_TEST_DATABASES", "sqlite,oracle")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VIBEVAULT_TEST_DATABASES=sqlite,oracle")
        .hasMessageContaining("'oracle'")
        .hasMessageContaining("sqlite, postgresql, mariadb");
  }

  @Test
  void aListOfOnlyCommasIsAnError() {
    assertThatThrownBy(() -> parse(Map.of("VIBEVAULT_TEST_DATABASES", ", ,")))
        .hasMessageContaining("names no database");
  }

  @Test
  void urlVariablesOverrideTheDefaults() {
    DatabaseSelection selection =
        parse(
            Map.of(
                "VIBEVAULT_TEST_DATABASES", "postgresql,mariadb",
                "VIBEVAULT_TEST_POSTGRESQL_URL", "postgresql://ci:secret@db.example:6543/base",
                "VIBEVAULT_TEST_MARIADB_URL", "mysql://app@10.0.0.5/base"));

    Target postgres = selection.targets().get(0);
    assertThat(postgres.settings().host()).isEqualTo("db.example");
    assertThat(postgres.settings().port()).isEqualTo(6543);
    assertThat(postgres.settings().password()).isEqualTo("secret");
    assertThat(selection.targets().get(1).settings().host()).isEqualTo("10.0.0.5");
  }

  @Test
  void aUrlOfAnotherVendorIsAnErrorNamingTheVariable() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "VIBEVAULT_TEST_DATABASES", "postgresql",
                        "VIBEVAULT_TEST_POSTGRESQL_URL", "mariadb://root:pw@127.0.0.1/test")))
        .hasMessageContaining("VIBEVAULT_TEST_POSTGRESQL_URL must be a postgresql URL")
        .hasMessageNotContaining("pw");
  }

  @Test
  void aMalformedUrlIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> parse(Map.of("VIBEVAULT_TEST_MARIADB_URL", "nonsense")))
        .hasMessageStartingWith("VIBEVAULT_TEST_MARIADB_URL: ");
  }

  @Test
  void configurationParametersAreTheVariablesInLowerCaseWithDots() {
    assertThat(DatabaseSelection.parameterName("VIBEVAULT_TEST_DATABASES"))
        .isEqualTo("vibevault.test.databases");
    assertThat(DatabaseSelection.parameterName("VIBEVAULT_TEST_POSTGRESQL_URL"))
        .isEqualTo("vibevault.test.postgresql.url");
  }
}
