package io.vibevault.orm.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written ordering-name check accepts exactly what its regular expression did. */
class OrderingNameTest {
  private static final Pattern NAME = Pattern.compile("-?+[A-Za-z_][A-Za-z0-9_]*+");

  @Test
  void acceptsExactlyTheNamesOfTheRegularExpression() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "",
                "-",
                "--a",
                "a",
                "-a",
                "_",
                "-_",
                "a1",
                "1a",
                "-1a",
                "created_at",
                "-created_at",
                "user__username",
                "a-b",
                "a b",
                " a",
                "a ",
                "é",
                "aé",
                "Z9_z",
                "a.b",
                "a;b",
                "a\u0000",
                "\u0130",
                "ﬀ",
                "a__",
                "__a",
                "-__"));
    String alphabet = "aZ_09-é .;$";
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(6);
      for (int k = 0; k < length; k++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      names.add(s.toString());
    }
    for (String name : names) {
      assertThat(Ordering.isName(name)).as("'%s'", name).isEqualTo(NAME.matcher(name).matches());
    }
  }
}
