package io.vibevault.app.memories;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DemoMedia;
import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** RELIABILITY R-23, in one process: every row has its file and every file its row. */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class MediaJanitorTest {
  @DbTest
  void orphansGoReferencedAndYoungFilesStay() throws Exception {
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    User ada = registerAda();
    Memories mine = new Memories(ada, media);
    Uploads uploads = new Uploads();
    Memory kept =
        mine.create("Kept", "", List.of(), uploads.accept(DemoMedia.photo(8, 8, "png", 1)));
    String orphan = media.save(DemoMedia.photo(8, 8, "png", 2), "png");
    String young = media.save(DemoMedia.photo(8, 8, "png", 3), "png");
    makeOld(media, kept.mediaFile, orphan);

    int removed = new MediaJanitor(media, Clock.systemUTC()).sweep(Duration.ofMinutes(1));

    assertThat(removed).isEqualTo(1);
    assertThat(media.resolve(kept.mediaFile)).isPresent();
    assertThat(media.resolve(orphan)).isEmpty();
    assertThat(media.resolve(young)).isPresent();
  }

  @DbTest
  void avatarsNoProfileNamesGoToo() throws Exception {
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    User ada = registerAda();
    Profile profile = ada.relatedOne(Profile.class, "profile");
    profile.avatar = media.save(DemoMedia.photo(8, 8, "png", 1), "png", "avatars/");
    profile.save("avatar");
    String replaced = media.save(DemoMedia.photo(8, 8, "png", 2), "png", "avatars/");
    makeOld(media, profile.avatar, replaced);

    int removed = new MediaJanitor(media, Clock.systemUTC()).sweep(Duration.ofMinutes(1));

    assertThat(removed).isEqualTo(1);
    assertThat(media.resolve(profile.avatar)).isPresent();
    assertThat(media.resolve(replaced)).isEmpty();
  }

  @DbTest
  void aFailedInsertLeavesNoFileBehind() throws Exception {
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    User ada = registerAda();
    Memories mine = new Memories(ada, media);
    Uploads.Accepted photo = new Uploads().accept(DemoMedia.photo(8, 8, "png", 1));
    // 21 tags is refused inside the transaction, after the file was written.
    List<String> tooMany = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "t" + i).toList();
    try {
      mine.create("x".repeat(10), "", tooMany.subList(0, 21), photo);
    } catch (ValidationError expected) {
      // fine
    }
    try {
      mine.create("", "", List.of(), photo);
    } catch (ValidationError expected) {
      // refused before any file is written
    }
    try (Stream<Path> files = Files.walk(media.root())) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  private static User registerAda() {
    return new Accounts(new PasswordHasher(1024, 1, 1)).register("ada", "ada@x.io", "password-ada");
  }

  /** Dates the stored files five minutes back: older than the sweep's one-minute grace. */
  private static void makeOld(MediaStorage media, String... names) throws Exception {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofMinutes(5)));
    for (String name : names) {
      Files.setLastModifiedTime(media.root().resolve(name), old);
    }
  }
}
