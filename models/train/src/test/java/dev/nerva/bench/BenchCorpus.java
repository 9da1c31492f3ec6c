package dev.nerva.bench;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A news-like corpus for benchmarks, made from text in the repository: documents of 8 to 30
 * sentences drawn (seeded) from the seed articles, each with a document date. Also writes it as
 * JSON Lines for the example program:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath dev.nerva.bench.BenchCorpus /tmp/news.jsonl 300"
 * </pre>
 */
public final class BenchCorpus {

  /** One document: id, text, date. */
  public record Doc(String id, String text, LocalDate date) {}

  private BenchCorpus() {}

  /** {@code count} documents, the same for the same seed. */
  public static List<Doc> documents(int count, long seed) throws IOException {
    List<String> sentences = new ArrayList<>();
    try (var files = Files.list(seeds())) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".txt")).sorted()::iterator) {
        for (String paragraph : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          for (String sentence : Splitter.onPattern("(?<=[.!?])\\s+").omitEmptyStrings().split(paragraph)) {
            sentences.add(sentence.strip());
          }
        }
      }
    }
    Random random = new Random(seed);
    List<Doc> docs = new ArrayList<>(count);
    for (int d = 0; d < count; d++) {
      StringBuilder text = new StringBuilder();
      int length = 8 + random.nextInt(23);
      for (int s = 0; s < length; s++) {
        text.append(sentences.get(random.nextInt(sentences.size()))).append(s % 5 == 4 ? "\n\n" : " ");
      }
      docs.add(new Doc("doc-" + d, text.toString().strip(), LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366))));
    }
    return docs;
  }

  private static Path seeds() {
    Path here = Paths.get("seeds");
    return Files.isDirectory(here) ? here : Paths.get("../../seeds");
  }

  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args[0]);
    int count = Integer.parseInt(args[1]);
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Doc doc : documents(count, 1)) {
        writer.write(String.format(Locale.ROOT, "{\"id\":\"%s\",\"text\":%s,\"date\":\"%s\"}%n", doc.id(),
            jsonString(doc.text()),
            doc.date()));
      }
    }
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        default -> {
          if (c < 0x20) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
