package dev.nerva.ner.features;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Feature generator factory for {@link WordClusters}, usable in OpenNLP feature descriptors:
 *
 * <pre>{@code
 * <generator class="dev.nerva.ner.features.WordClusterFeaturesFactory">
 *   <str name="dict">c1000.clusters</str>
 * </generator>
 * }</pre>
 *
 * The token's cluster becomes the feature {@code <dict><cluster>}; tokens without one get none.
 * With {@code <bool name="lowerCase">true</bool>} the token is looked up lower-cased (for tables
 * of lower-cased words, such as the encoder-derived classes).
 * Lives in nerva-core so that models using it load wherever Nerva runs.
 */
public final class WordClusterFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public WordClusterFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    if (resourceManager == null) {
      return null; // OpenNLP first builds descriptors without resources to find their artefacts
    }
    String key = getStr("dict");
    Object resource = resourceManager.getResource(key);
    if (!(resource instanceof WordClusters clusters)) {
      throw new InvalidFormatException("no word-cluster resource named " + key);
    }
    return new Generator(clusters, key, getBool("lowerCase", false));
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
    return Map.of(getStr("dict"), new WordClusters.Serializer());
  }

  private record Generator(WordClusters clusters, String prefix, boolean lowerCase) implements TokenLocalFeatures {
    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      String cluster = clusters.lookup(lowerCase ? tokens[index].toLowerCase(Locale.ROOT) : tokens[index]);
      if (cluster != null) {
        features.add(prefix + cluster);
      }
    }
  }
}
