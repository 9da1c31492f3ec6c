package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder's long-keyed memo table against a HashMap, through growth and clearing. */
class LongKeyedTableTest {

  @Test
  void answersAsAHashMapWouldThroughGrowthAndClears() {
    LongKeyedTable<String> table = new LongKeyedTable<>(4);
    Map<Long, String> expected = new HashMap<>();
    Random random = new Random(7);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5_000; i++) {
        long key = random.nextInt(20_000) * 75L + (i % 3 == 0 ? 0 : Long.MAX_VALUE / 2);
        String value = "v" + round + "-" + i;
        table.put(key, value);
        expected.put(key, value);
      }
      assertThat(table.size()).isEqualTo(expected.size());
      for (Map.Entry<Long, String> e : expected.entrySet()) {
        assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
      }
      assertThat(table.get(3)).isEqualTo(expected.get(3L));
      table.clear();
      assertThat(table.size()).isZero();
      for (long key : expected.keySet()) {
        assertThat(table.get(key)).isNull();
      }
      expected.clear();
    }
  }

  @Test
  void keyZeroIsAKeyLikeAnyOther() {
    LongKeyedTable<Integer> table = new LongKeyedTable<>(1);
    assertThat(table.get(0)).isNull();
    table.put(0, 42);
    table.put(0, 43);
    assertThat(table.get(0)).isEqualTo(43);
    assertThat(table.size()).isEqualTo(1);
  }
}
