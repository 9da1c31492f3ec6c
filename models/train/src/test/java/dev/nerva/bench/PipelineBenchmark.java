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
import opennlp.tools.util.Span;
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
 * one run; {@code nameFinderBothDirections} adds the right-to-left model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PipelineBenchmark {

  /** The text to process: the seed article, or a file of your own. */
  @Param({"seeds/000_6726bb20fb80e62f.txt"})
  public String file;

  private String text;
  private Nerva full;
  private Nerva fast;
  private NameFinderRecognizer both;
  private Nerva tokensOnly;
  private List<String[]> sentences;
  private NameFinderRecognizer recognizer;

  @Setup
  public void load() throws IOException {
    Path path = Paths.get(file);
    if (!Files.exists(path)) {
      path = Paths.get("..").resolve(file); // run from the models folder
    }
    text = Files.readString(path, StandardCharsets.UTF_8);
    full = Nerva.english();
    fast = Nerva.builder().fastEnglishNameFinder().build();
    tokensOnly = Nerva.builder().dateRules(false).build();
    sentences = full.process(text).sentences().stream().map(Sentence::forms).toList();
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)) {
      recognizer = new NameFinderRecognizer("ner-en",
          NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_MODEL_RESOURCE), OntoNotesLabels.TO_NERVA);
    }
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE)) {
      both = recognizer.withBackwardModel(NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE));
    }
    System.out.println("\n" + path + ": " + full.process(text).tokens().size() + " tokens per operation");
  }

  /** Sentences and tokens only. */
  @Benchmark
  public Document sentencesAndTokens() {
    return tokensOnly.process(text);
  }

  /** The bundled name finder alone, decoded by Nerva. */
  @Benchmark
  public List<Span[]> nameFinderNerva() {
    return recognizer.find(sentences);
  }

  /** The bundled name finder reading both ways, as {@code Nerva.english()} runs it. */
  @Benchmark
  public List<Span[]> nameFinderBothDirections() {
    return both.find(sentences);
  }

  /** The bundled name finder alone, decoded by OpenNLP, one finder per document as Nerva does. */
  @Benchmark
  public List<Span[]> nameFinderOpenNlp() {
    NameFinderME finder = new NameFinderME(recognizer.model());
    List<Span[]> out = new ArrayList<>(sentences.size());
    for (String[] sentence : sentences) {
      out.add(finder.find(sentence));
    }
    return out;
  }

  /** {@code Nerva.english()} with the left-to-right model alone ({@code fastEnglishNameFinder}). */
  @Benchmark
  public Document fastPipeline() {
    return fast.process(text);
  }

  /** Everything {@code Nerva.english()} does. */
  @Benchmark
  public Document fullPipeline() {
    return full.process(text);
  }
}
