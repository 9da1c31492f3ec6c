package dev.nerva.train.encoder;

import com.google.common.base.Preconditions;
import dev.nerva.train.OntoNotesCorpus;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Word classes from a pretrained encoder (the {@code encoder-clusters} command): every lower-cased
 * word of the training split and of the recipe's gazetteers is embedded alone by {@link
 * MiniLmEncoder} and the vectors are grouped by spherical k-means at each requested granularity.
 * The name finder reads the classes like the OntoNotes clusters, after lower-casing the token, so a
 * word never seen in training still gets a class from what the encoder learned elsewhere ("Tbilisi"
 * near other capitals, "Danone" near food companies).
 */
public final class EncoderClusters {

  private static final int BATCH = 64;
  private static final int ITERATIONS = 15;

  private EncoderClusters() {}

  /**
   * Builds the vocabulary, embeds it and writes one {@code e<k>.clusters} file per {@code k}
   * into {@code outDir}; returns the files.
   */
  public static List<Path> build(Path corpus, List<Path> gazetteers, int[] ks, Path outDir, long seed,
      PrintStream log) throws IOException {
    List<String> vocabulary = vocabulary(OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train")), gazetteers);
    log.printf(Locale.ROOT, "%d words to embed%n", vocabulary.size());
    long t0 = System.nanoTime();
    float[][] vectors = new float[vocabulary.size()][];
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    try (MiniLmEncoder encoder = MiniLmEncoder.load(threads)) {
      for (int from = 0; from < vocabulary.size(); from += BATCH) {
        List<String> batch = vocabulary.subList(from, Math.min(vocabulary.size(), from + BATCH));
        float[][] embedded = encoder.embed(batch);
        System.arraycopy(embedded, 0, vectors, from, embedded.length);
        if ((from / BATCH) % 200 == 0) {
          log.printf(Locale.ROOT, "  embedded %d words in %.0f s%n", from + batch.size(), (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    log.printf(Locale.ROOT, "embedded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (int k : ks) {
      long t1 = System.nanoTime();
      int[] cluster = sphericalKMeans(vectors, k, seed);
      Path file = outDir.resolve("e" + k + ".clusters");
      List<String> lines = new ArrayList<>(vocabulary.size());
      for (int w = 0; w < vocabulary.size(); w++) {
        lines.add(vocabulary.get(w) + " " + cluster[w]);
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
      log.printf(Locale.ROOT, "wrote %s (%d words, %d classes, %.0f s)%n", file, lines.size(), k,
          (System.nanoTime() - t1) / 1e9);
      written.add(file);
    }
    return written;
  }

  /**
   * The lower-cased words with at least one letter of the training documents and of the
   * gazetteer names, sorted.
   */
  static List<String> vocabulary(List<GoldDocument> documents, List<Path> gazetteers) throws IOException {
    Set<String> words = new TreeSet<>();
    for (GoldDocument document : documents) {
      for (GoldSentence sentence : document.sentences()) {
        for (String token : sentence.tokens()) {
          addWord(token, words);
        }
      }
    }
    for (Path list : gazetteers) {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        int comment = line.indexOf('#');
        String name = (comment < 0 ? line : line.substring(0, comment)).strip();
        for (String token : name.split(" ")) {
          addWord(token, words);
        }
      }
    }
    return new ArrayList<>(words);
  }

  private static void addWord(String token, Set<String> words) {
    if (!token.isEmpty() && token.length() <= 40 && token.codePoints().anyMatch(Character::isLetter)
        && token.indexOf(' ') < 0) {
      words.add(token.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Spherical k-means over unit vectors: each vector to the centroid of highest cosine, centroids
   * re-normalised means; started from {@code k} distinct vectors drawn with {@code seed}. Returns
   * each vector's cluster.
   */
  static int[] sphericalKMeans(float[][] vectors, int k, long seed) {
    Preconditions.checkArgument(vectors.length > k, "only %s vectors for %s clusters", vectors.length, k);
    int dims = vectors[0].length;
    float[][] centroids = new float[k][];
    int[] start = new Random(seed).ints(0, vectors.length).distinct().limit(k).toArray();
    for (int c = 0; c < k; c++) {
      centroids[c] = vectors[start[c]].clone();
    }
    int[] assignment = new int[vectors.length];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      float[][] current = centroids;
      IntStream.range(0, vectors.length).parallel().forEach(w -> {
        float[] v = vectors[w];
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          float[] centroid = current[c];
          float score = 0;
          for (int d = 0; d < dims; d++) {
            score += centroid[d] * v[d];
          }
          if (score > bestScore) {
            bestScore = score;
            best = c;
          }
        }
        assignment[w] = best;
      });
      float[][] next = new float[k][dims];
      int[] sizes = new int[k];
      for (int w = 0; w < vectors.length; w++) {
        sizes[assignment[w]]++;
        float[] centroid = next[assignment[w]];
        for (int d = 0; d < dims; d++) {
          centroid[d] += vectors[w][d];
        }
      }
      for (int c = 0; c < k; c++) {
        if (sizes[c] == 0) {
          next[c] = current[c]; // an emptied cluster keeps its centroid
        } else {
          MiniLmEncoder.normalize(next[c]);
        }
      }
      centroids = next;
    }
    return assignment;
  }
}
