package dev.nerva.internal.ner;

/**
 * Contextual codes for each token of a sentence from a model that reads the whole sentence at
 * once (a pretrained encoder and a codebook): a name finder trained with {@code
 * dev.nerva.ner.features.ContextualCodesFeaturesFactory} reads them as features (see {@link
 * NameFinderRecognizer#withContextualCoder}). Implementations must be thread-safe: a pipeline
 * calls them from several threads at once.
 */
public interface ContextualCoder {

  /**
   * The codes of each token.
   *
   * @param tokens a sentence's tokens, in reading order; may be empty
   * @return one row of codes per token
   */
  int[][] codes(String[] tokens);

  /**
   * What an artifact registers (with {@link java.util.ServiceLoader}) to supply the accurate
   * English name finder; nerva-models-en-accurate does.
   */
  interface Provider {

    /** The coder, loaded once and shared; throws {@code ModelLoadException} if broken. */
    ContextualCoder english();

    /** The left-to-right and right-to-left name finders trained on its codes, loaded once and shared. */
    PackedNameFinder[] englishModels();
  }
}
