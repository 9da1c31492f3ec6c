package dev.nerva.ner.features;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Drop-in replacements for OpenNLP's {@code BigramNameFeatureGeneratorFactory} and {@code
 * TrigramNameFeatureGeneratorFactory}: the same features, but each token's shape ({@link
 * FeatureGeneratorUtil#tokenFeature}) is computed once per sentence instead of up to five times.
 * Nerva's decoder swaps them in at run time; training keeps OpenNLP's classes. The generators
 * they make are not thread-safe, like every OpenNLP feature generator.
 */
public final class MemoNgramFeatures {

  private MemoNgramFeatures() {}

  /** Replaces {@code BigramNameFeatureGeneratorFactory}. */
  public static final class Bigrams extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    /** Called by OpenNLP's descriptor reader. */
    public Bigrams() {
      super();
    }

    @Override
    public AdaptiveFeatureGenerator create() {
      return new Shapes() {
        @Override
        void create(List<String> features, String[] tokens, String[] shapes, int i) {
          if (i > 0) {
            features.add("pw,w=" + tokens[i - 1] + "," + tokens[i]);
            features.add("pwc,wc=" + shapes[i - 1] + "," + shapes[i]);
          }
          if (i + 1 < tokens.length) {
            features.add("w,nw=" + tokens[i] + "," + tokens[i + 1]);
            features.add("wc,nc=" + shapes[i] + "," + shapes[i + 1]);
          }
        }
      };
    }
  }

  /** Replaces {@code TrigramNameFeatureGeneratorFactory}. */
  public static final class Trigrams extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    /** Called by OpenNLP's descriptor reader. */
    public Trigrams() {
      super();
    }

    @Override
    public AdaptiveFeatureGenerator create() {
      return new Shapes() {
        @Override
        void create(List<String> features, String[] tokens, String[] shapes, int i) {
          if (i > 1) {
            features.add("ppw,pw,w=" + tokens[i - 2] + "," + tokens[i - 1] + "," + tokens[i]);
            features.add("ppwc,pwc,wc=" + shapes[i - 2] + "," + shapes[i - 1] + "," + shapes[i]);
          }
          if (i + 2 < tokens.length) {
            features.add("w,nw,nnw=" + tokens[i] + "," + tokens[i + 1] + "," + tokens[i + 2]);
            features.add("wc,nwc,nnwc=" + shapes[i] + "," + shapes[i + 1] + "," + shapes[i + 2]);
          }
        }
      };
    }
  }

  /** Works out the token shapes of each sentence once. */
  private abstract static class Shapes extends PerSentenceFeatures {
    private String[] shapes;

    abstract void create(List<String> features, String[] tokens, String[] shapes, int index);

    @Override
    final void startSentence(String[] tokens, String[] previousOutcomes) {
      shapes = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        shapes[i] = FeatureGeneratorUtil.tokenFeature(tokens[i]);
      }
    }

    @Override
    final void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      create(features, tokens, shapes, index);
    }
  }
}
