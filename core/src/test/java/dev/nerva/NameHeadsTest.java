package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names whose own words say what they are: place and organisation heads, towns and their states. */
class NameHeadsTest {

  private static List<Entity> entities(EntityRecognizer model, String text) {
    return Nerva.builder().recognizer(model).dateRules(false).build().process(text).entities();
  }

  @Test
  void aNameEndingInAKindOfPlaceIsALocation() {
    FixedStrings model = new FixedStrings(Map.of("Victoria Harbor", EntityType.PERSON, "Dover Air Force Base",
        EntityType.ORGANIZATION, "Hong Kong", EntityType.LOCATION, "Grace Park", EntityType.PERSON));
    String text = "Grace Park sailed across Victoria Harbor from Hong Kong Wetland Park to the Dover Air Force Base.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type, Entity::confidence).containsExactly(
        tuple("Grace Park", EntityType.PERSON, 0.9), // a surname, not a park
        tuple("Victoria Harbor", EntityType.LOCATION, 0.6),
        tuple("Hong Kong Wetland Park", EntityType.LOCATION, 0.6), // swallows the model's "Hong Kong"
        tuple("Dover Air Force Base", EntityType.LOCATION, 0.6));
    // words capitalised only by a headline's style are not a name; a retyped span keeps the model's doubt
    assertThat(entities(model, "Troops Cross Into Lake Region Near Border")).isEmpty();
    FixedStrings unsure = new FixedStrings(Map.of("Victoria Harbor", EntityType.PERSON), 0.4);
    assertThat(entities(unsure, "The Victoria Harbor ferry sank.").get(0))
        .extracting(Entity::text, Entity::type, Entity::confidence)
        .containsExactly("Victoria Harbor", EntityType.LOCATION, 0.4);
    assertThat(Nerva.builder().recognizer(model).dateRules(false).organisationCues(false).build().process(text)
        .entities()).extracting(Entity::type).contains(EntityType.PERSON, EntityType.ORGANIZATION);
  }

  @Test
  void aNameStartingWithAWordForAKindOfPlaceIsALocation() {
    FixedStrings model = new FixedStrings(Map.of(
        "Mount Sinai Hospital", EntityType.ORGANIZATION, "Kuanyin", EntityType.PERSON));
    String text = "We climbed Mt. Kuanyin and Lake Dajin, then Fort Bragg, and visited Mount Sinai Hospital.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Mt. Kuanyin", EntityType.LOCATION), tuple("Lake Dajin", EntityType.LOCATION),
        tuple("Fort Bragg", EntityType.LOCATION), tuple("Mount Sinai Hospital", EntityType.ORGANIZATION));
  }

  @Test
  void aNameEndingInAnOrganisationsNounIsAnOrganisationUnlessTheModelFoundAPlace() {
    FixedStrings model = new FixedStrings(Map.of("Ketchum Communications", EntityType.PERSON,
        "Margaret Court", EntityType.PERSON, "Louisiana", EntityType.LOCATION,
        "Harvard University", EntityType.LOCATION));
    String text = "Ketchum Communications hired Margaret Court of the Louisiana Nursing Home Association "
        + "at Harvard University.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Ketchum Communications", EntityType.ORGANIZATION), tuple("Margaret Court", EntityType.PERSON),
        tuple("Louisiana Nursing Home Association", EntityType.ORGANIZATION),
        tuple("Harvard University", EntityType.LOCATION)); // the model read a place there
  }

  @Test
  void aTownAndItsStateWithoutACommaAreTwoPlaces() {
    FixedStrings model = new FixedStrings(Map.of("Gardner Massachusetts", EntityType.ORGANIZATION,
        "CNN Honolulu Hawaii", EntityType.ORGANIZATION, "Richmond Virginia", EntityType.LOCATION,
        "West Virginia", EntityType.LOCATION));
    String text = "Chris from Gardner Massachusetts called. Thelma Gutierrez CNN Honolulu Hawaii. "
        + "We drove from Austin Texas to Richmond Virginia and West Virginia.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Gardner", EntityType.LOCATION), tuple("Massachusetts", EntityType.LOCATION),
        tuple("CNN", EntityType.ORGANIZATION), tuple("Honolulu", EntityType.LOCATION),
        tuple("Hawaii", EntityType.LOCATION), tuple("Austin", EntityType.LOCATION), tuple("Texas", EntityType.LOCATION),
        tuple("Richmond Virginia", EntityType.LOCATION), // one place as the model read it
        tuple("West Virginia", EntityType.LOCATION));
    assertThat(entities(model, "Storm Hits Austin Texas After Long Drought")).extracting(Entity::text)
        .containsExactly("Austin", "Texas"); // a title-case headline: a one-word town only
  }

  @Test
  void aTownAndItsAbbreviatedStateAfterACommaArePlaces() {
    FixedStrings model = new FixedStrings(Map.of("Needham", EntityType.PERSON, "Edward Markey", EntityType.PERSON));
    String text = "The Needham, Mass., concern hired a Wayne, N.J., chemist. Rep. Edward Markey (D., Mass.) agreed.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Needham", EntityType.LOCATION), tuple("Mass.", EntityType.LOCATION),
        tuple("Wayne", EntityType.LOCATION), tuple("N.J.", EntityType.LOCATION),
        tuple("Edward Markey", EntityType.PERSON), tuple("Mass.", EntityType.LOCATION)); // not the party's "D."
  }
}
