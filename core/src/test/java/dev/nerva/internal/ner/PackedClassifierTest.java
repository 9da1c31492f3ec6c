package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.nerva.internal.date.TenseDetector;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;

/** Packed weights give a GIS model's probabilities once normalised, so the same best outcome. */
class PackedClassifierTest {

  @Test
  void normalisedScoresAreTheModelsProbabilities() {
    POSModel pos = TenseDetector.englishModel();
    MaxentModel gis = pos.getArtifact("pos.model");
    PackedClassifier packed = PackedClassifier.of(gis);
    POSContextGenerator contexts = pos.getFactory().getPOSContextGenerator(0);
    String[] words = "Wagner said on Tuesday that it will withdraw its fighters from Mali .".split(" ");
    String[] tags = new POSTaggerME(pos).tag(words);

    assertThat(packed.outcomeCount()).isEqualTo(gis.getNumOutcomes());
    double[] scores = new double[packed.outcomeCount()];
    for (int i = 0; i < words.length; i++) {
      String[] context = contexts.getContext(i, words, tags, null);
      double[] probabilities = gis.eval(context);
      packed.score(context, scores);
      double max = Double.NEGATIVE_INFINITY;
      for (double s : scores) {
        max = Math.max(max, s);
      }
      double sum = 0;
      for (double s : scores) {
        sum += Math.exp(s - max);
      }
      for (int o = 0; o < scores.length; o++) {
        assertThat(Math.exp(scores[o] - max) / sum).as("%s %s", words[i], packed.outcome(o))
            .isCloseTo(probabilities[gis.getIndex(packed.outcome(o))], within(1e-5));
      }
    }
  }

  @Test
  void onlyGisModelsArePacked() {
    assertThatIllegalArgumentException().isThrownBy(() -> PackedClassifier.of(null)).withMessageContaining("GIS");
  }
}
