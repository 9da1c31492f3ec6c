package dev.nerva.ner.features;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Internal: a feature generator whose features for token {@code index} depend on {@code
 * tokens[index]} alone, never on the other tokens, the previous outcomes or the document. Nerva's
 * decoder may look such features up once per distinct token and reuse them.
 */
public interface TokenLocalFeatures extends AdaptiveFeatureGenerator {}
