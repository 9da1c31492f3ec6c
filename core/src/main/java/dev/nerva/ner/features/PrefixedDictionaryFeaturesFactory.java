package dev.nerva.ner.features;

import java.util.Map;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.DictionaryFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorResourceProvider;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Dictionary (gazetteer) features under a name of their own: {@code <prefix>:w=dic} and {@code
 * <prefix>:w=dic=<token>} for tokens inside an entry of the dictionary resource {@code dict}.
 *
 * <p>OpenNLP 2.5's {@code DictionaryFeatureGeneratorFactory} ignores its {@code prefix} attribute,
 * so several dictionaries in one descriptor all make the same {@code :w=dic} features and the model
 * cannot tell a place list from a name list. Descriptor element:
 *
 * <pre>{@code
 * <generator class="dev.nerva.ner.features.PrefixedDictionaryFeaturesFactory">
 *   <str name="dict">places.dictionary</str>
 *   <str name="prefix">place</str>
 * </generator>
 * }</pre>
 */
public final class PrefixedDictionaryFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public PrefixedDictionaryFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    if (resourceManager == null) {
      return null; // OpenNLP first builds descriptors without resources to find their artefacts
    }
    String prefix = getStr("prefix");
    if (prefix == null || prefix.isBlank()) {
      throw new InvalidFormatException("a prefixed dictionary generator needs a non-empty 'prefix'");
    }
    return generator(prefix, resourceManager, getStr("dict"));
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
    return Map.of(getStr("dict"), new PhraseList.Serializer());
  }

  /**
   * The dictionary features of resource {@code key}: a {@link PhraseList} (models written or
   * loaded by Nerva) or an OpenNLP {@link Dictionary} (training, and models OpenNLP loaded).
   */
  static AdaptiveFeatureGenerator generator(String prefix, FeatureGeneratorResourceProvider resources, String key)
      throws InvalidFormatException {
    Object resource = resources == null ? null : resources.getResource(key);
    if (resource instanceof PhraseList phrases) {
      return new DictionaryMatches(prefix, phrases);
    }
    if (resource instanceof Dictionary dictionary) {
      if (!dictionary.isCaseSensitive()) {
        return new DictionaryFeatureGenerator(prefix, dictionary);
      }
      return new DictionaryMatches(prefix, PhraseList.of(dictionary));
    }
    throw new InvalidFormatException("no dictionary resource named " + key);
  }
}
