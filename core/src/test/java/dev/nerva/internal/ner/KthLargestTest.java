package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The beam's threshold: the k-th largest score, ties counted, the smallest if there are fewer. */
class KthLargestTest {

  @Test
  void isTheKthOfTheScoresSortedFromLargestWithTiesCounted() {
    Random random = new Random(11);
    double[] top = new double[8];
    for (int trial = 0; trial < 2_000; trial++) {
      double[] scores = new double[1 + random.nextInt(80)];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = random.nextInt(6) / 5.0; // few values: many ties
      }
      double[] descending = Arrays.stream(scores).map(s -> -s).sorted().map(s -> -s).toArray();
      for (int k = 1; k <= 5; k++) {
        double expected = descending[Math.min(k, scores.length) - 1];
        assertThat(MaxentBeamDecoder.kthLargest(scores, k, top)).as("k=%d of %s", k, Arrays.toString(scores))
            .isEqualTo(expected);
      }
    }
  }
}
