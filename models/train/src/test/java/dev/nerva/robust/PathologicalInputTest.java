package dev.nerva.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.Nerva;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes of input that once took quadratic time: each must go through the English pipeline in
 * time proportional to its size. The limit is generous (several seconds per megabyte, against
 * well under one measured) so that a slow CI machine passes and a quadratic path, which took
 * minutes, does not.
 */
class PathologicalInputTest {

  private static final LocalDate DATE = LocalDate.of(2024, 9, 4);
  private static final int MEGABYTE = 1 << 20;

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("1 MB of full stops", (Supplier<String>) () -> ".".repeat(MEGABYTE)),
        Arguments.of("1 MB of mixed punctuation", (Supplier<String>) () -> "?!.,;-".repeat(MEGABYTE / 6)),
        Arguments.of("1 MB without whitespace", (Supplier<String>) () -> "abc.Def!".repeat(MEGABYTE / 8)),
        Arguments.of("a 100k-word sentence with dates", (Supplier<String>) () ->
            "The talks went on last Tuesday and the army said it will return next year and ".repeat(6_500) + "."),
        Arguments.of("1 MB of one repeated name", (Supplier<String>) () -> "Vladimir Putin ".repeat(MEGABYTE / 15)),
        Arguments.of("1 MB of no-break spaces and dates", (Supplier<String>) () ->
            "In\u00A02022\u00A0Mr\u00A0Putin met\u2007the\u202FUnited Nations. ".repeat(MEGABYTE / 50)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void goesThroughInLinearTime(String shape, Supplier<String> input) {
    String text = input.get();
    Nerva nerva = Nerva.english();
    Document doc = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> nerva.process(text, DATE), shape);

    assertThat(doc.text()).isSameAs(text);
    for (Entity e : doc.entities()) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
  }
}
