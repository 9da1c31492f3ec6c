package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight averaging of name finders and the recipe's ensemble, on the tiny hand-written corpus. */
class ModelAveragerTest {

  private static final String[] SENTENCE = {"In", "March", ",", "Anna", "Keller", "visited", "Norway", "."};
  private static final String[] CONTEXT = {"w=anna", "wc=ic", "pd=null", "po=other", "bias"};

  private static List<GoldDocument> train;
  private static TokenNameFinderModel gis;
  private static TokenNameFinderModel sgd;

  @BeforeAll
  static void trainMembers() throws Exception {
    train = OntoNotesCorpus.read(OntoNotesCorpus.split(TrainingSmokeTest.TINY, "train"));
    gis = NameFinderTrainer.train(train, TrainingRecipe.read(TrainingSmokeTest.RECIPE,
        Map.of("iterations", "20", "cutoff", "0", "threads", "1", "ensemble", "")));
    sgd = NameFinderTrainer.train(train, TrainingRecipe.read(TrainingSmokeTest.RECIPE,
        Map.of("algorithm", "SGD", "iterations", "5", "cutoff", "0", "l2", "1", "ensemble", "")));
  }

  private static MaxentModel classifier(TokenNameFinderModel model) {
    return model.getArtifact(EditedModel.CLASSIFIER_ARTIFACT);
  }

  @Test
  void theAverageIsTheNormalisedGeometricMeanOfTheMembersDistributions() throws Exception {
    TokenNameFinderModel averaged = ModelAverager.average(List.of(gis, sgd));

    MaxentModel a = classifier(gis);
    MaxentModel b = classifier(sgd);
    MaxentModel ab = classifier(averaged);
    double[] pa = a.eval(CONTEXT);
    double[] pb = b.eval(CONTEXT);
    double[] pab = ab.eval(CONTEXT);
    double[] expected = new double[ab.getNumOutcomes()];
    double sum = 0;
    for (int o = 0; o < expected.length; o++) {
      String outcome = ab.getOutcome(o);
      expected[o] = Math.sqrt(pa[a.getIndex(outcome)] * pb[b.getIndex(outcome)]);
      sum += expected[o];
    }
    for (int o = 0; o < expected.length; o++) {
      assertThat(pab[o]).as(ab.getOutcome(o)).isCloseTo(expected[o] / sum, within(1e-9));
    }
    assertThat(pab).isNotEqualTo(pa);
  }

  @Test
  void aModelAveragedWithItselfFindsTheSameSpans() throws Exception {
    TokenNameFinderModel self = ModelAverager.average(List.of(gis, gis));
    assertThat(new NameFinderME(self).find(SENTENCE)).containsExactly(new NameFinderME(gis).find(SENTENCE));
    assertThat(classifier(self).eval(CONTEXT)).containsExactly(classifier(gis).eval(CONTEXT), within(1e-12));
  }

  @Test
  void modelsWithOtherFeaturesOrTooFewModelsAreRefused() throws Exception {
    TokenNameFinderModel otherFeatures = NameFinderTrainer.train(train, TrainingRecipe.read(TrainingSmokeTest.RECIPE,
        Map.of("iterations", "5", "cutoff", "0", "threads", "1", "ensemble", "", "features", "ablation/rich.xml",
            "clusters", "")));

    assertThatIllegalArgumentException().isThrownBy(() -> ModelAverager.average(List.of(gis, otherFeatures)))
        .withMessageContaining("other features");
    assertThatIllegalArgumentException().isThrownBy(() -> ModelAverager.average(List.of(gis)))
        .withMessageContaining("at least two");
  }

  @Test
  void anEnsembleRecipeTrainsEachMemberAndShipsOneAveragedModel(@TempDir Path dir) throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(TrainingSmokeTest.RECIPE, Map.of("cutoff", "0", "threads", "1",
        "ensemble", "gis,sgd", "gis.algorithm", "MAXENT", "gis.iterations", "20",
        "sgd.algorithm", "SGD", "sgd.iterations", "5", "sgd.l2", "1", "sgd.learningRate", "0.05"));
    assertThat(recipe.ensemble().values()).extracting(TrainingRecipe::algorithm, TrainingRecipe::iterations)
        .containsExactly(tuple("MAXENT", 20), tuple("SGD", 5));

    Map<String, TokenNameFinderModel> members = new java.util.LinkedHashMap<>();
    TokenNameFinderModel model = NameFinderTrainer.train(train, recipe, members::put);
    assertThat(members).containsOnlyKeys("gis", "sgd");
    assertThat(classifier(members.get("sgd")).eval(CONTEXT)).containsExactly(classifier(sgd).eval(CONTEXT), within(1e-12));
    Path file = dir.resolve("ensemble.bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      model.serialize(out);
    }
    TokenNameFinderModel reloaded = NameFinderRecognizer.loadModel(file);
    NameFinderRecognizer recognizer = new NameFinderRecognizer("tiny", reloaded, OntoNotesLabels.TO_NERVA);

    assertThat(classifier(reloaded).eval(CONTEXT))
        .containsExactly(classifier(ModelAverager.average(List.of(gis, sgd))).eval(CONTEXT), within(1e-9));
    assertThat(recognizer.find(List.<String[]>of(SENTENCE)).get(0))
        .containsExactly(new NameFinderME(reloaded).find(SENTENCE))
        .isNotEmpty();
    assertThat(recognizer.beamSize()).isEqualTo(recipe.beamSize());
  }

  @Test
  void anEnsembleMemberMayChangeOnlyItsLearner() {
    assertThatIllegalArgumentException().isThrownBy(() -> TrainingRecipe.read(TrainingSmokeTest.RECIPE,
            Map.of("ensemble", "gis,sgd", "sgd.features", "ablation/rich.xml")))
        .withMessageContaining("sgd.features");
    assertThatIllegalArgumentException().isThrownBy(() -> TrainingRecipe.read(TrainingSmokeTest.RECIPE,
            Map.of("ensemble", "gis")))
        .withMessageContaining("at least two");
  }
}
