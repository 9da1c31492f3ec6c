package dev.nerva.internal.date;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.SlashOrder;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TIMEX3 values of date expressions in sentence context, through the pipeline. */
class DateNormalizationTest {

  /** Marks the expression under test as a DATE, as the statistical model would. */
  private record Marks(String expression) implements EntityRecognizer {
    @Override
    public Set<EntityType> types() {
      return Set.of(EntityType.DATE);
    }

    @Override
    public String name() {
      return "marks";
    }

    @Override
    public List<Entity> recognize(String text, List<Sentence> sentences) {
      int start = text.indexOf(expression);
      return List.of(new Entity(EntityType.DATE, start, start + expression.length(), expression, 0.8, name()));
    }
  }

  private static Optional<String> valueOf(String sentence, String expression, String documentDate) {
    Nerva nerva = Nerva.builder().recognizer(new Marks(expression)).build();
    Document doc = documentDate.isEmpty() ? nerva.process(sentence) : nerva.process(sentence, LocalDate.parse(documentDate));
    int start = sentence.indexOf(expression);
    return doc.entities(EntityType.DATE).stream()
        .filter(e -> e.start() <= start && e.end() >= start + expression.length())
        .findFirst().flatMap(Entity::normalizedValue);
  }

  @ParameterizedTest(name = "{1} in \"{0}\" on {2} = {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # sentence                                                  | expression                 | document date | value
      # Absolute dates, every written form
      The recovery took place in July 2024.                        | July 2024                  | 2024-09-04 | 2024-07
      The deal was signed on 5 June 2024 in Paris.                 | 5 June 2024                | 2024-09-04 | 2024-06-05
      The deal was signed on June 5, 2024 in Paris.                | June 5, 2024               | 2024-09-04 | 2024-06-05
      The file is dated 2024-06-05.                                | 2024-06-05                 | 2024-09-04 | 2024-06-05
      The file is dated 2024/06/05.                                | 2024/06/05                 | 2024-09-04 | 2024-06-05
      The file is dated 05.06.2024.                                | 05.06.2024                 | 2024-09-04 | 2024-06-05
      The form is dated 6/5/2024.                                  | 6/5/2024                   |            | 2024-06-05
      The attacks of Sept. 11, 2001 changed everything.            | Sept. 11, 2001             | 2024-09-04 | 2001-09-11
      It happened on 11th September 2001.                          | 11th September 2001        | 2024-09-04 | 2001-09-11
      It happened on the 3rd of March 2019.                        | 3rd of March 2019          | 2024-09-04 | 2019-03-03
      The treaty dates from Jan. 1, 1995.                          | Jan. 1, 1995               | 2024-09-04 | 1995-01-01
      He arrived on Tuesday, June 4, 2024.                         | Tuesday, June 4, 2024      | 2024-09-04 | 2024-06-04
      Burkina Faso, under military rule since a 2022 coup.         | 2022                       | 2024-09-04 | 2022
      The class of '99 met again.                                  | '99                        | 2024-09-04 | 1999
      The class of '05 met again.                                  | '05                        | 2024-09-04 | 2005
      The city was sacked in 410 AD.                               | 410 AD                     | 2024-09-04 | 0410
      The temple was built in 300 BC.                              | 300 BC                     | 2024-09-04 | BC0300
      Charlemagne was crowned in the year 800.                     | the year 800               | 2024-09-04 | 0800
      # Leap days
      The leap day of February 29, 2024 was busy.                  | February 29, 2024          | 2024-09-04 | 2024-02-29
      Results came on Feb. 29.                                     | Feb. 29                    | 2024-03-10 | 2024-02-29
      # Decades, centuries, quarters, halves, seasons
      Growth was strong in the 1990s.                              | the 1990s                  | 2024-09-04 | 199X
      Growth was strong in the '80s.                               | the '80s                   | 2024-09-04 | 198X
      Prices fell in the mid-1970s.                                | the mid-1970s              | 2024-09-04 | 197X
      Growth was strong in the nineties.                           | the nineties               | 2024-09-04 | 199X
      This is the challenge of the 21st century.                   | the 21st century           | 2024-09-04 | 20XX
      It was built in the nineteenth century.                      | the nineteenth century     | 2024-09-04 | 18XX
      Profits rose in the third quarter of 2024.                   | the third quarter of 2024  | 2024-09-04 | 2024-Q3
      Profits rose in Q1 2023.                                     | Q1 2023                    | 2024-09-04 | 2023-Q1
      Profits rose in the first half of 2022.                      | the first half of 2022     | 2024-09-04 | 2022-H1
      They met in the summer of 2023.                              | the summer of 2023         | 2024-09-04 | 2023-SU
      Profits fell last quarter.                                   | last quarter               | 2024-09-04 | 2024-Q2
      They met last summer.                                        | last summer                | 2024-09-04 | 2024-SU
      They will meet next spring.                                  | next spring                | 2024-09-04 | 2025-SP
      # Weekdays by tense, with a Wednesday document date
      The ministers met on Tuesday in Moscow.                      | Tuesday                    | 2024-09-04 | 2024-09-03
      Wagner said in a statement late on Tuesday that it had won.  | late on Tuesday            | 2024-09-04 | 2024-09-03
      The ministers will meet on Tuesday in Moscow.                | Tuesday                    | 2024-09-04 | 2024-09-10
      The ministers said on Wednesday that talks failed.           | Wednesday                  | 2024-09-04 | 2024-09-04
      The ministers met on Tuesday.                                | Tuesday                    |            | XXXX-WXX-2
      They will meet next Friday.                                  | next Friday                | 2024-09-06 | 2024-09-13
      They met last Friday.                                        | last Friday                | 2024-09-04 | 2024-08-30
      They meet this Friday.                                       | this Friday                | 2024-09-04 | 2024-09-06
      # Months by tense
      In June, Russia said it was sending instructors.             | June                       | 2024-09-04 | 2024-06
      In November, Russia said it was sending instructors.         | November                   | 2024-09-04 | 2023-11
      In November, Russia will send instructors.                   | November                   | 2024-09-04 | 2024-11
      In March, Russia will send instructors.                      | March                      | 2024-09-04 | 2025-03
      In June, Russia said it was sending instructors.             | June                       |            | XXXX-06
      Russia said it sent arms last June.                          | last June                  | 2024-09-04 | 2024-06
      Russia will send arms next June.                             | next June                  | 2024-09-04 | 2025-06
      # Relative days, weeks, months and years
      The talks ended yesterday.                                   | yesterday                  | 2024-09-04 | 2024-09-03
      The talks end today.                                         | today                      | 2024-09-04 | 2024-09-04
      The talks end tomorrow.                                      | tomorrow                   | 2024-09-04 | 2024-09-05
      The talks ended the day before yesterday.                    | the day before yesterday   | 2024-09-04 | 2024-09-02
      The talks end the day after tomorrow.                        | the day after tomorrow     | 2024-09-04 | 2024-09-06
      The talks ended three days ago.                              | three days ago             | 2024-09-04 | 2024-09-01
      Sales fell last week.                                        | last week                  | 2024-09-04 | 2024-W35
      Sales fell last week.                                        | last week                  | 2021-01-06 | 2020-W53
      Sales rise this week.                                        | this week                  | 2024-12-30 | 2025-W01
      Sales will rise next week.                                   | next week                  | 2020-12-21 | 2020-W53
      Sales fell last month.                                       | last month                 | 2024-09-04 | 2024-08
      Sales fell last month.                                       | last month                 | 2025-01-15 | 2024-12
      Sales will rise next month.                                  | next month                 | 2024-09-04 | 2024-10
      Sales fell last year.                                        | last year                  | 2024-09-04 | 2023
      Sales rise this year.                                        | this year                  | 2024-09-04 | 2024
      The war began two years ago.                                 | two years ago              | 2024-09-04 | 2022
      The war began 18 months ago.                                 | 18 months ago              | 2024-09-04 | 2023-03
      The talks ended yesterday.                                   | yesterday                  |            |
      # Durations and references
      Exports have fallen over the past three years.               | the past three years       | 2024-09-04 | P3Y
      It was the biggest crisis in decades.                        | decades                    | 2024-09-04 | PXDE
      Exports have fallen in recent years.                         | recent years               | 2024-09-04 | PAST_REF
      Exports have fallen recently.                                | recently                   | 2024-09-04 | PAST_REF
      Exports are falling now.                                     | now                        | 2024-09-04 | PRESENT_REF
      Exports may recover in the future.                           | in the future              | 2024-09-04 | FUTURE_REF
      # Holidays
      They met on Christmas Day 2023.                              | Christmas Day 2023         | 2024-09-04 | 2023-12-25
      They will meet on New Year's Eve.                            | New Year's Eve             | 2024-09-04 | 2024-12-31
      They met on Valentine’s Day.                                 | Valentine’s Day            | 2024-09-04 | 2024-02-14
      # Impossible dates get no value
      The form says 30 February 2024.                              | 30 February 2024           | 2024-09-04 |
      """)
  void normalizesInContext(String sentence, String expression, String documentDate, String expected) {
    assertThat(valueOf(sentence, expression, documentDate == null ? "" : documentDate))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void typedAccessorsExposePlainCalendarValues() {
    Nerva nerva = Nerva.builder().build();
    Document doc = nerva.process("It began on 5 June 2024, grew in July 2024 and ends in the summer of 2025.",
        LocalDate.of(2024, 9, 4));
    List<Entity> dates = doc.entities(EntityType.DATE);
    assertThat(dates).extracting(Entity::text).containsExactly("5 June 2024", "July 2024", "the summer of 2025");
    assertThat(dates.get(0).date()).contains(LocalDate.of(2024, 6, 5));
    assertThat(dates.get(0).yearMonth()).isEmpty();
    assertThat(dates.get(1).yearMonth()).contains(YearMonth.of(2024, 7));
    assertThat(dates.get(1).date()).isEmpty();
    assertThat(dates.get(2).normalizedValue()).contains("2025-SU");
    assertThat(dates.get(2).year()).isEmpty();
    Entity year = new Entity(EntityType.DATE, 0, 4, "2022", 1, "x", "2022");
    assertThat(year.year()).contains(Year.of(2022));
  }

  @Test
  void narrativeModeAnchorsOnTheLastFullDateInTheText() {
    String text = "On 3 March 2021, the army seized power. Two days later, on Friday, it closed the border.";
    Nerva narrative = Nerva.builder().narrativeDates(true).build();
    assertThat(narrative.process(text).entities(EntityType.DATE))
        .extracting(Entity::text, Entity::normalizedValue)
        .contains(org.assertj.core.groups.Tuple.tuple("Friday", Optional.of("2021-03-05")));
    Nerva plain = Nerva.builder().build();
    assertThat(plain.process(text).entities(EntityType.DATE))
        .extracting(Entity::text, Entity::normalizedValue)
        .contains(org.assertj.core.groups.Tuple.tuple("Friday", Optional.of("XXXX-WXX-5")));
  }

  @Test
  void slashOrderIsASetting() {
    Nerva dayFirst = Nerva.builder().slashOrder(SlashOrder.DAY_FIRST).build();
    assertThat(dayFirst.process("The form is dated 6/5/2024.").entities(EntityType.DATE))
        .extracting(Entity::normalizedValue).containsExactly(Optional.of("2024-05-06"));
  }
}
