package dev.nerva.bench;

import dev.nerva.BatchInput;
import dev.nerva.BatchOptions;
import dev.nerva.Nerva;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code processAll} on one worker thread against two, over the batch corpus ({@link BenchCorpus}),
 * alternating within one warmed-up JVM: on a shared machine whose speed drifts over minutes, runs
 * taken back to back compare better than {@link BatchBenchmark}'s two benchmarks a few minutes apart.
 * Prints each round's seconds and the ratio of the medians. Run from the repository root after
 * {@code mvn install}, on a machine with at least two cores:
 *
 * <pre>
 * mvn -q -pl models/train test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp models/train/target/test-classes:models/train/target/classes:$(cat /tmp/cp.txt) \
 *   dev.nerva.bench.ThreadScaling 12
 * </pre>
 */
public final class ThreadScaling {

  private ThreadScaling() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    List<BatchInput> inputs = BenchCorpus.documents(BatchBenchmark.DOCUMENTS, 1).stream()
        .map(doc -> new BatchInput(doc.id(), doc.text(), doc.date())).toList();
    Nerva nerva = Nerva.english();
    for (int warmUp = 0; warmUp < 6; warmUp++) {
      seconds(nerva, inputs, 1 + warmUp % 2);
    }
    List<Double> one = new ArrayList<>();
    List<Double> two = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      // Alternate which goes first, so that neither always follows the other.
      boolean oneFirst = round % 2 == 0;
      double first = seconds(nerva, inputs, oneFirst ? 1 : 2);
      double second = seconds(nerva, inputs, oneFirst ? 2 : 1);
      one.add(oneFirst ? first : second);
      two.add(oneFirst ? second : first);
      System.out.printf(Locale.ROOT, "round %d: one thread %.2f s, two threads %.2f s%n", round, one.get(round),
          two.get(round));
    }
    double medianOne = median(one);
    double medianTwo = median(two);
    System.out.printf(Locale.ROOT, "medians: one thread %.0f tokens/s, two threads %.0f tokens/s: %.2fx%n",
        BatchBenchmark.TOKENS / medianOne, BatchBenchmark.TOKENS / medianTwo, medianOne / medianTwo);
  }

  private static double seconds(Nerva nerva, List<BatchInput> inputs, int threads) {
    long start = System.nanoTime();
    nerva.processAll(inputs, BatchOptions.threads(threads), result -> { });
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
