package dev.nerva.internal.ner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.nerva.ner.features.TokenLocalFeatures;
import dev.nerva.ner.features.TokenWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * Where the weights of a name finder's token-local features are, looked up once per distinct token
 * and kept: the features a token contributes through windows (its form, shape and word classes at
 * each offset from the current token) and through token-local generators at the top level
 * (prefixes, suffixes). They are about 60 % of a token's features; building, hashing and looking
 * up their strings again for every occurrence of "the" or "said" was a large share of the decoder's
 * time (the pipeline ran about a fifth faster once they were cached).
 *
 * <p>{@link #split} takes those generators out of a feature generator tree; the rest keeps making
 * feature strings. The weights added for a token are exactly those of the strings the removed
 * generators would have made (the equivalence test with OpenNLP's decoder checks it).
 *
 * <p>For the tokens it meets first (the frequent ones, in running text) the cache also keeps, for each
 * offset, the sum of those weights, where one row of sums costs less to add than the features one by
 * one: a token's features at one offset often include four or five that weigh every outcome, and adding
 * those was a quarter of the pipeline's time with the quick compiler alone.
 *
 * <p>Not thread-safe: one per decoding session's generators, like the generators themselves.
 * Memory stays bounded: the cache starts again once it holds {@link #CAPACITY} tokens, and keeps sums for
 * at most {@link #SUMMED} of them.
 */
final class TokenFeatureCache {

  /** Distinct tokens held at most: about 10 MB for the two English models after OntoNotes dev. */
  static final int CAPACITY = 20_000;

  /**
   * Tokens whose weights are kept summed, at most: enough for the words that make most of running
   * text, and at most 8.6 MB per English model (seven offsets of 73 scores; fewer rows where adding
   * the features one by one is as cheap).
   */
  static final int SUMMED = 2_048;

  /** OpenNLP generators whose features depend on the current token alone (by exact class). */
  private static final ImmutableSet<Class<?>> OPENNLP_TOKEN_LOCAL = ImmutableSet.of(TokenFeatureGenerator.class,
      TokenClassFeatureGenerator.class, PrefixFeatureGenerator.class, SuffixFeatureGenerator.class);

  private static final long[] NONE = new long[0];

  /** A token-local generator and the offsets at which its features are made (0, 0 outside a window). */
  private record Part(AdaptiveFeatureGenerator generator, int before, int after) {}

  /**
   * What the decoder keeps of one token: where the weights of its token-local features are at each
   * offset (row {@code offset + before()}; see {@link FeatureWeights#entry}); the sums of those
   * weights for the rows where that pays ({@code sums} is null, or holds null rows, where not); and
   * its shape, OpenNLP's token class ({@code FeatureGeneratorUtil.tokenFeature}), which the
   * previous-label features read. Add a row's weights with {@link #add}.
   */
  record Features(long[][] entries, double[][] sums, String shape) {}

  /** A generator tree split into the generators that still make strings and the cached parts. */
  record Split(AdaptiveFeatureGenerator strings, TokenFeatureCache cache) {}

  private final ImmutableList<Part> parts;
  private final FeatureWeights weights;
  private final int before;
  private final int after;
  private final Map<String, Features> byToken = new HashMap<>();
  private final List<String> features = new ArrayList<>();
  /** Scratch space of {@link #lookUp}: the entries found for each offset, and how many. */
  private long[][] found = new long[0][];
  private int[] counts = new int[0];
  private final String[] token = new String[1];
  private int summed;

  private TokenFeatureCache(ImmutableList<Part> parts, FeatureWeights weights) {
    this.parts = parts;
    this.weights = weights;
    this.before = parts.stream().mapToInt(Part::before).max().orElse(0);
    this.after = parts.stream().mapToInt(Part::after).max().orElse(0);
  }

  /**
   * Splits the token-local generators off the top level of an aggregated generator; any other
   * generator comes back whole with an empty cache.
   */
  static Split split(AdaptiveFeatureGenerator root, FeatureWeights weights) {
    if (!(root instanceof AggregatedFeatureGenerator aggregated)) {
      return new Split(root, new TokenFeatureCache(ImmutableList.of(), weights));
    }
    ImmutableList.Builder<Part> parts = ImmutableList.builder();
    List<AdaptiveFeatureGenerator> rest = new ArrayList<>();
    for (AdaptiveFeatureGenerator child : aggregated.getGenerators()) {
      if (child instanceof TokenWindow window && isTokenLocal(window.inner())) {
        parts.add(new Part(window.inner(), window.before(), window.after()));
      } else if (isTokenLocal(child)) {
        parts.add(new Part(child, 0, 0));
      } else {
        rest.add(child);
      }
    }
    return new Split(new AggregatedFeatureGenerator(rest.toArray(new AdaptiveFeatureGenerator[0])),
        new TokenFeatureCache(parts.build(), weights));
  }

  private static boolean isTokenLocal(AdaptiveFeatureGenerator generator) {
    return generator instanceof TokenLocalFeatures || OPENNLP_TOKEN_LOCAL.contains(generator.getClass());
  }

  /** How many tokens before the current one contribute cached features. */
  int before() {
    return before;
  }

  /** How many tokens after the current one contribute cached features. */
  int after() {
    return after;
  }

  /**
   * The token's cached features: where the weights of the features it contributes at each offset
   * from the current token are, for offsets {@code -before()..after()} (features the model does
   * not know are left out), and its shape.
   */
  Features of(String token) {
    Features features = byToken.get(token);
    if (features == null) {
      if (byToken.size() >= CAPACITY) {
        byToken.clear();
        summed = 0;
      }
      long[][] entries = lookUp(token);
      double[][] sums = summed < SUMMED ? sums(entries) : null;
      if (sums != null) {
        summed++;
      }
      features = new Features(entries, sums, FeatureGeneratorUtil.tokenFeature(token));
      byToken.put(token, features);
    }
    return features;
  }

  /** Adds to {@code scores} the weights of the features the token of {@code features} makes at {@code row}. */
  void add(Features features, int row, double[] scores) {
    double[] sum = features.sums() == null ? null : features.sums()[row];
    if (sum == null) {
      for (long entry : features.entries()[row]) {
        weights.addEntry(entry, scores);
      }
      return;
    }
    for (int o = 0; o < sum.length; o++) {
      scores[o] += sum[o];
    }
  }

  /** Each row's weights summed where that is cheaper to add than the entries; null if no row is. */
  private double[][] sums(long[][] entries) {
    double[][] sums = null;
    int outcomes = weights.outcomes();
    for (int row = 0; row < entries.length; row++) {
      int cost = 0;
      for (long entry : entries[row]) {
        cost += weights.width(entry);
      }
      if (cost <= outcomes) {
        continue;
      }
      if (sums == null) {
        sums = new double[entries.length][];
      }
      sums[row] = new double[outcomes];
      for (long entry : entries[row]) {
        weights.addEntry(entry, sums[row]);
      }
    }
    return sums;
  }

  private long[][] lookUp(String form) {
    int rows = before + after + 1;
    if (found.length < rows) {
      found = new long[rows][64];
      counts = new int[rows];
    }
    Arrays.fill(counts, 0);
    token[0] = form;
    for (Part part : parts) {
      features.clear();
      part.generator().createFeatures(features, token, 0, null); // once: the same at every offset
      for (int offset = -part.before(); offset <= part.after(); offset++) {
        String prefix = offset < 0 ? WindowFeatureGenerator.PREV_PREFIX + -offset
            : offset > 0 ? WindowFeatureGenerator.NEXT_PREFIX + offset : "";
        for (String feature : features) {
          int handle = weights.find(prefix.isEmpty() ? feature : prefix + feature);
          if (handle >= 0) {
            int row = offset + before;
            if (counts[row] == found[row].length) {
              found[row] = Arrays.copyOf(found[row], 2 * counts[row]);
            }
            found[row][counts[row]++] = weights.entry(handle);
          }
        }
      }
    }
    long[][] entries = new long[rows][];
    for (int row = 0; row < rows; row++) {
      entries[row] = counts[row] == 0 ? NONE : Arrays.copyOf(found[row], counts[row]);
    }
    return entries;
  }
}
