package io.vibevault.orm.tests.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.model.Signals;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * preSave, postSave, preDelete, postDelete: sent by save() and delete(), not by bulk operations.
 */
@DatabaseTest(models = {Tag.class, Gadget.class, Memory.class})
class SignalsTest {
  private final List<String> events = new ArrayList<>();
  private final List<Runnable> disconnect = new ArrayList<>();

  @BeforeEach
  void connect() {
    disconnect.add(
        Signals.preSave(
            Tag.class,
            e ->
                events.add(
                    "preSave "
                        + e.instance().name
                        + " created="
                        + e.created()
                        + " pk="
                        + e.instance().id)));
    disconnect.add(
        Signals.postSave(
            Tag.class,
            e ->
                events.add(
                    "postSave "
                        + e.instance().name
                        + " created="
                        + e.created()
                        + " pk="
                        + (e.instance().id != null))));
    disconnect.add(Signals.preDelete(Tag.class, e -> events.add("preDelete " + e.instance().name)));
    disconnect.add(
        Signals.postDelete(Tag.class, e -> events.add("postDelete " + e.instance().name)));
  }

  @AfterEach
  void disconnectAll() {
    disconnect.forEach(Runnable::run);
  }

  @DbTest
  void saveSendsPreAndPostSave() {
    Tag t = new Tag();
    t.name = "a";
    t.save();
    t.name = "b";
    t.save();
    Tag.objects.create("name", "c");
    assertThat(events)
        .containsExactly(
            "preSave a created=true pk=null",
            "postSave a created=true pk=true",
            "preSave b created=false pk=" + t.id,
            "postSave b created=false pk=true",
            "preSave c created=true pk=null",
            "postSave c created=true pk=true");
  }

  @DbTest
  void aReceiverSeesTheDatabaseAlias() {
    List<String> dbs = new ArrayList<>();
    Runnable off = Signals.postSave(Tag.class, e -> dbs.add(e.db()));
    try {
      Tag.objects.create("name", "x");
    } finally {
      off.run();
    }
    assertThat(dbs).containsExactly("default");
  }

  @DbTest
  void deleteSendsPreAndPostDeleteForEachObject() {
    Tag a = Tag.objects.create("name", "a");
    Tag.objects.create("name", "b");
    Tag.objects.create("name", "c");
    events.clear();
    a.delete();
    assertThat(events).containsExactly("preDelete a", "postDelete a");
    events.clear();
    Tag.objects.filter("name__in", List.of("b", "c")).delete();
    assertThat(events)
        .as("a QuerySet delete sends them for every object, as in Django")
        .containsExactlyInAnyOrder("preDelete b", "preDelete c", "postDelete b", "postDelete c");
  }

  @DbTest
  void bulkOperationsSendNoSignals() {
    Tag x = new Tag();
    x.name = "x";
    Tag y = new Tag();
    y.name = "y";
    Tag.objects.bulkCreate(List.of(x, y));
    x.name = "x2";
    Tag.objects.bulkUpdate(List.of(x), "name");
    Tag.objects.filter("name", "y").update("name", "y2");
    assertThat(events).isEmpty();
    assertThat(Tag.objects.count()).isEqualTo(2);
  }

  @DbTest
  void aDisconnectedReceiverHearsNothing() {
    disconnectAll();
    disconnect.clear();
    Tag.objects.create("name", "quiet");
    assertThat(events).isEmpty();
  }

  @DbTest
  void receiversAreScopedToTheirModel() {
    Gadget.objects.create("code", "G");
    assertThat(events).isEmpty();
  }
}
