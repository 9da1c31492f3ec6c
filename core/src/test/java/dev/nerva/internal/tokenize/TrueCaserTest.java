package dev.nerva.internal.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrueCaserTest {

  private static final TrueCaser CASER = TrueCaser.of(List.of("Ukraine", "says", "Russian", "troops", "NATO",
      "U.S.", "the", "from", "in", "met", "and", "Paris", "Angela", "Merkel", "united",
      "nations", "United Nations"));

  private static String[] tokens(String sentence) {
    return sentence.split(" ");
  }

  private static List<String[]> document(String... sentences) {
    return Arrays.stream(sentences).map(TrueCaserTest::tokens).toList();
  }

  @Test
  void anAllCapitalSentenceTakesTheUsualFormsAndUnknownWordsBecomeTitleCase() {
    List<String[]> doc = document("UKRAINE SAYS RUSSIAN TROOPS WITHDRAW FROM KHERSON , NATO AND U.S. SAY",
        "The troops met Angela Merkel in Paris .");
    List<String[]> cased = CASER.apply(doc);

    assertThat(cased.get(0))
        .containsExactly(tokens("Ukraine says Russian troops Withdraw from Kherson , NATO and U.S. Say"));
    assertThat(cased.get(1)).isSameAs(doc.get(1));
  }

  @Test
  void aLowerCaseDocumentTakesTheUsualFormsAndKeepsUnknownWords() {
    List<String[]> cased = CASER.apply(document("the troops met angela merkel in paris and bamako .",
        "`` 40 years in paris , '' ukraine says .", "thank you"));

    assertThat(cased).containsExactly(tokens("The troops met Angela Merkel in Paris and bamako ."),
        tokens("`` 40 years in Paris , '' Ukraine says ."), tokens("Thank you"));
  }

  @Test
  void aPairOfWordsTheLexiconKnowsAsANameTakesItsFormBeforeTheWordsApart() {
    assertThat(CASER.apply(document("the united nations and the nations united in paris")).get(0))
        .containsExactly(tokens("The United Nations and the nations united in Paris"));
    assertThat(CASER.apply(document("UNITED NATIONS TROOPS MET")).get(0))
        .containsExactly(tokens("United Nations troops met"));
  }

  @Test
  void aTitleCaseHeadlineTakesTheUsualFormsButKeepsUnknownWordsAndAcronyms() {
    List<String[]> doc = document("Ukraine Says NATO Troops Met Angela Merkel In Kherson",
        "Russia , Paris and Kherson", "Angela Merkel Met the Troops in Paris , Ukraine Says");
    List<String[]> cased = CASER.apply(doc);

    assertThat(cased.get(0)).containsExactly(tokens("Ukraine says NATO troops met Angela Merkel in Kherson"));
    // three capitalised words are a list of names, not a headline
    assertThat(cased.get(1)).isSameAs(doc.get(1));
    // lower-case function words are allowed
    assertThat(cased.get(2)).containsExactly(tokens("Angela Merkel met the troops in Paris , Ukraine says"));
    assertThat(TrueCaser.casingOf(tokens("Angela Merkel met the troops in Paris")))
        .isEqualTo(TrueCaser.Casing.ORDINARY);
    assertThat(TrueCaser.casingOf(tokens("NATO AND EU Troops Met"))).isEqualTo(TrueCaser.Casing.ORDINARY);
  }

  @Test
  void ordinaryDocumentsKeepTheirSentencesWithoutCapitalsAsWritten() {
    // In ordinary text a sentence without capitals is no sign of lower-cased text.
    List<String[]> doc = document("Angela Merkel met the troops .", "and that might help us in paris .");
    List<String[]> cased = CASER.apply(doc);

    assertThat(cased.get(0)).isSameAs(doc.get(0));
    assertThat(cased.get(1)).isSameAs(doc.get(1));
  }

  @Test
  void ordinaryAndShortSentencesAreReturnedAsTheyAre() {
    List<String[]> doc = document("NATO troops met Angela Merkel in Paris", "UKRAINE SAYS", "IN 2024 , 5 %",
        "NATO AND EU");
    List<String[]> cased = CASER.apply(doc);

    assertThat(cased.subList(0, 3)).containsExactlyElementsOf(doc.subList(0, 3));
    assertThat(cased.get(3)).containsExactly("NATO", "and", "Eu");
    assertThat(TrueCaser.casingOf(tokens("NATO troops met"))).isEqualTo(TrueCaser.Casing.ORDINARY);
    assertThat(TrueCaser.casingOf(tokens("NATO AND EU"))).isEqualTo(TrueCaser.Casing.UPPER);
    assertThat(TrueCaser.casingOf(tokens("the troops met"))).isEqualTo(TrueCaser.Casing.LOWER);
    assertThat(TrueCaser.casingOf(tokens("the troops"))).isEqualTo(TrueCaser.Casing.ORDINARY);
  }

  @Test
  void tokensKeepTheirLengthsSoOffsetsStayValid() {
    // "İ" lower-cases to two chars: "KİLİS" in title case would be longer, so it stays as written
    String[] shouted = tokens("KİLİS SAYS THE TROOPS LEFT İSTANBUL");
    String[] cased = CASER.apply(List.<String[]>of(shouted)).get(0);
    for (int i = 0; i < shouted.length; i++) {
      assertThat(cased[i]).hasSameSizeAs(shouted[i]);
    }
    assertThat(cased).containsExactly("KİLİS", "says", "the", "troops", "Left", "İstanbul");
  }

  @Test
  void noneChangesNothing() {
    List<String[]> doc = document("UKRAINE SAYS RUSSIAN TROOPS WITHDRAW", "the troops met angela merkel");
    assertThat(TrueCaser.NONE.apply(doc)).containsExactlyElementsOf(doc);
    assertThat(TrueCaser.NONE.size()).isZero();
  }

  @Test
  void aLexiconIsReadSkippingCommentsAndBlankLines() throws Exception {
    String text = "# provenance\n\nUkraine\nsays\nNATO\n";
    TrueCaser read = TrueCaser.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.size()).isEqualTo(3);
    assertThat(read.apply(document("ukraine says nato")).get(0)).containsExactly("Ukraine", "says", "NATO");
  }

  @Test
  void badLexiconsAreRejectedClearly() {
    assertThatIllegalArgumentException().isThrownBy(() -> TrueCaser.of(List.of("Nato", "NATO")))
        .withMessageContaining("two forms of one word: Nato and NATO");
    assertThatIllegalArgumentException().isThrownBy(() -> TrueCaser.read(
            new ByteArrayInputStream("Ukraine\nNew York City\n".getBytes(StandardCharsets.UTF_8))))
        .withMessageContaining("line 2");
    assertThatIllegalArgumentException().isThrownBy(() -> TrueCaser.of(List.of("New  York")))
        .withMessageContaining("one word or two words");
    assertThatNullPointerException().isThrownBy(() -> CASER.apply(null));
    assertThatNullPointerException().isThrownBy(() -> CASER.apply(Arrays.asList(tokens("a b c"), null)))
        .withMessage("sentence");
  }

  @Test
  void aLexiconFormIsOneWordOrTwoWordsWithOneSpaceAsTheRegularExpressionSays() {
    Pattern form = Pattern.compile("\\S+( \\S+)?");
    for (String text : List.of("NATO", "United Nations", "rock'n'roll", "São Paulo", "a\u00A0b", "x y",
        "", " ", "a ", " a", "a  b", "a b c", "a\tb", "a\nb", "a \rb", "New\u000BYork", "a\fb", "a b ")) {
      assertThat(TrueCaser.isForm(text)).as("'%s'", text).isEqualTo(form.matcher(text).matches());
    }
  }

  @Test
  void theBundledEnglishLexiconIsNotInCoreAndSaysWhichArtifactToAdd() {
    // core's tests run without nerva-models-en on the classpath
    org.assertj.core.api.Assertions.assertThatThrownBy(TrueCaser::english)
        .isInstanceOf(dev.nerva.ModelLoadException.class)
        .hasMessageContaining("dev.nerva:nerva-models-en");
  }
}
