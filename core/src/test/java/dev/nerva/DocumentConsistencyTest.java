package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The document-level pass: names found once are found again, aliases inherit, one type per string. */
class DocumentConsistencyTest {

  /**
   * Stands in for a model: finds each phrase at or after {@code from}, at its first occurrence only
   * or at every one, with one confidence.
   */
  private record Finds(Map<String, EntityType> names, double confidence, int from, boolean everyOccurrence)
      implements EntityRecognizer {
    @Override
    public String name() {
      return "model";
    }

    @Override
    public Set<EntityType> types() {
      return Set.copyOf(names.values());
    }

    @Override
    public List<Entity> recognize(String text, List<Sentence> sentences) {
      List<Entity> found = new ArrayList<>();
      names.forEach((phrase, type) -> {
        for (int at = text.indexOf(phrase, from); at >= 0; at = everyOccurrence ? text.indexOf(phrase, at + 1) : -1) {
          found.add(new Entity(type, at, at + phrase.length(), phrase, confidence, name()));
        }
      });
      return found;
    }
  }

  /** A model that finds each phrase only at its first occurrence. */
  private static Finds firstOnly(Map<String, EntityType> names, double confidence) {
    return new Finds(names, confidence, 0, false);
  }

  private static List<Entity> entities(EntityRecognizer model, String text) {
    return Nerva.builder().recognizer(model).dateRules(false).build().process(text).entities();
  }

  @Test
  void aNameFoundOnceIsFoundAgainWithALowerConfidence() {
    String text = "Shares of Danone rose on Monday. Analysts expect Danone to grow.";

    List<Entity> found = entities(firstOnly(Map.of("Danone", EntityType.ORGANIZATION), 0.9), text);

    assertThat(found).extracting(Entity::text, Entity::start, Entity::recognizer)
        .containsExactly(tuple("Danone", 10, "model"), tuple("Danone", text.lastIndexOf("Danone"), "consistency"));
    assertThat(found.get(1).confidence()).isLessThan(found.get(0).confidence()).isEqualTo(0.72, org.assertj.core.data.Offset.offset(1e-9));
    Nerva without = Nerva.builder().recognizer(firstOnly(Map.of("Danone", EntityType.ORGANIZATION), 0.9))
        .dateRules(false).documentConsistency(false).build();
    assertThat(without.process(text).entities()).hasSize(1);
  }

  @Test
  void aSurnameAndAnAcronymInheritTheirNamesType() {
    String text = "Yevgeny Prigozhin led the Economic Community of West African States (ECOWAS) talks. "
        + "Later Prigozhin left, and ECOWAS said nothing.";

    List<Entity> found = entities(firstOnly(Map.of("Yevgeny Prigozhin", EntityType.PERSON,
        "Economic Community of West African States", EntityType.ORGANIZATION), 0.95), text);

    assertThat(found).extracting(Entity::type, Entity::text, Entity::recognizer).containsExactly(
        tuple(EntityType.PERSON, "Yevgeny Prigozhin", "model"),
        tuple(EntityType.ORGANIZATION, "Economic Community of West African States", "model"),
        tuple(EntityType.ORGANIZATION, "ECOWAS", "consistency"),
        tuple(EntityType.PERSON, "Prigozhin", "consistency"),
        tuple(EntityType.ORGANIZATION, "ECOWAS", "consistency"));
  }

  @Test
  void aPropagatedPlaceThatNamesACountryBecomesTheCountry() {
    String text = "Troops left Burkina Faso in June; officials in Burkina Faso denied it.";

    List<Entity> found = entities(firstOnly(Map.of("Burkina Faso", EntityType.LOCATION), 0.9), text);

    assertThat(found).extracting(Entity::type, Entity::text, Entity::normalized).containsOnly(
        tuple(EntityType.COUNTRY, "Burkina Faso", "BF"));
    assertThat(found).hasSize(2);
  }

  @Test
  void oneStringGetsOneTypeByConfidenceWeightedVote() {
    EntityRecognizer model = new EntityRecognizer() {
      @Override
      public String name() {
        return "model";
      }

      @Override
      public Set<EntityType> types() {
        return Set.of(EntityType.PERSON, EntityType.ORGANIZATION);
      }

      @Override
      public List<Entity> recognize(String text, List<Sentence> sentences) {
        return List.of(new Entity(EntityType.PERSON, 0, 6, "Wagner", 0.4, name()),
            new Entity(EntityType.ORGANIZATION, 19, 25, "Wagner", 0.9, name()),
            new Entity(EntityType.ORGANIZATION, 40, 46, "Wagner", 0.8, name()));
      }
    };
    String text = "Wagner said that a Wagner unit and then Wagner left.";

    List<Entity> found = entities(model, text);

    assertThat(found).extracting(Entity::type).containsOnly(EntityType.ORGANIZATION);
    assertThat(found.get(0).confidence()).isEqualTo(0.4);
  }

  @Test
  void wordsUsuallyWrittenInLowerCaseAndSentenceInitialOnlyNamesAreNotPropagated() {
    String text = "Danone rose. Analysts expect Danone to grow.";

    assertThat(entities(firstOnly(Map.of("Danone", EntityType.ORGANIZATION), 0.9), text)).hasSize(1);
  }

  @Test
  void aNameBeforeAGroupNounIsAnOrganisationAndItsOtherMentionsFollow() {
    String text = "Fighters of the Wagner mercenary group left. Later Wagner said it lost men near Azawad militants.";
    EntityRecognizer unsure = new EntityRecognizer() {
      @Override
      public String name() {
        return "model";
      }

      @Override
      public Set<EntityType> types() {
        return Set.of(EntityType.PERSON);
      }

      @Override
      public List<Entity> recognize(String t, List<Sentence> sentences) {
        int at = t.indexOf("Azawad");
        return List.of(new Entity(EntityType.PERSON, at, at + 6, "Azawad", 0.36, name()));
      }
    };

    List<Entity> found = entities(unsure, text);

    assertThat(found).extracting(Entity::type, Entity::text, Entity::recognizer).containsExactly(
        tuple(EntityType.ORGANIZATION, "Wagner", "cues"),
        tuple(EntityType.ORGANIZATION, "Wagner", "consistency"),
        tuple(EntityType.ORGANIZATION, "Azawad", "cues"));
    assertThat(Nerva.builder().recognizer(unsure).dateRules(false).organisationCues(false).build()
        .process(text).entities()).extracting(Entity::type).containsExactly(EntityType.PERSON);
  }

  @Test
  void aSureNameOfAnotherTypeBeforeAGroupNounKeepsItsType() {
    String text = "Palestinian militants and The Houthi rebels met.";
    FixedStrings model = new FixedStrings(Map.of("Palestinian", EntityType.of("NORP")));

    assertThat(entities(model, text)).extracting(Entity::type, Entity::text).containsExactly(
        tuple(EntityType.of("NORP"), "Palestinian"), tuple(EntityType.ORGANIZATION, "Houthi"));
  }

  @Test
  void whatTheTextSaysAStringIsOutweighsAnyNumberOfGuessesFromContext() {
    String text = "Fighters of the Kessler militia entered the town. Kessler said it would stay. "
        + "Officials said Kessler had left.";
    // a model sure that "Kessler" is a person wherever it finds it, which is everywhere but the cue
    EntityRecognizer surePerson = new Finds(Map.of("Kessler", EntityType.PERSON), 0.95, 20, true);

    assertThat(entities(surePerson, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Kessler", EntityType.ORGANIZATION), tuple("Kessler", EntityType.ORGANIZATION),
        tuple("Kessler", EntityType.ORGANIZATION));
    // without the cue, the model's guesses stand
    assertThat(entities(surePerson, text.replace("Kessler militia", "Kessler family"))).extracting(Entity::type)
        .containsOnly(EntityType.PERSON);
  }

  @Test
  void aNameTheTextDescribesAsAKindOfOrganisationIsOneThroughout() {
    EntityRecognizer model = new Finds(Map.of("Kraftwerk", EntityType.PERSON, "Harrow Motors", EntityType.LOCATION,
        "Smith", EntityType.PERSON), 0.9, 0, true);
    String text = "Kraftwerk is an electronic band formed in 1970. Later Kraftwerk toured. "
        + "Harrow Motors, the carmaker based in Leeds, hired Smith, a former company director, in 2020.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Kraftwerk", EntityType.ORGANIZATION), tuple("Kraftwerk", EntityType.ORGANIZATION),
        tuple("Harrow Motors", EntityType.ORGANIZATION), tuple("Smith", EntityType.PERSON));
    // without the cues the model's guesses stand
    assertThat(Nerva.builder().recognizer(model).dateRules(false).organisationCues(false).build().process(text)
        .entities()).extracting(Entity::type).containsExactly(EntityType.PERSON, EntityType.PERSON,
        EntityType.LOCATION, EntityType.PERSON);
  }

  @Test
  void aNameTheTextDescribesAsAKindOfPlaceIsALocationThroughout() {
    EntityRecognizer model = new Finds(Map.of("Tessit", EntityType.PERSON, "Menaka", EntityType.ORGANIZATION,
        "Jones", EntityType.PERSON), 0.9, 0, true);
    String text = "Tessit is a small village in the north. Fighting reached Tessit again. "
        + "Menaka, the regional capital, fell in 2023. Jones, a town planner, left.";

    assertThat(entities(model, text)).extracting(Entity::text, Entity::type).containsExactly(
        tuple("Tessit", EntityType.LOCATION), tuple("Tessit", EntityType.LOCATION),
        tuple("Menaka", EntityType.LOCATION), tuple("Jones", EntityType.PERSON));
  }

  @Test
  void aCountyOrRiversNameWithoutItsHeadNamesTheSamePlace() {
    Finds model = firstOnly(Map.of("Pali Rural Township", EntityType.LOCATION, "Tanshui River", EntityType.LOCATION,
        "Essex Street", EntityType.LOCATION), 0.9);
    String text = "Pali Rural Township lies on the Tanshui River. In Pali the Tanshui floods. Essex Street is in Pali. "
        + "Essex voted.";

    double propagated = 0.8 * 0.9; // a fifth below the name's own
    assertThat(entities(model, text)).extracting(Entity::text, Entity::type, Entity::confidence).containsExactly(
        tuple("Pali Rural Township", EntityType.LOCATION, 0.9), tuple("Tanshui River", EntityType.LOCATION, 0.9),
        tuple("Pali", EntityType.LOCATION, propagated), tuple("Tanshui", EntityType.LOCATION, propagated),
        tuple("Essex Street", EntityType.LOCATION, 0.9), tuple("Pali", EntityType.LOCATION, propagated));
  }
}
