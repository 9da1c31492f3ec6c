package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;

/** Date-phrase features through OpenNLP's descriptor reader, as models build them. */
class DatePhraseFeaturesTest {

  private static final String[] SENTENCE =
      {"Sales", "fell", "in", "the", "first", "quarter", "of", "1990", "and", "rose", "last", "week", "."};

  private static AdaptiveFeatureGenerator generator() throws Exception {
    return DescriptorFeatures.generator("<featureGenerators name=\"t\"><generator class=\""
        + DatePhraseFeaturesFactory.class.getName() + "\"/></featureGenerators>", Map.of());
  }

  private static List<List<String>> features(AdaptiveFeatureGenerator generator, String[] tokens) {
    return DescriptorFeatures.of(generator, tokens);
  }

  @Test
  void tokensOfEveryDatePhraseAndItsNeighboursGetTheirPositions() throws Exception {
    List<List<String>> features = features(generator(), SENTENCE);

    // "the first quarter of 1990" holds two shorter phrases the rules also find: "first quarter of
    // 1990" and "1990" (after "of"); each marks its own tokens.
    assertThat(features.get(2)).containsExactly("dp=pre");
    assertThat(features.get(3)).containsExactly("dp=B", "dp=pre");
    assertThat(features.get(4)).containsExactly("dp=I", "dp=B");
    assertThat(features.get(5)).containsExactly("dp=I");
    assertThat(features.get(6)).containsExactly("dp=I", "dp=pre");
    assertThat(features.get(7)).containsExactly("dp=L", "dp=U");
    assertThat(features.get(8)).containsExactly("dp=post");
    assertThat(features.get(9)).containsExactly("dp=pre");
    assertThat(features.get(10)).containsExactly("dp=B");
    assertThat(features.get(11)).containsExactly("dp=L");
    assertThat(features.get(12)).containsExactly("dp=post");
    assertThat(features.subList(0, 2)).allSatisfy(token -> assertThat(token).isEmpty());
  }

  @Test
  void aReversedSentenceGetsTheSamePhrasesCountedInTheOrderItIsGiven() throws Exception {
    String[] reversed = SENTENCE.clone();
    Collections.reverse(Arrays.asList(reversed));
    List<List<String>> backward = features(generator(), reversed);

    // Read backwards, "week" starts "last week" and "the" ends "the first quarter of 1990".
    List<String> order = Arrays.asList(reversed);
    assertThat(backward.get(order.indexOf("week"))).containsExactly("dp=B");
    assertThat(backward.get(order.indexOf("last"))).containsExactly("dp=L");
    assertThat(backward.get(order.indexOf("the"))).containsExactly("dp=L", "dp=post");
    assertThat(backward.get(order.indexOf("1990"))).containsExactlyInAnyOrder("dp=B", "dp=U");
    assertThat(backward.get(order.indexOf("Sales"))).isEmpty();
  }

  @Test
  void aSentenceWithoutDatesGetsNoFeatures() throws Exception {
    String[] tokens = {"Anna", "Keller", "visited", "Oslo", "."};
    assertThat(features(generator(), tokens)).allSatisfy(token -> assertThat(token).isEmpty());
  }
}
