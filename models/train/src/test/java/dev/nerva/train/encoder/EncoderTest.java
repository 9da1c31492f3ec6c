package dev.nerva.train.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WordPiece tokenizer and the encoder behind the encoder-derived word classes and the contextual-codes experiment. */
class EncoderTest {

  private static MiniLmEncoder encoder;

  @BeforeAll
  static void load() throws Exception {
    encoder = MiniLmEncoder.load(1);
  }

  @Test
  void wordPieceGivesBertsUncasedIds() {
    // [CLS] hello , world ! [SEP] in BERT's uncased vocabulary
    assertThat(encoder.wordPiece().encode("Hello, world!")).containsExactly(101, 7592, 1010, 2088, 999, 102);
    // accents stripped and the text lower-cased: the same pieces as the plain spelling
    assertThat(encoder.wordPiece().encode("Zürich CAFÉ")).containsExactly(encoder.wordPiece().encode("zurich cafe"));
    // a word the vocabulary lacks is cut into pieces, none of them unknown (100)
    assertThat(encoder.wordPiece().encode("Ouagadougou")).hasSizeGreaterThan(3).doesNotContain(100);
  }

  @Test
  void preTokenizationSplitsAtSpacesAndEachPunctuationCharacterAndDropsControls() {
    assertThat(WordPiece.words("Al-Shabaab's\u200b men\t(2024)")).containsExactly("al", "-", "shabaab", "'", "s",
        "men", "(", "2024", ")");
  }

  @Test
  void vectorsAreUnitLengthAndPlaceSimilarWordsNearEachOther() throws Exception {
    float[][] v = encoder.embed(List.of("monday", "tuesday", "bank"));
    assertThat(dot(v[0], v[0])).isCloseTo(1.0, Offset.offset(1e-4));
    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.3);
  }

  @Test
  void tokenVectorsPoolEachTokensPiecesAndReadPtbFormsAsTheirCharacters() throws Exception {
    String[] tokens = {"Ouagadougou", "-LRB-", "Burkina", "Faso", "-RRB-", "hosted", "ECOWAS", "."};
    float[][] mean = encoder.tokenVectors(tokens, MiniLmEncoder.Pooling.MEAN);
    float[][] first = encoder.tokenVectors(tokens, MiniLmEncoder.Pooling.FIRST);

    assertThat(mean).hasNumberOfRows(tokens.length);
    assertThat(mean[0]).hasSize(MiniLmEncoder.DIMENSIONS);
    // one piece: both poolings agree; several pieces: they differ
    assertThat(mean[5]).containsExactly(first[5]);
    assertThat(mean[0]).isNotEqualTo(first[0]);
    // "-LRB-" is read as "(": the same vector as the sentence written with brackets
    float[][] brackets = encoder.tokenVectors(
        new String[] {"Ouagadougou", "(", "Burkina", "Faso", ")", "hosted", "ECOWAS", "."}, MiniLmEncoder.Pooling.MEAN);
    assertThat(cosine(mean[1], brackets[1])).isGreaterThan(0.999);
    assertThat(encoder.tokenVectors(new String[0], MiniLmEncoder.Pooling.MEAN)).isEmpty();
  }

  @Test
  void sentencesLongerThanTheEncoderReadsGoThroughInOverlappingWindows() throws Exception {
    String[] tokens = ("The ministers of Mali , Niger and Burkina Faso met in Niamey on Monday to discuss the "
        + "withdrawal of the regional bloc and the future of the Sahel alliance they founded last year , "
        + "officials said .").split(" ");
    float[][] whole = encoder.tokenVectors(tokens, MiniLmEncoder.Pooling.MEAN);
    float[][] windowed = encoder.tokenVectors(tokens, MiniLmEncoder.Pooling.MEAN, 16);

    assertThat(windowed).hasNumberOfRows(tokens.length);
    double mean = 0;
    for (int i = 0; i < tokens.length; i++) {
      mean += cosine(whole[i], windowed[i]) / tokens.length;
    }
    // each token still read in context (a window of 14 pieces around it), not alone
    assertThat(mean).isGreaterThan(0.6).isLessThan(0.9999);
  }

  private static double cosine(float[] a, float[] b) {
    return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @AfterAll
  static void close() throws Exception {
    encoder.close();
  }
}
