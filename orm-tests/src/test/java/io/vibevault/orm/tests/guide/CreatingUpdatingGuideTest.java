package io.vibevault.orm.tests.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Guide, part 2 "Creating and updating": create, save, update, updateFields, bulk operations. */
@DatabaseTest(models = {User.class, Memory.class, Tag.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreatingUpdatingGuideTest {
  private GuideData data;

  private void seed() {
    data = GuideData.seed();
  }

  @Order(1)
  @DbTest
  void create() {
    seed();
    User requestUser = data.demo();
    Memory memory =
        GuideSql.capture(
            "create",
            () ->
                Memory.objects.create(
                    "user", requestUser,
                    "title", "New Memory",
                    "text", "Content here",
                    "mediaType", MediaType.TEXT,
                    "mediaFile", ""));
    assertThat(memory.id).isEqualTo(6L);
    assertThat(memory.createdAt).isNotNull();
    assertThat(Memory.objects.get("id", 6).text).isEqualTo("Content here");
  }

  @Order(2)
  @DbTest
  void instantiateThenSave() {
    seed();
    User requestUser = data.demo();
    Memory memory = new Memory();
    memory.user.set(requestUser);
    memory.title = "New";
    memory.mediaType = MediaType.TEXT;
    memory.mediaFile = "";
    memory.text = "Content";
    GuideSql.run("instantiate.save", memory::save);
    assertThat(memory.id).isEqualTo(6L);
    assertThat(memory.isPersisted()).isTrue();
    assertThat(Memory.objects.get("id", 6).text).isEqualTo("Content");
  }

  @Order(3)
  @DbTest
  void updateManyRows() {
    seed();
    User user = data.demo();
    long changed =
        GuideSql.capture(
            "update.bulk",
            () -> Memory.objects.filter("user", user).update("analysisStatus", "pending"));
    assertThat(changed).isEqualTo(3);
    assertThat(Memory.objects.filter("analysisStatus", AnalysisStatus.PENDING).count())
        .isEqualTo(3);
  }

  @Order(4)
  @DbTest
  void updateOneObject() {
    seed();
    Memory memory = Memory.objects.get("id", 5);
    memory.title = "Updated Title";
    GuideSql.run("update.single", memory::save); // every column
    assertThat(Memory.objects.get("id", 5).title).isEqualTo("Updated Title");
  }

  @Order(5)
  @DbTest
  void saveWithUpdateFields() {
    seed();
    Memory memory = Memory.objects.get("id", 5);
    memory.title = "New Title";
    memory.text = "not saved";
    GuideSql.run("save.updateFields", () -> memory.save("title")); // only the title
    Memory back = Memory.objects.get("id", 5);
    assertThat(back.title).isEqualTo("New Title");
    assertThat(back.text).isEqualTo("Nice walk in the park");
    assertThat(back.updatedAt).isEqualTo(data.park().updatedAt); // autoNow not in updateFields
  }

  @Order(6)
  @DbTest
  void bulkCreate() {
    seed();
    User user = data.demo();
    Memory one = new Memory();
    one.user.set(user);
    one.title = "Memory 1";
    one.text = "";
    one.mediaType = MediaType.TEXT;
    one.mediaFile = "";
    Memory two = new Memory();
    two.user.set(user);
    two.title = "Memory 2";
    two.text = "";
    two.mediaType = MediaType.TEXT;
    two.mediaFile = "";
    List<Memory> created =
        GuideSql.capture("bulkCreate", () -> Memory.objects.bulkCreate(List.of(one, two)));
    assertThat(created).containsExactly(one, two);
    assertThat(List.of(one.id, two.id)).containsExactly(6L, 7L); // keys set on every backend
    assertThat(Memory.objects.filter("title__startswith", "Memory ").count()).isEqualTo(2);
  }

  @Order(7)
  @DbTest
  void bulkUpdate() {
    seed();
    User user = data.demo();
    List<Memory> memories = Memory.objects.filter("user", user).list();
    for (Memory m : memories) {
      m.analysisStatus = AnalysisStatus.DONE;
    }
    long changed =
        GuideSql.capture("bulkUpdate", () -> Memory.objects.bulkUpdate(memories, "analysisStatus"));
    assertThat(changed).isEqualTo(3);
    assertThat(Memory.objects.filter("user", user, "analysisStatus", "done").count()).isEqualTo(3);
  }
}
