package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.eval.Evaluation;
import dev.nerva.eval.SpanScores;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.ner.features.NameGazetteer;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny model on a hand-written toy corpus: the recipe, trainer and evaluation end to end. */
class TrainingSmokeTest {

  /** The recipe's gazetteers but its hand-assembled place list, which the tests replace. */
  private static final String OTHER_LISTS = ",gazetteers/first-names.txt,gazetteers/open-places.txt,"
      + "gazetteers/open-given-names.txt,gazetteers/open-surnames.txt,gazetteers/open-wordnet-people.txt,"
      + "gazetteers/open-organisations.txt";


  static final Path TINY = Paths.get("src/test/resources/tiny-corpus");
  static final Path RECIPE = Paths.get("recipe/ner-en.properties");

  /**
   * Trains on the tiny corpus under the shipped recipe with {@code overrides}, writes the model to
   * {@code file} and reads it back, as users of a trained model get it.
   */
  private static TokenNameFinderModel trainWriteAndReload(Map<String, String> overrides, Path file) throws Exception {
    TokenNameFinderModel model = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")), TrainingRecipe.read(RECIPE, overrides));
    try (OutputStream out = Files.newOutputStream(file)) {
      model.serialize(out);
    }
    return NameFinderRecognizer.loadModel(file);
  }

  @Test
  void readsBioFilesIntoDocumentsWithTypedSpans() throws Exception {
    List<GoldDocument> dev = OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "dev"));
    assertThat(dev).hasSize(2);
    assertThat(dev.get(0).genre()).isEqualTo("nw");
    assertThat(dev.get(0).sentences().get(0).tokens()).startsWith("In", "March", ",");
    assertThat(dev.get(0).sentences().get(0).spans())
        .containsExactly(new Span(1, 2, "DATE"), new Span(3, 5, "PERSON"), new Span(6, 7, "GPE"));
    assertThatIllegalArgumentException().isThrownBy(() -> OntoNotesCorpus.split(TINY, "test"))
        .withMessageContaining("test.bio");
  }

  @Test
  void trainsAModelThatLoadsAndRunsInThePipeline(@TempDir Path dir) throws Exception {
    TokenNameFinderModel reloaded = trainWriteAndReload(
        Map.of("gis.iterations", "30", "sgd.iterations", "5", "cutoff", "0", "threads", "1"), dir.resolve("tiny.bin"));

    SpanScores scores = Evaluation.goldTokens(new NameFinderRecognizer("tiny", reloaded, OntoNotesLabels.TO_NERVA),
        OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "dev")), Evaluation.Casing.ORIGINAL);
    // The dev sentences are among the training sentences: a working trainer fits them.
    assertThat(scores.prf(Evaluation.GOLD_TOKEN_TYPES)[2]).isGreaterThan(0.8);

    Nerva nerva = Nerva.builder()
        .recognizer(new NameFinderRecognizer("tiny", reloaded, OntoNotesLabels.TO_NERVA)).build();
    Document doc = nerva.process("In March, Anna Keller visited Norway.");
    assertThat(doc.entities()).extracting(Entity::type, Entity::text, Entity::recognizer)
        .contains(tuple(EntityType.PERSON, "Anna Keller", "tiny"),
            tuple(EntityType.COUNTRY, "Norway", "tiny"));
  }

  @Test
  void decodingSettingsTravelInTheModelFileAndOpenNlpStillLoadsIt(@TempDir Path dir) throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(RECIPE,
        Map.of("ensemble", "", "iterations", "10", "cutoff", "0", "threads", "1", "beamSize", "2", "otherBias", "0.5"));
    TokenNameFinderModel model = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")), recipe);
    Path file = dir.resolve("stamped.bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      NameFinderTrainer.withDecoding(model, 4, 1.5).serialize(out);
    }

    NameFinderRecognizer trained = new NameFinderRecognizer("tiny", model, OntoNotesLabels.TO_NERVA);
    NameFinderRecognizer restamped =
        new NameFinderRecognizer("tiny", NameFinderRecognizer.loadModel(file), OntoNotesLabels.TO_NERVA);
    assertThat(trained.beamSize()).isEqualTo(2);
    assertThat(trained.otherBias()).isEqualTo(0.5);
    assertThat(restamped.beamSize()).isEqualTo(4);
    assertThat(restamped.otherBias()).isEqualTo(1.5);
    assertThat(new NameFinderME(new TokenNameFinderModel(file))
        .find(new String[] {"Anna", "Keller", "visited", "Norway", "."})).isNotEmpty();
  }

  @Test
  void trainsWithTheGazetteerOfTrainingNamesAndStoresIt(@TempDir Path dir) throws Exception {
    // Not pruned: ten iterations on the tiny corpus leave every weight small.
    TokenNameFinderModel reloaded = trainWriteAndReload(Map.of("ensemble", "", "iterations", "10", "cutoff", "0",
        "threads", "1", "types", "ALL", "features", "ablation/names-gazetteer.xml", "prune", "0"),
        dir.resolve("gazetteer.bin"));

    assertThat(reloaded.<Object>getArtifact(NameFinderTrainer.NAME_GAZETTEER))
        .isInstanceOfSatisfying(NameGazetteer.class, g -> assertThat(g.size()).isGreaterThan(5));
    Document doc = Nerva.builder()
        .recognizer(new NameFinderRecognizer("tiny", reloaded, OntoNotesLabels.TO_NERVA)).build()
        .process("In March, Anna Keller visited Norway.");
    assertThat(doc.entities()).extracting(Entity::text).contains("Anna Keller");
  }

  @Test
  void aRightToLeftModelReadsSentencesBackwardsAndCombinesWithALeftToRightOne(@TempDir Path dir) throws Exception {
    Path places = dir.resolve("places.txt");
    Files.writeString(places, "Buenos Aires\n");
    Map<String, String> settings = Map.of("ensemble", "", "iterations", "30", "cutoff", "0", "threads", "1",
        "gazetteers", places + OTHER_LISTS);
    TokenNameFinderModel forward = trainWriteAndReload(settings, dir.resolve("forward.bin"));
    Map<String, String> backwards = new java.util.HashMap<>(settings);
    backwards.put("direction", "RIGHT_TO_LEFT");
    TokenNameFinderModel backward = trainWriteAndReload(backwards, dir.resolve("backward.bin"));

    assertThat(NameFinderRecognizer.isRightToLeft(forward)).isFalse();
    assertThat(NameFinderRecognizer.isRightToLeft(backward)).isTrue();
    // it reads "Aires Buenos", so its gazetteer holds the name that way
    assertThat(backward.<Object>getArtifact("places.dictionary")).isInstanceOfSatisfying(Dictionary.class,
        d -> assertThat(d).containsExactly(new StringList("Aires", "Buenos")));

    NameFinderRecognizer leftToRight = new NameFinderRecognizer("tiny", forward, OntoNotesLabels.TO_NERVA);
    NameFinderRecognizer rightToLeft = new NameFinderRecognizer("tiny", backward, OntoNotesLabels.TO_NERVA);
    NameFinderRecognizer both = leftToRight.withBackwardModel(backward);
    assertThat(both.backwardModel()).contains(backward);
    assertThat(leftToRight.backwardModel()).isEmpty();
    List<GoldDocument> dev = OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "dev"));
    // The dev sentences are among the training sentences: each direction alone and both together fit them.
    NameFinderRecognizer alwaysBoth = leftToRight.withBackwardModel(backward, 2);
    for (NameFinderRecognizer finder : List.of(rightToLeft, both, alwaysBoth, alwaysBoth.withBeamSize(1))) {
      SpanScores scores = Evaluation.goldTokens(finder, dev, Evaluation.Casing.ORIGINAL);
      assertThat(scores.prf(Evaluation.GOLD_TOKEN_TYPES)[2]).isGreaterThan(0.8);
    }
    // Spans come back in text order and offsets, with the probability both models give them.
    List<String[]> sentence = new ArrayList<>();
    sentence.add(new String[] {"In", "March", ",", "Anna", "Keller", "visited", "Norway", "."});
    Span[] found = both.find(sentence).get(0);
    assertThat(found).extracting(Span::getStart, Span::getEnd, Span::getType)
        .contains(tuple(1, 2, "DATE"), tuple(3, 5, "PERSON"), tuple(6, 7, "GPE"));
    assertThat(found).allSatisfy(s -> assertThat(s.getProb()).isBetween(0.0, 1.0));
    assertThat(found).isSortedAccordingTo(java.util.Comparator.comparingInt(Span::getStart));
    Document doc = Nerva.builder().recognizer(both).build().process("In March, Anna Keller visited Norway.");
    assertThat(doc.entities()).extracting(Entity::type, Entity::text)
        .contains(tuple(EntityType.PERSON, "Anna Keller"), tuple(EntityType.COUNTRY, "Norway"));

    // A threshold of 0 never consults the right-to-left model: the left-to-right model's own spans.
    List<String[]> devSentences = new ArrayList<>();
    dev.forEach(d -> d.sentences().forEach(s -> devSentences.add(s.tokens().toArray(new String[0]))));
    List<Span[]> alone = leftToRight.find(devSentences);
    List<Span[]> neverConsulted = leftToRight.withBackwardModel(backward, 0).find(devSentences);
    assertThat(neverConsulted).hasSameSizeAs(alone);
    for (int i = 0; i < alone.size(); i++) {
      assertThat(neverConsulted.get(i)).extracting(Span::toString, Span::getProb)
          .containsExactly(java.util.Arrays.stream(alone.get(i)).map(sp -> tuple(sp.toString(), sp.getProb())).toArray(
              org.assertj.core.groups.Tuple[]::new));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> leftToRight.withBackwardModel(backward, -0.5))
        .withMessageContaining("threshold");
    assertThatIllegalArgumentException().isThrownBy(() -> leftToRight.withBackwardModel(forward))
        .withMessageContaining("right to left");
    assertThatIllegalArgumentException().isThrownBy(() -> rightToLeft.withBackwardModel(backward))
        .withMessageContaining("left-to-right");
    assertThatIllegalArgumentException().isThrownBy(
        () -> TrainingRecipe.read(RECIPE, Map.of("direction", "UPWARDS"))).withMessageContaining("UPWARDS");
  }

  @Test
  void trainsWithHandAssembledGazetteersAndStoresThemInTheModel(@TempDir Path dir) throws Exception {
    Path places = dir.resolve("places.txt");
    Files.writeString(places, "# a comment line\nBuenos Aires   # trailing comment\n\nKeller Town\n");
    // Relative lists resolve against the recipe's folder; an absolute path is taken as it is.
    Path file = dir.resolve("gazetteers.bin");
    TokenNameFinderModel reloaded = trainWriteAndReload(Map.of("ensemble", "", "iterations", "10", "cutoff", "0",
        "threads", "1", "gazetteers", places + OTHER_LISTS), file);

    assertThat(reloaded.<Object>getArtifact("places.dictionary")).isInstanceOfSatisfying(Dictionary.class, d -> {
      assertThat(d).containsExactlyInAnyOrder(
          new StringList("Buenos", "Aires"), new StringList("Keller", "Town"));
      assertThat(d.isCaseSensitive()).isTrue();
    });
    assertThat(reloaded.<Object>getArtifact("first-names.dictionary")).isInstanceOfSatisfying(Dictionary.class,
        d -> assertThat(d.contains(new StringList("Anna"))).isTrue());
    assertThat(new NameFinderME(new TokenNameFinderModel(file))
        .find(new String[] {"Anna", "Keller", "visited", "Norway", "."})).isNotEmpty();
  }

  @Test
  void theRecipesFeaturesAreEachMadeOnceAndEachGazetteerUnderItsOwnName() throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(RECIPE, Map.of("ensemble", "", "iterations", "5", "cutoff", "0",
        "threads", "1"));
    TokenNameFinderModel model = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")), recipe);
    AdaptiveFeatureGenerator generator = model.getFactory().createFeatureGenerators();
    String[] sentence = {"Anna", "flew", "from", "Buenos", "Aires", "to", "Norway", "."};

    List<List<String>> features = new ArrayList<>();
    for (int i = 0; i < sentence.length; i++) {
      List<String> token = new ArrayList<>();
      generator.createFeatures(token, sentence, i, null);
      features.add(token);
    }
    assertThat(features).allSatisfy(token -> assertThat(token).isNotEmpty().doesNotHaveDuplicates());
    assertThat(features.get(0)).contains("given:w=dic=Anna").noneMatch(f -> f.startsWith("place:"));
    assertThat(features.get(4)).contains("place:w=dic=Aires");
    assertThat(features.get(6)).contains("country:w=dic=Norway");
  }

  @Test
  void aMissingGazetteerListFailsTrainingWithItsPath(@TempDir Path dir) throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(RECIPE, Map.of("ensemble", "", "iterations", "1", "cutoff", "0",
        "gazetteers", dir.resolve("nowhere.txt").toString()));
    List<GoldDocument> train = OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train"));
    assertThatExceptionOfType(NoSuchFileException.class)
        .isThrownBy(() -> NameFinderTrainer.train(train, recipe))
        .withMessageContaining("nowhere.txt");
  }

  @Test
  void modelsOtherThanGisMaxentDecodeWithOpenNlpAndKeepTheirSettings() throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(RECIPE,
        Map.of("ensemble", "", "algorithm", "PERCEPTRON", "iterations", "10", "cutoff", "0", "threads", "1",
            "prune", "0"));
    TokenNameFinderModel perceptron = NameFinderTrainer.train(
        OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")), recipe);
    NameFinderRecognizer recognizer = new NameFinderRecognizer("tiny", perceptron, OntoNotesLabels.TO_NERVA);
    String[] sentence = {"In", "March", ",", "Anna", "Keller", "visited", "Norway", "."};

    assertThat(recognizer.find(List.<String[]>of(sentence)).get(0))
        .containsExactly(new NameFinderME(perceptron).find(sentence));
    assertThat(recognizer.otherBias()).isZero();
    assertThatIllegalStateException()
        .isThrownBy(() -> recognizer.withBeamSize(5))
        .withMessageContaining("GIS maxent");
  }

  @Test
  void recipeOverridesWinOverTheFile() throws Exception {
    TrainingRecipe recipe = TrainingRecipe.read(RECIPE,
        Map.of("ensemble", "", "algorithm", "PERCEPTRON", "types", "PERSON,DATE", "prune", "0"));
    assertThat(recipe.algorithm()).isEqualTo("PERCEPTRON");
    assertThat(recipe.ensemble()).isEmpty();
    assertThat(recipe.learns("PERSON")).isTrue();
    assertThat(recipe.learns("ORG")).isFalse();

    TrainingRecipe shipped = TrainingRecipe.read(RECIPE, Map.of("sgd.l2", "3", "cutoff", "2"));
    assertThat(shipped.ensemble().values()).extracting(TrainingRecipe::algorithm, TrainingRecipe::l2, TrainingRecipe::cutoff)
        .containsExactly(tuple("MAXENT", 0.0, 2), tuple("SGD", 3.0, 2));
    // The shipped recipe's members set their own algorithm: a top-level override would do nothing.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrainingRecipe.read(RECIPE, Map.of("algorithm", "PERCEPTRON")))
        .withMessageContaining("gis.algorithm")
        .withMessageContaining("ensemble=");
  }
}
