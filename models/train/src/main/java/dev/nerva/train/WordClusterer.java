package dev.nerva.train;

import com.google.common.base.Preconditions;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Word clusters from unlabeled text, for OpenNLP's word-cluster features: every frequent word gets
 * a vector of the words seen just left and right of it (positive pointwise mutual information
 * over the most frequent context words), and spherical k-means groups words with similar
 * vectors. Rare words of the same kind ("Belousov", "Prigozhin") then share a feature with
 * frequent ones the model has learned about.
 *
 * <p>Only the tokens are read; the labels are ignored. Deterministic for a given input and seed.
 */
public final class WordClusterer {

  private static final int CONTEXT_WORDS = 2000;
  private static final int MIN_COUNT = 3;
  private static final int ITERATIONS = 15;

  private WordClusterer() {}

  /** Clusters the words of {@code documents} into {@code k} clusters; returns word to cluster. */
  public static Map<String, Integer> cluster(List<GoldDocument> documents, int k, long seed) {
    Map<String, Integer> counts = new HashMap<>();
    for (GoldDocument d : documents) {
      for (GoldSentence s : d.sentences()) {
        for (String t : s.tokens()) {
          counts.merge(t, 1, Integer::sum);
        }
      }
    }
    List<String> byFrequency = new ArrayList<>(counts.keySet());
    byFrequency.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
    Map<String, Integer> contextId = new HashMap<>();
    for (int i = 0; i < Math.min(CONTEXT_WORDS, byFrequency.size()); i++) {
      contextId.put(byFrequency.get(i), i);
    }
    // Words to cluster: ASCII only (OpenNLP writes cluster files in the platform charset).
    List<String> vocab = new ArrayList<>();
    Map<String, Integer> wordId = new HashMap<>();
    for (String w : byFrequency) {
      if (counts.get(w) >= MIN_COUNT && w.chars().allMatch(c -> c > ' ' && c < 127)) {
        wordId.put(w, vocab.size());
        vocab.add(w);
      }
    }
    Preconditions.checkArgument(vocab.size() > k, "only %s words to put in %s clusters", vocab.size(), k);
    int dims = 2 * CONTEXT_WORDS + 2; // left contexts, right contexts, and an "other" bucket each side
    List<Map<Integer, Double>> raw = new ArrayList<>(vocab.size());
    for (int i = 0; i < vocab.size(); i++) {
      raw.add(new HashMap<>());
    }
    double[] contextTotals = new double[dims];
    for (GoldDocument d : documents) {
      for (GoldSentence s : d.sentences()) {
        List<String> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
          Integer w = wordId.get(tokens.get(i));
          if (w == null) {
            continue;
          }
          int left = i == 0 ? CONTEXT_WORDS : contextId.getOrDefault(tokens.get(i - 1), CONTEXT_WORDS);
          int right = CONTEXT_WORDS + 1
              + (i + 1 == tokens.size() ? CONTEXT_WORDS : contextId.getOrDefault(tokens.get(i + 1), CONTEXT_WORDS));
          raw.get(w).merge(left, 1.0, Double::sum);
          raw.get(w).merge(right, 1.0, Double::sum);
          contextTotals[left]++;
          contextTotals[right]++;
        }
      }
    }
    double total = Arrays.stream(contextTotals).sum();
    int[][] index = new int[vocab.size()][];
    double[][] value = new double[vocab.size()][];
    for (int w = 0; w < vocab.size(); w++) {
      Map<Integer, Double> row = raw.get(w);
      double rowTotal = row.values().stream().mapToDouble(Double::doubleValue).sum();
      TreeMap<Integer, Double> ppmi = new TreeMap<>();
      for (Map.Entry<Integer, Double> e : row.entrySet()) {
        double pmi = Math.log(e.getValue() * total / (rowTotal * contextTotals[e.getKey()]));
        if (pmi > 0) {
          ppmi.put(e.getKey(), pmi);
        }
      }
      index[w] = ppmi.keySet().stream().mapToInt(Integer::intValue).toArray();
      value[w] = ppmi.values().stream().mapToDouble(Double::doubleValue).toArray();
      normalize(value[w]);
    }
    // Spherical k-means, started from k distinct words drawn from the frequent part of the vocabulary.
    Random random = new Random(seed);
    double[][] centroids = new double[k][dims];
    int pool = Math.min(vocab.size(), 5 * k);
    int[] start = random.ints(0, pool).distinct().limit(k).toArray();
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < index[start[c]].length; j++) {
        centroids[c][index[start[c]][j]] = value[start[c]][j];
      }
    }
    int[] assignment = new int[vocab.size()];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      for (int w = 0; w < vocab.size(); w++) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double score = 0;
          double[] centroid = centroids[c];
          for (int j = 0; j < index[w].length; j++) {
            score += centroid[index[w][j]] * value[w][j];
          }
          if (score > bestScore) {
            bestScore = score;
            best = c;
          }
        }
        assignment[w] = best;
      }
      for (double[] centroid : centroids) {
        Arrays.fill(centroid, 0);
      }
      for (int w = 0; w < vocab.size(); w++) {
        double[] centroid = centroids[assignment[w]];
        for (int j = 0; j < index[w].length; j++) {
          centroid[index[w][j]] += value[w][j];
        }
      }
      for (double[] centroid : centroids) {
        normalize(centroid);
      }
    }
    Map<String, Integer> clusters = new HashMap<>();
    for (int w = 0; w < vocab.size(); w++) {
      clusters.put(vocab.get(w), assignment[w]);
    }
    return clusters;
  }

  private static void normalize(double[] v) {
    double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
  }

  /** Writes clusters in OpenNLP's word-cluster format: "word cluster" per line, sorted by word. */
  public static void write(Map<String, Integer> clusters, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Integer> e : new TreeMap<>(clusters).entrySet()) {
        out.write(e.getKey() + " " + e.getValue() + "\n");
      }
    }
  }
}
