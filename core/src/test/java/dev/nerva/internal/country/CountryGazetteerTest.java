package dev.nerva.internal.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountryGazetteerTest {

  /** Stands in for a model: one fixed span. */
  private record OneSpan(EntityType type, String text) implements EntityRecognizer {
    @Override
    public Set<EntityType> types() {
      return Set.of(type);
    }

    @Override
    public String name() {
      return "model";
    }

    @Override
    public List<Entity> recognize(String whole, List<Sentence> sentences) {
      int start = whole.indexOf(text);
      return List.of(new Entity(type, start, start + text.length(), text, 0.6, name()));
    }
  }

  @Test
  void findsCountryNamesOnTheirOwn() {
    assertThat(Nerva.builder().build().process("Burkina Faso, Mali, and Niger signed; Côte d’Ivoire did not.")
            .entities())
        .extracting(Entity::type, Entity::text, Entity::normalizedValue, Entity::recognizer)
        .containsExactly(
            tuple(EntityType.COUNTRY, "Burkina Faso", Optional.of("BF"), CountryGazetteer.NAME),
            tuple(EntityType.COUNTRY, "Mali", Optional.of("ML"), CountryGazetteer.NAME),
            tuple(EntityType.COUNTRY, "Niger", Optional.of("NE"), CountryGazetteer.NAME),
            tuple(EntityType.COUNTRY, "Côte d’Ivoire", Optional.of("CI"), CountryGazetteer.NAME));
  }

  @Test
  void extendsAPlaceSpanOfTheModelButNeverOverridesOtherTypes() {
    Nerva burkina = Nerva.builder().recognizer(new OneSpan(EntityType.LOCATION, "Burkina")).build();
    assertThat(burkina.process("Troops left Burkina Faso.").entities())
        .extracting(Entity::type, Entity::text).containsExactly(tuple(EntityType.COUNTRY, "Burkina Faso"));

    Nerva chad = Nerva.builder().recognizer(new OneSpan(EntityType.PERSON, "Chad Smith")).build();
    assertThat(chad.process("Chad Smith scored twice.").entities())
        .extracting(Entity::type, Entity::text).containsExactly(tuple(EntityType.PERSON, "Chad Smith"));
  }

  @Test
  void lowerCaseWordsAndDisabledGazetteerFindNothing() {
    assertThat(Nerva.builder().build().process("a turkey from china").entities()).isEmpty();
    assertThat(Nerva.builder().countryGazetteer(false).build().process("Niger").entities()).isEmpty();
  }
}
