package dev.nerva.train.encoder;

import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contextual vectors of a corpus's tokens from {@link MiniLmEncoder} (each token's pieces'
 * mean, each sentence read whole), computed once on every core and cached outside the
 * repository: the input of the contextual-codes experiment's {@link CodebookTraining}.
 */
public final class ContextualVectors {

  private ContextualVectors() {}

  /**
   * The token vectors of every sentence of the documents, in order, read from {@code cache} if it
   * holds them for these documents, otherwise computed (on every core) and written there.
   */
  public static float[][][] vectors(List<GoldDocument> documents, MiniLmEncoder.Pooling pooling, Path cache,
      PrintStream log) throws IOException, InterruptedException {
    List<String[]> sentences = new ArrayList<>();
    long tokens = 0;
    long fingerprint = 17;
    for (GoldDocument d : documents) {
      for (GoldSentence s : d.sentences()) {
        String[] forms = s.tokens().toArray(new String[0]);
        sentences.add(forms);
        tokens += forms.length;
        fingerprint = fingerprint * 31 + Arrays.hashCode(forms);
      }
    }
    float[][][] vectors = new float[sentences.size()][][];
    if (cache != null && Files.isRegularFile(cache)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
        if (in.readLong() == fingerprint && in.readInt() == sentences.size()) {
          for (int s = 0; s < vectors.length; s++) {
            int n = sentences.get(s).length;
            vectors[s] = new float[n][MiniLmEncoder.DIMENSIONS];
            for (float[] v : vectors[s]) {
              for (int d = 0; d < v.length; d++) {
                v[d] = in.readFloat();
              }
            }
          }
          log.printf(Locale.ROOT, "read %d token vectors from %s%n", tokens, cache);
          return vectors;
        }
      }
      log.println("cache " + cache + " is for other documents: computing again");
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (MiniLmEncoder encoder = MiniLmEncoder.load(1)) {
      List<Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int s; (s = next.getAndIncrement()) < vectors.length; ) {
            vectors[s] = encoder.tokenVectors(sentences.get(s), pooling);
            int finished = done.incrementAndGet();
            if (finished % 10_000 == 0) {
              log.printf(Locale.ROOT, "  %d of %d sentences in %.0f s%n", finished, vectors.length,
                  (System.nanoTime() - t0) / 1e9);
            }
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("encoding failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    log.printf(Locale.ROOT, "encoded %d tokens in %.0f s (%.0f tokens/s on %d threads)%n", tokens, seconds,
        tokens / seconds, threads);
    if (cache != null) {
      Files.createDirectories(cache.toAbsolutePath().getParent());
      Path partial = cache.resolveSibling(cache.getFileName() + ".part");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
        out.writeLong(fingerprint);
        out.writeInt(vectors.length);
        for (float[][] sentence : vectors) {
          for (float[] v : sentence) {
            for (float x : v) {
              out.writeFloat(x);
            }
          }
        }
      }
      Files.move(partial, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      log.println("cached the vectors in " + cache);
    }
    return vectors;
  }
}
