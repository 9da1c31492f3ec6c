package dev.nerva.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractEntitiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return run(new byte[0], args);
  }

  private int run(byte[] stdin, String... args) {
    return ExtractEntities.run(args, new ByteArrayInputStream(stdin), out,
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static List<JsonNode> jsonLines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not a JSON line: " + l, e);
      }
    }).toList();
  }

  @Test
  void printsATableOfTheSeedArticlesEntities() {
    assertThat(run("../seeds/000_6726bb20fb80e62f.txt")).isZero();
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).contains("TYPE", "TEXT", "OFFSETS"));
    assertThat(table).containsPattern("COUNTRY\\s+Burkina Faso\\s+\\d+-\\d+\\s+[01]\\.\\d\\d\\s+BF");
    assertThat(table).containsPattern("PERSON\\s+Andrei Belousov");
  }

  @Test
  void documentDateResolvesRelativeDatesInTheTable() {
    assertThat(run("../seeds/000_6726bb20fb80e62f.txt", "--date", "2024-09-04")).isZero();
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).containsPattern("DATE\\s+July 2024\\s+\\d+-\\d+\\s+[01]\\.\\d\\d\\s+2024-07");
    assertThat(table).containsPattern("DATE\\s+Tuesday\\s+\\d+-\\d+\\s+[01]\\.\\d\\d\\s+2024-09-03");
    assertThat(run("--date", "yesterday")).isEqualTo(ExtractEntities.USAGE);
  }

  @Test
  void aMissingFileIsASentenceAndAnInputOutputError() {
    assertThat(run("no/such/file.txt")).isEqualTo(ExtractEntities.IO);
    assertThat(stderr()).contains("there is no file").contains("file.txt");
  }

  @Test
  void unknownOptionsAndWrongArgumentsAreUsageErrors() {
    assertThat(run("--foo", "../seeds/000_6726bb20fb80e62f.txt")).isEqualTo(ExtractEntities.USAGE);
    assertThat(stderr()).contains("unknown option --foo").contains("usage");
    assertThat(run("--jsonl", "only-one")).isEqualTo(ExtractEntities.USAGE);
    assertThat(run("--jsonl", "-", "-", "--threads", "0")).isEqualTo(ExtractEntities.USAGE);
    assertThat(run("a.txt", "b.txt")).isEqualTo(ExtractEntities.USAGE);
  }

  @Test
  void jsonLinesInAndOutOneLinePerInputLine(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Path outFile = dir.resolve("out.jsonl");
    Files.write(in, List.of(
        "{\"id\": 1, \"text\": \"Vladimir Putin flew to Mali in July 2024.\"}",
        "{\"id\": \"b\", \"text\": \"\"}",
        "not json",
        "{\"id\": 4}",
        "{\"id\": 5, \"text\": \"The army seized power on Tuesday.\", \"date\": \"2024-09-04\"}",
        "{\"id\": 6, \"text\": \"x\", \"date\": \"4 Sept\"}",
        "",
        "{\"id\": 8, \"text\": \"Mali.\"} trailing",
        "[1, 2]"), StandardCharsets.UTF_8);

    assertThat(run("--jsonl", in.toString(), outFile.toString(), "--threads", "2"))
        .isEqualTo(ExtractEntities.SOME_FAILED);

    List<JsonNode> lines = jsonLines(Files.readAllBytes(outFile));
    assertThat(lines).hasSize(9);
    JsonNode first = lines.get(0);
    assertThat(first.get("id").asInt()).isEqualTo(1);
    assertThat(first.get("entities")).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("COUNTRY");
      assertThat(e.get("text").asText()).isEqualTo("Mali");
      assertThat(e.get("normalized").asText()).isEqualTo("ML");
      assertThat(e.get("start").asInt()).isEqualTo(23);
      assertThat(e.get("end").asInt()).isEqualTo(27);
      assertThat(e.get("confidence").asDouble()).isBetween(0.0, 1.0);
    });
    assertThat(first.get("entities")).anySatisfy(e -> assertThat(e.get("text").asText()).isEqualTo("Vladimir Putin"));
    assertThat(lines.get(1).get("entities")).isEmpty();
    assertThat(lines.get(2).get("error").asText()).startsWith("not JSON");
    assertThat(lines.get(3).get("id").asInt()).isEqualTo(4);
    assertThat(lines.get(3).get("error").asText()).contains("text");
    assertThat(lines.get(4).get("entities")).anySatisfy(e -> {
      assertThat(e.get("text").asText()).isEqualTo("Tuesday");
      assertThat(e.get("normalized").asText()).isEqualTo("2024-09-03");
    });
    assertThat(lines.get(5).get("error").asText()).contains("YYYY-MM-DD");
    assertThat(lines.get(6).get("error").asText()).isEqualTo("blank line");
    assertThat(lines.get(7).get("id").asInt()).isEqualTo(8);
    assertThat(lines.get(7).get("error").asText()).startsWith("not JSON");
    assertThat(lines.get(8).get("error").asText()).isEqualTo("not a JSON object");
    assertThat(stderr()).contains("line 3:", "line 4:", "line 6:", "line 7:", "line 8:", "line 9:")
        .doesNotContain("line 1:", "line 5:").contains("nerva: 9 lines, 6 failed");
  }

  @Test
  void linesEndAtNewlinesOnlyAndAByteOrderMarkIsNotAnError() throws Exception {
    byte[] input = ("\uFEFF{\"id\": 1, \"text\": \"Mali\\u000d and \\r Niger.\"}\r\n"
        + "{\"id\": 2, \"text\": \"a\rb\"}\r\n").getBytes(StandardCharsets.UTF_8);
    // The second line holds a raw carriage return inside its JSON string: JSON does not allow it,
    // so that line fails, but it stays one line.
    assertThat(run(input, "--jsonl", "-", "-")).isEqualTo(ExtractEntities.SOME_FAILED);

    List<JsonNode> lines = jsonLines(out.toByteArray());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(lines.get(0).get("entities")).extracting(e -> e.get("text").asText()).contains("Mali", "Niger");
    assertThat(lines.get(1).get("id").asInt()).isEqualTo(2);
    assertThat(lines.get(1).has("error")).isTrue();
  }

  @Test
  void badUtf8FailsItsLineNamingTheByteAndTheRestGoOn(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"id\": 1, \"text\": \"Mali.\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\": 2, \"text\": \"bad ".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write("\"}\n{\"id\": 3, \"text\": \"Niger.\"}\n".getBytes(StandardCharsets.UTF_8));
    Path in = dir.resolve("in.jsonl");
    Files.write(in, bytes.toByteArray());
    Path outFile = dir.resolve("out.jsonl");

    assertThat(run("--jsonl", in.toString(), outFile.toString())).isEqualTo(ExtractEntities.SOME_FAILED);
    List<JsonNode> fromFile = jsonLines(Files.readAllBytes(outFile));
    assertThat(run(bytes.toByteArray(), "--jsonl", "-", "-")).isEqualTo(ExtractEntities.SOME_FAILED);
    List<JsonNode> fromStdin = jsonLines(out.toByteArray());

    for (List<JsonNode> lines : List.of(fromFile, fromStdin)) {
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1).get("error").asText()).isEqualTo("not valid UTF-8 at byte 23 of the line");
      assertThat(lines.get(2).get("entities")).isNotEmpty();
    }
  }

  @Test
  void loneSurrogatesAreEscapedSoEveryLineIsValidJsonAndOffsetsMatch() throws Exception {
    String text = "Putin \ud800 flew to Mali.";
    byte[] input = ("{\"id\": 1, \"text\": \"Putin \\ud800 flew to Mali.\"}\n").getBytes(StandardCharsets.UTF_8);

    assertThat(run(input, "--jsonl", "-", "-")).isZero();

    java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(out.toByteArray()));
    JsonNode line = jsonLines(out.toByteArray()).get(0);
    assertThat(line.get("entities")).anySatisfy(e -> {
      assertThat(e.get("text").asText()).isEqualTo("Mali");
      assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo("Mali");
    });
    assertThat(JsonLines.escapeLoneSurrogates("\"a\ud83d\ude00b\udc00\"")).isEqualTo("\"a\ud83d\ude00b\\udc00\"");
  }

  @Test
  void anEntityHoldingALoneSurrogateIsWrittenAsAnEscape() throws Exception {
    EntityType whole = EntityType.of("WHOLE");
    EntityRecognizer wholeText = new EntityRecognizer() {
      @Override
      public String name() {
        return "whole";
      }

      @Override
      public Set<EntityType> types() {
        return Set.of(whole);
      }

      @Override
      public List<Entity> recognize(String text, List<Sentence> sentences) {
        return List.of(new Entity(whole, 0, text.length(), text, 1.0, name()));
      }
    };
    byte[] input = "{\"id\": 1, \"text\": \"a\\ud800b\"}\n".getBytes(StandardCharsets.UTF_8);
    StringWriter written = new StringWriter();

    new JsonLines(Nerva.builder().recognizer(wholeText).build(), 1, new PrintStream(err, true, StandardCharsets.UTF_8),
        false).run(new LineReader(new ByteArrayInputStream(input), 1000), written);

    assertThat(written.toString()).contains("\"text\":\"a\\ud800b\"");
    JsonNode entity = JSON.readTree(written.toString()).get("entities").get(0);
    assertThat(entity.get("text").asText()).isEqualTo("a\ud800b");
  }

  @Test
  void aLineOverTheLimitFailsKeepingItsIdAndTheNextLineIsRead() {
    String big = "{\"id\": \"big\", \"text\": \"" + "Mali ".repeat(1000) + "\"}\n";
    byte[] input = (big + "{\"id\": \"next\", \"text\": \"Niger.\"}\n").getBytes(StandardCharsets.UTF_8);

    assertThat(run(input, "--jsonl", "-", "-", "--max-line-bytes", "1000")).isEqualTo(ExtractEntities.SOME_FAILED);

    List<JsonNode> lines = jsonLines(out.toByteArray());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("id").asText()).isEqualTo("big");
    assertThat(lines.get(0).get("error").asText()).contains("more than the limit of 1000");
    assertThat(lines.get(1).get("id").asText()).isEqualTo("next");
    assertThat(lines.get(1).get("entities")).isNotEmpty();
  }

  @Test
  void aWriteFailureStopsTheRunWithAnInputOutputError() {
    byte[] input = "{\"id\": 1, \"text\": \"Mali.\"}\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    OutputStream closedPipe = new OutputStream() {
      private long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > 100_000) {
          throw new IOException("Broken pipe");
        }
      }
    };

    int code = ExtractEntities.run(new String[] {"--jsonl", "-", "-"}, new ByteArrayInputStream(input), closedPipe,
        new PrintStream(err, true, StandardCharsets.UTF_8), false);

    assertThat(code).isEqualTo(ExtractEntities.IO);
    assertThat(stderr()).contains("Broken pipe").contains("the output stops here");
  }

  @Test
  void theInputFileIsNeverTheOutput(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"id\": 1, \"text\": \"Mali.\"}\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);

    assertThat(run("--jsonl", in.toString(), in.toString())).isEqualTo(ExtractEntities.USAGE);
    assertThat(run("--jsonl", in.toString(), link.toString())).isEqualTo(ExtractEntities.USAGE);

    assertThat(stderr()).contains("is the input file");
    assertThat(Files.readString(in)).isEqualTo("{\"id\": 1, \"text\": \"Mali.\"}\n");
  }

  @Test
  void missingInputAndMissingOutputFolderAreSentences(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"id\": 1, \"text\": \"Mali.\"}\n");

    assertThat(run("--jsonl", dir.resolve("nope.jsonl").toString(), "-")).isEqualTo(ExtractEntities.IO);
    assertThat(run("--jsonl", in.toString(), dir.resolve("no/such/folder/out.jsonl").toString()))
        .isEqualTo(ExtractEntities.IO);

    assertThat(stderr()).contains("cannot read the input: there is no file")
        .contains("the folder").contains("does not exist");
  }

  @Test
  void aDocumentThatThrowsFailsItsLineOnly() throws Exception {
    EntityRecognizer fragile = new EntityRecognizer() {
      @Override
      public String name() {
        return "fragile";
      }

      @Override
      public Set<EntityType> types() {
        return Set.of(EntityType.of("BOOM"));
      }

      @Override
      public List<Entity> recognize(String text, List<Sentence> sentences) {
        if (text.contains("boom")) {
          throw new IllegalStateException("recognizer failed");
        }
        return List.of();
      }
    };
    Nerva nerva = Nerva.builder().recognizer(fragile).build();
    byte[] input = ("{\"id\": 1, \"text\": \"fine\"}\n{\"id\": 2, \"text\": \"boom\"}\n{\"id\": 3, \"text\": \"fine\"}\n")
        .getBytes(StandardCharsets.UTF_8);
    StringWriter written = new StringWriter();

    long failed = new JsonLines(nerva, 2, new PrintStream(err, true, StandardCharsets.UTF_8), false)
        .run(new LineReader(new ByteArrayInputStream(input), 1000), written);

    assertThat(failed).isEqualTo(1);
    List<JsonNode> lines = jsonLines(written.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(lines).extracting(l -> l.get("id").asInt()).containsExactly(1, 2, 3);
    assertThat(lines.get(1).get("error").asText()).isEqualTo("IllegalStateException: recognizer failed");
    assertThat(lines.get(2).get("entities")).isEmpty();
  }

  @Test
  void aDictionaryAddsItsLabelsToTheTableAndTheJson(@TempDir Path dir) throws Exception {
    assertThat(run("../seeds/000_6726bb20fb80e62f.txt", "--dictionary", "dictionaries/seed-groups.tsv",
        "--exclude", "dictionaries/seed-exclusions.tsv")).isZero();
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).containsPattern("ORGANIZATION\\s+Wagner\\s")
        .containsPattern("WEAPON\\s+weapons\\s+\\d+-\\d+\\s+1\\.00\\s+arms-generic")
        .containsPattern("ORGANIZATION\\s+Islamic State")
        .doesNotContain("Tuareg").doesNotContainPattern("PERSON\\s+Azawad");

    out.reset();
    byte[] input = "{\"id\": 1, \"text\": \"Wagner sold arms to Mali.\"}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(run(input, "--jsonl", "-", "-", "--dictionary", "dictionaries/seed-groups.tsv")).isZero();
    assertThat(jsonLines(out.toByteArray()).get(0).get("entities"))
        .extracting(e -> e.get("type").asText() + " " + e.get("text").asText())
        .containsExactly("ORGANIZATION Wagner", "WEAPON arms", "COUNTRY Mali");
  }

  @Test
  void aBadDictionaryNamesItsFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "# fine\nWagner ORGANIZATION\n", StandardCharsets.UTF_8);

    assertThat(run("--dictionary", bad.toString())).isEqualTo(ExtractEntities.USAGE);
    assertThat(stderr()).contains("bad.tsv line 2: no tab between phrase and label");
    assertThat(run("--dictionary", dir.resolve("missing.tsv").toString())).isEqualTo(ExtractEntities.IO);
    assertThat(stderr()).contains("there is no file").contains("missing.tsv");
  }

  @Test
  void trainsOnAJsonFileTagsWithTheModelAndEvaluatesOnAGoldFile(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("products.bin");

    assertThat(run("train", "--data", "data/products-train.jsonl", "--out", model.toString())).isZero();
    assertThat(stderr()).contains("288 documents", "| PRODUCT |", "wrote");
    assertThat(model).exists();

    byte[] input = "{\"id\": 1, \"text\": \"Shops in Lagos sold out of the Velorbram Pro within a day.\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(run(input, "--jsonl", "-", "-", "--model", model.toString())).isZero();
    assertThat(jsonLines(out.toByteArray()).get(0).get("entities"))
        .extracting(e -> e.get("type").asText() + " " + e.get("text").asText())
        .contains("PRODUCT Velorbram Pro", "LOCATION Lagos");
    out.reset();
    assertThat(run(input, "--jsonl", "-", "-", "--model", model.toString(), "--model-only")).isZero();
    assertThat(jsonLines(out.toByteArray()).get(0).get("entities"))
        .extracting(e -> e.get("type").asText()).containsOnly("PRODUCT");

    out.reset();
    assertThat(run("evaluate", "--data", "data/products-gold.jsonl", "--model", model.toString())).isZero();
    String scores = out.toString(StandardCharsets.UTF_8);
    assertThat(scores).contains("40 documents", "| label | gold | predicted | exact P");
    String productRow = scores.lines().filter(l -> l.startsWith("| PRODUCT |")).findFirst().orElseThrow();
    double exactF1 = Double.parseDouble(productRow.split("\\|")[6].strip());
    assertThat(exactF1).isGreaterThan(0.8);
  }

  @Test
  void trainAndEvaluateRefuseWhatTheyCannotUse(@TempDir Path dir) throws Exception {
    assertThat(run("train", "--data", "data/products-train.jsonl")).isEqualTo(ExtractEntities.USAGE);
    assertThat(stderr()).contains("train needs --out");
    assertThat(run("evaluate", "--data", dir.resolve("none.jsonl").toString())).isEqualTo(ExtractEntities.IO);
    Path bad = dir.resolve("bad.conll");
    Files.writeString(bad, "Ada\tB-PERSON\nmet\tQ\n");
    assertThat(run("train", "--data", bad.toString(), "--out", dir.resolve("m.bin").toString()))
        .isEqualTo(ExtractEntities.USAGE);
    assertThat(stderr()).contains("bad.conll line 2: tag Q is not O");
    assertThat(run("--model-only")).isEqualTo(ExtractEntities.USAGE);
    assertThat(run("--model", dir.resolve("missing.bin").toString())).isEqualTo(ExtractEntities.IO);
  }
}
