package dev.nerva.ner.features;

import java.util.List;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Feature generator factory for contextual codes ({@link ContextualCodes}), usable in OpenNLP
 * feature descriptors:
 *
 * <pre>{@code
 * <generator class="dev.nerva.ner.features.ContextualCodesFeaturesFactory">
 *   <int name="window">1</int>
 * </generator>
 * }</pre>
 *
 * A token gets {@code cc0=<code>} for its whole-vector code and {@code cc<s>=<code>} for the code
 * of each slice s ≥ 1; tokens up to {@code window} places before and after add their
 * whole-vector codes as {@code cc0@-1=<code>}, {@code cc0@1=<code>}. Lives in nerva-core so that
 * models using it load wherever Nerva runs; the codes come from the models
 * command's contextual-codes experiment (nerva-train).
 */
public final class ContextualCodesFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public ContextualCodesFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    int window = getInt("window", 0);
    if (window < 0 || window > 4) {
      throw new InvalidFormatException("window must be 0 to 4: " + window);
    }
    return new Generator(window);
  }

  private record Generator(int window) implements AdaptiveFeatureGenerator {
    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      int[][] codes = ContextualCodes.of(tokens);
      if (codes == null) {
        return;
      }
      int[] own = codes[index];
      for (int s = 0; s < own.length; s++) {
        features.add("cc" + s + "=" + own[s]);
      }
      for (int w = -window; w <= window; w++) {
        int j = index + w;
        if (w != 0 && j >= 0 && j < codes.length) {
          features.add("cc0@" + w + "=" + codes[j][0]);
        }
      }
    }
  }
}
