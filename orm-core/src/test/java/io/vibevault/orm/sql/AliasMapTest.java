package io.vibevault.orm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A copy shares its source's maps until either changes; then each changes alone. */
class AliasMapTest {

  private static Join toUsers(String base, boolean nullable) {
    return new Join("users", null, base, "user_id", "id", Join.Type.INNER, nullable, false, null);
  }

  @Test
  void aJoinMadeOnACopyIsNotInItsSource() {
    AliasMap source = new AliasMap();
    String base = source.base("memories");
    AliasMap copy = new AliasMap(source);

    String users = copy.join(toUsers(base, false), null);

    assertThat(copy.map).containsOnlyKeys("memories", users);
    assertThat(source.map).containsOnlyKeys("memories");
    assertThat(source.refcount).containsOnlyKeys("memories");
  }

  @Test
  void aSourceChangedAfterCopyingLeavesTheCopyAsItWas() {
    AliasMap source = new AliasMap();
    String base = source.base("memories");
    String users = source.join(toUsers(base, true), null);
    AliasMap copy = new AliasMap(source);

    source.demote(Set.of(users));
    source.unref(users);
    source.base("memories");

    assertThat(source.map.get(users).type).isEqualTo(Join.Type.INNER);
    assertThat(copy.map.get(users).type).isEqualTo(Join.Type.LEFT_OUTER);
    assertThat(source.refcount).containsEntry(users, 0).containsEntry("memories", 1);
    assertThat(copy.refcount).containsEntry(users, 1).containsEntry("memories", 1);
  }

  @Test
  void askingACopyForItsBaseTableChangesNothingSoTheMapsStayShared() {
    AliasMap source = new AliasMap();
    String base = source.base("memories");
    AliasMap copy = new AliasMap(source);

    assertThat(copy.base("memories")).isEqualTo(base);

    assertThat(copy.map).isSameAs(source.map);
    assertThat(copy.refcount).isSameAs(source.refcount).containsExactly(entry(base, 1));
  }

  @Test
  void aPromotionOnACopyLeavesTheSourceInner() {
    AliasMap source = new AliasMap();
    String base = source.base("memories");
    String users = source.join(toUsers(base, true), null);
    source.demote(Set.of(users));
    AliasMap copy = new AliasMap(source);

    copy.promote(Set.of(users));

    assertThat(copy.map.get(users).type).isEqualTo(Join.Type.LEFT_OUTER);
    assertThat(source.map.get(users).type).isEqualTo(Join.Type.INNER);
  }
}
