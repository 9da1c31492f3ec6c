package dev.nerva.ner.features;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * A drop-in replacement for OpenNLP's {@code DictionaryFeatureGeneratorFactory} with the same
 * features ({@code :w=dic} and {@code :w=dic=<token>}: like OpenNLP 2.5's factory it ignores a
 * {@code prefix} attribute), found faster (see {@link DictionaryMatches}). Case-insensitive
 * dictionaries keep OpenNLP's generator. Nerva's decoder swaps it in at run time for models that
 * use OpenNLP's factory; new descriptors use {@link PrefixedDictionaryFeaturesFactory}.
 */
public final class MemoDictionaryFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public MemoDictionaryFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    return PrefixedDictionaryFeaturesFactory.generator("", resourceManager, getStr("dict"));
  }
}
