package dev.nerva.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.Nerva;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the entities of a text file as a table, or processes JSON Lines in batch.
 *
 * <pre>
 * java -jar examples/target/nerva-examples.jar [FILE] [--date YYYY-MM-DD]   # default: the seed article
 * java -jar examples/target/nerva-examples.jar --jsonl IN OUT               # '-' is stdin / stdout
 * </pre>
 *
 * <p>{@code --date} is the document date relative dates resolve against ("Tuesday", "last year").
 * In JSON Lines mode each input line is an object {@code {"id": ..., "text": ..., "date":
 * "YYYY-MM-DD"}} ({@code date} optional); each output
 * line is {@code {"id": ..., "entities": [{"type", "start", "end", "text", "confidence",
 * "normalized"}]}}, offsets in UTF-16 code units of the text (Java and JavaScript string indices).
 * A line that is not such an object gives {@code {"id": ..., "error": "..."}} in its place, so
 * output line N always answers input line N, and the exit code is 1.
 */
public final class ExtractEntities {

  /** The seed article the program reads when given no file. */
  public static final String DEFAULT_INPUT = "seeds/000_6726bb20fb80e62f.txt";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtractEntities() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args, System.out, System.err));
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getCause().getMessage());
      System.exit(1);
    }
  }

  private static final String USAGE =
      "usage: nerva-examples [FILE] [--date YYYY-MM-DD]   |   nerva-examples --jsonl IN OUT   ('-' = stdin/stdout)";

  /** Runs the program; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println(USAGE);
      return 0;
    }
    LocalDate documentDate = null;
    List<String> rest = new ArrayList<>(List.of(args));
    int dateFlag = rest.indexOf("--date");
    if (dateFlag >= 0 && !rest.contains("--jsonl")) {
      if (dateFlag + 1 >= rest.size()) {
        err.println(USAGE);
        return 2;
      }
      try {
        documentDate = LocalDate.parse(rest.get(dateFlag + 1));
      } catch (DateTimeParseException e) {
        err.println("error: --date takes YYYY-MM-DD, not " + rest.get(dateFlag + 1));
        return 2;
      }
      rest.subList(dateFlag, dateFlag + 2).clear();
      args = rest.toArray(new String[0]);
    }
    if (args.length > 0 && args[0].equals("--jsonl")) {
      if (args.length != 3) {
        err.println("usage: --jsonl IN OUT   ('-' = stdin/stdout)");
        return 2;
      }
      return jsonl(args[1], args[2], err);
    }
    if (args.length > 1) {
      err.println(USAGE);
      return 2;
    }
    Path file = Paths.get(args.length == 1 ? args[0] : DEFAULT_INPUT);
    if (!Files.isRegularFile(file)) {
      err.println("error: no such file: " + file.toAbsolutePath()
          + (args.length == 0 ? " (run from the repository root, or pass a file)" : ""));
      return 1;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("error: cannot read " + file + " as UTF-8: " + e.getMessage());
      return 1;
    }
    printTable(documentDate == null ? Nerva.english().process(text) : Nerva.english().process(text, documentDate), out);
    return 0;
  }

  /** Prints one row per entity: type, text, offsets, confidence, normalised value. */
  static void printTable(Document document, PrintStream out) {
    String format = "%-13s %-50s %11s %6s  %s%n";
    out.printf(Locale.ROOT, format, "TYPE", "TEXT", "OFFSETS", "CONF", "NORMALIZED");
    for (Entity e : document.entities()) {
      String text = e.text().length() > 50 ? e.text().substring(0, 47) + "..." : e.text();
      out.printf(Locale.ROOT, format, e.type(), text.replace('\n', ' '), e.start() + "-" + e.end(),
          String.format(Locale.ROOT, "%.2f", e.confidence()), e.normalizedValue().orElse(""));
    }
    out.printf(Locale.ROOT, "%d entities, %d sentences, %d tokens%n",
        document.entities().size(), document.sentences().size(), document.tokens().size());
  }

  private static int jsonl(String in, String out, PrintStream err) {
    Nerva nerva = Nerva.english();
    int lineNumber = 0;
    int failures = 0;
    try (BufferedReader reader = new BufferedReader(open(in));
        Writer writer = out.equals("-")
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(Paths.get(out), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result;
        try {
          JsonNode input = JSON.readTree(line);
          JsonNode text = input.get("text");
          JsonNode date = input.get("date");
          if (text == null || !text.isTextual()) {
            result = error(input.get("id"), "no \"text\" string");
          } else if (date != null && !date.isNull()) {
            LocalDate documentDate = parseDate(date);
            result = documentDate == null
                ? error(input.get("id"), "\"date\" must be a YYYY-MM-DD string")
                : toJson(input.get("id"), nerva.process(text.asText(), documentDate));
          } else {
            result = toJson(input.get("id"), nerva.process(text.asText()));
          }
        } catch (IOException e) {
          result = error(null, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (result.has("error")) {
          // The output keeps one line per input line, so a bad line is reported, never dropped.
          err.printf("line %d: %s%n", lineNumber, result.get("error").asText());
          failures++;
        }
        writer.write(JSON.writeValueAsString(result));
        writer.write('\n');
      }
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    return failures == 0 ? 0 : 1;
  }

  /** The output object of one document. */
  static ObjectNode toJson(JsonNode id, Document document) {
    ObjectNode result = JSON.createObjectNode();
    result.set("id", id);
    ArrayNode entities = result.putArray("entities");
    for (Entity e : document.entities()) {
      ObjectNode entity = entities.addObject();
      entity.put("type", e.type().name());
      entity.put("start", e.start());
      entity.put("end", e.end());
      entity.put("text", e.text());
      entity.put("confidence", Math.round(e.confidence() * 10000) / 10000.0);
      entity.put("normalized", e.normalized()); // JSON null when there is none
    }
    return result;
  }

  private static LocalDate parseDate(JsonNode date) {
    if (!date.isTextual()) {
      return null;
    }
    try {
      return LocalDate.parse(date.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ObjectNode error(JsonNode id, String message) {
    ObjectNode result = JSON.createObjectNode();
    result.set("id", id);
    result.put("error", message);
    return result;
  }

  private static Reader open(String in) throws IOException {
    return in.equals("-")
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Paths.get(in), StandardCharsets.UTF_8);
  }
}
