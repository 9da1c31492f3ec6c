package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nerva decodes its GIS name finders with its own beam search; it must find exactly the spans
 * OpenNLP's {@link NameFinderME} finds with the same model, including the adaptive features that
 * carry labels from one sentence of a document to the next.
 */
class DecoderEquivalenceTest {

  private static final ImmutableMap<String, EntityType> LABELS = ImmutableMap.of(
      "PERSON", EntityType.PERSON, "ORG", EntityType.ORGANIZATION, "GPE", EntityType.LOCATION,
      "LOC", EntityType.LOCATION, "DATE", EntityType.DATE);

  private static TokenNameFinderModel model;
  private static String seed;
  private static List<Sentence> sentences;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)) {
      model = NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_MODEL_RESOURCE);
    }
    seed = Files.readString(Paths.get("../../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
    sentences = Nerva.english().process(seed).sentences();
  }

  @Test
  void findsTheSpansAndConfidencesOfNameFinderMeOnTheSeedArticle() {
    List<Entity> expected = withNameFinderMe(seed, sentences);
    List<Entity> actual = new NameFinderRecognizer("ner-en", model, LABELS).recognize(seed, sentences);

    assertThat(expected).hasSizeGreaterThan(40);
    assertThat(actual).extracting(Entity::type, Entity::start, Entity::end)
        .containsExactlyElementsOf(expected.stream()
            .map(e -> tuple(e.type(), e.start(), e.end())).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).confidence()).isCloseTo(expected.get(i).confidence(), within(1e-5));
    }
  }

  @Test
  void startsEachDocumentAfreshAndIsRepeatable() {
    NameFinderRecognizer recognizer = new NameFinderRecognizer("ner-en", model, LABELS);
    List<Entity> first = recognizer.recognize(seed, sentences);
    List<Entity> second = recognizer.recognize(seed, sentences);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void decodesWithTheModelsBeamUnlessToldOtherwise() {
    NameFinderRecognizer recognizer = new NameFinderRecognizer("ner-en", model, LABELS);

    assertThat(recognizer.beamSize()).isEqualTo(3);
    assertThat(recognizer.withBeamSize(1).beamSize()).isEqualTo(1);
    assertThat(recognizer.withBeamSize(3).recognize(seed, sentences))
        .isEqualTo(recognizer.recognize(seed, sentences));
    assertThatIllegalArgumentException().isThrownBy(() -> recognizer.withBeamSize(0))
        .withMessageContaining("beam size must be positive");
  }

  @Test
  void labelsPretokenizedSentencesAsOpenNlpWould() {
    List<String[]> document = sentences.stream().map(Sentence::forms).toList();
    List<Span[]> ours = new NameFinderRecognizer("ner-en", model, LABELS).find(document);
    NameFinderME finder = new NameFinderME(model);

    assertThat(ours).hasSameSizeAs(document);
    for (int i = 0; i < document.size(); i++) {
      assertThat(ours.get(i)).as("sentence %d", i).containsExactly(finder.find(document.get(i)));
    }
  }

  @Test
  void theBundledRightToLeftModelLabelsReversedSentencesAsOpenNlpWould() throws Exception {
    TokenNameFinderModel backward;
    try (InputStream in = Nerva.class.getResourceAsStream(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE)) {
      backward = NameFinderRecognizer.loadModel(in, NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE);
    }
    List<String[]> document = sentences.stream().map(Sentence::forms).toList();
    List<Span[]> ours = new NameFinderRecognizer("ner-en-r2l", backward, LABELS).find(document);
    NameFinderME finder = new NameFinderME(backward);

    assertThat(NameFinderRecognizer.isRightToLeft(backward)).isTrue();
    assertThat(ours.stream().mapToInt(spans -> spans.length).sum()).isGreaterThan(40);
    for (int i = 0; i < document.size(); i++) {
      String[] tokens = document.get(i);
      String[] reversed = new String[tokens.length];
      for (int t = 0; t < tokens.length; t++) {
        reversed[t] = tokens[tokens.length - 1 - t];
      }
      List<Span> mirrored = new ArrayList<>();
      for (Span s : finder.find(reversed)) {
        mirrored.add(0, new Span(tokens.length - s.getEnd(), tokens.length - s.getStart(), s.getType()));
      }
      assertThat(ours.get(i)).as("sentence %d", i).containsExactlyElementsOf(mirrored);
    }
  }

  /** What OpenNLP's own decoder finds, one NameFinderME per document as OpenNLP intends. */
  private static List<Entity> withNameFinderMe(String text, List<Sentence> sentences) {
    NameFinderME finder = new NameFinderME(model);
    List<Entity> out = new ArrayList<>();
    for (Sentence sentence : sentences) {
      for (Span span : finder.find(sentence.forms())) {
        if (!LABELS.containsKey(span.getType())) {
          continue; // NORP, CARDINAL, ...: learned, not reported
        }
        Token first = sentence.tokens().get(span.getStart());
        Token last = sentence.tokens().get(span.getEnd() - 1);
        out.add(new Entity(LABELS.get(span.getType()), first.start(), last.end(),
            text.substring(first.start(), last.end()), span.getProb(), "opennlp"));
      }
    }
    return out;
  }
}
