package dev.nerva.ner.features;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.date.DateNormalizer;
import dev.nerva.internal.date.DateRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Feature generator factory for date-phrase features: where Nerva's {@link DateRules} find a date
 * expression in a sentence, its tokens get {@code dp=B}, {@code dp=I}, {@code dp=L} or {@code
 * dp=U} (first, inner, last token, one-token phrase) and the tokens on either side {@code dp=pre}
 * and {@code dp=post}, so the model sees phrases longer than its token window ("the first three
 * months of 1990") and learns where the corpus's own date spans start and end relative to them.
 * Every phrase the rules find counts, the shorter ones inside a longer one too ("1990" in "the
 * first quarter of 1990").
 * Descriptor element:
 *
 * <pre>{@code
 * <generator class="dev.nerva.ner.features.DatePhraseFeaturesFactory"/>
 * }</pre>
 *
 * The rules read text in order, so a sentence is matched as given and reversed: a right-to-left
 * model, which is given its sentences reversed, sees the same phrases with positions counted in
 * the order it reads. The generator it makes is not thread-safe, like every OpenNLP feature
 * generator.
 */
public final class DatePhraseFeaturesFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Called by OpenNLP's descriptor reader. */
  public DatePhraseFeaturesFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() {
    return new Generator();
  }

  private static final class Generator extends PerSentenceFeatures {
    private final DateRules rules = new DateRules(new DateNormalizer());
    private List<List<String>> features;

    @Override
    void startSentence(String[] tokens, String[] previousOutcomes) {
      features = null;
      mark(tokens, false);
      String[] reversed = tokens.clone();
      Collections.reverse(Arrays.asList(reversed));
      mark(reversed, true);
    }

    @Override
    void addFeatures(List<String> out, String[] tokens, int index, String[] previousOutcomes) {
      if (features != null && features.get(index) != null) {
        out.addAll(features.get(index));
      }
    }

    /** Adds the features of the phrases the rules find in {@code tokens}, read as given or mirrored. */
    private void mark(String[] tokens, boolean mirrored) {
      int n = tokens.length;
      int[] starts = new int[n];
      ImmutableList.Builder<Token> sentenceTokens = ImmutableList.builderWithExpectedSize(n);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(tokens[i]);
        sentenceTokens.add(new Token(starts[i], text.length(), tokens[i], tokens[i]));
      }
      if (text.length() == 0) {
        return;
      }
      String joined = text.toString();
      Sentence sentence = new Sentence(0, joined.length(), joined, sentenceTokens.build());
      for (Entity phrase : rules.recognize(joined, List.of(sentence))) {
        int first = Arrays.binarySearch(starts, phrase.start());
        int last = Arrays.binarySearch(starts, phrase.end() - 1);
        last = last >= 0 ? last : -last - 2;
        if (first < 0) {
          continue; // rules start on tokens; a phrase that does not is ignored
        }
        // Positions in the order of the array the model is given.
        int from = mirrored ? n - 1 - last : first;
        int to = mirrored ? n - 1 - first : last;
        for (int i = from; i <= to; i++) {
          add(n, i, from == to ? "dp=U" : i == from ? "dp=B" : i == to ? "dp=L" : "dp=I");
        }
        if (from > 0) {
          add(n, from - 1, "dp=pre");
        }
        if (to < n - 1) {
          add(n, to + 1, "dp=post");
        }
      }
    }

    private void add(int n, int index, String feature) {
      if (features == null) {
        features = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          features.add(null);
        }
      }
      List<String> at = features.get(index);
      if (at == null) {
        at = new ArrayList<>(2);
        features.set(index, at);
      }
      if (!at.contains(feature)) {
        at.add(feature);
      }
    }
  }
}
