package dev.nerva.internal.date;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.nerva.internal.ner.RuleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule-based date detection with no statistical model in the pipeline. */
class DateRulesTest {

  private static final Nerva RULES_ONLY = Nerva.builder().build();
  private static final Set<EntityType> DATES = Set.of(EntityType.DATE);

  private static List<String> dates(String text) {
    return RULES_ONLY.process(text, LocalDate.of(2024, 9, 4)).entities(EntityType.DATE).stream()
        .map(Entity::text).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      The deal was signed on 2024-06-05 in Paris.                 | 2024-06-05
      The deal was signed on 05.06.2024 in Paris.                 | 05.06.2024
      The deal was signed on 6/5/2024 in Paris.                   | 6/5/2024
      The attacks of Sept. 11, 2001 changed everything.           | Sept. 11, 2001
      It happened on 11th September 2001 at dawn.                 | 11th September 2001
      The recovery took place in July 2024.                       | July 2024
      In June, Russia said it was sending instructors.            | June
      Wagner said so in a statement late on Tuesday.              | late on Tuesday
      They will meet next Friday.                                 | next Friday
      Profits rose in the third quarter of 2024.                  | the third quarter of 2024
      They met in the summer of 2023.                             | the summer of 2023
      Growth was strong in the 1990s.                             | the 1990s
      This is the challenge of the 21st century.                  | the 21st century
      They met on Christmas Day 2023.                             | Christmas Day 2023
      The talks ended three days ago.                             | three days ago
      The talks ended the day before yesterday.                   | the day before yesterday
      Exports have fallen over the past three years.              | the past three years
      Sales fell last month.                                      | last month
      The city was sacked in 410 AD.                              | 410 AD
      Burkina Faso has been under military rule since a 2022 coup. | 2022
      """)
  void detectsEachFamily(String sentence, String expected) {
    assertThat(dates(sentence)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Moscow signed agreements with 40 African countries.",
      "The team won the final with a 2-1 win.",
      "The army sent 1,500 troops to the border.",
      "Call 555-1234 or +1 202 555 0199 for details.",
      "You may leave, and they march on.",
      "The Sun newspaper sold 2,000,000 copies.",
      "Room 12.5 holds 300 people."})
  void numbersAndWordsThatAreNotDatesStayUntouched(String sentence) {
    assertThat(dates(sentence)).isEmpty();
  }

  @Test
  void modelSpansWinUnlessARuleSpanExtendsADate() {
    Entity modelJuly = new Entity(EntityType.DATE, 10, 14, "July", 0.7, "ner");
    Entity ruleJuly2024 = new Entity(EntityType.DATE, 10, 19, "July 2024", 0.9, DateRules.NAME);
    assertThat(RuleSpans.merge(List.of(modelJuly), List.of(ruleJuly2024), DATES)).containsExactly(ruleJuly2024);

    Entity modelEvent = new Entity(EntityType.of("EVENT"), 0, 30, "x".repeat(30), 0.7, "ner");
    Entity ruleInside = new Entity(EntityType.DATE, 4, 8, "2023", 0.9, DateRules.NAME);
    assertThat(RuleSpans.merge(List.of(modelEvent), List.of(ruleInside), DATES)).containsExactly(modelEvent);

    Entity free = new Entity(EntityType.DATE, 40, 47, "Tuesday", 0.9, DateRules.NAME);
    assertThat(RuleSpans.merge(List.of(modelEvent), List.of(free), DATES)).containsExactly(modelEvent, free);
  }
}
