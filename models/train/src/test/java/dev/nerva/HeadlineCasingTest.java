package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.tokenize.TrueCaser;
import org.junit.jupiter.api.Test;

/** Headlines and lower-cased text through the English pipeline, which true-cases them for the model. */
class HeadlineCasingTest {

  @Test
  void theBundledLexiconLoadsOnceAndTheEnglishPipelineUsesIt() {
    assertThat(TrueCaser.english()).isSameAs(TrueCaser.english());
    assertThat(TrueCaser.english().size()).isGreaterThan(20_000);
    assertThat(Nerva.english().recognizers()).first()
        .isInstanceOfSatisfying(NameFinderRecognizer.class, r -> assertThat(r.trueCaser()).isSameAs(TrueCaser.english()));
  }

  @Test
  void anAllCapitalHeadlineGivesItsNamesWithTheirOriginalText() {
    String text = "PUTIN MEETS BURKINA FASO LEADER IN MOSCOW ON TUESDAY\n"
        + "Putin met Burkina Faso’s prime minister in Moscow on Tuesday.";
    Document doc = Nerva.english().process(text);

    assertThat(doc.entities()).filteredOn(e -> e.end() <= text.indexOf('\n'))
        .extracting(Entity::type, Entity::text, e -> e.normalizedValue().orElse(""))
        .contains(
            tuple(EntityType.PERSON, "PUTIN", ""),
            tuple(EntityType.COUNTRY, "BURKINA FASO", "BF"),
            tuple(EntityType.LOCATION, "MOSCOW", ""));
    assertThat(doc.entities()).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
  }

  @Test
  void aTitleCaseHeadlineKeepsItsNamesApartFromTheWordsAroundThem() {
    // Read as written, the model makes "Putin Meets Burkina" one organisation.
    String text = "Putin Meets Burkina Faso Leader In Moscow On Tuesday";
    Document doc = Nerva.english().process(text);

    assertThat(doc.entities()).extracting(Entity::type, Entity::text)
        .containsExactly(
            tuple(EntityType.PERSON, "Putin"),
            tuple(EntityType.COUNTRY, "Burkina Faso"),
            tuple(EntityType.LOCATION, "Moscow"),
            tuple(EntityType.DATE, "Tuesday"));
  }

  @Test
  void aLowerCasedDocumentGivesTheNamesItsUsualCasingShows() {
    // Read as written, the model misses both organisations; "General Electric" and "Federal
    // Reserve" are pairs of the lexicon, whose words alone are lower case.
    String text = "shares of general electric fell after the federal reserve raised rates in washington . "
        + "the prime minister of japan visited beijing in march 2021 .";
    Document doc = Nerva.english().process(text);

    assertThat(doc.entities()).extracting(Entity::type, Entity::text)
        .contains(
            tuple(EntityType.ORGANIZATION, "general electric"),
            tuple(EntityType.ORGANIZATION, "federal reserve"),
            tuple(EntityType.LOCATION, "washington"),
            tuple(EntityType.COUNTRY, "japan"),
            tuple(EntityType.DATE, "march 2021"));
  }
}
