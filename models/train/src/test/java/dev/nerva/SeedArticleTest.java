package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled English pipeline on the seed news article (Russia, Burkina Faso, Mali, Wagner). */
class SeedArticleTest {

  private static String text;
  private static Document doc;

  @BeforeAll
  static void process() throws Exception {
    text = Files.readString(Paths.get("../../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
    doc = Nerva.english().process(text);
  }

  @Test
  void findsThePeople() {
    assertThat(doc.entities(EntityType.PERSON)).extracting(Entity::text)
        .contains("Andrei Belousov", "Yevgeny Prigozhin", "Vladimir Putin")
        .doesNotContain("Mr Putin", "Mr Belousov");
  }

  @Test
  void findsTheCountriesWithTheirIsoCodes() {
    assertThat(doc.entities(EntityType.COUNTRY)).extracting(Entity::text, Entity::normalizedValue)
        .contains(
            tuple("Burkina Faso", Optional.of("BF")),
            tuple("Mali", Optional.of("ML")),
            tuple("Niger", Optional.of("NE")),
            tuple("Ukraine", Optional.of("UA")),
            tuple("Russia", Optional.of("RU")));
  }

  @Test
  void everyMentionOfTheSahelCountriesIsACountry() {
    assertThat(doc.entities()).filteredOn(e -> List.of("Burkina Faso", "Mali", "Niger").contains(e.text()))
        .hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(EntityType.COUNTRY));
  }

  @Test
  void theReadmeExampleGivesWhatTheReadmeShows() {
    Document example = Nerva.english().process(
        "Putin met Burkina Faso’s prime minister in Moscow on Tuesday.", LocalDate.of(2024, 9, 4));

    assertThat(example.entities())
        .extracting(Entity::type, Entity::text, Entity::start, Entity::end, e -> e.normalizedValue().orElse(""))
        .containsExactly(
            tuple(EntityType.PERSON, "Putin", 0, 5, ""),
            tuple(EntityType.COUNTRY, "Burkina Faso", 10, 22, "BF"),
            tuple(EntityType.LOCATION, "Moscow", 43, 49, ""),
            tuple(EntityType.DATE, "Tuesday", 53, 60, "2024-09-03"));
  }

  @Test
  void possessivesYieldTheBareName() {
    int possessive = text.indexOf("Russia’s Defence");
    assertThat(doc.entities()).anySatisfy(e -> {
      assertThat(e.start()).isEqualTo(possessive);
      assertThat(e.text()).isEqualTo("Russia");
      assertThat(e.type()).isEqualTo(EntityType.COUNTRY);
    });
  }

  @Test
  void findsTheOrganisations() {
    assertThat(doc.entities(EntityType.ORGANIZATION)).extracting(Entity::text)
        .contains("United Nations", "Stockholm International Peace Research Institute");
  }

  @Test
  void wagnerIsAnOrganisationWhereItIsCalledAMercenaryForceAndWhereItSpeaks() {
    List<Integer> force = List.of(text.indexOf("Wagner mercenary force"), text.indexOf("Wagner mercenary group"));
    assertThat(force).allSatisfy(at -> assertThat(at).isPositive());
    List<Entity> wagner = doc.entities(EntityType.ORGANIZATION).stream().filter(e -> e.text().equals("Wagner")).toList();

    assertThat(wagner).extracting(Entity::start).containsAll(force);
    int said = 0;
    for (int at = text.indexOf("Wagner said"); at >= 0; at = text.indexOf("Wagner said", at + 1)) {
      int start = at;
      assertThat(wagner).as("\"Wagner said\" at %d", at).anySatisfy(e -> assertThat(e.start()).isEqualTo(start));
      said++;
    }
    assertThat(said).isGreaterThanOrEqualTo(3);
    assertThat(doc.entities(EntityType.PERSON)).extracting(Entity::text).doesNotContain("Azawad", "Wagner");
  }

  @Test
  void findsTheDates() {
    assertThat(doc.entities(EntityType.DATE)).extracting(Entity::text).contains("July 2024", "2022");
  }

  @Test
  void citiesRegionsAndContinentsAreNeverCountries() {
    assertThat(doc.entities(EntityType.COUNTRY)).extracting(Entity::text)
        .doesNotContain("Moscow", "Africa", "Sahel", "St. Petersburg", "Washington")
        .allSatisfy(t -> assertThat(t).doesNotContain("Moscow", "Africa", "Sahel"));
  }

  @Test
  void sharedEnglishPipelineGivesTheSameResultsFromManyThreads() throws Exception {
    // as written, and shouted and lower-cased so that true-casing runs concurrently too
    String[] paragraphs = Stream.of(text.split("\n"))
        .flatMap(p -> Stream.of(p, p.toUpperCase(Locale.ROOT), p.toLowerCase(Locale.ROOT)))
        .toArray(String[]::new);
    LocalDate date = LocalDate.of(2024, 9, 4);
    List<Document> expected = new ArrayList<>();
    for (String paragraph : paragraphs) {
      expected.add(Nerva.english().process(paragraph, date));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int i = 0; i < 4 * paragraphs.length; i++) {
        int k = i % paragraphs.length;
        same.add(pool.submit(() -> Nerva.english().process(paragraphs[k], date).equals(expected.get(k))));
      }
      for (Future<Boolean> result : same) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void relativeDatesResolveAgainstTheDocumentDate() {
    Document dated = Nerva.english().process(text, LocalDate.of(2024, 9, 4));
    assertThat(dated.entities(EntityType.DATE)).extracting(Entity::text, Entity::normalizedValue)
        .contains(tuple("July 2024", Optional.of("2024-07")), tuple("June", Optional.of("2024-06")),
            tuple("Tuesday", Optional.of("2024-09-03")), tuple("2022", Optional.of("2022")));
  }

  @Test
  void everySpanMapsBackToTheTextWithoutOverlapOrBadConfidence() {
    assertThat(doc.entities()).isNotEmpty();
    int previousEnd = 0;
    for (Entity e : doc.entities()) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
      assertThat(e.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(e.confidence()).isBetween(0.0, 1.0);
      assertThat(e.recognizer()).isIn("ner-en", "date-rules", "countries", "cues", "consistency");
      previousEnd = e.end();
    }
  }
}
