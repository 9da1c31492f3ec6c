package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.common.collect.ImmutableList;
import dev.nerva.internal.tokenize.TrueCaser;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasingLexiconTest {

  private static GoldDocument document(String... sentences) {
    ImmutableList.Builder<GoldSentence> built = ImmutableList.builder();
    for (String sentence : sentences) {
      ImmutableList<String> tokens = ImmutableList.copyOf(sentence.split(" "));
      built.add(new GoldSentence(tokens, ImmutableList.copyOf(tokens.stream().map(t -> "O").toList()),
          ImmutableList.of()));
    }
    return new GoldDocument("toy", built.build());
  }

  private static final List<GoldDocument> CORPUS = List.of(document(
      "Sales at Harrow Motors rose in Oslo .",
      "Harrow Motors said the Army and the army agreed , and the House voted .",
      "They told us the US would follow the House and the Army .",
      "Analysts at NATO said it was US policy , and us too .",
      "Shares of Harrow Motors rose .",
      "Both sides united behind the nations of Europe .",
      "Aid from the United Nations arrived .",
      "Aid from the United Nations arrived .",
      "HARROW MOTORS SAYS SALES ROSE IN OSLO",
      "harrow motors rose and rose in oslo ."));

  @Test
  void eachWordTakesItsUsualFormAndLowerCaseWinsAtAThird() {
    List<String> forms = CasingLexicon.usualForms(CORPUS, 2);

    // "Army" twice and "army" once: lower case has its third. "House" twice, never lower case.
    // "us" twice, "US" twice. First tokens and the all-capital and all-lower-case sentences do
    // not count, so "Sales", "Oslo" (once) and "HARROW" are not there.
    assertThat(forms).contains("Harrow", "Motors", "army", "House", "us", "the", "and", "at", "said", "rose")
        .doesNotContain("Army", "US", "Sales", "sales", "Oslo", "oslo", "HARROW", "NATO", ".", ",");
    assertThat(forms).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    // A pair is kept only where its casing differs from its words' casings apart.
    assertThat(forms).contains("united", "nations", "United Nations").doesNotContain("Harrow Motors");
    assertThat(CasingLexicon.usualForms(CORPUS, 1)).contains("NATO", "Oslo", "policy");
  }

  @Test
  void theWrittenLexiconReadsBackIntoATrueCaser(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("casing.txt");
    CasingLexicon.write(CasingLexicon.usualForms(CORPUS, 2), "toy corpus\nsecond line", file);

    assertThat(Files.readAllLines(file)).startsWith("# toy corpus", "# second line");
    TrueCaser caser;
    try (var in = Files.newInputStream(file)) {
      caser = TrueCaser.read(in);
    }
    assertThat(caser.apply(List.<String[]>of("HARROW MOTORS TOLD US THE ARMY ROSE".split(" "))).get(0))
        .containsExactly("Harrow", "Motors", "Told", "us", "the", "army", "rose");
    assertThat(caser.apply(List.<String[]>of("the nations united , said the united nations".split(" "))).get(0))
        .containsExactly("The", "nations", "united", ",", "said", "the", "United", "Nations");
  }

  @Test
  void aMinimumCountBelowOneIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> CasingLexicon.usualForms(CORPUS, 0))
        .withMessageContaining("minCount");
  }
}
