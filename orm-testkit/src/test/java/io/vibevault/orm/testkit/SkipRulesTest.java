package io.vibevault.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SkipRulesTest {
  @OnlyOn({"postgresql", "mariadb"})
  static class ServersOnly {
    @SkipOn(value = "mariadb", reason = "no DISTINCT ON")
    void distinctOn() {}

    @RequiresFeature({"hasSelectForUpdate", "hasSelectForUpdateSkipLocked"})
    void skipLocked() {}

    @RequiresFeature("hasTimeTravel")
    void unknownFeature() {}

    @OnlyOn("oracle")
    void unknownVendor() {}
  }

  private static List<AnnotatedElement> elements(String method) throws NoSuchMethodException {
    return List.of(ServersOnly.class.getDeclaredMethod(method), ServersOnly.class);
  }

  @AfterEach
  void reset() {
    FakeBackend.reset();
  }

  @Test
  void onlyOnOnTheClassSkipsOtherVendors() throws Exception {
    assertThat(SkipRules.vendorSkipReason(Vendor.SQLITE, elements("skipLocked")))
        .hasValue("@OnlyOn(postgresql, mariadb): not run on sqlite");
    assertThat(SkipRules.vendorSkipReason(Vendor.POSTGRESQL, elements("skipLocked"))).isEmpty();
  }

  @Test
  void skipOnGivesItsReason() throws Exception {
    assertThat(SkipRules.vendorSkipReason(Vendor.MARIADB, elements("distinctOn")))
        .hasValue("@SkipOn(mariadb): no DISTINCT ON");
    assertThat(SkipRules.vendorSkipReason(Vendor.POSTGRESQL, elements("distinctOn"))).isEmpty();
  }

  @Test
  void anUnknownVendorNameIsAnError() {
    assertThatThrownBy(
            () -> SkipRules.vendorSkipReason(Vendor.POSTGRESQL, elements("unknownVendor")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'oracle'")
        .hasMessageContaining("sqlite, postgresql, mariadb");
  }

  @Test
  void missingFeaturesAreTheOnesAnsweringFalse() throws Exception {
    FakeBackend.TRUE_FEATURES.add("hasSelectForUpdate");
    List<String> required = SkipRules.requiredFeatures(elements("skipLocked"));

    assertThat(required).containsExactly("hasSelectForUpdate", "hasSelectForUpdateSkipLocked");
    assertThat(SkipRules.missingFeatures(new FakeBackend().features(), required))
        .containsExactly("hasSelectForUpdateSkipLocked");
  }

  @Test
  void anUnknownFeatureIsAnErrorListingTheBooleanFeatures() throws Exception {
    List<String> required = SkipRules.requiredFeatures(elements("unknownFeature"));

    assertThatThrownBy(() -> SkipRules.missingFeatures(new FakeBackend().features(), required))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"hasTimeTravel\"")
        .hasMessageContaining("hasSelectForUpdateSkipLocked");
  }

  @Test
  void onlyBooleanNoArgumentMethodsAreFeatures() {
    assertThat(SkipRules.booleanFeatures())
        .contains("supportsJsonContains", "canReturnRowsFromInsert")
        .doesNotContain("maxQueryParams", "explainOptions");
    assertThatThrownBy(
            () ->
                SkipRules.missingFeatures(new FakeBackend().features(), List.of("maxQueryParams")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
