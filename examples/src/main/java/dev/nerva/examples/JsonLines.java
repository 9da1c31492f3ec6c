package dev.nerva.examples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nerva.BatchInput;
import dev.nerva.BatchOptions;
import dev.nerva.BatchProgress;
import dev.nerva.BatchResult;
import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.Nerva;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The JSON Lines mode of {@link ExtractEntities}: reads {@code {"id", "text", "date"}} objects one
 * per line, tags them on several threads with {@link Nerva#processAll}, and writes one answer per
 * input line, in order: {@code {"id", "entities": [...]}} or {@code {"id", "error"}}.
 */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** For reading one value out of a longer (possibly broken) line, where trailing tokens are expected. */
  private static final ObjectMapper LENIENT = new ObjectMapper();

  /** Progress is shown in place on a terminal once this many lines are done. */
  private static final long PROGRESS_AFTER = 2_000;

  /** What the reader knows of a line until its result is written: its id, or why it failed. */
  private record Pending(JsonNode id, String error) {}

  private final Nerva nerva;
  private final int threads;
  private final PrintStream err;
  private final boolean terminal;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long failedLines;

  JsonLines(Nerva nerva, int threads, PrintStream err, boolean terminal) {
    this.nerva = nerva;
    this.threads = threads;
    this.err = err;
    this.terminal = terminal;
  }

  /**
   * Tags every line of {@code lines} and writes the answers to {@code out}.
   *
   * @return the number of lines that failed
   * @throws UncheckedIOException if reading or writing fails; the run stops there
   */
  long run(LineReader lines, Writer out) {
    Iterator<BatchInput> inputs = new Iterator<>() {
      private LineReader.Line next;
      private long index;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = lines.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return next != null;
      }

      @Override
      public BatchInput next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LineReader.Line line = next;
        next = null;
        return input(index++, line);
      }
    };
    BatchOptions options = BatchOptions.threads(threads).progress(this::progress);
    BatchProgress done = nerva.processAll(inputs, options, result -> write(result, out));
    if (terminal && done.documents() >= PROGRESS_AFTER) {
      err.print("\r\033[K");
    }
    err.printf(Locale.ROOT, "nerva: %,d lines, %,d failed, %,d tokens in %.1f s (%,.0f tokens/s)%n",
        done.documents(), failedLines, done.tokens(), done.elapsed().toNanos() / 1e9, done.tokensPerSecond());
    return failedLines;
  }

  /** The batch input of a line; a line that cannot be processed goes through as empty text. */
  private BatchInput input(long index, LineReader.Line line) {
    if (line.error() != null) {
      return failed(index, idIn(line.prefix()), line.error());
    }
    if (line.text().isBlank()) {
      return failed(index, NullNode.getInstance(), "blank line");
    }
    JsonNode object;
    try {
      object = JSON.readTree(line.text());
    } catch (JsonProcessingException e) {
      return failed(index, idIn(line.text()), "not JSON: " + e.getOriginalMessage());
    }
    if (!object.isObject()) {
      return failed(index, NullNode.getInstance(), "not a JSON object");
    }
    JsonNode id = object.has("id") ? object.get("id") : NullNode.getInstance();
    JsonNode text = object.get("text");
    JsonNode date = object.get("date");
    if (text == null || !text.isTextual()) {
      return failed(index, id, "no \"text\" string");
    }
    LocalDate documentDate = null;
    if (date != null && !date.isNull()) {
      try {
        documentDate = date.isTextual() ? LocalDate.parse(date.asText()) : null;
      } catch (DateTimeParseException e) {
        documentDate = null;
      }
      if (documentDate == null) {
        return failed(index, id, "\"date\" must be a YYYY-MM-DD string");
      }
    }
    pending.put(index, new Pending(id, null));
    return new BatchInput(null, text.asText(), documentDate);
  }

  private BatchInput failed(long index, JsonNode id, String error) {
    pending.put(index, new Pending(id, error));
    return new BatchInput(null, "", null);
  }

  private void write(BatchResult result, Writer out) {
    Pending line = pending.remove(result.index());
    String error = line.error() != null ? line.error()
        : result.succeeded() ? null : result.error().getClass().getSimpleName() + ": " + result.error().getMessage();
    ObjectNode answer = error != null ? error(line.id(), error) : toJson(line.id(), result.document());
    if (error != null) {
      failedLines++;
      err.printf(Locale.ROOT, "line %d: %s%n", result.index() + 1, error);
    }
    try {
      out.write(escapeLoneSurrogates(JSON.writeValueAsString(answer)));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void progress(BatchProgress progress) {
    if (terminal && progress.documents() >= PROGRESS_AFTER) {
      err.printf(Locale.ROOT, "\r\033[Knerva: %,d lines, %,d failed, %,.0f tokens/s",
          progress.documents(), failedLines, progress.tokensPerSecond());
      err.flush();
    }
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

  private static ObjectNode error(JsonNode id, String message) {
    ObjectNode result = JSON.createObjectNode();
    result.set("id", id);
    result.put("error", message);
    return result;
  }

  /**
   * The "id" of a line's object if it comes before anything malformed, so that an error answer
   * still names its line: read as a stream, so that a cut or broken line gives what precedes the
   * damage.
   */
  static JsonNode idIn(String prefix) {
    if (prefix == null) {
      return NullNode.getInstance();
    }
    try (JsonParser parser = LENIENT.createParser(prefix)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NullNode.getInstance();
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("id")) {
          JsonNode id = LENIENT.readTree(parser);
          return id.isValueNode() || id.isNull() ? id : NullNode.getInstance();
        }
        parser.skipChildren();
      }
    } catch (IOException e) {
      // the damage came before any id
    }
    return NullNode.getInstance();
  }

  /**
   * JSON text with every unpaired surrogate written as a {@code \\uXXXX} escape: still valid JSON,
   * encodable as UTF-8, and the string it decodes to is the input's, so offsets still match.
   */
  static String escapeLoneSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
          || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
      if (Character.isSurrogate(c) && !paired) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }
}
