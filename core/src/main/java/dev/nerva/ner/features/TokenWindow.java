package dev.nerva.ner.features;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * Internal: a window feature generator, as OpenNLP's {@link WindowFeatureGenerator} makes them:
 * the inner generator's features of the token itself unchanged, of the i-th token before it
 * prefixed {@code p<i>} and of the i-th token after it {@code n<i>}.
 */
public interface TokenWindow extends AdaptiveFeatureGenerator {

  /** The generator whose features the window repeats. */
  AdaptiveFeatureGenerator inner();

  /** How many tokens before the current one the window covers. */
  int before();

  /** How many tokens after the current one the window covers. */
  int after();
}
