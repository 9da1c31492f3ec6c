package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dropping the features whose weights barely differ, on a model trained from the tiny corpus. */
class ModelPrunerTest {

  private static TokenNameFinderModel model;

  @BeforeAll
  static void train() throws Exception {
    model = NameFinderTrainer.train(OntoNotesCorpus.read(OntoNotesCorpus.split(TrainingSmokeTest.TINY, "train")),
        TrainingRecipe.read(TrainingSmokeTest.RECIPE, Map.of("iterations", "20", "cutoff", "0", "threads", "1",
            "ensemble", "", "prune", "0")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Context> features(TokenNameFinderModel m) {
    return (Map<String, Context>) ((GISModel) m.getArtifact(EditedModel.CLASSIFIER_ARTIFACT)).getDataStructures()[1];
  }

  private static int outcomes(TokenNameFinderModel m) {
    return ((GISModel) m.getArtifact(EditedModel.CLASSIFIER_ARTIFACT)).getNumOutcomes();
  }

  @Test
  void featuresBelowTheSpreadGoAndTheOthersKeepTheirWeights() throws Exception {
    Map<String, Context> all = features(model);
    double median = medianSpread();

    TokenNameFinderModel pruned = ModelPruner.prune(model, median);

    Map<String, Context> kept = features(pruned);
    assertThat(kept.size()).isGreaterThan(0).isLessThan(all.size());
    for (Map.Entry<String, Context> feature : all.entrySet()) {
      boolean wide = ModelPruner.spread(feature.getValue(), outcomes(model)) >= median;
      assertThat(kept.containsKey(feature.getKey())).as(feature.getKey()).isEqualTo(wide);
      if (wide) {
        assertThat(kept.get(feature.getKey()).getParameters())
            .containsExactly(feature.getValue().getParameters(), within(0.0));
        assertThat(kept.get(feature.getKey()).getOutcomes()).containsExactly(feature.getValue().getOutcomes());
      }
    }
    assertThat(pruned.getManifestProperty(ModelPruner.PRUNED_PROPERTY)).isEqualTo(Double.toString(median));
  }

  @Test
  void anUnlistedOutcomeCountsAsWeightZero() {
    assertThat(ModelPruner.spread(new Context(new int[] {2}, new double[] {0.3}), 5)).isCloseTo(0.3, within(1e-12));
    assertThat(ModelPruner.spread(new Context(new int[] {0, 1}, new double[] {0.5, 0.7}), 2))
        .isCloseTo(0.2, within(1e-12));
  }

  @Test
  void theRecipesPruneSettingPrunesTheFinishedModel() throws Exception {
    String threshold = Double.toString(medianSpread());
    TokenNameFinderModel pruned = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TrainingSmokeTest.TINY, "train")),
        TrainingRecipe.read(TrainingSmokeTest.RECIPE, Map.of("iterations", "20", "cutoff", "0", "threads", "1",
            "ensemble", "", "prune", threshold)));

    assertThat(pruned.getManifestProperty(ModelPruner.PRUNED_PROPERTY)).isEqualTo(threshold);
    assertThat(features(pruned).keySet())
        .isEqualTo(features(ModelPruner.prune(model, Double.parseDouble(threshold))).keySet());
    assertThat(features(pruned).keySet()).isNotEmpty().hasSizeLessThan(features(model).size());
  }

  /** The median weight spread of the unpruned model's features. */
  private static double medianSpread() {
    Map<String, Context> all = features(model);
    return all.values().stream().mapToDouble(c -> ModelPruner.spread(c, outcomes(model)))
        .sorted().skip(all.size() / 2).findFirst().orElseThrow();
  }

  @Test
  void aRecipeThatPrunesAModelOtherThanMaxentIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrainingRecipe.read(TrainingSmokeTest.RECIPE,
            Map.of("ensemble", "", "algorithm", "PERCEPTRON", "prune", "0.1")))
        .withMessageContaining("prune=0.1");
  }

  @Test
  void aThresholdThatIsNotPositiveIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ModelPruner.prune(model, 0)).withMessageContaining("positive");
    assertThatIllegalArgumentException().isThrownBy(() -> ModelPruner.prune(model, Double.NaN));
  }
}
