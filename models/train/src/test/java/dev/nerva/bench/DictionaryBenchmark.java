package dev.nerva.bench;

import dev.nerva.Document;
import dev.nerva.EntityDictionary;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * What a large user dictionary costs the English pipeline: throughput on the seed article with no
 * dictionary and with one of {@code entries} phrases (half capitalised, matched as written; half
 * lower case, matched in any case; plus the seed's own groups, so some match). Setup prints the
 * dictionary's load time and retained heap. Run from the repository root after {@code mvn install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main DictionaryBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DictionaryBenchmark {

  @Param({"0", "1000000"})
  public int entries;

  private String text;
  private Nerva nerva;

  @Setup
  public void load() throws IOException {
    Path seed = Paths.get("seeds/000_6726bb20fb80e62f.txt");
    text = Files.readString(Files.exists(seed) ? seed : Paths.get("../..").resolve(seed), StandardCharsets.UTF_8);
    Nerva english = Nerva.english();
    if (entries == 0) {
      nerva = english;
      return;
    }
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    EntityDictionary dictionary = dictionary(entries);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long heap = usedHeap() - heapBefore;
    nerva = english.toBuilder().dictionary(dictionary).build();
    System.out.printf(Locale.ROOT, "%n%,d entries: built in %,d ms, %.0f MB of heap (%.0f bytes per entry)%n",
        dictionary.size(), millis, heap / 1e6, (double) heap / dictionary.size());
  }

  /** Synthetic phrases of one to three words, half of them lower case, and the seed's groups. */
  static EntityDictionary dictionary(int entries) {
    EntityDictionary.Builder builder = EntityDictionary.builder("bench")
        .add("Wagner", EntityType.ORGANIZATION).add("Africa Corps", EntityType.ORGANIZATION)
        .add("weapons", EntityType.of("WEAPON"));
    for (int i = 0; i < entries; i++) {
      String word = Integer.toString(i, 36);
      String phrase = switch (i % 3) {
        case 0 -> "Acme " + word;
        case 1 -> "Acme " + word + " Max";
        default -> word + " Holdings";
      };
      builder.add(i % 2 == 0 ? phrase : phrase.toLowerCase(Locale.ROOT), EntityType.of("PRODUCT"));
    }
    return builder.build();
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The English pipeline, with the dictionary if there is one. */
  @Benchmark
  public Document pipeline() {
    return nerva.process(text);
  }
}
