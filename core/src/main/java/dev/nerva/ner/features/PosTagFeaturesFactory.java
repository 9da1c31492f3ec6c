package dev.nerva.ner.features;

import dev.nerva.internal.date.TenseDetector;
import java.util.List;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Part-of-speech features: the tags OpenNLP's English UD POS model (from {@code
 * opennlp-models-pos-en}, the one model {@link TenseDetector#englishModel()} shares) gives the previous two, current
 * and next two tokens ({@code p2pos=}, {@code p1pos=}, {@code pos=}, {@code n1pos=}, {@code
 * n2pos=}), and the tag pairs around the current token ({@code p1pos,pos=}, {@code pos,n1pos=}).
 * Each sentence is tagged once. Costs about as much time per token as the rest of the name finder.
 */
public final class PosTagFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public PosTagFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() {
    return new Tags(new POSTaggerME(TenseDetector.englishModel()));
  }

  /** Not thread-safe, like every OpenNLP feature generator (the tagger keeps per-call state). */
  private static final class Tags extends PerSentenceFeatures {
    private final POSTaggerME tagger;
    private String[] tags;

    Tags(POSTaggerME tagger) {
      this.tagger = tagger;
    }

    @Override
    void startSentence(String[] tokens, String[] previousOutcomes) {
      tags = tagger.tag(tokens);
    }

    @Override
    void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      String current = tags[index];
      String previous = index > 0 ? tags[index - 1] : "BOS";
      String next = index + 1 < tags.length ? tags[index + 1] : "EOS";
      features.add("pos=" + current);
      features.add("p1pos=" + previous);
      features.add("n1pos=" + next);
      features.add("p2pos=" + (index > 1 ? tags[index - 2] : "BOS"));
      features.add("n2pos=" + (index + 2 < tags.length ? tags[index + 2] : "EOS"));
      features.add("p1pos,pos=" + previous + "," + current);
      features.add("pos,n1pos=" + current + "," + next);
    }
  }
}
