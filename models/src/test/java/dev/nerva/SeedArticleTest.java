package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled English pipeline on the seed news article (Russia, Burkina Faso, Mali, Wagner). */
class SeedArticleTest {

  private static String text;
  private static Document doc;

  @BeforeAll
  static void process() throws Exception {
    text = Files.readString(Paths.get("../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
    doc = Nerva.english().process(text);
  }

  @Test
  void findsThePeople() {
    assertThat(doc.entities(EntityType.PERSON)).extracting(Entity::text)
        .contains("Andrei Belousov", "Yevgeny Prigozhin", "Vladimir Putin");
  }

  @Test
  void findsTheCountriesWithTheirIsoCodes() {
    assertThat(doc.entities(EntityType.COUNTRY)).extracting(Entity::text, Entity::normalized)
        .contains(
            tuple("Burkina Faso", Optional.of("BF")),
            tuple("Mali", Optional.of("ML")),
            tuple("Niger", Optional.of("NE")),
            tuple("Ukraine", Optional.of("UA")),
            tuple("Russia", Optional.of("RU")));
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
  void everySpanMapsBackToTheTextWithoutOverlapOrBadConfidence() {
    assertThat(doc.entities()).isNotEmpty();
    int previousEnd = 0;
    for (Entity e : doc.entities()) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
      assertThat(e.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(e.confidence()).isBetween(0.0, 1.0);
      assertThat(e.recognizer()).isIn("ner-en", "date-rules", "countries");
      previousEnd = e.end();
    }
  }
}
