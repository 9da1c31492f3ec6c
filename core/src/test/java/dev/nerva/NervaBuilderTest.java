package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building and extending pipelines: output types, custom labels, toBuilder, null dates. */
class NervaBuilderTest {

  private static final EntityType WEAPON = EntityType.of("WEAPON");
  private static final String TEXT = "Troops in Mali used the Kalashnikov near Gao in July 2024.";

  private static final FixedStrings PLACES = new FixedStrings(Map.of("Mali", EntityType.LOCATION, "Gao",
      EntityType.LOCATION));
  private static final FixedStrings WEAPONS = new FixedStrings(Map.of("Kalashnikov", WEAPON));

  @Test
  void aCustomLabelIsReportedWithoutFurtherSettings() {
    Nerva nerva = Nerva.builder().recognizer(PLACES).recognizer(WEAPONS).build();

    assertThat(nerva.process(TEXT).entities()).extracting(Entity::type, Entity::text).containsExactly(
        tuple(EntityType.COUNTRY, "Mali"), tuple(WEAPON, "Kalashnikov"), tuple(EntityType.LOCATION, "Gao"),
        tuple(EntityType.DATE, "July 2024"));
    assertThat(nerva.outputTypes()).contains(WEAPON, EntityType.COUNTRY, EntityType.LOCATION, EntityType.DATE);
  }

  @Test
  void anOutputTypeNoPartCanProduceIsRefusedNamingTheOnesItCan() {
    Nerva.Builder builder = Nerva.builder().recognizer(WEAPONS).outputTypes(EntityType.of("ORG"), WEAPON);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("can never produce [ORG]")
        .hasMessageContaining("it can produce [COUNTRY, DATE, WEAPON]");
    assertThatThrownBy(() -> Nerva.builder().outputTypes(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explicitOutputTypesFilterTheResults() {
    Nerva nerva = Nerva.builder().recognizer(PLACES).recognizer(WEAPONS).outputTypes(WEAPON).build();

    assertThat(nerva.process(TEXT).entities()).extracting(Entity::text).containsExactly("Kalashnikov");
    assertThat(nerva.outputTypes()).containsExactly(WEAPON);
  }

  @Test
  void toBuilderKeepsTheRecognizersAndSettingsAndAddsToThem() {
    Nerva base = Nerva.builder().recognizer(PLACES).stripLeadingThe(false).dateRules(false).build();

    Nerva extended = base.toBuilder().recognizer(WEAPONS).build();

    assertThat(extended.recognizers()).containsExactly(PLACES, WEAPONS);
    assertThat(extended.recognizers().get(0)).isSameAs(base.recognizers().get(0));
    assertThat(extended.steps()).doesNotContain("date-rules");
    assertThat(extended.process(TEXT).entities()).extracting(Entity::text).containsExactly("Mali", "Kalashnikov", "Gao");
    assertThat(base.process(TEXT).entities()).extracting(Entity::text).containsExactly("Mali", "Gao");
    // The same recognizer added twice runs once.
    assertThat(base.toBuilder().recognizer(PLACES).build().recognizers()).containsExactly(PLACES);
  }

  @Test
  void theStepsAreNamedAndOrdered() {
    assertThat(Nerva.builder().recognizer(PLACES).build().steps()).containsExactly(
        "recognizers", "countries", "date-rules", "facilities", "name-cleanup", "country-resolution", "cues",
        "name-heads", "consistency", "overlaps", "date-values");
  }

  @Test
  void aNullDocumentDateMeansTheDateIsUnknown() {
    Nerva nerva = Nerva.builder().build();
    String text = "He left on 5 June 2024 and returns on Friday.";

    assertThat(nerva.process(text, null)).isEqualTo(nerva.process(text));
    assertThat(nerva.process(text, null).entities()).extracting(Entity::text, Entity::normalized)
        .containsExactly(tuple("5 June 2024", "2024-06-05"), tuple("Friday", "XXXX-WXX-5"));
  }

  @Test
  void theResultListsAreUnmodifiable() {
    Document doc = Nerva.builder().recognizer(PLACES).build().process(TEXT);

    assertThatThrownBy(() -> doc.entities().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> doc.sentences().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> doc.tokens().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void facilitiesAreLocationsUnlessToldOtherwise() {
    EntityType fac = EntityType.of("FAC");
    FixedStrings model = new FixedStrings(Map.of("the Golden Gate Bridge", fac));
    String text = "Fog covered the Golden Gate Bridge in July.";

    assertThat(Nerva.builder().recognizer(model).build().process(text).entities())
        .extracting(Entity::type, Entity::text)
        .contains(tuple(EntityType.LOCATION, "Golden Gate Bridge"));
    assertThat(Nerva.builder().recognizer(model).facilitiesAsLocations(false).build().process(text).entities())
        .extracting(Entity::type, Entity::text)
        .contains(tuple(fac, "the Golden Gate Bridge"));
  }

  @Test
  void aListOfCountriesTakenForOneNameBecomesOneCountryEach() {
    FixedStrings model = new FixedStrings(Map.of("Mali/Niger/Chad", EntityType.ORGANIZATION,
        "Burkina Faso & Mali", EntityType.LOCATION, "Mali/Atlantis", EntityType.LOCATION));

    assertThat(Nerva.builder().recognizer(model).build()
        .process("Troops from Mali/Niger/Chad and Burkina Faso & Mali, not Mali/Atlantis.").entities())
        .extracting(Entity::type, Entity::text, Entity::normalized)
        .containsExactly(
            tuple(EntityType.COUNTRY, "Mali", "ML"), tuple(EntityType.COUNTRY, "Niger", "NE"),
            tuple(EntityType.COUNTRY, "Chad", "TD"), tuple(EntityType.COUNTRY, "Burkina Faso", "BF"),
            tuple(EntityType.COUNTRY, "Mali", "ML"), tuple(EntityType.LOCATION, "Mali/Atlantis", null));
  }
}
