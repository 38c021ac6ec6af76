package io.vibevault.orm.tests.models;

import static io.vibevault.orm.testkit.QueryAssertions.assertNumQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.ArgumentError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.execution.CapturedQuery;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** save (insert or update, updateFields), delete, refreshFromDb, pk, equality and toString. */
@DatabaseTest(models = {Gadget.class, Tag.class, AutoPk.class})
class InstancesTest {

  private static List<CapturedQuery> statements(Runnable action) {
    return Database.captureQueries(action).stream().filter(q -> !q.isTransactionControl()).toList();
  }

  @DbTest
  void saveInsertsThenUpdates() {
    Gadget g = new Gadget();
    g.code = "S1";
    assertThat(g.isPersisted()).isFalse();
    assertThat(g.pk()).isNull();
    List<CapturedQuery> first = statements(g::save);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).sql()).startsWith("INSERT");
    assertThat(g.pk()).isNotNull().isEqualTo(g.id);
    assertThat(g.isPersisted()).isTrue();
    g.nickname = "renamed";
    List<CapturedQuery> second = statements(g::save);
    assertThat(second).hasSize(1);
    assertThat(second.get(0).sql()).startsWith("UPDATE");
    assertThat(Gadget.objects.count()).isEqualTo(1);
    assertThat(Gadget.objects.get("pk", g.id).nickname).isEqualTo("renamed");
  }

  @DbTest
  void aLoadedObjectUpdates() {
    Gadget.objects.create("code", "L1");
    Gadget loaded = Gadget.objects.get("code", "L1");
    loaded.quantity = 10;
    List<CapturedQuery> ran = statements(loaded::save);
    assertThat(ran).singleElement().satisfies(q -> assertThat(q.sql()).startsWith("UPDATE"));
    assertThat(Gadget.objects.get("code", "L1").quantity).isEqualTo(10);
  }

  @DbTest
  void saveWithNamedFieldsWritesOnlyThoseColumns() {
    Gadget g = Gadget.objects.create("code", "F1");
    g.nickname = "written";
    g.quantity = 100;
    List<CapturedQuery> ran = statements(() -> g.save("nickname"));
    assertThat(ran).hasSize(1);
    String sql = ran.get(0).sql();
    String set = sql.substring(sql.indexOf(" SET ") + 5, sql.indexOf(" WHERE "));
    assertThat(set)
        .contains("nickname")
        .doesNotContain("qty_in_stock")
        .doesNotContain("updated_at");
    assertThat(set.split(",")).hasSize(1);
    Gadget back = Gadget.objects.get("pk", g.id);
    assertThat(back.nickname).isEqualTo("written");
    assertThat(back.quantity).as("not named, not written").isEqualTo(2);
    assertThatThrownBy(() -> g.save("nope")).isInstanceOf(ArgumentError.class);
    assertThatThrownBy(() -> g.save("id")).isInstanceOf(ArgumentError.class);
    Gadget unsaved = new Gadget();
    unsaved.code = "F2";
    unsaved.id = 99_999L;
    assertThatThrownBy(() -> unsaved.save("nickname")).isInstanceOf(DatabaseError.class);
  }

  @DbTest
  void saveAsNewRefusesAnExistingKey() {
    Gadget g = Gadget.objects.create("code", "N1");
    Gadget copy = new Gadget();
    copy.id = g.id;
    copy.code = "N2";
    assertThatThrownBy(copy::saveAsNew).isInstanceOf(IntegrityError.class);
  }

  @DbTest
  void deleteRemovesTheRow() {
    Gadget g = Gadget.objects.create("code", "D1");
    Gadget.objects.create("code", "D2");
    var result = g.delete();
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.perModel()).containsEntry("models.Gadget", 1L);
    assertThat(Gadget.objects.filter("code", "D1").exists()).isFalse();
    assertThat(Gadget.objects.count()).isEqualTo(1);
    assertThatThrownBy(() -> new Gadget().delete()).isInstanceOf(ArgumentError.class);
  }

  @DbTest
  void refreshFromDbReloadsFields() {
    Gadget g = Gadget.objects.create("code", "R1");
    Gadget.objects.filter("pk", g.id).update("nickname", "elsewhere", "quantity", 40);
    assertThat(g.nickname).isEmpty();
    assertNumQueries(1, () -> g.refreshFromDb("nickname"));
    assertThat(g.nickname).isEqualTo("elsewhere");
    assertThat(g.quantity).as("only the named field").isEqualTo(2);
    g.refreshFromDb();
    assertThat(g.quantity).isEqualTo(40);
    Gadget.objects.filter("pk", g.id).delete();
    assertThatThrownBy(g::refreshFromDb).isInstanceOf(ObjectDoesNotExist.class);
  }

  @DbTest
  void deferredFieldsLoadOnRefresh() {
    Gadget.objects.create("code", "Q1", "nickname", "nick");
    Gadget partial = Gadget.objects.only("code").get("code", "Q1");
    assertThat(partial.isDeferred("nickname")).isTrue();
    assertThat(partial.nickname).isNotEqualTo("nick");
    partial.refreshFromDb("nickname");
    assertThat(partial.nickname).isEqualTo("nick");
    assertThat(partial.isDeferred("nickname")).isFalse();
    Gadget deferred = Gadget.objects.defer("nickname", "notes").get("code", "Q1");
    assertThat(deferred.deferredFields()).containsExactlyInAnyOrder("nickname", "notes");
    deferred.quantity = 6;
    deferred.save();
    assertThat(Gadget.objects.get("code", "Q1").nickname)
        .as("saving a partly loaded object leaves deferred columns alone")
        .isEqualTo("nick");
  }

  @DbTest
  void equalityIsByModelAndPrimaryKey() {
    Gadget a = Gadget.objects.create("code", "E1");
    Gadget again = Gadget.objects.get("pk", a.id);
    assertThat(again).isNotSameAs(a).isEqualTo(a).hasSameHashCodeAs(a);
    Tag tag = Tag.objects.create("name", "t");
    assertThat(tag.id).isEqualTo(a.id);
    assertThat((Object) tag).as("same pk, other model").isNotEqualTo(a);
    Gadget u1 = new Gadget();
    Gadget u2 = new Gadget();
    assertThat(u1).isNotEqualTo(u2).isEqualTo(u1);
    Set<Gadget> set = new HashSet<>(List.of(a, again, Gadget.objects.create("code", "E2")));
    assertThat(set).hasSize(2);
  }

  @DbTest
  void pkFollowsTheDeclaredPrimaryKey() {
    AutoPk a = AutoPk.objects.create("label", "x");
    assertThat(a.pk()).isEqualTo(a.number);
    AutoPk b = new AutoPk();
    b.setPk(777);
    b.label = "chosen";
    b.save();
    assertThat(AutoPk.objects.get("number", 777).label).isEqualTo("chosen");
    assertThat(AutoPk.objects.filter("pk__in", List.of(777, a.number)).count()).isEqualTo(2);
  }

  @DbTest
  void toStringIsReadable() {
    Gadget g = Gadget.objects.create("code", "T1");
    String text = g.toString();
    assertThat(text).startsWith("Gadget").contains("id=" + g.id).contains("T1");
    Gadget longName = new Gadget();
    longName.code = "x";
    longName.nickname = "n".repeat(30);
    assertThat(new Gadget().toString()).startsWith("Gadget").contains("id=null");
  }
}
