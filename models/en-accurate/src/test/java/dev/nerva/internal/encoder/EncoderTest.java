package dev.nerva.train.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WordPiece tokenizer and the encoder behind the encoder-derived word classes. */
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
  void sphericalKMeansGroupsVectorsByDirection() {
    float[][] vectors = {{1, 0}, {0.99f, 0.14f}, {0, 1}, {0.14f, 0.99f}, {-1, 0}, {-0.99f, -0.14f}};
    int[] clusters = EncoderClusters.sphericalKMeans(vectors, 3, 7);
    assertThat(clusters[0]).isEqualTo(clusters[1]);
    assertThat(clusters[2]).isEqualTo(clusters[3]);
    assertThat(clusters[4]).isEqualTo(clusters[5]);
    assertThat(List.of(clusters[0], clusters[2], clusters[4])).doesNotHaveDuplicates();
    assertThatIllegalArgumentException().isThrownBy(() -> EncoderClusters.sphericalKMeans(vectors, 6, 1));
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
