package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.train.AnnotatedData.AnnotatedDocument;
import dev.nerva.train.AnnotatedData.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a user's own data, through the API the example program's commands use. */
class CustomTrainingTest {

  private static final EntityType PRODUCT = EntityType.of("PRODUCT");

  @Test
  void trainsOnAnInventedLabelAndTagsHeldOutSentencesWithIt(@TempDir Path dir) throws Exception {
    Path train = dir.resolve("train.jsonl");
    List<String> trainLines = ProductFixture.trainJsonl(300);
    Files.write(train, trainLines, StandardCharsets.UTF_8);
    Path model = dir.resolve("products.bin");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    CustomTraining.Result result = CustomTraining.train(train, Format.JSONL, null, null, model,
        new PrintStream(log, true, StandardCharsets.UTF_8), Map.of("iterations", "60", "caseAugmentation", "0"));

    assertThat(result.labels()).containsExactly("PRODUCT");
    assertThat(result.trainDocuments()).isEqualTo(270);
    assertThat(result.devSentences()).isEqualTo(30);
    assertThat(result.scores().prf(List.of("PRODUCT"))[2]).isGreaterThan(0.8);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("270 documents", "| PRODUCT |");

    // Sentences with product names never seen in training: most must be found exactly, alone or
    // beside the English models.
    Nerva alone = Nerva.builder().nameFinder(model).build();
    Nerva beside = Nerva.english().toBuilder().nameFinder(model).build();
    List<String> heldOut = ProductFixture.heldOutJsonl(20, trainLines);
    int foundAlone = 0;
    int foundBeside = 0;
    for (String line : heldOut) {
      String text = line.replaceAll(".*\"text\": \"([^\"]*)\".*", "$1");
      String product = text.substring(Integer.parseInt(line.replaceAll(".*\"start\": (\\d+).*", "$1")),
          Integer.parseInt(line.replaceAll(".*\"end\": (\\d+).*", "$1")));
      foundAlone += alone.process(text).entities(PRODUCT).stream().map(Entity::text).toList().equals(List.of(product))
          ? 1 : 0;
      foundBeside += beside.process(text).entities(PRODUCT).stream().map(Entity::text).toList().equals(List.of(product))
          ? 1 : 0;
    }
    assertThat(foundAlone).as("held-out products found alone").isGreaterThanOrEqualTo(16);
    assertThat(foundBeside).as("held-out products found beside the English models").isGreaterThanOrEqualTo(16);
    assertThat(beside.outputTypes()).contains(PRODUCT, EntityType.PERSON);
    assertThat(beside.process("Engineers in Oslo designed the Zentrix 400 from scratch.").entities())
        .extracting(Entity::type, Entity::text)
        .contains(tuple(EntityType.LOCATION, "Oslo"), tuple(PRODUCT, "Zentrix 400"));
  }

  @Test
  void theThreeFormatsReadTheSameAnnotations(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("a.jsonl");
    Files.writeString(jsonl, "{\"text\": \"Ada Lovelace met Babbage in London.\", \"spans\": [{\"start\": 0, \"end\": 12, "
        + "\"label\": \"PERSON\"}, {\"start\": 17, \"end\": 24, \"label\": \"PERSON\"}, {\"start\": 28, \"end\": 34, "
        + "\"label\": \"LOCATION\"}]}\n");
    Path conll = dir.resolve("a.conll");
    Files.writeString(conll, "Ada\tB-PERSON\nLovelace\tI-PERSON\nmet\tO\nBabbage\tB-PERSON\nin\tO\nLondon\tB-LOCATION\n.\tO\n");
    Path openNlp = dir.resolve("a.txt");
    Files.writeString(openNlp, "<START:PERSON> Ada Lovelace <END> met <START:PERSON> Babbage <END> in "
        + "<START:LOCATION> London <END> .\n");

    for (Path file : List.of(jsonl, conll, openNlp)) {
      AnnotatedDocument document = AnnotatedData.read(file, Format.of(file)).documents().get(0);
      assertThat(document.gold().sentences()).singleElement().satisfies(s -> {
        assertThat(s.tokens()).containsExactly("Ada", "Lovelace", "met", "Babbage", "in", "London", ".");
        assertThat(s.spans()).extracting(sp -> sp.getStart() + ".." + sp.getEnd() + " " + sp.getType())
            .containsExactly("0..2 PERSON", "3..4 PERSON", "5..6 LOCATION");
      });
      assertThat(document.spans()).extracting(s -> document.text().substring(s.start(), s.end()))
          .containsExactly("Ada Lovelace", "Babbage", "London");
    }
  }

  @Test
  void malformedDataNamesTheFileLineAndReason(@TempDir Path dir) throws Exception {
    Object[][] cases = {
        {"bad.jsonl", "{\"text\": \"x\", \"spans\": []}\nnot json\n", "bad.jsonl line 2: not JSON"},
        {"spans.jsonl", "{\"text\": \"Ada met Bob\"}\n", "spans.jsonl line 1: no \"spans\" array"},
        {"range.jsonl", "{\"text\": \"Ada\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"PERSON\"}]}\n",
            "range.jsonl line 1: span 0..9 is outside the text"},
        {"overlap.jsonl", "{\"text\": \"Ada Lovelace\", \"spans\": [{\"start\": 0, \"end\": 12, \"label\": \"PERSON\"}, "
            + "{\"start\": 4, \"end\": 12, \"label\": \"PERSON\"}]}\n", "overlap.jsonl line 1: spans 0..12 and 4..12 overlap"},
        {"label.jsonl", "{\"text\": \"Ada\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"per son\"}]}\n",
            "label.jsonl line 1: label \"per son\" must be upper-case"},
        {"tag.conll", "Ada\tB-PERSON\nmet\tX-Y\n", "tag.conll line 2: tag X-Y is not O"},
        {"cols.conll", "Ada\tB-PERSON\nmet\n", "cols.conll line 2: a token line needs the token and its tag"},
        {"sample.txt", "<START:PERSON> Ada <END> met\n<START:PERSON> Bob met\n", "sample.txt line 2: not an OpenNLP name sample"}};
    for (Object[] c : cases) {
      Path file = dir.resolve((String) c[0]);
      Files.writeString(file, (String) c[1]);
      assertThatThrownBy(() -> AnnotatedData.read(file, Format.of(file)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining((String) c[2]);
    }
    assertThatThrownBy(() -> Format.of(dir.resolve("data.xml"))).hasMessageContaining("--format");
  }

  @Test
  void spansInsideTokensAreSkippedAndCounted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("partial.jsonl");
    Files.writeString(file, "{\"text\": \"Lovelace's engine\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"PERSON\"}, "
        + "{\"start\": 11, \"end\": 17, \"label\": \"THING\"}]}\n");

    AnnotatedData.Corpus corpus = AnnotatedData.read(file, Format.JSONL);

    assertThat(corpus.spans()).isEqualTo(1);
    assertThat(corpus.skipped()).singleElement().asString().contains("partial.jsonl line 1", "\"Love\"",
        "does not start and end on token boundaries");
  }
}
