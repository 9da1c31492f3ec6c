package dev.nerva.train.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The clustering behind the encoder-derived word classes. */
class EncoderClustersTest {

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

}
