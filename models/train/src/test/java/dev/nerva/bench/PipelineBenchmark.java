package dev.nerva.bench;

import dev.nerva.Document;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import opennlp.tools.namefind.NameFinderME;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the pipeline on one core. Run from the repository root after {@code mvn install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main PipelineBenchmark -t 1"
 * </pre>
 *
 * Tokens per second = operations per second × the token count printed at setup. {@code
 * sentencesAndTokens} is the floor every configuration pays; {@code fullPipeline} adds the name
 * finder (both directions, as {@code Nerva.english()}), date rules, country and date resolution;
 * {@code fastPipeline} is the same with the left-to-right model alone. {@code nameFinderNerva}
 * and {@code nameFinderOpenNlp} decode the same sentences with the bundled left-to-right model,
 * by Nerva's decoder and by OpenNLP's {@link NameFinderME}: the decoder's speed-up, measured in
 * one run; {@code nameFinderBothDirections} adds the right-to-left model. With {@code -p
 * file=corpus} an operation is the 300 documents of {@link BenchCorpus} (155,422 tokens) instead
 * of one file, each document decoded by its own finder, so that the OpenNLP baseline is quoted on
 * the same multi-document tokens as the batch figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PipelineBenchmark {

  /** The text to process: the seed article, a file of your own, or "corpus" ({@link BenchCorpus}). */
  @Param({"seeds/000_6726bb20fb80e62f.txt"})
  public String file;

  private List<String> texts;
  private Nerva full;
  private Nerva fast;
  private NameFinderRecognizer both;
  private Nerva tokensOnly;
  /** Each document's sentences, as token forms. */
  private List<List<String[]>> sentences;
  private NameFinderRecognizer recognizer;

  @Setup
  public void load() throws IOException {
    if (file.equals("corpus")) {
      texts = BenchCorpus.documents(BatchBenchmark.DOCUMENTS, 1).stream().map(BenchCorpus.Doc::text).toList();
    } else {
      Path path = Paths.get(file);
      if (!Files.exists(path)) {
        path = Paths.get("..").resolve(file); // run from the models folder
      }
      texts = List.of(Files.readString(path, StandardCharsets.UTF_8));
    }
    full = Nerva.english();
    fast = Nerva.builder().fastEnglishNameFinder().build();
    tokensOnly = Nerva.builder().dateRules(false).build();
    sentences = new ArrayList<>();
    int tokens = 0;
    for (String text : texts) {
      Document document = full.process(text);
      sentences.add(document.sentences().stream().map(Sentence::forms).toList());
      tokens += document.tokens().size();
    }
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)) {
      recognizer = new NameFinderRecognizer("ner-en",
          NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_MODEL_RESOURCE), OntoNotesLabels.TO_NERVA);
    }
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE)) {
      both = recognizer.withBackwardModel(NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE));
    }
    System.out.println("\n" + file + ": " + tokens + " tokens per operation");
  }

  /** Sentences and tokens only. */
  @Benchmark
  public void sentencesAndTokens(Blackhole out) {
    processAll(tokensOnly, out);
  }

  /** The bundled name finder alone, decoded by Nerva. */
  @Benchmark
  public void nameFinderNerva(Blackhole out) {
    for (List<String[]> document : sentences) {
      out.consume(recognizer.find(document));
    }
  }

  /** The bundled name finder reading both ways, as {@code Nerva.english()} runs it. */
  @Benchmark
  public void nameFinderBothDirections(Blackhole out) {
    for (List<String[]> document : sentences) {
      out.consume(both.find(document));
    }
  }

  /** The bundled name finder alone, decoded by OpenNLP, one finder per document as Nerva does. */
  @Benchmark
  public void nameFinderOpenNlp(Blackhole out) {
    for (List<String[]> document : sentences) {
      NameFinderME finder = new NameFinderME(recognizer.model());
      for (String[] sentence : document) {
        out.consume(finder.find(sentence));
      }
    }
  }

  /** {@code Nerva.english()} with the left-to-right model alone ({@code fastEnglishNameFinder}). */
  @Benchmark
  public void fastPipeline(Blackhole out) {
    processAll(fast, out);
  }

  /** Everything {@code Nerva.english()} does. */
  @Benchmark
  public void fullPipeline(Blackhole out) {
    processAll(full, out);
  }

  private void processAll(Nerva nerva, Blackhole out) {
    for (String text : texts) {
      out.consume(nerva.process(text));
    }
  }
}
