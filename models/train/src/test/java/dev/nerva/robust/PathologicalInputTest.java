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
    return PathologicalShapes.all().entrySet().stream()
        .map(shape -> Arguments.of(shape.getKey(), (Supplier<String>) () -> shape.getValue().apply(MEGABYTE)));
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
