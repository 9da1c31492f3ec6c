package dev.nerva.ner.features;

import java.util.Map;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.DictionaryFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorResourceProvider;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.DictionarySerializer;

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
    Dictionary dictionary = dictionary(resourceManager, getStr("dict"));
    return dictionary.isCaseSensitive()
        ? new DictionaryMatches(prefix, dictionary)
        : new DictionaryFeatureGenerator(prefix, dictionary);
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
    return Map.of(getStr("dict"), new DictionarySerializer());
  }

  static Dictionary dictionary(FeatureGeneratorResourceProvider resources, String key) throws InvalidFormatException {
    Object resource = resources == null ? null : resources.getResource(key);
    if (!(resource instanceof Dictionary dictionary)) {
      throw new InvalidFormatException("no dictionary resource named " + key);
    }
    return dictionary;
  }
}
