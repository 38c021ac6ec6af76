package io.vibevault.orm.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;

/** nullable, blank, default, unique, dbIndex, dbColumn, choices, names, validators, autoNow. */
@DatabaseTest(models = {Gadget.class, Everything.class})
class FieldOptionsTest {

  private static Gadget gadget(String code) {
    Gadget g = new Gadget();
    g.code = code;
    return g;
  }

  private static Object rawColumn(String column, Object id) {
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT " + column + " FROM models_gadget WHERE id = %s", id);
      return c.fetchOne()[0];
    }
  }

  @DbTest
  void theJavaInitializerIsTheDefault() {
    ModelMeta meta = ModelMeta.of(Gadget.class);
    assertThat(meta.field("quantity").hasDefault()).isTrue();
    assertThat(meta.field("quantity").defaultValue()).isEqualTo(2);
    assertThat(meta.field("active").defaultValue()).isEqualTo(true);
    assertThat(meta.field("kind").defaultValue()).isEqualTo(MediaType.TEXT);
    assertThat(meta.field("notes").hasDefault()).isFalse();
    Gadget g = Gadget.objects.create("code", "G1");
    Gadget back = Gadget.objects.get("pk", g.id);
    assertThat(back.quantity).isEqualTo(2);
    assertThat(back.active).isTrue();
    assertThat(back.kind).isEqualTo(MediaType.TEXT);
    assertThat(back.nickname).isEmpty();
    assertThat(back.notes).isNull();
  }

  @DbTest
  void nullableAndNotNull() {
    Gadget g = gadget("N1");
    g.notes = null;
    g.save();
    assertThat(Gadget.objects.get("pk", g.id).notes).isNull();
    assertThatThrownBy(() -> gadget(null).save()).isInstanceOf(IntegrityError.class);
    assertThat(Gadget.objects.count()).isEqualTo(1);
  }

  @DbTest
  void blankDecidesWhetherAnEmptyValuePassesFullClean() {
    Gadget g = gadget("B1");
    g.nickname = "";
    g.notes = null;
    g.fullClean();
    Gadget empty = gadget("");
    assertThatThrownBy(empty::fullClean)
        .isInstanceOfSatisfying(
            ValidationError.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("code", List.of("This field cannot be blank.")));
  }

  @DbTest
  void uniqueIsEnforcedByTheDatabase() {
    gadget("U1").save();
    assertThatThrownBy(() -> gadget("U1").save())
        .isInstanceOf(IntegrityError.class)
        .hasCauseInstanceOf(java.sql.SQLException.class);
    assertThat(ModelMeta.of(Gadget.class).field("code").isUnique()).isTrue();
  }

  @DbTest
  void dbIndexAndDbColumn(TestDatabase db) {
    assertThat(Catalog.hasIndexOn(db.vendor(), "models_gadget", "kind"))
        .as("%s", Catalog.indexes(db.vendor(), "models_gadget"))
        .isTrue();
    assertThat(Catalog.hasIndexOn(db.vendor(), "models_gadget", "notes")).isFalse();
    Field quantity = ModelMeta.of(Gadget.class).field("quantity");
    assertThat(quantity.column()).isEqualTo("qty_in_stock");
    Gadget g = gadget("C1");
    g.quantity = 42;
    g.save();
    assertThat(((Number) rawColumn("qty_in_stock", g.id)).intValue()).isEqualTo(42);
    assertThat(Gadget.objects.filter("quantity", 42).count()).isEqualTo(1);
    assertThat(Gadget.objects.filter("quantity__gte", 40).valuesList("quantity").flat().list())
        .containsExactly(42);
  }

  @DbTest
  void choicesAreStoredByValueAndReadBackAsConstants() {
    Gadget g = gadget("E1");
    g.kind = MediaType.PHOTO;
    g.priority = Priority.HIGH;
    g.save();
    assertThat(rawColumn("kind", g.id)).isEqualTo("photo");
    assertThat(((Number) rawColumn("priority", g.id)).intValue()).isEqualTo(10);
    Gadget back = Gadget.objects.get("pk", g.id);
    assertThat(back.kind).isSameAs(MediaType.PHOTO);
    assertThat(back.priority).isSameAs(Priority.HIGH);
    assertThat(back.kind.label()).isEqualTo("Photo");
    assertThat(Gadget.objects.filter("kind", MediaType.PHOTO).count()).isEqualTo(1);
    assertThat(Gadget.objects.filter("kind", "photo").count()).isEqualTo(1);
    assertThat(Gadget.objects.filter("kind__in", List.of(MediaType.AUDIO, MediaType.PHOTO)).count())
        .isEqualTo(1);
    assertThat(Gadget.objects.filter("priority__gte", Priority.LOW).count()).isEqualTo(1);
    assertThat(Gadget.objects.valuesList("kind").flat().list()).containsExactly(MediaType.PHOTO);
    assertThat(ModelMeta.of(Gadget.class).field("kind").choices()).isEqualTo(MediaType.class);
    assertThat(ModelMeta.of(Gadget.class).field("priority").choices()).isEqualTo(Priority.class);
  }

  @DbTest
  void verboseNamesAndHelpText() {
    ModelMeta meta = ModelMeta.of(Gadget.class);
    assertThat(meta.field("code").verboseName()).isEqualTo("product code");
    assertThat(meta.field("code").helpText()).isEqualTo("Printed on the box.");
    assertThat(meta.field("createdAt").verboseName()).isEqualTo("created at");
    assertThat(meta.field("nickname").helpText()).isEmpty();
    assertThat(meta.verboseName()).isEqualTo("gadget");
    assertThat(meta.verboseNamePlural()).isEqualTo("gadgets");
  }

  @DbTest
  void validatorsRunInFullClean() {
    Gadget g = gadget("V1");
    g.quantity = 3;
    assertThatThrownBy(g::fullClean)
        .isInstanceOfSatisfying(
            ValidationError.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("quantity", List.of("3 is not an even number.")));
    g.quantity = 4;
    g.fullClean();
  }

  @DbTest
  void fullCleanListsEveryFieldsErrorsAtOnce() {
    Gadget g = gadget(null);
    g.nickname = "n".repeat(31);
    g.quantity = 7;
    g.weight = -1;
    assertThatThrownBy(g::fullClean)
        .isInstanceOfSatisfying(
            ValidationError.class,
            e -> {
              assertThat(e.errors()).containsOnlyKeys("code", "nickname", "quantity", "weight");
              assertThat(e.errors().get("code")).containsExactly("This field cannot be null.");
              assertThat(e.errors().get("nickname").get(0)).contains("at most 30");
              assertThat(e.getMessage()).contains("code").contains("weight");
            });
    Everything bad = new Everything();
    bad.emailValue = "not an email";
    bad.urlValue = "javascript:alert(1)";
    bad.slugValue = "has space";
    assertThatThrownBy(bad::fullClean)
        .isInstanceOfSatisfying(
            ValidationError.class,
            e ->
                assertThat(e.errors())
                    .containsKeys("emailValue", "urlValue", "slugValue")
                    .containsEntry("emailValue", List.of("Enter a valid email address."))
                    .containsEntry("urlValue", List.of("Enter a valid URL."))
                    .as("a NULL without blank = true is not blank-clean, as in Django")
                    .containsEntry("intValue", List.of("This field cannot be blank.")));
    assertThat(Gadget.objects.count()).as("fullClean never writes").isZero();
  }

  @DbTest
  void autoNowAddOnInsertAndAutoNowOnEverySave() throws InterruptedException {
    Instant before = Instant.now().minusSeconds(1);
    Gadget g = Gadget.objects.create("code", "T1");
    assertThat(g.createdAt).isAfter(before);
    assertThat(g.updatedAt).isAfter(before);
    Instant created = g.createdAt;
    Instant firstUpdate = g.updatedAt;
    Thread.sleep(5);
    g.quantity = 8;
    g.save();
    Gadget back = Gadget.objects.get("pk", g.id);
    assertThat(back.createdAt).isEqualTo(created);
    assertThat(back.updatedAt).isAfter(firstUpdate);
    Gadget explicit = gadget("T2");
    explicit.createdAt = Instant.parse("2020-01-01T00:00:00Z");
    explicit.save();
    assertThat(Gadget.objects.get("code", "T2").createdAt)
        .as("an autoNowAdd value set before the first save is kept")
        .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
  }

  @DbTest
  void positiveIntegerRefusesNegativeValues() {
    Gadget g = gadget("P1");
    g.weight = -5;
    var ran =
        Database.captureQueries(
            () -> assertThatThrownBy(g::save).isInstanceOf(ValidationError.class));
    assertThat(ran).as("refused in Java").isEmpty();
    assertThat(Gadget.objects.count()).isZero();
  }
}
