package io.vibevault.orm.tests.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.backend.Operations;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDatabase;

/** Identifiers as the backend quotes them: one name, and a column of a table alias. */
@DatabaseTest(models = {Setting.class})
class QuotingTest {

  @DbTest
  void aColumnOfAnAliasIsBothNamesQuotedAndJoinedByADot(TestDatabase db) {
    Operations ops = db.backend().operations();
    String column = ops.quoteColumn("T3", "created_at");
    assertThat(column).isEqualTo(ops.quoteName("T3") + "." + ops.quoteName("created_at"));
    // Kept: the next query's select list, grouping and ordering get the same string, hash known.
    assertThat(ops.quoteColumn("T3", "created_at")).isSameAs(column);
    assertThat(ops.quoteColumn("T3", "updated_at")).isNotEqualTo(column);
    assertThat(ops.quoteColumn("T4", "created_at")).isNotEqualTo(column);
  }

  @DbTest
  void aNameWithTheQuoteCharacterOrNulIsRefusedEveryTime(TestDatabase db) {
    Operations ops = db.backend().operations();
    char quote = ops.quoteName("x").charAt(0);
    for (String hostile : new String[] {"a" + quote + "b", "a\0b", ""}) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> ops.quoteColumn(hostile, "name"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.quoteColumn("backends_setting", hostile))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @DbTest
  void compiledQueriesNameTheirColumnsThatWay(TestDatabase db) {
    Operations ops = db.backend().operations();
    String table = ModelMeta.of(Setting.class).dbTable();
    String sql = Setting.objects.filter("name", "x").orderBy("-name").query().sql();
    assertThat(sql)
        .contains("SELECT " + ops.quoteColumn(table, "id") + ", " + ops.quoteColumn(table, "name"))
        .contains("WHERE " + ops.quoteColumn(table, "name") + " = ")
        .contains("ORDER BY " + ops.quoteColumn(table, "name") + " DESC");
    Setting.objects.create("name", "x");
    assertThat(Setting.objects.filter("name", "x").orderBy("-name").count()).isEqualTo(1);
  }
}
