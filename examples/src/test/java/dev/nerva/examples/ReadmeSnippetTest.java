package dev.nerva.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the README shows a new user, run as they would run it: only the public API. */
class ReadmeSnippetTest {

  private static final String TEXT = "Putin met Burkina Faso’s prime minister in Moscow on Tuesday.";

  /** The README's recognizer of weapon names, as written there. */
  private static final EntityType WEAPON = EntityType.of("WEAPON");

  private static final EntityRecognizer WEAPONS = new EntityRecognizer() {
    @Override
    public String name() {
      return "weapons";
    }

    @Override
    public Set<EntityType> types() {
      return Set.of(WEAPON);
    }

    @Override
    public List<Entity> recognize(String text, List<Sentence> sentences) {
      List<Entity> found = new ArrayList<>();
      for (Sentence sentence : sentences) {
        for (Token token : sentence.tokens()) {
          if (token.text().equals("Kalashnikov")) {
            found.add(new Entity(WEAPON, token.start(), token.end(), token.text(), 1.0, name()));
          }
        }
      }
      return found;
    }
  };

  @Test
  void theFirstSnippetPrintsWhatTheReadmeSays() {
    Document doc = Nerva.english().process(TEXT, LocalDate.of(2024, 9, 4));

    assertThat(doc.entities())
        .extracting(Entity::type, Entity::text, Entity::start, Entity::end, e -> e.normalizedValue().orElse(""))
        .containsExactly(
            tuple(EntityType.PERSON, "Putin", 0, 5, ""),
            tuple(EntityType.COUNTRY, "Burkina Faso", 10, 22, "BF"),
            tuple(EntityType.LOCATION, "Moscow", 43, 49, ""),
            tuple(EntityType.DATE, "Tuesday", 53, 60, "2024-09-03"));
  }

  @Test
  void extendingTheEnglishPipelineSharesItsModelsAndReportsTheCustomLabel() {
    Nerva english = Nerva.english();

    Nerva withWeapons = english.toBuilder().recognizer(WEAPONS).build();

    assertThat(withWeapons.recognizers()).hasSize(2);
    assertThat(withWeapons.recognizers().get(0)).isSameAs(english.recognizers().get(0));
    assertThat(Nerva.builder().englishNameFinder().build().recognizers().get(0))
        .isSameAs(english.recognizers().get(0));
    assertThat(withWeapons.process("Rebels in Mali carried a Kalashnikov.").entities())
        .extracting(Entity::type, Entity::text)
        .containsExactly(tuple(EntityType.COUNTRY, "Mali"), tuple(WEAPON, "Kalashnikov"));
  }

  @Test
  void aPlainJacksonMapperWritesAndReadsEntities() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Document doc = Nerva.english().process(TEXT, LocalDate.of(2024, 9, 4));

    JsonNode country = mapper.readTree(mapper.writeValueAsString(doc.entities().get(1)));
    JsonNode person = mapper.readTree(mapper.writeValueAsString(doc.entities().get(0)));

    assertThat(country.get("type").get("name").asText()).isEqualTo("COUNTRY");
    assertThat(country.get("text").asText()).isEqualTo("Burkina Faso");
    assertThat(country.get("normalized").asText()).isEqualTo("BF");
    assertThat(person.get("normalized").isNull()).isTrue();
    assertThat(mapper.readValue(mapper.writeValueAsString(doc.entities().get(1)), Entity.class))
        .isEqualTo(doc.entities().get(1));
    assertThat(mapper.readTree(mapper.writeValueAsString(doc)).get("entities")).hasSize(doc.entities().size());
  }
}
