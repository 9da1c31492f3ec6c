package dev.nerva.internal.ner;

/**
 * Contextual codes for each token of a sentence from a model that reads the whole sentence at
 * once (a pretrained encoder and a codebook, as the models command's contextual-codes experiment
 * makes them; see the model card): a name finder trained with {@code
 * dev.nerva.ner.features.ContextualCodesFeaturesFactory} reads them as features (see {@link
 * NameFinderRecognizer#withContextualCoder}). No bundled model uses them. Implementations must be
 * thread-safe: a pipeline calls them from several threads at once.
 */
public interface ContextualCoder {

  /**
   * The codes of each token.
   *
   * @param tokens a sentence's tokens, in reading order; may be empty
   * @return one row of codes per token
   */
  int[][] codes(String[] tokens);
}
