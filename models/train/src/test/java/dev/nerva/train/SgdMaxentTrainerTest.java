package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

/** The SGD maxent trainer on toy events and on the tiny name-finder corpus, through OpenNLP's trainer API. */
class SgdMaxentTrainerTest {

  /** Outcome "a" when feature x is on, "b" otherwise; "noise" is random and carries nothing. */
  private static List<Event> events() {
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean x = random.nextBoolean();
      List<String> context = new ArrayList<>(List.of("bias"));
      if (x) {
        context.add("x");
      }
      context.add("noise=" + random.nextInt(40));
      events.add(new Event(x ? "a" : "b", context.toArray(new String[0])));
    }
    return events;
  }

  private static MaxentModel train(double l1) throws Exception {
    return train(l1, 0, false);
  }

  private static MaxentModel train(double l1, double l2, boolean average) throws Exception {
    TrainingParameters params = new TrainingParameters();
    params.put(SgdMaxentTrainer.L2_COST_PARAM, l2);
    params.put(SgdMaxentTrainer.AVERAGE_PARAM, average);
    params.put(TrainingParameters.ALGORITHM_PARAM, SgdMaxentTrainer.ALGORITHM);
    params.put(TrainingParameters.ITERATIONS_PARAM, 10);
    params.put(TrainingParameters.CUTOFF_PARAM, 0);
    params.put(SgdMaxentTrainer.L1_COST_PARAM, l1);
    return TrainerFactory.getEventTrainer(params, null)
        .train(ObjectStreamUtils.createObjectStream(events()));
  }

  @Test
  void learnsTheInformativeFeatureAsAPlainGisModel() throws Exception {
    MaxentModel model = train(1.0);

    assertThat(model).isInstanceOf(GISModel.class);
    assertThat(model.getBestOutcome(model.eval(new String[] {"bias", "x", "noise=3"}))).isEqualTo("a");
    assertThat(model.getBestOutcome(model.eval(new String[] {"bias", "noise=3"}))).isEqualTo("b");
    assertThat(model.eval(new String[] {"bias", "x"})[model.getIndex("a")]).isGreaterThan(0.9);
  }

  @Test
  void aStrongerL1PenaltyDropsTheNoiseFeatures() throws Exception {
    GISModel weak = (GISModel) train(0.0);
    GISModel strong = (GISModel) train(20.0);

    assertThat((Context[]) weak.getDataStructures()[0]).hasSize(42);
    assertThat((Context[]) strong.getDataStructures()[0]).hasSizeLessThan(20);
    assertThat(strong.getBestOutcome(strong.eval(new String[] {"bias", "x"}))).isEqualTo("a");
  }

  @Test
  void l2DecayAndAveragingShrinkTheWeightsButKeepTheDecision() throws Exception {
    MaxentModel plain = train(0.0);
    MaxentModel regularised = train(0.0, 50.0, true);
    String[] context = {"bias", "x", "noise=3"};

    assertThat(regularised.getBestOutcome(regularised.eval(context))).isEqualTo("a");
    assertThat(regularised.eval(context)[regularised.getIndex("a")])
        .isLessThan(plain.eval(context)[plain.getIndex("a")]);
  }

  @Test
  void trainingIsDeterministic() throws Exception {
    String[] context = {"bias", "noise=5"};
    assertThat(train(0.5, 1, true).eval(context)).containsExactly(train(0.5, 1, true).eval(context));
  }

  @Test
  void refusesNegativePenaltiesAndRates() {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, SgdMaxentTrainer.ALGORITHM);
    params.put(SgdMaxentTrainer.L1_COST_PARAM, -1.0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrainerFactory.getEventTrainer(params, null)
            .train(ObjectStreamUtils.createObjectStream(events())))
        .withMessageContaining("L1Cost");
  }

  @Test
  void trainsANameFinderThatNervasDecoderAndOpenNlpDecodeAlike() throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(TrainingSmokeTest.RECIPE,
        Map.of("ensemble", "", "algorithm", "SGD", "iterations", "15", "cutoff", "0", "l1", "0.1"));
    TokenNameFinderModel model = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TrainingSmokeTest.TINY, "train")), recipe);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.serialize(bytes);
    TokenNameFinderModel reloaded = new TokenNameFinderModel(new ByteArrayInputStream(bytes.toByteArray()));
    String[] sentence = {"In", "March", ",", "Anna", "Keller", "visited", "Norway", "."};

    NameFinderRecognizer recognizer = new NameFinderRecognizer("tiny", reloaded, OntoNotesLabels.TO_NERVA);
    assertThat(reloaded.getNameFinderSequenceModel()).isNotNull();
    assertThat(recognizer.find(List.<String[]>of(sentence)).get(0))
        .containsExactly(new NameFinderME(reloaded).find(sentence))
        .extracting(span -> span.getType())
        .contains("PERSON", "GPE");
  }
}
