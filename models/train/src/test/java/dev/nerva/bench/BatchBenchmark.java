package dev.nerva.bench;

import dev.nerva.BatchInput;
import dev.nerva.BatchOptions;
import dev.nerva.Document;
import dev.nerva.Nerva;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a user's JVM sees over a corpus: load time, the first pass over 300 news-like documents
 * (about 155,000 tokens, {@link BenchCorpus}) right after loading, the same corpus once warm, and
 * {@code processAll} on one and two threads. Run from the repository root after {@code mvn
 * install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main BatchBenchmark"
 * </pre>
 *
 * Tokens per second = {@link #TOKENS} / seconds per operation. Load and first-pass figures are
 * single shots in fresh JVMs (one per fork); the others are warmed-up throughput. For the one-core
 * figures, put {@code taskset -c 0} before {@code mvn} (the forks inherit it) and add {@code -e
 * processAll} to the JMH arguments: two threads need two cores.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchBenchmark {

  /** The JVM flag of the examples' launcher script. */
  static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

  /** Tokens in the corpus, as the pipeline counts them. */
  static final int DOCUMENTS = 300;
  static final int TOKENS = 155_422;

  /** The corpus and a loaded pipeline; the load benchmarks do without, so that they load. */
  @State(Scope.Benchmark)
  public static class Loaded {
    List<BenchCorpus.Doc> corpus;
    List<BatchInput> inputs;
    Nerva nerva;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      corpus = BenchCorpus.documents(DOCUMENTS, 1);
      inputs = corpus.stream().map(d -> new BatchInput(d.id(), d.text(), d.date())).toList();
      nerva = Nerva.english();
    }
  }

  /** Nerva.english() in a fresh JVM: models, lexicon, tables, up to the first document. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Document loadEnglish() {
    return Nerva.english().process("Putin met Burkina Faso's prime minister in Moscow on Tuesday.");
  }

  /** The fast variant (left-to-right model alone) in a fresh JVM. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Document loadFast() {
    return Nerva.builder().fastEnglishNameFinder().build()
        .process("Putin met Burkina Faso's prime minister in Moscow on Tuesday.");
  }

  /** The corpus once, on one thread, straight after loading: what a short batch run sees. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(3)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public void firstPass(Loaded state, Blackhole hole) {
    for (BenchCorpus.Doc doc : state.corpus) {
      hole.consume(state.nerva.process(doc.text(), doc.date()));
    }
  }

  /** The corpus on one thread once the JIT has compiled everything. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 4, time = 10)
  @Measurement(iterations = 5, time = 10)
  public void steady(Loaded state, Blackhole hole) {
    for (BenchCorpus.Doc doc : state.corpus) {
      hole.consume(state.nerva.process(doc.text(), doc.date()));
    }
  }

  /**
   * {@link #firstPass} with the quick compiler alone, as {@code examples/bin/nerva-examples} runs:
   * no optimising compiler competing with the work for a core.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 3, jvmArgsAppend = QUICK_COMPILER)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public void firstPassQuickCompiler(Loaded state, Blackhole hole) {
    firstPass(state, hole);
  }

  /** {@link #steady} with the quick compiler alone: what its code sustains. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(value = 1, jvmArgsAppend = QUICK_COMPILER)
  @Warmup(iterations = 4, time = 10)
  @Measurement(iterations = 5, time = 10)
  public void steadyQuickCompiler(Loaded state, Blackhole hole) {
    steady(state, hole);
  }

  /** processAll on one worker thread. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 4, time = 10)
  @Measurement(iterations = 5, time = 10)
  public void processAllOneThread(Loaded state, Blackhole hole) {
    state.nerva.processAll(state.inputs, BatchOptions.threads(1), hole::consume);
  }

  /** processAll on two worker threads. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 4, time = 10)
  @Measurement(iterations = 5, time = 10)
  public void processAllTwoThreads(Loaded state, Blackhole hole) {
    state.nerva.processAll(state.inputs, BatchOptions.threads(2), hole::consume);
  }
}
