package io.vibevault.orm.tests.guide;

import static io.vibevault.orm.testkit.QueryAssertions.assertNoQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Signals;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/** docs/models.md beyond the guide's model. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class, Note.class})
class ModelsDocTest {

  @DbTest
  void abstractModelsGiveTheirFields() {
    ModelMeta meta = ModelMeta.of(Note.class);
    assertThat(meta.dbTable()).isEqualTo("notes");
    assertThat(meta.concreteFields())
        .extracting(Field::column)
        .startsWith("id", "created_at", "updated_at", "title");
    assertThatThrownBy(() -> ModelMeta.of(TimeStamped.class)).isInstanceOf(FieldError.class);

    Note note = new Note();
    note.title = "Hello";
    note.slug = "hello";
    note.save();
    assertThat(note.createdAt).isNotNull();
    assertThat(note.toString()).startsWith("Note{id=1, createdAt=");
    assertThat(note.pk()).isEqualTo(1L);
    assertThat(note.isPersisted()).isTrue();
    assertThat(Note.objects.get("id", 1)).isEqualTo(note).isNotSameAs(note);
    assertThat(new Note()).isNotEqualTo(new Note());
    assertThatThrownBy(note::saveAsNew).isInstanceOf(IntegrityError.class);
  }

  @DbTest
  void fullCleanListsEveryFieldsErrors() {
    Note note = new Note();
    note.title = "HELLO";
    note.slug = "not a slug";
    note.contact = "nobody";
    assertThatThrownBy(note::fullClean)
        .isInstanceOfSatisfying(
            ValidationError.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("title", List.of("Please don't shout."))
                    .containsKeys("slug", "contact"));
    note.fullClean("title", "slug", "contact"); // excluded fields are not checked
    note.title = "Hello";
    note.slug = "hello";
    note.contact = "ada@example.com";
    note.fullClean();
  }

  @DbTest
  void valuesAreCheckedBeforeTheDatabaseSeesThem() {
    User user = User.objects.create("username", "demo");
    Memory m = new Memory();
    m.user.set(user);
    m.title = "x".repeat(256);
    m.text = "";
    m.mediaType = MediaType.TEXT;
    m.mediaFile = "";
    assertNoQueries(() -> assertThatThrownBy(m::save).isInstanceOf(ValidationError.class));
    m.title = "ok";
    m.mediaType = null;
    assertNoQueries(
        () ->
            assertThatThrownBy(m::save)
                .isInstanceOf(IntegrityError.class)
                .hasMessage("NOT NULL constraint failed: memories.media_type"));
    assertThat(ModelMeta.of(Memory.class).field("mediaFile").uploadTo())
        .isEqualTo("memories/%Y/%m/%d/");
  }

  @DbTest
  void constraintsAreEnforcedByTheDatabase() {
    Note.objects.create("title", "Hello", "slug", "hello");
    assertThatThrownBy(() -> Note.objects.create("title", "Hello", "slug", "hello"))
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> Note.objects.create("title", "Sad", "slug", "sad", "likeCount", -1))
        .isInstanceOf(IntegrityError.class);
    assertNoQueries(
        () ->
            assertThatThrownBy(() -> Note.objects.filter("secret", "x").list())
                .isInstanceOf(FieldError.class));
  }

  @DbTest
  void signals() {
    List<String> events = new ArrayList<>();
    Runnable disconnect =
        Signals.postSave(
            Note.class,
            e -> events.add((e.created() ? "created " : "saved ") + e.instance().title));
    Runnable disconnectDelete = Signals.postDelete(Note.class, e -> events.add("deleted"));
    try {
      Note note = Note.objects.create("title", "One", "slug", "one");
      note.title = "Two";
      note.save();
      Note.objects.filter("id", note.id).update("title", "Three"); // bulk: no signal
      Note other = new Note();
      other.title = "Four";
      other.slug = "four";
      Note.objects.bulkCreate(List.of(other)); // bulk: no signal
      note.delete();
      assertThat(events).containsExactly("created One", "saved Two", "deleted");

      Runnable refuse =
          Signals.preSave(
              Note.class,
              e -> {
                throw new IllegalStateException("refused");
              });
      try {
        assertThatThrownBy(
                () ->
                    Transaction.atomic(() -> Note.objects.create("title", "Five", "slug", "five")))
            .isInstanceOf(IllegalStateException.class);
      } finally {
        refuse.run();
      }
      assertThat(Note.objects.filter("title", "Five").exists()).isFalse();
    } finally {
      disconnect.run();
      disconnectDelete.run();
    }
  }
}
