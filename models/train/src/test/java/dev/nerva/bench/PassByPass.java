package dev.nerva.bench;

import dev.nerva.Nerva;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The batch corpus ({@link BenchCorpus}, 300 dated documents, 155,422 tokens) processed again and
 * again in one fresh JVM on one thread, each pass timed: how fast the first pass after loading
 * runs against the later ones, and how much CPU time the JVM's own threads (the JIT compilers,
 * mostly, and the garbage collector) had taken by the end of each pass: on one core, time the
 * tagging did not get.
 * The JMH {@link BatchBenchmark} gives the same first and steady figures in separate forks; this
 * shows the whole warm-up, and a pair of these runs started together on the two cores of a noisy
 * machine (one build or JVM setting on each, swapping cores between rounds) compares two builds
 * under the same load. Run from the repository root after {@code mvn install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * taskset -c 0 java [-XX:TieredStopAtLevel=1] \
 *   -cp models/train/target/test-classes:models/train/target/classes:$(cat /tmp/cp.txt) \
 *   dev.nerva.bench.PassByPass 6
 * </pre>
 */
public final class PassByPass {

  private PassByPass() {}

  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    List<BenchCorpus.Doc> corpus = BenchCorpus.documents(BatchBenchmark.DOCUMENTS, 1);
    long start = System.nanoTime();
    Nerva nerva = Nerva.english();
    nerva.process("Putin met Burkina Faso's prime minister in Moscow on Tuesday.");
    System.out.printf(Locale.ROOT, "load: %.2f s, JVM threads' CPU so far %.2f s%n", (System.nanoTime() - start) / 1e9,
        jvmThreadsCpuSeconds());
    for (int pass = 0; pass < passes; pass++) {
      long passStart = System.nanoTime();
      long tokens = 0;
      for (BenchCorpus.Doc doc : corpus) {
        tokens += nerva.process(doc.text(), doc.date()).tokens().size();
      }
      double seconds = (System.nanoTime() - passStart) / 1e9;
      System.out.printf(Locale.ROOT, "pass %d: %d tokens, %.2f s, %.0f tokens/s, JVM threads' CPU so far %.2f s%n",
          pass, tokens, seconds, tokens / seconds, jvmThreadsCpuSeconds());
    }
  }

  /** The process's CPU time less this (the only working) thread's: the JIT compilers and the GC. */
  private static double jvmThreadsCpuSeconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return (process - threads.getCurrentThreadCpuTime()) / 1e9;
  }
}
