package io.vibevault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.DatabaseUrls;
import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.orm.cli.Cli;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import io.vibevault.orm.testkit.TestDirs;
import java.io.StringWriter;
import java.util.List;

/** {@code vibevault shell}: jshell with the app's models, on the database the options name. */
@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
class ShellCommandTest {

  @DbTest
  void aSnippetQueriesTheAppsModelsOnItsDatabase(TestDatabase db) throws Exception {
    User ada = new Accounts(new PasswordHasher(1024, 1, 1)).register("ada", "ada@x.io", "pass-ada");
    Memories memories = new Memories(ada, new MediaStorage(TestDirs.create("vv-shell")));
    memories.create("Beach day", "sunny", List.of("summer"), null);
    memories.create("Rainy day", "wet", List.of("summer", "rain"), null);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        OrmCommands.run(
            new String[] {
              "shell",
              "--database",
              DatabaseUrls.of(db.settings()),
              "-c",
              "System.out.println(\"memories=\" + Memory.objects.filter(\"user__username\", \"ada\")"
                  + ".count() + \" tags=\" + Tag.objects.count() + \" users=\" + User.objects.count());"
            },
            new Cli().out(out).err(err));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("memories=2 tags=2 users=1");
  }
}
