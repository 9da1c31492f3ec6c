package dev.nerva.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractEntitiesTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ExtractEntities.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
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
    assertThat(run("--date", "yesterday")).isEqualTo(2);
  }

  @Test
  void missingFileIsAnErrorWithItsPath() {
    assertThat(run("no/such/file.txt")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("file.txt");
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
        "{\"id\": 6, \"text\": \"x\", \"date\": \"4 Sept\"}"), StandardCharsets.UTF_8);

    assertThat(run("--jsonl", in.toString(), outFile.toString())).isEqualTo(1);

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = Files.readAllLines(outFile, StandardCharsets.UTF_8).stream()
        .map(l -> { try { return json.readTree(l); } catch (Exception e) { throw new AssertionError(e); } })
        .toList();
    assertThat(lines).hasSize(6);
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
    assertThat(first.get("entities")).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("PERSON");
      assertThat(e.get("text").asText()).isEqualTo("Vladimir Putin");
    });
    assertThat(lines.get(1).get("entities")).isEmpty();
    assertThat(lines.get(2).get("error").asText()).startsWith("not JSON");
    assertThat(lines.get(3).get("id").asInt()).isEqualTo(4);
    assertThat(lines.get(3).get("error").asText()).contains("text");
    assertThat(lines.get(4).get("entities")).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("DATE");
      assertThat(e.get("text").asText()).isEqualTo("Tuesday");
      assertThat(e.get("normalized").asText()).isEqualTo("2024-09-03");
    });
    assertThat(lines.get(5).get("error").asText()).contains("YYYY-MM-DD");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3", "line 4", "line 6");
  }

  @Test
  void wrongArgumentsPrintUsage() {
    assertThat(run("--jsonl", "only-one")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
  }
}
