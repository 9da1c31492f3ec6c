package dev.nerva.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.nerva.internal.tokenize.TrueCaser;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lexicon of {@link TrueCaser}: each word's usual form in ordinarily cased text.
 * Pairs of words are kept where both are capitalised together but not both apart ("United
 * Nations"). Counts skip a sentence's first token (capitalised whatever it is) and sentences that are
 * themselves in capitals, in lower case or in title case (headlines). A word's lower-case form is its usual
 * form whenever it makes up at least a third of its occurrences ("us" against "US", "army"
 * against "Army"): a capital the text did not have is a name the model may invent, so one is
 * given only where it is clearly the rule. Otherwise the most frequent form wins, ties going to
 * the form with fewer capitals. Words seen fewer than {@code minCount} times are left out, tokens
 * without letters too.
 *
 * <p>Only the tokens are read; the labels are ignored. Deterministic.
 */
public final class CasingLexicon {

  /** Words seen fewer times are left out of the bundled lexicon. */
  public static final int MIN_COUNT = 2;

  private CasingLexicon() {}

  /**
   * The usual forms of the words of {@code documents}, and of the pairs of words that are usually
   * both capitalised together while not both on their own ("United Nations", where "united" and
   * "nations" are lower case alone), sorted by their lower-case spelling.
   */
  public static ImmutableList<String> usualForms(List<GoldDocument> documents, int minCount) {
    Preconditions.checkArgument(minCount >= 1, "minCount must be at least 1: %s", minCount);
    Map<String, Map<String, Integer>> words = new HashMap<>();
    Map<String, Map<String, Integer>> pairs = new HashMap<>();
    for (GoldDocument document : documents) {
      for (GoldSentence sentence : document.sentences()) {
        String[] tokens = sentence.tokens().toArray(String[]::new);
        if (TrueCaser.casingOf(tokens) != TrueCaser.Casing.ORDINARY) {
          continue;
        }
        for (int i = 1; i < tokens.length; i++) {
          if (isWord(tokens[i])) {
            count(words, tokens[i]);
            if (i + 1 < tokens.length && isWord(tokens[i + 1])) {
              count(pairs, tokens[i] + " " + tokens[i + 1]);
            }
          }
        }
      }
    }
    Map<String, String> usual = new TreeMap<>();
    words.forEach((word, forms) -> usual(forms, minCount).ifPresent(form -> usual.put(word, form)));
    pairs.forEach((pair, forms) -> usual(forms, minCount).ifPresent(form -> {
      String[] apart = pair.split(" ");
      // only names: both words capitalised together ("United Nations", not "the United")
      if (Arrays.stream(form.split(" ")).allMatch(w -> w.chars().anyMatch(Character::isUpperCase))
          && !form.equals(usual.get(apart[0]) + " " + usual.get(apart[1]))) {
        usual.put(pair, form);
      }
    }));
    return ImmutableList.copyOf(usual.values());
  }

  private static boolean isWord(String token) {
    return token.chars().anyMatch(Character::isLetter) && token.chars().noneMatch(Character::isWhitespace);
  }

  private static void count(Map<String, Map<String, Integer>> counts, String form) {
    counts.computeIfAbsent(form.toLowerCase(Locale.ROOT), w -> new HashMap<>()).merge(form, 1, Integer::sum);
  }

  /** The usual one of a word's forms, if it was seen often enough. */
  private static Optional<String> usual(Map<String, Integer> byForm, int minCount) {
    int total = byForm.values().stream().mapToInt(Integer::intValue).sum();
    if (total < minCount) {
      return Optional.empty();
    }
    String lower = byForm.keySet().iterator().next().toLowerCase(Locale.ROOT);
    if (3 * byForm.getOrDefault(lower, 0) >= total) {
      return Optional.of(lower);
    }
    String best = null;
    for (Map.Entry<String, Integer> e : new TreeMap<>(byForm).entrySet()) {
      if (best == null || e.getValue() > byForm.get(best)
          || e.getValue().equals(byForm.get(best)) && capitals(e.getKey()) < capitals(best)) {
        best = e.getKey();
      }
    }
    return Optional.of(best);
  }

  private static long capitals(String form) {
    return form.chars().filter(Character::isUpperCase).count();
  }

  /** Writes a lexicon {@link TrueCaser#read} reads, with {@code provenance} as a comment. */
  public static void write(List<String> usualForms, String provenance, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : provenance.split("\n")) {
        out.write("# " + line + "\n");
      }
      for (String form : usualForms) {
        out.write(form + "\n");
      }
    }
  }
}
