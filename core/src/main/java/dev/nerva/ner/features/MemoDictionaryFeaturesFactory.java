package dev.nerva.ner.features;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.StringList;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.DictionaryFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * A drop-in replacement for OpenNLP's {@code DictionaryFeatureGeneratorFactory} with the same
 * features ({@code :w=dic} and {@code :w=dic=<token>} for tokens inside a dictionary entry, entries
 * matched longest first from left to right), found without OpenNLP's cost of building and
 * interning a {@link StringList} for every token n-gram. Case-insensitive dictionaries keep
 * OpenNLP's generator. Nerva's decoder swaps it in at run time; training keeps OpenNLP's class.
 */
public final class MemoDictionaryFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  private static final char SEPARATOR = '\u0001';

  /** Called by OpenNLP's descriptor reader. */
  public MemoDictionaryFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    String key = getStr("dict");
    Object resource = resourceManager == null ? null : resourceManager.getResource(key);
    if (!(resource instanceof Dictionary dictionary)) {
      throw new InvalidFormatException("no dictionary resource named " + key);
    }
    if (!dictionary.isCaseSensitive()) {
      return new DictionaryFeatureGenerator(dictionary);
    }
    Set<String> entries = new HashSet<>();
    for (StringList entry : dictionary) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < entry.size(); i++) {
        joined.append(entry.getToken(i)).append(SEPARATOR);
      }
      entries.add(joined.toString());
    }
    return new Generator(entries, dictionary.getMaxTokenCount());
  }

  private static final class Generator extends PerSentenceFeatures {
    private final Set<String> entries;
    private final int longest;
    private boolean[] inEntry;

    Generator(Set<String> entries, int longest) {
      this.entries = entries;
      this.longest = longest;
    }

    @Override
    void startSentence(String[] tokens, String[] previousOutcomes) {
      inEntry = match(tokens);
    }

    @Override
    void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      if (inEntry[index]) {
        features.add(":w=dic");
        features.add(":w=dic=" + tokens[index]);
      }
    }

    /** OpenNLP's DictionaryNameFinder: the longest entry starting at each token, then skip it. */
    private boolean[] match(String[] tokens) {
      boolean[] in = new boolean[tokens.length];
      StringBuilder candidate = new StringBuilder();
      for (int from = 0; from < tokens.length; from++) {
        candidate.setLength(0);
        int end = -1;
        for (int to = from; to < tokens.length && to - from < longest; to++) {
          candidate.append(tokens[to]).append(SEPARATOR);
          if (entries.contains(candidate.toString())) {
            end = to + 1;
          }
        }
        if (end > 0) {
          for (int i = from; i < end; i++) {
            in[i] = true;
          }
          from = end - 1;
        }
      }
      return in;
    }

  }
}
