package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.ner.features.PhraseList;
import dev.nerva.ner.features.WordClusters;
import dev.nerva.internal.ClasspathModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The bundled models read straight into packed tables, or from the packed form built beside them,
 * decode exactly as when OpenNLP reads them first: same spans, same probabilities, for both reading
 * directions.
 */
class PackedNameFinderTest {

  @Test
  void streamedWeightsDecodeAsOpenNlpsLoadedOnesDo() throws Exception {
    byte[] forward = bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE);
    byte[] backward = bytes(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE);

    NameFinderRecognizer viaOpenNlp = new NameFinderRecognizer("x",
        new TokenNameFinderModel(new ByteArrayInputStream(forward)), OntoNotesLabels.TO_NERVA)
        .withBackwardModel(new TokenNameFinderModel(new ByteArrayInputStream(backward)));
    NameFinderRecognizer packed = new NameFinderRecognizer("x",
        PackedNameFinder.read(new ByteArrayInputStream(forward)), OntoNotesLabels.TO_NERVA)
        .withBackwardModel(PackedNameFinder.read(new ByteArrayInputStream(backward)));

    assertSameSpansOnTheSeedArticle(viaOpenNlp, packed);
  }

  @Test
  void thePackedFormDecodesAsTheModelFileDoes() throws Exception {
    byte[] forward = bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE);
    byte[] backward = bytes(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE);

    NameFinderRecognizer fromModelFile = new NameFinderRecognizer("x",
        PackedNameFinder.read(new ByteArrayInputStream(forward)), OntoNotesLabels.TO_NERVA)
        .withBackwardModel(PackedNameFinder.read(new ByteArrayInputStream(backward)));
    NameFinderRecognizer fromPackedForm = new NameFinderRecognizer("x",
        PackedNameFinder.readPacked(new ByteArrayInputStream(pack(forward))), OntoNotesLabels.TO_NERVA)
        .withBackwardModel(PackedNameFinder.readPacked(new ByteArrayInputStream(pack(backward))));

    assertSameSpansOnTheSeedArticle(fromModelFile, fromPackedForm);
  }

  /** Same spans with the same probabilities, sentence by sentence, and enough of them to mean something. */
  private static void assertSameSpansOnTheSeedArticle(NameFinderRecognizer expectedFinder,
      NameFinderRecognizer actualFinder) throws Exception {
    String seed = Files.readString(Paths.get("../../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
    List<String[]> sentences = Nerva.builder().build().process(seed).sentences().stream().map(Sentence::forms).toList();
    List<Span[]> expected = expectedFinder.find(sentences);
    List<Span[]> actual = actualFinder.find(sentences);
    assertThat(actual).hasSameSizeAs(expected);
    for (int s = 0; s < expected.size(); s++) {
      assertThat(describe(actual.get(s))).isEqualTo(describe(expected.get(s)));
    }
    assertThat(expected.stream().mapToInt(spans -> spans.length).sum()).isGreaterThan(40);
  }

  @Test
  void theBundledPackedFormsArePackedFromTheBundledModels() throws Exception {
    for (String resource : List.of(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE,
        NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE)) {
      ClasspathModels.Checksum bundled = ClasspathModels.Checksum.of(new ByteArrayInputStream(bytes(resource + PackModels.SUFFIX)));
      assertThat(bundled).as(resource + PackModels.SUFFIX)
          .isEqualTo(ClasspathModels.Checksum.of(new ByteArrayInputStream(pack(bytes(resource)))))
          .isEqualTo(ClasspathModels.listedChecksum(resource + PackModels.SUFFIX, "nerva-models-en"));
    }
  }

  @Test
  void aDamagedPackedFormIsAnErrorNotAnotherModel() throws Exception {
    byte[] packed = pack(bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE));

    assertThatThrownBy(() -> PackedNameFinder.readPacked(new ByteArrayInputStream(Arrays.copyOf(packed, 5_000_000))))
        .isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> PackedNameFinder.readPacked(new ByteArrayInputStream(bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE))))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("unexpected entry");
    byte[] wrongWeights = packed.clone();
    int weights = indexOf(wrongWeights, "NRVW".getBytes(StandardCharsets.US_ASCII));
    wrongWeights[weights + 8]++; // one byte of the weights entry changed: its outcome count
    assertThatThrownBy(() -> PackedNameFinder.readPacked(new ByteArrayInputStream(wrongWeights)))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void thePackedModelCannotBePackedAgainNorReadWhenItIsNotANameFinder() throws Exception {
    PackedNameFinder packed = PackedNameFinder.read(new ByteArrayInputStream(bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)));

    assertThatThrownBy(() -> new NameFinderRecognizer("x", packed.model(), OntoNotesLabels.TO_NERVA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PackedNameFinder");
    assertThatThrownBy(() -> PackedNameFinder.read(new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void gazetteersOfTheBundledModelsLoadAsSharedPhraseLists() throws Exception {
    PackedNameFinder packed = PackedNameFinder.read(new ByteArrayInputStream(bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)));
    // the bundled models' manifests name OpenNLP's dictionary serializer; the packed copy reads them faster
    assertThat(packed.model().<Object>getArtifact("places.dictionary")).isInstanceOf(PhraseList.class);
    assertThat(packed.model().<Object>getArtifact("countries.dictionary")).isInstanceOf(PhraseList.class);
  }

  @Test
  void bothReadingDirectionsShareOneCopyOfTheirWordClusters() throws Exception {
    PackedNameFinder forward = PackedNameFinder.read(new ByteArrayInputStream(bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE)));
    PackedNameFinder backward =
        PackedNameFinder.read(new ByteArrayInputStream(bytes(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE)));
    Object clusters = forward.model().getArtifact("c1000.clusters");
    assertThat(clusters).isInstanceOfSatisfying(WordClusters.class, c -> assertThat(c.size()).isGreaterThan(20_000));
    assertThat(backward.model().<Object>getArtifact("c1000.clusters")).isSameAs(clusters);
  }

  @Test
  void thePackedFormsCarryIndexedClustersAndGazetteersSharedAcrossDirections() throws Exception {
    PackedNameFinder forward = PackedNameFinder.readPacked(new ByteArrayInputStream(
        bytes(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE + PackModels.SUFFIX)));
    PackedNameFinder backward = PackedNameFinder.readPacked(new ByteArrayInputStream(
        bytes(NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE + PackModels.SUFFIX)));

    assertThat(forward.model().getManifestProperty("serializer-class-e1000.clusters"))
        .isEqualTo(WordClusters.PackedSerializer.class.getName());
    assertThat(forward.model().getManifestProperty("serializer-class-open-places.dictionary"))
        .isEqualTo(PhraseList.PackedSerializer.class.getName());
    assertThat(forward.model().<Object>getArtifact("open-places.dictionary"))
        .isInstanceOfSatisfying(PhraseList.class, places -> assertThat(places.size()).isGreaterThan(20_000));
    Object clusters = forward.model().getArtifact("e1000.clusters");
    assertThat(clusters).isInstanceOfSatisfying(WordClusters.class, c -> assertThat(c.size()).isGreaterThan(50_000));
    assertThat(backward.model().<Object>getArtifact("e1000.clusters")).isSameAs(clusters);
  }

  private static String describe(Span[] spans) {
    return Arrays.stream(spans).map(s -> s.getStart() + ".." + s.getEnd() + " " + s.getType() + " " + s.getProb())
        .toList().toString();
  }

  private static byte[] pack(byte[] modelFile) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackedNameFinder.pack(new ByteArrayInputStream(modelFile), out);
    return out.toByteArray();
  }

  /** Where the little-endian magic of the weights entry starts. */
  private static int indexOf(byte[] bytes, byte[] bigEndianMagic) {
    outer:
    for (int i = 0; i + 4 <= bytes.length; i++) {
      for (int j = 0; j < 4; j++) {
        if (bytes[i + j] != bigEndianMagic[3 - j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no weights entry");
  }

  private static byte[] bytes(String resource) throws Exception {
    try (InputStream in = PackedNameFinderTest.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
