package io.vibevault.orm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.FieldError;
import org.junit.jupiter.api.Test;

/** A lookup path split at {@code __}, once per path. */
class PathResolverSplitTest {

  @Test
  void aPathSplitsAtEveryDoubleUnderscoreAndIsSplitOnce() {
    String path = "user__username__startswith";
    assertThat(PathResolver.split(path)).containsExactly("user", "username", "startswith");
    assertThat(PathResolver.split(new String(path))).isSameAs(PathResolver.split(path));
    assertThat(PathResolver.split("title")).containsExactly("title");
    assertThat(PathResolver.split("a____b")).containsExactly("a", "", "b");
  }

  @Test
  void aLongPathIsSplitAfreshEveryTimeAndATooLongOneRefused() {
    String longPath = "x".repeat(300) + "__exact";
    assertThat(PathResolver.split(longPath)).containsExactly("x".repeat(300), "exact");
    assertThat(PathResolver.split(longPath)).isNotSameAs(PathResolver.split(longPath));
    String tooLong = "x".repeat(PathResolver.MAX_PATH_LENGTH + 1);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> PathResolver.split(tooLong))
          .isInstanceOf(FieldError.class)
          .hasMessageContaining("longer than " + PathResolver.MAX_PATH_LENGTH);
    }
  }
}
