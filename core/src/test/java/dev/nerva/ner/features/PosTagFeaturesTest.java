package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.internal.date.TenseDetector;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;

/** Part-of-speech features through OpenNLP's descriptor reader, as models build them. */
class PosTagFeaturesTest {

  private static final String[] SENTENCE = {"Anna", "Keller", "visited", "Oslo", "in", "March", "."};

  @Test
  void eachTokenGetsTheTagsOfItsWindowFromOpenNlpsEnglishPosModel() throws Exception {
    AdaptiveFeatureGenerator generator = DescriptorFeatures.generator("<featureGenerators name=\"t\"><generator class=\""
        + PosTagFeaturesFactory.class.getName() + "\"/></featureGenerators>", Map.of());
    String[] tags;
    try (InputStream in = getClass().getResourceAsStream(TenseDetector.ENGLISH_MODEL_RESOURCE)) {
      tags = new POSTaggerME(new POSModel(in)).tag(SENTENCE);
    }
    // One model per JVM, shared by the tense detector and every POS feature generator.
    assertThat(TenseDetector.englishModel()).isSameAs(TenseDetector.englishModel());

    List<List<String>> features = DescriptorFeatures.of(generator, SENTENCE);

    assertThat(tags[2]).isEqualTo("VERB");
    assertThat(features.get(0)).containsExactly("pos=" + tags[0], "p1pos=BOS", "n1pos=" + tags[1], "p2pos=BOS",
        "n2pos=" + tags[2], "p1pos,pos=BOS," + tags[0], "pos,n1pos=" + tags[0] + "," + tags[1]);
    assertThat(features.get(3)).contains("pos=" + tags[3], "p1pos=VERB", "p2pos=" + tags[1]);
    assertThat(features.get(6)).contains("n1pos=EOS", "n2pos=EOS");
    assertThat(features).allSatisfy(token -> assertThat(token).hasSize(7));
  }
}
