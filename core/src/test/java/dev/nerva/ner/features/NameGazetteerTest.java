package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import org.junit.jupiter.api.Test;

/** The gazetteer of training names, through OpenNLP's feature descriptor as models use it. */
class NameGazetteerTest {

  private static final String DESCRIPTOR = """
      <featureGenerators name="test">
        <generator class="dev.nerva.ner.features.NameGazetteerFeaturesFactory">
          <str name="dict">names.gazetteer</str>
        </generator>
      </featureGenerators>
      """;

  private static final String[] DOCUMENT = {"Anna", "Keller", "joined", "Acme", "Corp", "in", "Oslo", "."};

  @Test
  void marksEveryTokenOfTheLongestKnownNameWithItsTypesAndPosition() throws Exception {
    NameGazetteer gazetteer = new NameGazetteer.Builder(List.of("PERSON", "ORG", "GPE"))
        .add(new String[] {"Anna", "Keller"}, "PERSON", 0)
        .add(new String[] {"Acme"}, "ORG", 1)
        .add(new String[] {"Acme", "Corp"}, "ORG", 1)
        .add(new String[] {"Oslo"}, "GPE", 2)
        .add(new String[] {"Oslo"}, "ORG", 3)
        .add(new String[] {"Oslo"}, "DATE", 3) // not a recorded type: ignored
        .buildForTraining();

    List<List<String>> features = featuresOfDocument(reloaded(gazetteer));

    assertThat(features.get(0)).containsExactly("gz=PERSON:B");
    assertThat(features.get(1)).containsExactly("gz=PERSON:L");
    assertThat(features.get(2)).isEmpty();
    assertThat(features.get(3)).containsExactly("gz=ORG:B");
    assertThat(features.get(4)).containsExactly("gz=ORG:L");
    assertThat(features.get(6)).containsExactlyInAnyOrder("gz=ORG:U", "gz=GPE:U");
  }

  @Test
  void whileTrainingADocumentDoesNotSeeTheNamesOfItsOwnFold() throws Exception {
    int ownFold = NameGazetteer.foldOf(DOCUMENT);
    int otherFold = (ownFold + 1) % NameGazetteer.FOLDS;
    NameGazetteer gazetteer = new NameGazetteer.Builder(List.of("PERSON", "GPE"))
        .add(new String[] {"Anna", "Keller"}, "PERSON", ownFold)
        .add(new String[] {"Oslo"}, "GPE", ownFold)
        .add(new String[] {"Oslo"}, "GPE", otherFold)
        .buildForTraining();

    List<List<String>> training = featuresOfDocument(gazetteer);
    List<List<String>> atRunTime = featuresOfDocument(reloaded(gazetteer));

    assertThat(training.get(0)).isEmpty();
    assertThat(training.get(6)).containsExactly("gz=GPE:U");
    assertThat(atRunTime.get(0)).containsExactly("gz=PERSON:B");
    assertThat(atRunTime.get(6)).containsExactly("gz=GPE:U");
  }

  /** A gazetteer written to a model and read back, as name finders see it at run time. */
  private static NameGazetteer reloaded(NameGazetteer gazetteer) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new NameGazetteer.Serializer().serialize(gazetteer, bytes);
    NameGazetteer copy = new NameGazetteer.Serializer().create(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(copy.size()).isEqualTo(gazetteer.size());
    return copy;
  }

  private static List<List<String>> featuresOfDocument(NameGazetteer gazetteer) throws Exception {
    AdaptiveFeatureGenerator generator;
    try (InputStream in = new ByteArrayInputStream(DESCRIPTOR.getBytes(StandardCharsets.UTF_8))) {
      generator = GeneratorFactory.create(in, Map.of("names.gazetteer", gazetteer)::get);
    }
    generator.clearAdaptiveData();
    return DescriptorFeatures.of(generator, DOCUMENT);
  }
}
