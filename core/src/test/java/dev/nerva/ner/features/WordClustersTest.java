package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-cluster table read from its text, against a map of the same lines. */
class WordClustersTest {

  @Test
  void findsEveryWordsLastClusterAndNothingElse() throws Exception {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder();
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String word = word(random);
      String cluster = "c" + random.nextInt(3_000);
      text.append(word).append(' ').append(cluster).append(i % 7 == 0 ? "\r\n" : "\n");
      expected.put(word, cluster); // a word listed again keeps its last cluster
    }
    text.append("no-cluster-here\n\n lonely\nend-without-newline 42");
    expected.put("end-without-newline", "42");

    WordClusters clusters = WordClusters.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(clusters.size()).isEqualTo(expected.size());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(clusters.clusterOf(e.getKey())).as(e.getKey()).contains(e.getValue());
    }
    assertThat(clusters.clusterOf("no-cluster-here")).isEmpty();
    assertThat(clusters.clusterOf("lonely")).isEmpty();
    assertThat(clusters.clusterOf("")).isEmpty();
    for (int i = 0; i < 20_000; i++) {
      String word = word(random) + "-unseen";
      assertThat(clusters.clusterOf(word)).isEmpty();
    }
  }

  @Test
  void writesWhatItReadsSortedByWord() throws Exception {
    WordClusters clusters = new WordClusters(Map.of("Zürich", "0110", "Accra", "0111", "the", "1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new WordClusters.Serializer().serialize(clusters, out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Accra 0111\nZürich 0110\nthe 1\n");
    WordClusters again = new WordClusters.Serializer().create(new ByteArrayInputStream(out.toByteArray()));
    assertThat(again.clusterOf("Zürich")).contains("0110");
    assertThat(again.size()).isEqualTo(3);
  }

  @Test
  void thePackedFormAnswersAsTheTextItWasBuiltFrom() throws Exception {
    Random random = new Random(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append(word(random)).append(' ').append("c").append(random.nextInt(400)).append('\n');
    }
    WordClusters fromText =
        new WordClusters.Serializer().create(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    new WordClusters.PackedSerializer().serialize(fromText, packed);

    WordClusters fromPacked = new WordClusters.PackedSerializer().create(new ByteArrayInputStream(packed.toByteArray()));

    // A table whose text is one already read (and in use) is that one, whichever form it came in.
    assertThat(fromPacked).isSameAs(fromText);
    WordClusters unshared = WordClusters.fromPacked(packed.toByteArray());
    assertThat(unshared).isNotSameAs(fromText);
    assertThat(unshared.size()).isEqualTo(fromText.size());
    for (int i = 0; i < 10_000; i++) {
      String word = word(random);
      assertThat(unshared.clusterOf(word)).as(word).isEqualTo(fromText.clusterOf(word));
    }
    byte[] truncated = java.util.Arrays.copyOf(packed.toByteArray(), packed.size() - 3);
    assertThatThrownBy(() -> WordClusters.fromPacked(truncated)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aWordOrClusterThatCannotBeWrittenAsALineIsRejected() {
    assertThatThrownBy(() -> new WordClusters(Map.of("New York", "12")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("New York");
    assertThatThrownBy(() -> new WordClusters(Map.of("word", "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String word(Random random) {
    int length = 1 + random.nextInt(9);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(30);
      word.append(pick < 26 ? (char) ('a' + pick) : pick == 26 ? 'é' : pick == 27 ? 'Ж' : pick == 28 ? '-' : 'A');
    }
    return word.toString();
  }
}
