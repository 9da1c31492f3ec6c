package dev.nerva.ner.features;

import java.util.List;
import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Feature generator factory for {@link NameGazetteer}, usable in OpenNLP feature descriptors:
 *
 * <pre>{@code
 * <generator class="dev.nerva.ner.features.NameGazetteerFeaturesFactory">
 *   <str name="dict">names.gazetteer</str>
 * </generator>
 * }</pre>
 *
 * Names are matched longest first, left to right, on exact tokens; each token inside a match gets
 * {@code gz=<type>:<B|I|L|U>} for every type the name was seen with (B, I, L: first, inner, last
 * token; U: a one-token name). The generator it makes is not thread-safe, like every OpenNLP
 * feature generator.
 */
public final class NameGazetteerFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public NameGazetteerFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    if (resourceManager == null) {
      return null; // OpenNLP first builds descriptors without resources to find their artefacts
    }
    String key = getStr("dict");
    if (!(resourceManager.getResource(key) instanceof NameGazetteer gazetteer)) {
      throw new InvalidFormatException("no name gazetteer resource named " + key);
    }
    return new Generator(gazetteer);
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
    return Map.of(getStr("dict"), new NameGazetteer.Serializer());
  }

  private static final class Generator extends PerSentenceFeatures {
    private final NameGazetteer gazetteer;
    /** The fold of the current document while training; -1 until its first sentence is seen. */
    private int fold = -1;
    private String[][] features;

    Generator(NameGazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    @Override
    void startSentence(String[] tokens, String[] previousOutcomes) {
      if (fold < 0 && gazetteer.crossFold()) {
        fold = NameGazetteer.foldOf(tokens);
      }
      features = match(tokens);
    }

    @Override
    void addFeatures(List<String> out, String[] tokens, int index, String[] previousOutcomes) {
      if (features[index] != null) {
        for (String feature : features[index]) {
          out.add(feature);
        }
      }
    }

    private String[][] match(String[] tokens) {
      String[][] found = new String[tokens.length][];
      List<String> types = gazetteer.types();
      StringBuilder candidate = new StringBuilder();
      for (int from = 0; from < tokens.length; from++) {
        candidate.setLength(0);
        int end = -1;
        int typeBits = 0;
        for (int to = from; to < tokens.length; to++) {
          if (to > from) {
            candidate.append(' ');
          }
          candidate.append(tokens[to]);
          String joined = candidate.toString();
          int bits = gazetteer.typesOf(joined, fold);
          if (bits != 0) {
            end = to + 1;
            typeBits = bits;
          }
          if (!gazetteer.startsLongerEntry(joined)) {
            break;
          }
        }
        if (end < 0) {
          continue;
        }
        for (int i = from; i < end; i++) {
          String position = end - from == 1 ? "U" : i == from ? "B" : i == end - 1 ? "L" : "I";
          String[] tokenFeatures = new String[Integer.bitCount(typeBits)];
          int n = 0;
          for (int t = 0; t < types.size(); t++) {
            if ((typeBits & (1 << t)) != 0) {
              tokenFeatures[n++] = "gz=" + types.get(t) + ":" + position;
            }
          }
          found[i] = tokenFeatures;
        }
        from = end - 1;
      }
      return found;
    }

    @Override
    public void clearAdaptiveData() {
      super.clearAdaptiveData();
      fold = -1;
    }
  }
}
