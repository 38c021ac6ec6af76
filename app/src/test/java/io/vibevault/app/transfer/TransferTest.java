package io.vibevault.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.analysis.AnalysisWorker;
import io.vibevault.app.analysis.Analyzer;
import io.vibevault.app.analysis.Embeddings;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.app.memories.Uploads;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class TransferTest {
  @DbTest
  void exportImportExportIsExact() throws Exception {
    Accounts accounts = new Accounts(new PasswordHasher(1024, 1, 1));
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    User ada = accounts.register("ada", "ada@x.io", "password-ada");
    User bob = accounts.register("bob", "bob@x.io", "password-bob");
    Memories mine = new Memories(ada, media);
    Uploads uploads = new Uploads();
    mine.create("Beach", "A wonderful day", List.of("summer", "beach"), null);
    mine.create(
        "Photo", "", List.of("photos"), uploads.accept(DemoMedia.photo(32, 24, "png", 4)), "p.png");
    mine.create("Tone", "", List.of(), uploads.accept(DemoMedia.tone(0.3, 440)), "t.wav");
    new AnalysisWorker(new Analyzer(media, Embeddings::shared), 10).drain();
    Memory trashed = mine.create("Gone", "trash me", List.of(), null);
    mine.trash(trashed.id);
    Memory.objects.filter("title", "Beach").update(Map.of("viewCount", 7, "likeCount", 3));
    Tag.objects.create("user", ada, "name", "unused");

    Transfer transfer = new Transfer(media);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    assertThat(transfer.export(ada, first)).isEqualTo(4);
    assertThat(transfer.importInto(bob, new ByteArrayInputStream(first.toByteArray())))
        .isEqualTo(4);

    assertThat(comparable(ada, media)).isEqualTo(comparable(bob, media));
    assertThat(Tag.objects.filter("user", bob).valuesList("name").flat().list())
        .containsExactlyInAnyOrder("beach", "photos", "summer", "unused");
    assertThat(Memory.trash.filter("user", bob).count()).isEqualTo(1);
    Memory photo = Memory.objects.get("user", bob, "title", "Photo");
    assertThat(photo.mediaFile)
        .isNotEqualTo(Memory.objects.get("user", ada, "title", "Photo").mediaFile);
  }

  /** Every exported field, with each file replaced by its content's digest. */
  private static List<Map<String, Object>> comparable(User user, MediaStorage media)
      throws Exception {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (Memory m :
        Memory.allObjects
            .filter("user", user)
            .prefetchRelated("tags")
            .orderBy("createdAt", "id")
            .list()) {
      Map<String, Object> row = Transfer.describe(m);
      if (!m.mediaFile.isEmpty()) {
        byte[] bytes = Files.readAllBytes(media.resolve(m.mediaFile).orElseThrow());
        row.put(
            "mediaFile",
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      }
      out.add(row);
    }
    return out;
  }
}
