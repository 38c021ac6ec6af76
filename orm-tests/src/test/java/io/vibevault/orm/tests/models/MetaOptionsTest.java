package io.vibevault.orm.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.Database;
import io.vibevault.orm.exception.FieldError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.Field;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;

/** Meta: table name, ordering, names, indexes and constraints, abstract bases, default manager. */
@DatabaseTest(models = {Booking.class, Post.class, SoftNote.class, Memory.class})
class MetaOptionsTest {

  @DbTest
  void dbTableNamesTheTable() {
    Booking.of("101", "ada", "2024-07-01", 2).save();
    try (Cursor c = Database.connection().cursor()) {
      c.execute("SELECT COUNT(*) FROM room_bookings");
      assertThat(((Number) c.fetchOne()[0]).intValue()).isEqualTo(1);
    }
    assertThat(ModelMeta.of(Booking.class).dbTable()).isEqualTo("room_bookings");
    assertThat(ModelMeta.of(Post.class).dbTable()).isEqualTo("models_post");
    assertThat(ModelMeta.of(Memory.class).dbTable()).isEqualTo("memories");
  }

  @DbTest
  void orderingIsTheDefaultOrder() {
    Booking.of("102", "bob", "2024-07-01", 1).save();
    Booking.of("101", "ann", "2024-07-01", 1).save();
    Booking.of("101", "ada", "2024-07-03", 1).save();
    assertThat(Booking.objects.all().list())
        .extracting(b -> b.room + "/" + b.day)
        .containsExactly("101/2024-07-03", "101/2024-07-01", "102/2024-07-01");
    assertThat(ModelMeta.of(Booking.class).ordering()).containsExactly("room", "-day");
    assertThat(Booking.objects.orderBy("guest").list())
        .extracting(b -> b.guest)
        .containsExactly("ada", "ann", "bob");
  }

  @DbTest
  void verboseNames() {
    assertThat(ModelMeta.of(Booking.class).verboseName()).isEqualTo("room booking");
    assertThat(ModelMeta.of(Booking.class).verboseNamePlural()).isEqualTo("room bookings");
    assertThat(ModelMeta.of(Memory.class).verboseName()).isEqualTo("memory");
    assertThat(ModelMeta.of(Memory.class).verboseNamePlural()).isEqualTo("memories");
    assertThat(ModelMeta.of(SoftNote.class).verboseName()).isEqualTo("soft note");
  }

  @DbTest
  void compositeIndexesExist(TestDatabase db) {
    assertThat(Catalog.indexes(db.vendor(), "room_bookings"))
        .as("named composite index")
        .containsEntry("booking_room_day_idx", List.of("room", "day"));
    assertThat(Catalog.hasIndexOn(db.vendor(), "memories", "user_id", "created_at"))
        .as("%s", Catalog.indexes(db.vendor(), "memories"))
        .isTrue();
    assertThat(Catalog.hasIndexOn(db.vendor(), "memories", "analysis_status"))
        .as("dbIndex on analysisStatus")
        .isTrue();
  }

  @DbTest
  void uniqueConstraintAndUniqueTogether() {
    Booking.of("101", "ada", "2024-07-01", 2).save();
    assertThatThrownBy(() -> Booking.of("101", "bob", "2024-07-01", 1).save())
        .as("room and day are unique together (UniqueConstraint)")
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> Booking.of("202", "ada", "2024-07-01", 1).save())
        .as("guest and day are unique together (uniqueTogether)")
        .isInstanceOf(IntegrityError.class);
    Booking.of("101", "bob", "2024-07-02", 1).save();
    Booking.of("202", "ada", "2024-07-02", 1).save();
    assertThat(Booking.objects.count()).isEqualTo(3);
    assertThat(ModelMeta.of(Booking.class).uniqueConstraints())
        .singleElement()
        .satisfies(u -> assertThat(u.fields()).containsExactly("room", "day"));
    assertThat(ModelMeta.of(Booking.class).uniqueTogether())
        .containsExactly(List.of("guest", "day"));
  }

  @DbTest
  void checkConstraintsAreEnforcedByTheDatabase() {
    assertThatThrownBy(() -> Booking.of("101", "ada", "2024-07-01", 0).save())
        .isInstanceOf(IntegrityError.class);
    assertThatThrownBy(() -> Booking.of("101", "ada", "2024-07-01", 31).save())
        .isInstanceOf(IntegrityError.class);
    Booking ok = Booking.of("101", "ada", "2024-07-01", 30);
    ok.save();
    assertThatThrownBy(() -> Booking.objects.filter("pk", ok.id).update("nights", -1))
        .isInstanceOf(IntegrityError.class);
    assertThat(Booking.objects.get("pk", ok.id).nights).isEqualTo(30);
  }

  @DbTest
  void abstractBaseModelsLendTheirFields() {
    ModelMeta post = ModelMeta.of(Post.class);
    assertThat(post.concreteFields())
        .extracting(Field::name)
        .containsExactly("id", "createdAt", "updatedAt", "title");
    assertThat(post.field("createdAt").isAutoNowAdd()).isTrue();
    Post p = Post.objects.create("title", "hello");
    assertThat(p.createdAt).isNotNull();
    Post back = Post.objects.get("pk", p.id);
    assertThat(back.createdAt).isEqualTo(p.createdAt);
    assertThat(Post.objects.filter("createdAt__lte", Instant.now().plusSeconds(60)).count())
        .isEqualTo(1);
    assertThatThrownBy(() -> ModelMeta.of(Timestamped.class))
        .isInstanceOf(FieldError.class)
        .hasMessageContaining("abstract");
  }

  @DbTest
  void defaultManagerNameAndTheSoftDeletePattern() {
    assertThat(ModelMeta.of(SoftNote.class).defaultManagerName()).isEqualTo("activeObjects");
    SoftNote keep = SoftNote.allObjects.create("title", "keep");
    SoftNote gone = SoftNote.allObjects.create("title", "gone");
    gone.delete();
    assertThat(SoftNote.activeObjects.all().list()).containsExactly(keep);
    assertThat(SoftNote.allObjects.count()).isEqualTo(2);
    assertThat(SoftNote.allObjects.get("pk", gone.id).isDeleted).isTrue();
  }
}
