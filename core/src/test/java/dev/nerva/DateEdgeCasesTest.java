package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Date phrases and document dates at the edges: a value only when it is a valid TIMEX3 value. */
class DateEdgeCasesTest {

  @ParameterizedTest(name = "\"{0}\" on {1} = {2}")
  @CsvSource(nullValues = "none", textBlock = """
      3000000000 years ago,   2024-09-04, none
      99999999999 years,      2024-09-04, none
      in 99999999999 years,   2024-09-04, none
      4540000000 years ago,   2024-09-04, none
      2147483647 years ago,   2024-09-04, none
      2147483648 years,       2024-09-04, none
      1000001 years ago,      2024-09-04, none
      20000 years ago,        2024-09-04, none
      2000 years ago,         2024-09-04, 0024
      000000000000002 years ago, 2024-09-04, 2022
      the 0th century,        2024-09-04, none
      the 21st century,       2024-09-04, 20XX
      last decade,            0000-06-01, none
      two years ago,          0001-06-01, none
      last year,              0001-06-01, 0000
      next week,              9999-12-31, none
      next year,              9999-06-01, none
      tomorrow,               9999-12-31, none
      yesterday,              0000-01-01, none
      five years,             2024-09-04, P5Y
      """)
  void givesAValidValueOrNone(String phrase, String documentDate, String expected) {
    String text = "It happened " + phrase + " there.";
    Nerva nerva = Nerva.builder().recognizer(new FixedStrings(Map.of(phrase, EntityType.DATE))).build();

    Document doc = nerva.process(text, LocalDate.parse(documentDate));

    assertThat(doc.entities(EntityType.DATE)).singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo(phrase))
        .satisfies(e -> assertThat(e.normalized()).isEqualTo(expected));
  }
}
