package dev.nerva.internal.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PtbTokenizerTest {

  private static List<String> tokens(String text) {
    return Arrays.asList(PtbTokenizer.INSTANCE.tokenize(text));
  }

  @Test
  void splitsWordsGluedBySlashAmpersandOrAMissingSpaceAfterAFullStop() {
    assertThat(tokens("Mali/Niger/Chad and Procter&Gamble met the Board.The end."))
        .containsExactly("Mali", "/", "Niger", "/", "Chad", "and", "Procter", "&", "Gamble", "met", "the", "Board", ".",
            "The", "end", ".");
    assertThat(tokens("AC/DC, AT&T, and/or 6/5/2024 in the U.S. e.g. Node.js"))
        .containsExactly("AC/DC", ",", "AT&T", ",", "and/or", "6/5/2024", "in", "the", "U.S.", "e.g.", "Node.js");
  }

  @Test
  void invisibleDirectionMarksNeverStayInAToken() {
    assertThat(tokens("Putin\u200F met Mr\u200EBelousov \u2066Mali\u2069."))
        .containsExactly("Putin", "met", "Mr", "Belousov", "Mali", ".");
  }

  @Test
  void splitsCurlyAndStraightPossessivesLikeTheTreebank() {
    assertThat(tokens("Russia’s war and Putin's win."))
        .containsExactly("Russia", "’s", "war", "and", "Putin", "'s", "win", ".");
  }

  @Test
  void splitsNegationsAndOtherClitics() {
    assertThat(tokens("We don't leave, can't stop, they're here."))
        .containsExactly("We", "do", "n't", "leave", ",", "ca", "n't", "stop", ",", "they", "'re", "here", ".");
  }

  @Test
  void keepsAbbreviationsInitialsAndNumbersWhole() {
    assertThat(tokens("Mr. J. Smith of the U.S. paid $1,500.50 at 10:30 on Sept. 11."))
        .containsExactly("Mr.", "J.", "Smith", "of", "the", "U.S.", "paid", "$", "1,500.50", "at",
            "10:30", "on", "Sept.", "11", ".");
  }

  @Test
  void splitsHyphenatedCompoundsButNotKnownPrefixes() {
    assertThat(tokens("the Russia-Africa summit and co-operation"))
        .containsExactly("the", "Russia", "-", "Africa", "summit", "and", "co-operation");
  }

  @Test
  void splitsQuotesBracketsAndDashes() {
    assertThat(tokens("“We do not leave” (said) – dead—or alive…"))
        .containsExactly("“", "We", "do", "not", "leave", "”", "(", "said", ")", "–", "dead", "—", "or",
            "alive", "…");
  }

  @Test
  void keepsUrlsAndEmailsWhole() {
    assertThat(tokens("See https://example.org/a-b, or mail a.b@example.org."))
        .containsExactly("See", "https://example.org/a-b", ",", "or", "mail", "a.b@example.org", ".");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Russia’s Defence Minister Andrei Belousov, and Burkina Faso’s
      Ça va? Zürich—Genève «déjà» 𝒳𝒴 and 😀s emoji!
      tabs\tand\u00A0no-break\u2009spaces\u3000too
      'quoted' and "straight" quotes ''
      ...leading and trailing...
      """)
  void spansAlwaysCoverTheOriginalCharacters(String text) {
    Span[] spans = PtbTokenizer.INSTANCE.tokenizePos(text);
    assertThat(spans).isNotEmpty();
    int previousEnd = 0;
    for (Span span : spans) {
      assertThat(span.getStart()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(span.getEnd()).isGreaterThan(span.getStart());
      String covered = text.substring(span.getStart(), span.getEnd());
      assertThat(covered).doesNotContainAnyWhitespaces();
      assertThat(Character.isLowSurrogate(text.charAt(span.getStart()))).isFalse();
      previousEnd = span.getEnd();
    }
    // Nothing but whitespace is left between tokens.
    StringBuilder rest = new StringBuilder(text);
    for (int i = spans.length - 1; i >= 0; i--) {
      rest.delete(spans[i].getStart(), spans[i].getEnd());
    }
    assertThat(rest.chars()).allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  @Test
  void emptyAndBlankTextGiveNoTokens() {
    assertThat(PtbTokenizer.INSTANCE.tokenizePos("")).isEmpty();
    assertThat(PtbTokenizer.INSTANCE.tokenizePos(" \n\t ")).isEmpty();
  }

  @Test
  void nullTextIsRejectedWithItsName() {
    assertThatNullPointerException().isThrownBy(() -> PtbTokenizer.INSTANCE.tokenizePos(null))
        .withMessage("text");
  }

  @Test
  void treebankFormsMatchOntoNotes() {
    String text = "“Hi” (x’s) \"a\" – b";
    List<String> forms = Arrays.stream(PtbTokenizer.INSTANCE.tokenizePos(text))
        .map(s -> PtbForms.of(text, s.getStart(), s.getEnd())).toList();
    assertThat(forms).containsExactly("``", "Hi", "''", "-LRB-", "x", "'s", "-RRB-", "``", "a", "''", "--", "b");
  }
}
