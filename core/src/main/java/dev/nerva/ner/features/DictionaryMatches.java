package dev.nerva.ner.features;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.StringList;

/**
 * Dictionary features of a case-sensitive dictionary: {@code <prefix>:w=dic} and {@code
 * <prefix>:w=dic=<token>} for tokens inside an entry, entries matched longest first from left to
 * right as OpenNLP's {@code DictionaryNameFinder} does, without its cost of building and interning
 * a {@link StringList} for every token n-gram. Each sentence is matched once. Not thread-safe, like
 * every OpenNLP feature generator: each decoding session has its own.
 */
final class DictionaryMatches extends PerSentenceFeatures {

  private static final char SEPARATOR = '\u0001';

  private final String dicFeature;
  private final String dicTokenFeature;
  private final Set<String> entries;
  /** Every entry's token prefixes, the entry included: matching stops where none goes on. */
  private final Set<String> prefixes;
  private final int longest;
  private boolean[] inEntry;

  DictionaryMatches(String prefix, Dictionary dictionary) {
    this.dicFeature = prefix + ":w=dic";
    this.dicTokenFeature = prefix + ":w=dic=";
    this.entries = new HashSet<>();
    this.prefixes = new HashSet<>();
    for (StringList entry : dictionary) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < entry.size(); i++) {
        joined.append(entry.getToken(i)).append(SEPARATOR);
        prefixes.add(joined.toString());
      }
      entries.add(joined.toString());
    }
    this.longest = dictionary.getMaxTokenCount();
  }

  @Override
  void startSentence(String[] tokens, String[] previousOutcomes) {
    inEntry = match(tokens);
  }

  @Override
  void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (inEntry[index]) {
      features.add(dicFeature);
      features.add(dicTokenFeature + tokens[index]);
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
        String tokensSoFar = candidate.toString();
        if (!prefixes.contains(tokensSoFar)) {
          break; // no entry starts with these tokens, so no longer one either
        }
        if (entries.contains(tokensSoFar)) {
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
