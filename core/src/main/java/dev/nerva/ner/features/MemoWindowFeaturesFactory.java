package dev.nerva.ner.features;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * A drop-in replacement for OpenNLP's {@code WindowFeatureGeneratorFactory} that makes the same
 * features with less work: OpenNLP's {@link WindowFeatureGenerator} asks its inner generator for
 * the features of each neighbouring token again for every token of the window (seven times per
 * token for a window of ±3), while this one remembers them for the current sentence.
 *
 * <p>The features are those of {@code WindowFeatureGenerator} (the token's own, then {@code p1},
 * {@code p2}, ... for earlier tokens and {@code n1}, {@code n2}, ... for later ones) as long as the
 * inner generator does not look at previous outcomes: Nerva's decoder swaps it in at run time
 * for name finders it decodes without them, and training keeps OpenNLP's class. Like every
 * OpenNLP feature generator, the generator it makes is not thread-safe.
 */
public final class MemoWindowFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public MemoWindowFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    AdaptiveFeatureGenerator inner = (AdaptiveFeatureGenerator) args.get("generator#0");
    if (inner == null) {
      throw new InvalidFormatException("window feature generator must contain a generator element");
    }
    return new Generator(inner, getInt("prevLength"), getInt("nextLength"));
  }

  private static final class Generator extends PerSentenceFeatures implements TokenWindow {
    private final AdaptiveFeatureGenerator inner;
    private final int before;
    private final int after;
    /** The inner generator's features of each token of the sentence, made on first use. */
    private List<String>[] remembered;

    Generator(AdaptiveFeatureGenerator inner, int before, int after) {
      this.inner = inner;
      this.before = before;
      this.after = after;
    }

    @Override
    public AdaptiveFeatureGenerator inner() {
      return inner;
    }

    @Override
    public int before() {
      return before;
    }

    @Override
    public int after() {
      return after;
    }

    @Override
    @SuppressWarnings("unchecked")
    void startSentence(String[] tokens, String[] previousOutcomes) {
      remembered = new List[tokens.length];
    }

    @Override
    void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      features.addAll(featuresOf(tokens, index, previousOutcomes));
      for (int i = 1; i <= before && index - i >= 0; i++) {
        String prefix = WindowFeatureGenerator.PREV_PREFIX + i;
        for (String feature : featuresOf(tokens, index - i, previousOutcomes)) {
          features.add(prefix + feature);
        }
      }
      for (int i = 1; i <= after && index + i < tokens.length; i++) {
        String prefix = WindowFeatureGenerator.NEXT_PREFIX + i;
        for (String feature : featuresOf(tokens, index + i, previousOutcomes)) {
          features.add(prefix + feature);
        }
      }
    }

    private List<String> featuresOf(String[] tokens, int index, String[] previousOutcomes) {
      List<String> features = remembered[index];
      if (features == null) {
        features = new ArrayList<>(4);
        inner.createFeatures(features, tokens, index, previousOutcomes);
        remembered[index] = features;
      }
      return features;
    }

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
      super.updateAdaptiveData(tokens, outcomes);
      inner.updateAdaptiveData(tokens, outcomes);
    }

    @Override
    public void clearAdaptiveData() {
      super.clearAdaptiveData();
      inner.clearAdaptiveData();
    }
  }
}
