package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nerva.ner.features.TokenWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.Test;

/**
 * The cached token-local features stand for exactly the strings OpenNLP's window and token
 * generators make, and the generators that look further stay in the string path.
 */
class TokenFeatureCacheTest {

  private static final String[] SENTENCE = {"Anna", "Keller", "visited", "Norway", "in", "March", "."};

  /** A window as Nerva's memo generator exposes it, making OpenNLP's window features. */
  private record Window(AdaptiveFeatureGenerator inner, int before, int after, WindowFeatureGenerator opennlp)
      implements TokenWindow {
    Window(AdaptiveFeatureGenerator inner, int before, int after) {
      this(inner, before, after, new WindowFeatureGenerator(inner, before, after));
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      opennlp.createFeatures(features, tokens, index, previousOutcomes);
    }
  }

  @Test
  void eachTokensCachedHandlesAreThoseOfTheStringsTheTokenLocalGeneratorsMake() {
    AdaptiveFeatureGenerator tokenLocal = new AggregatedFeatureGenerator(
        new Window(new TokenClassFeatureGenerator(true), 2, 2), new Window(new TokenFeatureGenerator(), 3, 3),
        new PrefixFeatureGenerator());
    BigramNameFeatureGenerator bigrams = new BigramNameFeatureGenerator();
    AdaptiveFeatureGenerator all = new AggregatedFeatureGenerator(
        new Window(new TokenClassFeatureGenerator(true), 2, 2), bigrams, new Window(new TokenFeatureGenerator(), 3, 3),
        new PrefixFeatureGenerator());
    // A model that knows every other feature the sentence makes, each with its own weight.
    Map<String, Context> known = new LinkedHashMap<>();
    List<String> every = new ArrayList<>();
    for (int i = 0; i < SENTENCE.length; i++) {
      all.createFeatures(every, SENTENCE, i, null);
    }
    for (int f = 0; f < every.size(); f += 2) {
      known.putIfAbsent(every.get(f), new Context(new int[] {f % 5}, new double[] {f + 1}));
    }
    FeatureWeights weights = FeatureWeights.of(known, 5);

    TokenFeatureCache.Split split = TokenFeatureCache.split(all, weights);
    TokenFeatureCache cache = split.cache();

    assertThat(cache.before()).isEqualTo(3);
    assertThat(cache.after()).isEqualTo(3);
    for (int i = 0; i < SENTENCE.length; i++) {
      List<String> strings = new ArrayList<>();
      tokenLocal.createFeatures(strings, SENTENCE, i, null);
      List<Long> expected = strings.stream().map(weights::find).filter(h -> h >= 0).map(weights::entry).toList();
      List<Long> cached = new ArrayList<>();
      for (int j = Math.max(0, i - 3); j <= Math.min(SENTENCE.length - 1, i + 3); j++) {
        for (long entry : cache.of(SENTENCE[j]).entries()[j - i + 3]) {
          cached.add(entry);
        }
      }
      assertThat(expected).as("token %d", i).isNotEmpty();
      assertThat(cached).as("token %d", i).containsExactlyInAnyOrderElementsOf(expected);

      List<String> rest = new ArrayList<>();
      split.strings().createFeatures(rest, SENTENCE, i, null);
      List<String> bigramFeatures = new ArrayList<>();
      bigrams.createFeatures(bigramFeatures, SENTENCE, i, null);
      assertThat(rest).as("token %d", i).containsExactlyElementsOf(bigramFeatures);
    }
    assertThat(cache.of("Norway")).isSameAs(cache.of("Norway"));
    assertThat(cache.of("Norway").shape()).isEqualTo(FeatureGeneratorUtil.tokenFeature("Norway"));
    assertThat(cache.of("1984").shape()).isEqualTo(FeatureGeneratorUtil.tokenFeature("1984"));
  }

  @Test
  void aRowOfManyWeightsIsAddedAsItsSumAndGivesTheScoresOfItsFeaturesOneByOne() {
    AdaptiveFeatureGenerator all = new AggregatedFeatureGenerator(
        new Window(new TokenClassFeatureGenerator(true), 2, 2), new Window(new TokenFeatureGenerator(), 2, 2),
        new PrefixFeatureGenerator());
    // Every feature weighs every outcome, so that adding a row's features one by one costs more than its sum.
    Map<String, Context> known = new LinkedHashMap<>();
    List<String> every = new ArrayList<>();
    for (int i = 0; i < SENTENCE.length; i++) {
      all.createFeatures(every, SENTENCE, i, null);
    }
    for (int f = 0; f < every.size(); f++) {
      known.putIfAbsent(every.get(f), new Context(new int[] {0, 1, 2}, new double[] {f + 1, -f, 0.5 * f}));
    }
    FeatureWeights weights = FeatureWeights.of(known, 3);
    TokenFeatureCache cache = TokenFeatureCache.split(all, weights).cache();

    TokenFeatureCache.Features anna = cache.of("Anna");
    assertThat(anna.sums()).as("rows worth summing").isNotNull();
    for (int row = 0; row < anna.entries().length; row++) {
      double[] oneByOne = new double[3];
      for (long entry : anna.entries()[row]) {
        weights.addEntry(entry, oneByOne);
      }
      double[] added = new double[3];
      cache.add(anna, row, added);
      assertThat(added).as("row %d", row).containsExactly(oneByOne, within(1e-9));
    }
  }

  @Test
  void onlyTheFirstTokensAreKeptSummedSoThatMemoryStaysBounded() {
    AdaptiveFeatureGenerator all = new AggregatedFeatureGenerator(new Window(new TokenClassFeatureGenerator(true), 1, 1));
    String[] tokens = new String[TokenFeatureCache.SUMMED + 1];
    for (int t = 0; t < tokens.length; t++) {
      tokens[t] = "word" + t;
    }
    // Each token's two features at each offset weigh every outcome: worth summing.
    Map<String, Context> known = new LinkedHashMap<>();
    List<String> every = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      all.createFeatures(every, tokens, i, null);
    }
    every.forEach(f -> known.putIfAbsent(f, new Context(new int[] {0, 1, 2}, new double[] {1, 2, 3})));
    TokenFeatureCache cache = TokenFeatureCache.split(all, FeatureWeights.of(known, 3)).cache();

    for (int t = 0; t < TokenFeatureCache.SUMMED; t++) {
      assertThat(cache.of(tokens[t]).sums()).as(tokens[t]).isNotNull();
    }
    TokenFeatureCache.Features last = cache.of(tokens[TokenFeatureCache.SUMMED]);
    assertThat(last.sums()).isNull();
    double[] added = new double[3];
    cache.add(last, 1, added);
    assertThat(added).containsExactly(2, 4, 6);
  }

  @Test
  void aGeneratorThatIsNotAnAggregateIsLeftWholeWithNothingCached() {
    BigramNameFeatureGenerator bigrams = new BigramNameFeatureGenerator();
    TokenFeatureCache.Split split = TokenFeatureCache.split(bigrams, FeatureWeights.of(Map.of(), 2));

    assertThat(split.strings()).isSameAs(bigrams);
    assertThat(split.cache().before()).isZero();
    assertThat(split.cache().of("Norway").entries()).hasDimensions(1, 0);
  }
}
