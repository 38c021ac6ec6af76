package io.vibevault.orm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IN lists of prefetchRelated stay under the backend's bind-parameter limit. */
class PrefetcherChunksTest {
  private static List<Object> ids(int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add((long) i);
    }
    return out;
  }

  @Test
  void oneQueryWhileTheListFits() {
    assertThat(Prefetcher.split(ids(10), Prefetcher.limitPerQuery(999, 1))).hasSize(1);
  }

  @Test
  void severalQueriesOnlyPastTheLimit() {
    int size = Prefetcher.limitPerQuery(999, 2);
    assertThat(size).isEqualTo(996);
    List<List<Object>> chunks = Prefetcher.split(ids(2000), size);
    assertThat(chunks).extracting(List::size).containsExactly(996, 996, 8);
    assertThat(chunks.get(2).get(7)).isEqualTo(1999L);
  }

  @Test
  void neverBelowOneValue() {
    assertThat(Prefetcher.limitPerQuery(5, 10)).isEqualTo(1);
  }
}
