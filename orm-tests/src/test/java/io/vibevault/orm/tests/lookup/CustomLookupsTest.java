package io.vibevault.orm.tests.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.lookup.LookupRegistry;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.query.Q;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** Lookups and transforms registered by the application (Django's register_lookup). */
@DatabaseTest(models = {Article.class})
class CustomLookupsTest {

  @BeforeAll
  static void register() {
    LookupRegistry.registerLookup(FieldKind.CHAR, "ne", NotEqual::new);
    LookupRegistry.registerLookup(FieldKind.INTEGER, "ne", NotEqual::new);
    LookupRegistry.registerTransform(FieldKind.INTEGER, "abs", AbsoluteValue::new);
  }

  private static void article(String headline, int views) {
    Article a = Article.make(headline);
    a.views = views;
    a.save();
  }

  private void seed() {
    article("minus thirty", -30);
    article("minus five", -5);
    article("five", 5);
    article("twenty", 20);
  }

  private static List<String> headlines(Object... conditions) {
    List<String> out =
        new ArrayList<>(
            Article.objects.filter(conditions).valuesList("headline").<String>flat().list());
    Collections.sort(out);
    return out;
  }

  @DbTest
  void customLookup() {
    seed();
    assertThat(headlines("headline__ne", "five"))
        .containsExactly("minus five", "minus thirty", "twenty");
    assertThat(headlines("views__ne", 5)).containsExactly("minus five", "minus thirty", "twenty");
    assertThat(Article.objects.exclude("views__ne", 5).count()).isEqualTo(1);
    assertThat(headlines(Q.of("views__ne", 20).and(Q.of("views__gt", 0)))).containsExactly("five");
    assertThat(Article.objects.filter("headline__ne", "five").query().sql()).contains("<>");
  }

  @DbTest
  void customTransformWithBuiltInAndCustomLookups() {
    seed();
    assertThat(headlines("views__abs", 5)).containsExactly("five", "minus five");
    assertThat(headlines("views__abs__lt", 27)).containsExactly("five", "minus five", "twenty");
    assertThat(headlines("views__abs__gte", 20)).containsExactly("minus thirty", "twenty");
    assertThat(headlines("views__abs__in", List.of(30, 20)))
        .containsExactly("minus thirty", "twenty");
    assertThat(headlines("views__abs__ne", 5)).containsExactly("minus thirty", "twenty");
    assertThat(Article.objects.filter("views__abs__lt", 27).query().sql()).contains("ABS(");
  }

  @DbTest
  void registeredNamesAppearInErrorChoicesAndStayPerKind() {
    seed();
    assertThatThrownBy(() -> headlines("views__absolutely", 1))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("abs")
        .hasMessageContaining("ne");
    assertThatThrownBy(() -> headlines("rating__abs", 1))
        .as("registered for integers only")
        .isInstanceOf(FieldError.class);
  }
}
