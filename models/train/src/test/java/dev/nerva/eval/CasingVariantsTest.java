package dev.nerva.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.eval.Evaluation.Casing;
import org.junit.jupiter.api.Test;

/** The recased copies of dev the robustness figures are measured on. */
class CasingVariantsTest {

  private static final String TEXT = "Russia’s Wagner said on Tuesday it didn't leave Mali's north (3rd-time).";

  @Test
  void everyVariantKeepsTheLengthSoOffsetsStayValid() {
    for (Casing casing : Casing.values()) {
      assertThat(casing.apply.apply(TEXT)).as(casing.name()).hasSameSizeAs(TEXT);
    }
  }

  @Test
  void titleCaseCapitalisesEveryWordButNotAfterAnApostropheOrADigit() {
    assertThat(Casing.TITLE.apply.apply(TEXT))
        .isEqualTo("Russia’s Wagner Said On Tuesday It Didn't Leave Mali's North (3rd-Time).");
    assertThat(Casing.TITLE.apply.apply("n't")).isEqualTo("n't");
    assertThat(Casing.TITLE.apply.apply("N'T")).isEqualTo("n't");
  }

  @Test
  void lowerAndUpperRecaseEveryLetter() {
    assertThat(Casing.LOWER.apply.apply("Mali's NORTH")).isEqualTo("mali's north");
    assertThat(Casing.UPPER.apply.apply("Mali's north")).isEqualTo("MALI'S NORTH");
    assertThat(Casing.ORIGINAL.apply.apply(TEXT)).isSameAs(TEXT);
  }
}
