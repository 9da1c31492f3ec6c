package dev.nerva.ner;

import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * A maxent model's feature weights packed for fast lookup: feature strings are found by a 64-bit
 * hash in one open-addressing table, and each feature's (outcome, weight) pairs lie next to each
 * other in one array.
 *
 * <p>OpenNLP's {@code HashMap<String, Context>} costs about seven cache misses per feature (table,
 * entry, key, key bytes, context, outcome array, weight array); with 60 features per token and
 * 700,000 features in the model, those misses were most of the name finder's time. Here a lookup
 * touches two places. Two different features whose 64-bit hashes collide would share weights; with
 * a million features the chance that any pair collides is about 3 in 10<sup>8</sup>.
 *
 * <p>Immutable and thread-safe.
 */
final class FeatureWeights {

  private static final long EMPTY = 0L;

  /** keys[2s] = hash of the feature in slot s (never 0), keys[2s + 1] = start << 8 | count. */
  private final long[] slots;
  private final int mask;
  /** Pairs (outcome, Float.floatToRawIntBits(weight)) of all features, feature after feature. */
  private final int[] weights;

  private FeatureWeights(long[] slots, int[] weights) {
    this.slots = slots;
    this.mask = slots.length / 2 - 1;
    this.weights = weights;
  }

  /** Packs the weights of OpenNLP's predicate map. */
  static FeatureWeights of(Map<String, Context> features) {
    int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
    long[] slots = new long[2 * capacity];
    int pairs = 0;
    for (Context context : features.values()) {
      pairs += context.getOutcomes().length;
    }
    int[] weights = new int[2 * pairs];
    int next = 0;
    int mask = capacity - 1;
    for (Map.Entry<String, Context> entry : features.entrySet()) {
      int[] outcomes = entry.getValue().getOutcomes();
      double[] parameters = entry.getValue().getParameters();
      if (outcomes.length > 255) {
        throw new IllegalArgumentException("more than 255 outcomes for one feature");
      }
      long hash = hash(entry.getKey());
      int slot = (int) hash & mask;
      while (slots[2 * slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = ((long) next << 8) | outcomes.length;
      for (int a = 0; a < outcomes.length; a++) {
        weights[2 * (next + a)] = outcomes[a];
        weights[2 * (next + a) + 1] = Float.floatToRawIntBits((float) parameters[a]);
      }
      next += outcomes.length;
    }
    return new FeatureWeights(slots, weights);
  }

  /** A handle for the feature's weights, or -1 if the model does not know the feature. */
  int find(String feature) {
    return find(hash(feature));
  }

  /** {@link #find(String)} for a feature's {@link #hash}. */
  int find(long hash) {
    int slot = (int) hash & mask;
    long key;
    while ((key = slots[2 * slot]) != EMPTY) {
      if (key == hash) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Adds the feature's weights to the per-outcome scores; a handle of -1 adds nothing. */
  void add(int handle, double[] scores) {
    if (handle < 0) {
      return;
    }
    long entry = slots[2 * handle + 1];
    int start = (int) (entry >>> 8);
    int end = start + (int) (entry & 0xFF);
    for (int a = start; a < end; a++) {
      scores[weights[2 * a]] += Float.intBitsToFloat(weights[2 * a + 1]);
    }
  }

  /** 64-bit FNV-1a over the UTF-16 code units, finished by a mix; never 0. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }
}
