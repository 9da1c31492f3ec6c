package dev.nerva.train.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.train.OntoNotesCorpus;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contextual-codes experiment's codebook, fitted on the tiny fixture corpus's vectors (a smoke run). */
class CodebookTrainingTest {

  private static List<GoldDocument> documents;
  private static List<String[]> sentences;
  private static float[][][] vectors;

  @BeforeAll
  static void encode(@TempDir Path cache) throws Exception {
    documents = OntoNotesCorpus.read(Paths.get("src/test/resources/tiny-corpus/train.bio"));
    sentences = new ArrayList<>();
    documents.forEach(d -> d.sentences().forEach(s -> sentences.add(s.tokens().toArray(new String[0]))));
    Path file = cache.resolve("tiny.f32");
    vectors = ContextualVectors.vectors(documents, MiniLmEncoder.Pooling.MEAN, file, quiet());
    // the second call reads the cache: the same vectors
    float[][][] again = ContextualVectors.vectors(documents, MiniLmEncoder.Pooling.MEAN, file, quiet());
    assertThat(again.length).isEqualTo(vectors.length);
    assertThat(again[3][2]).containsExactly(vectors[3][2]);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void fitsCentroidsThatSeparateTheTokensAndFindsSentencesByContentEitherWay() {
    Codebook book = CodebookTraining.fit(vectors, 8, 4, 8, 10_000, 5, 3, quiet());
    Map<String, int[][]> table = CodebookTraining.byContent(sentences, vectors, book);

    String[] first = sentences.get(0);
    int[][] codes = table.get(CodebookTraining.key(first));
    assertThat(codes).hasNumberOfRows(first.length);
    assertThat(codes[0]).hasSize(book.codes()).isEqualTo(book.encode(vectors[0][0]));
    // tokens in different contexts get more than one whole-vector code
    assertThat(Arrays.stream(codes).mapToInt(row -> row[0]).distinct().count()).isGreaterThan(1);
    // the reversed sentence (right-to-left training) finds its codes reversed
    String[] reversed = new String[first.length];
    for (int i = 0; i < first.length; i++) {
      reversed[i] = first[first.length - 1 - i];
    }
    assertThat(table.get(CodebookTraining.key(reversed))[0]).isEqualTo(codes[first.length - 1]);
    // case-augmented copies find the same codes (the encoder lower-cases)
    String[] upper = Arrays.stream(first).map(t -> t.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new);
    assertThat(table.get(CodebookTraining.key(upper))).isSameAs(codes);
  }
}
