package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.EntityRecognizer;
import dev.nerva.internal.ner.NameFinderRecognizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline without a statistical model: sentences, tokens, recognizers, resolution. */
class NervaPipelineTest {

  private static final Nerva NERVA = Nerva.builder()
      .recognizer(new FixedStrings(Map.of(
          "Burkina Faso", EntityType.LOCATION, "Russia", EntityType.LOCATION, "Moscow", EntityType.LOCATION,
          "Andrei Belousov", EntityType.PERSON, "Belousov", EntityType.PERSON, "July 2024", EntityType.DATE,
          "July", EntityType.DATE)))
      .build();

  private static final String TEXT = "Russia’s Defence Minister Andrei Belousov met Burkina Faso’s prime minister "
      + "in Moscow.\nIn July 2024, “we do not leave” – said Mr. Belousov.";

  @Test
  void findsSpansWhoseOffsetsMapBackToTheText() {
    Document doc = NERVA.process(TEXT);
    assertThat(doc.entities())
        .extracting(Entity::type, Entity::text, Entity::normalizedValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EntityType.COUNTRY, "Russia", Optional.of("RU")),
            org.assertj.core.groups.Tuple.tuple(EntityType.PERSON, "Andrei Belousov", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(EntityType.COUNTRY, "Burkina Faso", Optional.of("BF")),
            org.assertj.core.groups.Tuple.tuple(EntityType.LOCATION, "Moscow", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(EntityType.DATE, "July 2024", Optional.of("2024-07")),
            org.assertj.core.groups.Tuple.tuple(EntityType.PERSON, "Belousov", Optional.empty()));
    assertSpanInvariants(doc);
  }

  @Test
  void splitsSentencesAtLineBreaksAndPunctuation() {
    Document doc = NERVA.process(TEXT);
    assertThat(doc.sentences()).extracting(Sentence::text).containsExactly(
        "Russia’s Defence Minister Andrei Belousov met Burkina Faso’s prime minister in Moscow.",
        "In July 2024, “we do not leave” – said Mr. Belousov.");
    assertThat(doc.tokens()).extracting(Token::text).startsWith("Russia", "’s", "Defence");
    assertThat(doc.tokens()).extracting(Token::form).contains("'s", "``", "''", "--");
  }

  @Test
  void initialsTitlesAndMonthAbbreviationsDoNotEndSentences() {
    Document doc = NERVA.process("Mayor William H. Hudnut III met Dr. Smith and W.R. Grace on Nov. 29 in Washington. "
        + "The talks failed.");
    assertThat(doc.sentences()).extracting(Sentence::text).containsExactly(
        "Mayor William H. Hudnut III met Dr. Smith and W.R. Grace on Nov. 29 in Washington.", "The talks failed.");
    assertThat(NERVA.process("They climbed Mt. Kuanyin from Ft. Worth. It rained.").sentences())
        .extracting(Sentence::text).containsExactly("They climbed Mt. Kuanyin from Ft. Worth.", "It rained.");
  }

  @Test
  void headlineWithoutFinalPunctuationIsASentenceOfItsOwn() {
    Document doc = NERVA.process("Russia’s Wagner recovers bodies in Mali\nWagner said on Tuesday that it lost.");
    assertThat(doc.sentences()).hasSize(2);
    assertThat(NERVA.process("a line that is\nwrapped in the middle.").sentences()).hasSize(1);
  }

  @Test
  void leadingTheIsNotPartOfOrganisationOrPlaceNames() {
    Nerva withThe = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "the United Nations", EntityType.ORGANIZATION, "the Sahel", EntityType.LOCATION,
        "the Hague Tribunal", EntityType.ORGANIZATION))).build();
    String text = "Reports by the United Nations on the Sahel reached the Hague Tribunal.";
    assertThat(withThe.process(text).entities()).extracting(Entity::text)
        .containsExactly("United Nations", "Sahel", "Hague Tribunal");
    assertSpanInvariants(withThe.process(text));
    Nerva keeping = Nerva.builder().stripLeadingThe(false).recognizer(new FixedStrings(Map.of(
        "the United Nations", EntityType.ORGANIZATION))).build();
    assertThat(keeping.process(text).entities()).extracting(Entity::text).containsExactly("the United Nations");
    Nerva shouting = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "THE UNITED NATIONS", EntityType.ORGANIZATION))).build();
    assertThat(shouting.process("REPORTS BY THE UNITED NATIONS.").entities()).extracting(Entity::text)
        .containsExactly("UNITED NATIONS");
  }

  @Test
  void capitalTheInsideASentenceIsPartOfTheName() {
    Nerva nerva = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "The Hague", EntityType.LOCATION, "The New York Times", EntityType.ORGANIZATION,
        "The Beatles", EntityType.ORGANIZATION))).build();

    assertThat(nerva.process("Talks in The Hague failed, said The New York Times.").entities())
        .extracting(Entity::text).containsExactly("The Hague", "The New York Times");
    assertThat(nerva.process("Fans of The Beatles, The Hague and others.").entities())
        .extracting(Entity::text).containsExactly("The Beatles", "The Hague");
    // at a sentence's start, or in a title-case headline, the capital says nothing about the name
    assertThat(nerva.process("The Hague is wet. \"The New York Times\" said so.").entities())
        .extracting(Entity::text).containsExactly("Hague", "New York Times");
    assertThat(nerva.process("Beatles Fans Flock To The Hague").entities())
        .extracting(Entity::text).containsExactly("Hague");
  }

  @Test
  void dateRulesAddNumbersToTheModelsDatesButNotItsArticlesAndKeepOffItsOtherLabels() {
    EntityType time = EntityType.of("TIME");
    EntityType cardinal = EntityType.of("CARDINAL");
    Nerva nerva = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "July", EntityType.DATE, "year", EntityType.DATE, "2022", cardinal,
        "Tuesday morning", time, "40", cardinal))).outputTypes(EntityType.DATE).build();
    String text = "In July 2024 this year's budget grew after a 2022 coup; on Tuesday morning 40 troops left.";
    Document doc = nerva.process(text, java.time.LocalDate.of(2024, 9, 4));

    // "July 2024" completes the model's "July"; "this year" would only add the article the model
    // left out, as OntoNotes does; a year the model took for a number becomes a date; the model's
    // TIME span keeps the rules off "Tuesday"; other labels hold their place but are not reported.
    assertThat(doc.entities()).extracting(Entity::type, Entity::text, e -> e.normalizedValue().orElse(""))
        .containsExactly(
            tuple(EntityType.DATE, "July 2024", "2024-07"),
            tuple(EntityType.DATE, "year", "P1Y"),
            tuple(EntityType.DATE, "2022", "2022"));
    assertSpanInvariants(doc);
    Nerva reportingTime = Nerva.builder().outputTypes(List.of(EntityType.DATE, time)).recognizer(new FixedStrings(Map.of(
        "Tuesday morning", time))).build();
    assertThat(reportingTime.process(text).entities()).extracting(Entity::type, Entity::text)
        .contains(tuple(time, "Tuesday morning"))
        .doesNotContain(tuple(EntityType.DATE, "Tuesday"));
  }

  @Test
  void aPossessiveIsNotPartOfANameOrADate() {
    Nerva nerva = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "Burkina Faso’s", EntityType.PERSON, "Wagner's", EntityType.ORGANIZATION,
        "the Philippines'", EntityType.LOCATION, "Tuesday’s", EntityType.DATE))).build();
    String text = "Burkina Faso’s leader saw Wagner's men, the Philippines' envoy and Tuesday’s vote.";
    Document doc = nerva.process(text, java.time.LocalDate.of(2024, 9, 4));

    // The PERSON span named like a country becomes the country once the possessive is gone.
    assertThat(doc.entities()).extracting(Entity::type, Entity::text, e -> e.normalizedValue().orElse(""))
        .containsExactly(
            tuple(EntityType.COUNTRY, "Burkina Faso", "BF"),
            tuple(EntityType.ORGANIZATION, "Wagner", ""),
            tuple(EntityType.COUNTRY, "Philippines", "PH"),
            tuple(EntityType.DATE, "Tuesday", "2024-09-03"));
    assertSpanInvariants(doc);

    Nerva keeping = Nerva.builder().stripPossessives(false).recognizer(new FixedStrings(Map.of(
        "Wagner's", EntityType.ORGANIZATION))).build();
    assertThat(keeping.process(text).entities(EntityType.ORGANIZATION)).extracting(Entity::text)
        .containsExactly("Wagner's");
  }

  @Test
  void aCourtesyTitleIsNotPartOfAPersonsName() {
    Nerva nerva = Nerva.builder().recognizer(new FixedStrings(Map.of(
        "Mr Putin", EntityType.PERSON, "Dr. Amina Diallo", EntityType.PERSON, "Mrs", EntityType.PERSON,
        "Ms Sahel Bank", EntityType.ORGANIZATION))).build();
    Document doc = nerva.process("Mr Putin thanked Dr. Amina Diallo, and Mrs said so to Ms Sahel Bank.");

    // A title alone stays a name; other types keep their words.
    assertThat(doc.entities()).extracting(Entity::type, Entity::text)
        .containsExactly(
            tuple(EntityType.PERSON, "Putin"),
            tuple(EntityType.PERSON, "Amina Diallo"),
            tuple(EntityType.PERSON, "Mrs"),
            tuple(EntityType.ORGANIZATION, "Ms Sahel Bank"));
    assertSpanInvariants(doc);
  }

  @Test
  void nullTextIsRejectedWithTheArgumentName() {
    assertThatNullPointerException().isThrownBy(() -> NERVA.process(null)).withMessage("text");
  }

  @Test
  void emptyAndBlankTextGiveEmptyResults() {
    for (String text : List.of("", "   \n\t  ")) {
      Document doc = NERVA.process(text);
      assertThat(doc.sentences()).isEmpty();
      assertThat(doc.tokens()).isEmpty();
      assertThat(doc.entities()).isEmpty();
      assertThat(doc.text()).isEqualTo(text);
    }
  }

  @Test
  void textOverTheLimitIsRejectedClearly() {
    Nerva small = Nerva.builder().maxTextLength(10).build();
    assertThatIllegalArgumentException().isThrownBy(() -> small.process("12345678901"))
        .withMessageContaining("11 characters").withMessageContaining("limit of 10");
    assertThat(small.process("1234567890").tokens()).hasSize(1);
  }

  @Test
  void fiveMegabytesOfTextComplete() {
    StringBuilder big = new StringBuilder();
    while (big.length() < 5_000_000) {
      big.append(TEXT).append("\n\n");
    }
    Document doc = NERVA.process(big.toString());
    assertThat(doc.entities(EntityType.COUNTRY)).hasSizeGreaterThan(1000);
    assertSpanInvariants(doc);
  }

  @Test
  void binaryAndUnicodeNoiseReturnWithoutException() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      char[] chars = new char[5000];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = round % 2 == 0 ? (char) random.nextInt(256) : (char) random.nextInt(Character.MAX_VALUE + 1);
      }
      String noise = new String(chars);
      Document doc = NERVA.process(noise);
      assertThat(doc.text()).isEqualTo(noise);
      assertSpanInvariants(doc);
    }
    byte[] bytes = new byte[20_000];
    random.nextBytes(bytes);
    assertSpanInvariants(NERVA.process(new String(bytes, StandardCharsets.ISO_8859_1)));
  }

  @Test
  void sharedPipelineGivesTheSameResultsFromManyThreads() throws Exception {
    List<String> texts = List.of(TEXT, "Moscow and Russia.", "In July, Andrei Belousov left.", TEXT + TEXT);
    List<Document> expected = texts.stream().map(NERVA::process).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int k = i % texts.size();
        results.add(pool.submit(() -> NERVA.process(texts.get(k)).equals(expected.get(k))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void englishPipelineWithoutTheModelsArtifactSaysWhatToAdd() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(Nerva::english)
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining("dev.nerva:nerva-models-en");
    }
  }

  @Test
  void corruptModelFileIsReportedByName(@TempDir Path dir) throws Exception {
    Path corrupt = dir.resolve("corrupt-ner.bin");
    Files.write(corrupt, "this is not a zip file".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> NameFinderRecognizer.loadModel(corrupt))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("corrupt-ner.bin");
    Path missing = dir.resolve("missing.bin");
    assertThatThrownBy(() -> NameFinderRecognizer.loadModel(missing))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("missing.bin");
  }

  static void assertSpanInvariants(Document doc) {
    int previousEnd = 0;
    for (Entity e : doc.entities()) {
      assertThat(doc.text().substring(e.start(), e.end())).isEqualTo(e.text());
      assertThat(e.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(e.confidence()).isBetween(0.0, 1.0);
      previousEnd = e.end();
    }
    for (Token t : doc.tokens()) {
      assertThat(doc.text().substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }
}
