package dev.nerva.bench;

import dev.nerva.Nerva;
import dev.nerva.train.OntoNotesCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Steady throughput of {@code Nerva.english()} on real, varied text: the documents of OntoNotes
 * dev (about 254,000 tokens; their tokens joined by spaces, one sentence a line, no document
 * dates), processed again and again on one thread. {@link BenchCorpus} is made from the one seed
 * article and has a few hundred distinct words, so caches keyed by token see far more repeats there
 * than in real text; this is the check. Run from the repository root after {@code mvn install},
 * pinned to one core:
 *
 * <pre>
 * mvn -q -pl models/train test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * taskset -c 0 java -cp models/train/target/test-classes:models/train/target/classes:$(cat /tmp/cp.txt) \
 *   dev.nerva.bench.DevThroughput /path/to/ontonotes5 8
 * </pre>
 *
 * Prints each pass's tokens per second and the median of the second half of the passes.
 */
public final class DevThroughput {

  private DevThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: DevThroughput CORPUS_DIR [PASSES]");
      System.exit(2);
    }
    Path corpus = Paths.get(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    List<String> texts = new ArrayList<>();
    for (OntoNotesCorpus.GoldDocument document : OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "dev"))) {
      StringBuilder text = new StringBuilder();
      for (OntoNotesCorpus.GoldSentence sentence : document.sentences()) {
        text.append(String.join(" ", sentence.tokens())).append('\n');
      }
      texts.add(text.toString());
    }
    Nerva nerva = Nerva.english();
    List<Double> rates = new ArrayList<>();
    for (int pass = 0; pass < passes; pass++) {
      long start = System.nanoTime();
      long tokens = 0;
      for (String text : texts) {
        tokens += nerva.process(text).tokens().size();
      }
      double rate = tokens / ((System.nanoTime() - start) / 1e9);
      rates.add(rate);
      System.out.printf(Locale.ROOT, "pass %d: %d tokens, %.0f tokens/s%n", pass, tokens, rate);
    }
    List<Double> warm = new ArrayList<>(rates.subList(passes / 2, passes));
    Collections.sort(warm);
    System.out.printf(Locale.ROOT, "median of the last %d passes: %.0f tokens/s%n", warm.size(), warm.get(warm.size() / 2));
  }
}
