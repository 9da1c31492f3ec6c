package dev.nerva.ner.features;

import dev.nerva.internal.Hash64;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary features of a case-sensitive dictionary: {@code <prefix>:w=dic} and {@code
 * <prefix>:w=dic=<token>} for tokens inside an entry, entries matched longest first from left to
 * right as OpenNLP's {@code DictionaryNameFinder} does, without its cost of building and interning
 * a {@code StringList} for every token n-gram. Each sentence is matched once. Not thread-safe, like
 * every OpenNLP feature generator: each decoding session has its own, all sharing one {@link
 * PhraseList}.
 */
final class DictionaryMatches extends PerSentenceFeatures {

  private final String dicFeature;
  private final String dicTokenFeature;
  private final PhraseList phrases;
  private boolean[] inEntry;
  /** The tokens matched so far, each followed by the separator. */
  private char[] candidate = new char[64];

  DictionaryMatches(String prefix, PhraseList phrases) {
    this.dicFeature = prefix + ":w=dic";
    this.dicTokenFeature = prefix + ":w=dic=";
    this.phrases = phrases;
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
    int longest = phrases.longest();
    for (int from = 0; from < tokens.length; from++) {
      if (!phrases.startsWithToken(tokens[from])) {
        continue;
      }
      int length = 0;
      int end = -1;
      for (int to = from; to < tokens.length && to - from < longest; to++) {
        String token = tokens[to];
        if (candidate.length < length + token.length() + 1) {
          candidate = Arrays.copyOf(candidate, Math.max(2 * candidate.length, length + token.length() + 1));
        }
        token.getChars(0, token.length(), candidate, length);
        length += token.length();
        candidate[length++] = PhraseList.SEPARATOR;
        long tokensSoFar = Hash64.of(candidate, length);
        if (!phrases.startsPhrase(tokensSoFar)) {
          break; // no entry starts with these tokens, so no longer one either
        }
        if (phrases.isPhrase(tokensSoFar)) {
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
