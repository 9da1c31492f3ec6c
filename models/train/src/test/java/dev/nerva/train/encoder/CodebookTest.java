package dev.nerva.train.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Nearest-centroid codes of whole vectors and of their slices, and the codebook file. */
class CodebookTest {

  /** Width 4, two slices of 2; whole centroids at (1,1,1,1) and (-1,-1,-1,-1); slice centroids per sign of x. */
  private static Codebook signs() {
    float[] whole = {1, 1, 1, 1, -1, -1, -1, -1};
    float[] sliced = {
        1, 0, -1, 0, // slice 0: centroid 0 (1,0), centroid 1 (-1,0)
        0, 1, 0, -1}; // slice 1: centroid 0 (0,1), centroid 1 (0,-1)
    return new Codebook(4, whole, 2, sliced);
  }

  @Test
  void eachCodeIsTheNearestCentroid() {
    Codebook book = signs();
    assertThat(book.codes()).isEqualTo(3);
    assertThat(book.encode(new float[] {0.9f, 0.2f, 0.1f, 2f})).containsExactly(0, 0, 0);
    assertThat(book.encode(new float[] {-0.9f, 0.2f, 0.1f, -2f})).containsExactly(1, 1, 1);
    assertThat(book.encode(new float[] {2f, 0f, 0f, -0.5f})).containsExactly(0, 0, 1);
    assertThatIllegalArgumentException().isThrownBy(() -> book.encode(new float[3]));
  }

  @Test
  void survivesItsFileFormatAndRefusesBrokenFiles() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    signs().write(bytes);
    Codebook read = Codebook.read(new ByteArrayInputStream(bytes.toByteArray()));
    for (float[] v : new float[][] {{0.9f, 0.2f, 0.1f, 2f}, {2f, 0f, 0f, -0.5f}, {-3f, 1f, 0f, 0f}}) {
      assertThat(read.encode(v)).containsExactly(signs().encode(v));
    }
    byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 1);
    assertThatThrownBy(() -> Codebook.read(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);
    byte[] longer = Arrays.copyOf(bytes.toByteArray(), bytes.size() + 4);
    assertThatThrownBy(() -> Codebook.read(new ByteArrayInputStream(longer))).isInstanceOf(IOException.class);
  }

  @Test
  void slicesMustDivideTheWidth() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Codebook(4, new float[4], 3, new float[12]));
  }
}
