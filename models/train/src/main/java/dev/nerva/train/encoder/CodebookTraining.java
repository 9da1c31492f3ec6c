package dev.nerva.train.encoder;

import com.google.common.base.Preconditions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fits the contextual-codes experiment's {@link Codebook} by k-means (Lloyd's algorithm) over a sample of
 * the training tokens' contextual vectors, the whole vectors and each slice at once, and turns
 * sentences into the code table that training reads by content.
 */
public final class CodebookTraining {

  private CodebookTraining() {}

  /**
   * k-means over {@code sample} token vectors drawn from {@code vectors} (all of them if fewer).
   *
   * @param vectors per sentence, per token, the encoder's vectors
   * @param wholeK centroids of the whole vector
   * @param slices slices of the vector
   * @param sliceK centroids per slice
   * @param iterations Lloyd iterations
   */
  public static Codebook fit(float[][][] vectors, int wholeK, int slices, int sliceK, int sample, int iterations,
      long seed, PrintStream log) {
    int d = MiniLmEncoder.DIMENSIONS;
    Preconditions.checkArgument(d % slices == 0, "slices must divide %s", d);
    List<float[]> all = new ArrayList<>();
    for (float[][] sentence : vectors) {
      for (float[] v : sentence) {
        all.add(v);
      }
    }
    Random random = new Random(seed);
    java.util.Collections.shuffle(all, random);
    float[][] points = all.subList(0, Math.min(sample, all.size())).toArray(new float[0][]);
    Preconditions.checkArgument(points.length >= Math.max(wholeK, sliceK), "too few vectors for %s centroids",
        Math.max(wholeK, sliceK));
    int width = d / slices;
    float[] whole = new float[wholeK * d];
    float[] sliced = new float[slices * sliceK * width];
    for (int c = 0; c < wholeK; c++) {
      System.arraycopy(points[c], 0, whole, c * d, d);
    }
    for (int s = 0; s < slices; s++) {
      for (int c = 0; c < sliceK; c++) {
        System.arraycopy(points[(c * 7 + s) % points.length], s * width, sliced, (s * sliceK + c) * width, width);
      }
    }
    long t0 = System.nanoTime();
    for (int iteration = 1; iteration <= iterations; iteration++) {
      Codebook book = new Codebook(d, whole, slices, sliced);
      int[][] codes = new int[points.length][];
      IntStream.range(0, points.length).parallel().forEach(p -> codes[p] = book.encode(points[p]));
      double[] wholeSums = new double[wholeK * d];
      int[] wholeCounts = new int[wholeK];
      double[] sliceSums = new double[slices * sliceK * width];
      int[] sliceCounts = new int[slices * sliceK];
      for (int p = 0; p < points.length; p++) {
        int c = codes[p][0];
        wholeCounts[c]++;
        for (int k = 0; k < d; k++) {
          wholeSums[c * d + k] += points[p][k];
        }
        for (int s = 0; s < slices; s++) {
          int cs = s * sliceK + codes[p][1 + s];
          sliceCounts[cs]++;
          for (int k = 0; k < width; k++) {
            sliceSums[cs * width + k] += points[p][s * width + k];
          }
        }
      }
      int empty = 0;
      for (int c = 0; c < wholeK; c++) {
        float[] replacement = wholeCounts[c] == 0 ? points[random.nextInt(points.length)] : null;
        empty += replacement == null ? 0 : 1;
        for (int k = 0; k < d; k++) {
          whole[c * d + k] = replacement != null ? replacement[k] : (float) (wholeSums[c * d + k] / wholeCounts[c]);
        }
      }
      for (int cs = 0; cs < slices * sliceK; cs++) {
        int s = cs / sliceK;
        float[] replacement = sliceCounts[cs] == 0 ? points[random.nextInt(points.length)] : null;
        empty += replacement == null ? 0 : 1;
        for (int k = 0; k < width; k++) {
          sliced[cs * width + k] = replacement != null ? replacement[s * width + k]
              : (float) (sliceSums[cs * width + k] / sliceCounts[cs]);
        }
      }
      log.printf(Locale.ROOT, "  k-means iteration %d: %d empty centroids re-seeded (%.0f s)%n", iteration, empty,
          (System.nanoTime() - t0) / 1e9);
    }
    return new Codebook(d, whole, slices, sliced);
  }

  /**
   * The codes of every sentence, keyed by content as {@link #key} makes it, in reading order and
   * reversed (for right-to-left training). The encoder lower-cases, so case-augmented copies of a
   * sentence find its codes too.
   */
  public static Map<String, int[][]> byContent(List<String[]> sentences, float[][][] vectors, Codebook book) {
    Preconditions.checkArgument(sentences.size() == vectors.length, "one vector array per sentence");
    int[][][] codes = new int[vectors.length][][];
    IntStream.range(0, vectors.length).parallel().forEach(s -> {
      codes[s] = new int[vectors[s].length][];
      for (int i = 0; i < vectors[s].length; i++) {
        codes[s][i] = book.encode(vectors[s][i]);
      }
    });
    Map<String, int[][]> table = new HashMap<>(4 * sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      String[] tokens = sentences.get(s);
      table.put(key(tokens), codes[s]);
      String[] reversed = new String[tokens.length];
      int[][] reversedCodes = new int[tokens.length][];
      for (int i = 0; i < tokens.length; i++) {
        reversed[i] = tokens[tokens.length - 1 - i];
        reversedCodes[i] = codes[s][tokens.length - 1 - i];
      }
      table.putIfAbsent(key(reversed), reversedCodes);
    }
    return table;
  }

  /** A sentence's key in {@link #byContent}'s table: its tokens lower-cased, joined. */
  public static String key(String[] tokens) {
    return String.join("\u0001", tokens).toLowerCase(Locale.ROOT);
  }
}
