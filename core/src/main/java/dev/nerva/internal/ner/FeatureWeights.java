package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import dev.nerva.internal.Hash64;
import dev.nerva.internal.PackedArrays;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * A maxent model's feature weights packed for fast lookup: feature strings are found by a 64-bit
 * hash in one open-addressing table, whose slot holds the weight itself when the feature weighs one
 * outcome, or points to the feature's weights, stored next to each other.
 *
 * <p>OpenNLP's {@code HashMap<String, Context>} costs about seven cache misses per feature (table,
 * entry, key, key bytes, context, outcome array, weight array); with 65 features per token and
 * 700,000 features in the model, those misses were most of the name finder's time. Here a lookup
 * touches one or two places. Weights are stored as floats (OpenNLP keeps doubles), which moves
 * probabilities in the sixth decimal. Two different features whose 64-bit hashes collide would share weights; with
 * a million features the chance that any pair collides is about 3 in 10<sup>8</sup>.
 *
 * <p>Immutable and thread-safe.
 */
final class FeatureWeights {

  private static final long EMPTY = 0L;
  private static final long INLINE = 1L << 63;
  private static final long DENSE = 1L << 62;

  /**
   * slots[2s] = hash of the feature in slot s (never 0); slots[2s + 1] says where its weights are:
   * <ul>
   *   <li>{@link #INLINE} | outcome << 32 | weight bits, for the two features in three that
   *       weigh one outcome only, so that those need no second read;
   *   <li>{@link #DENSE} | row, for features that weigh at least a third of the outcomes (the
   *       frequent ones): a row of {@link #dense}, added in one vectorisable loop;
   *   <li>otherwise start << 8 | count of its (outcome, weight) pairs in {@link #pairOutcomes}
   *       and {@link #pairWeights}.
   * </ul>
   */
  private final long[] slots;
  private final int mask;
  /** The outcome and weight of each pair, feature after feature: a byte and a float each. */
  private final byte[] pairOutcomes;
  private final float[] pairWeights;
  /** Rows of one weight per outcome, for the {@link #DENSE} features. */
  private final float[] dense;
  private final int outcomes;

  private FeatureWeights(long[] slots, byte[] pairOutcomes, float[] pairWeights, float[] dense, int outcomes) {
    this.slots = slots;
    this.mask = slots.length / 2 - 1;
    this.pairOutcomes = pairOutcomes;
    this.pairWeights = pairWeights;
    this.dense = dense;
    this.outcomes = outcomes;
  }

  /** Packs the weights of OpenNLP's predicate map for a model of {@code outcomes} outcomes. */
  static FeatureWeights of(Map<String, Context> features, int outcomes) {
    int pairCount = 0;
    int rows = 0;
    for (Context context : features.values()) {
      int count = context.getOutcomes().length;
      if (count >= denseFrom(outcomes)) {
        rows++;
      } else if (count > 1) {
        pairCount += count;
      }
    }
    Builder builder = new Builder(features.size(), pairCount, rows, outcomes);
    for (Map.Entry<String, Context> entry : features.entrySet()) {
      builder.add(entry.getKey(), entry.getValue().getOutcomes(), entry.getValue().getParameters());
    }
    return builder.build();
  }

  /** Features weighing at least this many outcomes are stored as a dense row. */
  static int denseFrom(int outcomes) {
    return Math.max(3, (outcomes + 2) / 3);
  }

  /**
   * Fills the tables feature by feature, for readers that know the counts in advance (OpenNLP's
   * model format lists every feature's outcome pattern before the weights). Not thread-safe.
   */
  static final class Builder {
    private final long[] slots;
    private final int mask;
    private final byte[] pairOutcomes;
    private final float[] pairWeights;
    private final float[] dense;
    private final int outcomes;
    private final int denseFrom;
    private int next;
    private int row;

    /**
     * @param features how many features will be added
     * @param pairCount the summed outcome counts of the features with 2 to {@link #denseFrom} - 1 outcomes
     * @param rows how many features weigh {@link #denseFrom} outcomes or more
     * @param outcomes the model's number of outcomes
     */
    Builder(int features, int pairCount, int rows, int outcomes) {
      int capacity = Integer.highestOneBit(Math.max(4, features * 2 - 1)) << 1;
      this.slots = new long[2 * capacity];
      this.mask = capacity - 1;
      // Outcomes are stored in a byte (pairs) and in eight bits of a slot (single weights).
      Preconditions.checkArgument(outcomes <= 256, "at most 256 outcomes, not %s", outcomes);
      this.pairOutcomes = new byte[pairCount];
      this.pairWeights = new float[pairCount];
      this.dense = new float[rows * outcomes];
      this.outcomes = outcomes;
      this.denseFrom = denseFrom(outcomes);
    }

    /** Adds one feature: the outcomes it weighs and their weights (only the first active.length used). */
    void add(String feature, int[] active, double[] parameters) {
      add(Hash64.of(feature), active, parameters);
    }

    /** {@link #add(String, int[], double[])} for a feature's {@link Hash64#of(String)}. */
    void add(long hash, int[] active, double[] parameters) {
      int slot = (int) hash & mask;
      while (slots[2 * slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = hash;
      if (active.length == 1) {
        slots[2 * slot + 1] = INLINE | (long) active[0] << 32
            | (Float.floatToRawIntBits((float) parameters[0]) & 0xFFFF_FFFFL);
      } else if (active.length >= denseFrom) {
        slots[2 * slot + 1] = DENSE | row;
        for (int a = 0; a < active.length; a++) {
          dense[row * outcomes + active[a]] = (float) parameters[a];
        }
        row++;
      } else {
        slots[2 * slot + 1] = ((long) next << 8) | active.length;
        for (int a = 0; a < active.length; a++) {
          pairOutcomes[next + a] = (byte) active[a];
          pairWeights[next + a] = (float) parameters[a];
        }
        next += active.length;
      }
    }

    FeatureWeights build() {
      return new FeatureWeights(slots, pairOutcomes, pairWeights, dense, outcomes);
    }
  }

  /** The tables as {@link #write} lays them out: "NRVW", version, then the arrays. */
  private static final int PACKED_MAGIC = 0x4E525657;
  private static final int PACKED_VERSION = 3;

  /**
   * The tables as bytes for {@link #read}, little-endian and compact, so that the models jar stays
   * small and reading is mostly bulk copies: the occupied slots only (hash and entry), and each
   * (outcome, weight) pair as one byte and one float.
   */
  byte[] write() {
    int used = 0;
    for (int s = 0; s < slots.length; s += 2) {
      if (slots[s] != EMPTY) {
        used++;
      }
    }
    long[] hashes = new long[used];
    long[] entries = new long[used];
    for (int s = 0, i = 0; s < slots.length; s += 2) {
      if (slots[s] != EMPTY) {
        hashes[i] = slots[s];
        entries[i++] = slots[s + 1];
      }
    }
    ByteBuffer out = ByteBuffer.allocate(4 * Integer.BYTES + PackedArrays.size(Long.BYTES, used, used)
        + PackedArrays.size(1, pairOutcomes.length) + PackedArrays.size(Float.BYTES, pairWeights.length, dense.length))
        .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(PACKED_MAGIC).putInt(PACKED_VERSION).putInt(outcomes).putInt(slots.length / 2);
    PackedArrays.putLongs(out, hashes);
    PackedArrays.putLongs(out, entries);
    PackedArrays.putBytes(out, pairOutcomes);
    PackedArrays.putFloats(out, pairWeights);
    PackedArrays.putFloats(out, dense);
    return out.array();
  }

  /**
   * The tables {@link #write} wrote.
   *
   * @throws IOException if the bytes are not such tables, or not for a model of {@code outcomes}
   *     outcomes
   */
  static FeatureWeights read(byte[] bytes, int outcomes) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (in.getInt() != PACKED_MAGIC || in.getInt() != PACKED_VERSION) {
        throw new IOException("not packed weights of this version");
      }
      if (in.getInt() != outcomes || outcomes > 256) {
        throw new IOException("the packed weights are for another number of outcomes");
      }
      int capacity = in.getInt();
      long[] hashes = PackedArrays.longs(in);
      long[] entries = PackedArrays.longs(in);
      byte[] pairOutcomes = PackedArrays.bytes(in);
      float[] pairWeights = PackedArrays.floats(in);
      float[] dense = PackedArrays.floats(in);
      if (Integer.bitCount(capacity) != 1 || hashes.length > capacity / 2 || entries.length != hashes.length
          || pairWeights.length != pairOutcomes.length || dense.length % outcomes != 0) {
        throw new IOException("malformed packed weight table");
      }
      if (in.hasRemaining()) {
        throw new IOException("packed weights followed by " + in.remaining() + " stray bytes");
      }
      long[] slots = new long[2 * capacity];
      int mask = capacity - 1;
      for (int i = 0; i < hashes.length; i++) {
        int slot = (int) hashes[i] & mask;
        while (slots[2 * slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        slots[2 * slot] = hashes[i];
        slots[2 * slot + 1] = entries[i];
      }
      return new FeatureWeights(slots, pairOutcomes, pairWeights, dense, outcomes);
    } catch (RuntimeException e) { // underflow, negative sizes
      throw new IOException("malformed packed weights: " + e, e);
    }
  }

  /** A handle for the feature's weights, or -1 if the model does not know the feature. */
  int find(String feature) {
    return find(Hash64.of(feature));
  }

  /** {@link #find(String)} for a feature's {@link Hash64#of(String)}. */
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
    if (handle >= 0) {
      addEntry(slots[2 * handle + 1], scores);
    }
  }

  /**
   * Where the weights of the feature behind a handle (not -1) are: a value that {@link #addEntry}
   * reads without going back to the table, for callers that keep it (one memory access fewer per
   * feature, and the table is megabytes).
   */
  long entry(int handle) {
    return slots[2 * handle + 1];
  }

  /** How many outcomes the model scores. */
  int outcomes() {
    return outcomes;
  }

  /** How many scores {@link #addEntry} touches for an entry: what adding it costs. */
  int width(long entry) {
    if (entry < 0) {
      return 1;
    }
    return (entry & DENSE) != 0 ? outcomes : (int) (entry & 0xFF);
  }

  /** {@link #add(int, double[])} for a feature's {@link #entry}. */
  void addEntry(long entry, double[] scores) {
    if (entry < 0) { // INLINE
      scores[(int) (entry >>> 32) & 0xFF] += Float.intBitsToFloat((int) entry);
    } else if ((entry & DENSE) != 0) {
      int from = (int) (entry & ~DENSE) * outcomes;
      for (int o = 0; o < outcomes; o++) {
        scores[o] += dense[from + o];
      }
    } else {
      int start = (int) (entry >>> 8);
      int end = start + (int) (entry & 0xFF);
      for (int a = start; a < end; a++) {
        scores[pairOutcomes[a] & 0xFF] += pairWeights[a];
      }
    }
  }
}
