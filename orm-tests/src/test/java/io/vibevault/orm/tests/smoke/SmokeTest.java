package io.vibevault.orm.tests.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.Database;
import io.vibevault.orm.execution.Cursor;
import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The test kit on real databases: the class's table exists in its isolated database, {@code
 * "default"} reaches it, and a test's rows (and id sequence) are gone before the next test.
 */
@DatabaseTest(models = SmokeTest.Note.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmokeTest {
  /** One model, one column. */
  @Meta(appLabel = "smoke", dbTable = "smoke_note")
  public static class Note extends Model {
    @CharField(maxLength = 100)
    public String body;
  }

  private static long scalar(String sql, Object... params) {
    try (Cursor c = Database.connection().cursor()) {
      c.execute(sql, params);
      return ((Number) c.fetchOne()[0]).longValue();
    }
  }

  @DbTest
  @Order(1)
  void theTableExistsEmptyBehindDefault(TestDatabase db) {
    assertThat(Database.connection().alias()).isEqualTo(db.alias());
    assertThat(db.tables()).containsExactly("smoke_note");
    assertThat(scalar("SELECT COUNT(*) FROM smoke_note")).isZero();

    try (Cursor c = Database.connection().cursor()) {
      c.execute("INSERT INTO smoke_note (body) VALUES (%s)", "left behind?");
    }
    assertThat(scalar("SELECT COUNT(*) FROM smoke_note")).isEqualTo(1);
  }

  @DbTest
  @Order(2)
  void theNextTestStartsEmptyWithIdsFromOne() {
    assertThat(scalar("SELECT COUNT(*) FROM smoke_note")).isZero();

    try (Cursor c = Database.connection().cursor()) {
      c.execute("INSERT INTO smoke_note (body) VALUES (%s)", "first again");
    }
    assertThat(scalar("SELECT id FROM smoke_note")).isEqualTo(1);
  }
}
