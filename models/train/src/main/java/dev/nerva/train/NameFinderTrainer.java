package dev.nerva.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.nerva.internal.country.CountryResolver;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.ner.features.NameGazetteer;
import dev.nerva.ner.features.WordClusters;
import dev.nerva.internal.tokenize.PtbForms;
import dev.nerva.internal.tokenize.PtbTokenizer;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import opennlp.tools.util.TrainingParameters;

/** Trains an OpenNLP name finder from OntoNotes documents under a {@link TrainingRecipe}. */
public final class NameFinderTrainer {

  /** The resource name under which feature descriptors refer to the country-name gazetteer. */
  public static final String COUNTRY_GAZETTEER = "countries.dictionary";

  /** The resource name under which feature descriptors refer to the gazetteer of training names. */
  public static final String NAME_GAZETTEER = "names.gazetteer";

  /** The OntoNotes name types (not numbers, dates or times) the name gazetteer records. */
  static final ImmutableList<String> NAME_TYPES = ImmutableList.of(
      "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE");

  private NameFinderTrainer() {}

  /**
   * The names and aliases of the bundled country table, tokenized as the pipeline tokenizes, as an
   * OpenNLP dictionary for the dictionary feature generator.
   */
  static Dictionary countryGazetteer() {
    return countryGazetteer(false);
  }

  /** {@link #countryGazetteer()}, each name's tokens reversed for a right-to-left model if asked. */
  static Dictionary countryGazetteer(boolean reversed) {
    return gazetteer(CountryResolver.bundled().names(), reversed);
  }

  /**
   * A hand-assembled name list (one name per line, '#' starts a comment) as a gazetteer.
   *
   * @throws IOException if the list cannot be read
   */
  static Dictionary gazetteer(Path list) throws IOException {
    return gazetteer(list, false);
  }

  /** {@link #gazetteer(Path)}, each name's tokens reversed for a right-to-left model if asked. */
  static Dictionary gazetteer(Path list, boolean reversed) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      int comment = line.indexOf('#');
      String name = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return gazetteer(names, reversed);
  }

  /** The resource name under which feature descriptors refer to a gazetteer list. */
  static String gazetteerResource(Path list) {
    String file = list.getFileName().toString();
    return (file.endsWith(".txt") ? file.substring(0, file.length() - 4) : file) + ".dictionary";
  }

  /**
   * Names tokenized as the pipeline tokenizes them, as a case-sensitive OpenNLP dictionary for the
   * dictionary feature generator. A right-to-left model reads "Faso Burkina", so its gazetteers
   * hold the names {@code reversed}.
   */
  private static Dictionary gazetteer(Iterable<String> names, boolean reversed) {
    Dictionary dictionary = new Dictionary(true);
    for (String name : names) {
      Span[] spans = PtbTokenizer.INSTANCE.tokenizePos(name);
      String[] forms = new String[spans.length];
      for (int i = 0; i < spans.length; i++) {
        forms[i] = PtbForms.of(name, spans[i].getStart(), spans[i].getEnd());
      }
      if (reversed) {
        Collections.reverse(Arrays.asList(forms));
      }
      dictionary.put(new StringList(forms));
    }
    return dictionary;
  }

  /**
   * The names of the training documents with their types and folds, for the name-gazetteer
   * features (see {@link NameGazetteer}: while training, each document sees the names of the other
   * folds only).
   */
  static NameGazetteer nameGazetteer(List<GoldDocument> documents) {
    NameGazetteer.Builder builder = new NameGazetteer.Builder(NAME_TYPES);
    for (GoldDocument document : documents) {
      if (document.sentences().isEmpty()) {
        continue;
      }
      int fold = NameGazetteer.foldOf(document.sentences().get(0).tokens().toArray(new String[0]));
      for (GoldSentence sentence : document.sentences()) {
        for (Span span : sentence.spans()) {
          String[] name = sentence.tokens().subList(span.getStart(), span.getEnd()).toArray(new String[0]);
          builder.add(name, span.getType(), fold);
        }
      }
    }
    return builder.buildForTraining();
  }

  /**
   * Trains a model on {@code documents}: one learner, or each member of the recipe's ensemble and
   * then their weights averaged into one model.
   */
  public static TokenNameFinderModel train(List<GoldDocument> documents, TrainingRecipe recipe) throws IOException {
    return train(documents, recipe, (name, member) -> { });
  }

  /** Receives each ensemble member once it is trained, before the members are averaged. */
  @FunctionalInterface
  public interface MemberSink {
    /**
     * @param name the member's name in the recipe ({@code gis}, {@code sgd})
     * @param member the member's model, complete and loadable on its own
     * @throws IOException if keeping the member fails; training stops
     */
    void accept(String name, TokenNameFinderModel member) throws IOException;
  }

  /**
   * {@link #train(List, TrainingRecipe)}, handing each ensemble member to {@code members} as well
   * (to score or keep them alone); a single-learner recipe has no members.
   */
  public static TokenNameFinderModel train(List<GoldDocument> documents, TrainingRecipe recipe, MemberSink members)
      throws IOException {
    // Read once, so that every member learns the same features even if a file changes meanwhile.
    byte[] features = recipe.features() == null ? null : Files.readAllBytes(recipe.features());
    Map<String, Object> resources = resources(documents, recipe, features);
    TokenNameFinderModel model;
    if (recipe.ensemble().isEmpty()) {
      model = trainOne(documents, recipe, features, resources);
    } else {
      List<TokenNameFinderModel> trained = new ArrayList<>();
      for (Map.Entry<String, TrainingRecipe> entry : recipe.ensemble().entrySet()) {
        TokenNameFinderModel member = trainOne(documents, entry.getValue(), features, resources);
        members.accept(entry.getKey(), member);
        trained.add(member);
      }
      model = withDecoding(ModelAverager.average(trained), recipe);
    }
    // Pruned once finished: members are averaged with all their weights.
    return recipe.prune() > 0 ? ModelPruner.prune(model, recipe.prune()) : model;
  }

  /** The clusters and gazetteers the features refer to; the same for every ensemble member. */
  private static Map<String, Object> resources(List<GoldDocument> documents, TrainingRecipe recipe, byte[] features)
      throws IOException {
    Map<String, Object> resources = new HashMap<>();
    for (Path clusters : recipe.clusters()) {
      try (InputStream in = Files.newInputStream(clusters)) {
        resources.put(clusters.getFileName().toString(), WordClusters.read(in));
      }
    }
    String descriptor = features == null ? "" : new String(features, StandardCharsets.UTF_8);
    if (descriptor.contains(COUNTRY_GAZETTEER)) {
      resources.put(COUNTRY_GAZETTEER, countryGazetteer(recipe.rightToLeft()));
    }
    for (Path list : recipe.gazetteers()) {
      resources.put(gazetteerResource(list), gazetteer(list, recipe.rightToLeft()));
    }
    if (descriptor.contains(NAME_GAZETTEER)) {
      Preconditions.checkArgument(!recipe.rightToLeft(), "the name gazetteer is for left-to-right models only");
      resources.put(NAME_GAZETTEER, nameGazetteer(documents));
    }
    return resources;
  }

  private static TokenNameFinderModel trainOne(List<GoldDocument> documents, TrainingRecipe recipe,
      byte[] features, Map<String, Object> resources) throws IOException {
    List<NameSample> samples = samples(documents, recipe);
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM,
        recipe.algorithm().equals("SGD") ? SgdMaxentTrainer.ALGORITHM : recipe.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, recipe.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, recipe.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, recipe.threads());
    params.put(BeamSearch.BEAM_SIZE_PARAMETER, recipe.beamSize());
    if (recipe.algorithm().equals("MAXENT_QN") || recipe.algorithm().equals("SGD")) {
      // Both trainers name their penalties L1Cost and L2Cost.
      params.put(SgdMaxentTrainer.L1_COST_PARAM, recipe.l1());
      params.put(SgdMaxentTrainer.L2_COST_PARAM, recipe.l2());
    }
    if (recipe.algorithm().equals("SGD")) {
      params.put(SgdMaxentTrainer.LEARNING_RATE_PARAM, recipe.learningRate());
      params.put(SgdMaxentTrainer.DECAY_PARAM, recipe.decay());
      params.put(SgdMaxentTrainer.AVERAGE_PARAM, recipe.average());
    }
    TokenNameFinderFactory factory = TokenNameFinderFactory.create(null, features, resources,
        recipe.encoding().equals("BILOU") ? new BilouCodec() : new BioCodec());
    TokenNameFinderModel model =
        NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), params, factory);
    return withDecoding(model, recipe);
  }

  /** The model with the recipe's decoding settings and, for a right-to-left model, its direction. */
  private static TokenNameFinderModel withDecoding(TokenNameFinderModel model, TrainingRecipe recipe)
      throws IOException {
    TokenNameFinderModel decoding = withDecoding(model, recipe.beamSize(), recipe.otherBias());
    return recipe.rightToLeft()
        ? EditedModel.copyOf(decoding).withProperty(NameFinderRecognizer.DIRECTION_PROPERTY, NameFinderRecognizer.RIGHT_TO_LEFT)
        : decoding;
  }

  /**
   * A copy of the model that decodes with another beam width and bias against the "other" label
   * (both are manifest properties; the weights are unchanged).
   */
  public static TokenNameFinderModel withDecoding(TokenNameFinderModel model, int beamSize, double otherBias)
      throws IOException {
    return EditedModel.copyOf(model)
        .withProperty(BeamSearch.BEAM_SIZE_PARAMETER, Integer.toString(beamSize))
        .withProperty(NameFinderRecognizer.OTHER_BIAS_PROPERTY, Double.toString(otherBias));
  }

  /** The training samples: one per sentence, adaptive data cleared at each document start. */
  static List<NameSample> samples(List<GoldDocument> documents, TrainingRecipe recipe) {
    List<NameSample> samples = new ArrayList<>();
    Random random = new Random(20241128L);
    for (GoldDocument document : documents) {
      boolean first = true;
      for (GoldSentence sentence : document.sentences()) {
        String[] tokens = sentence.tokens().toArray(new String[0]);
        Span[] spans = sentence.spans().stream().filter(s -> recipe.learns(s.getType())).toArray(Span[]::new);
        if (recipe.rightToLeft()) {
          Collections.reverse(Arrays.asList(tokens));
          for (int i = 0; i < spans.length; i++) {
            spans[i] = new Span(tokens.length - spans[i].getEnd(), tokens.length - spans[i].getStart(), spans[i].getType());
          }
        }
        samples.add(new NameSample(tokens, spans, first));
        first = false;
      }
    }
    // Headlines and shouting: extra copies of some sentences in lower and upper case, appended as
    // separate one-sentence documents so they do not disturb the adaptive features.
    if (recipe.caseAugmentation() > 0) {
      List<NameSample> extra = new ArrayList<>();
      for (NameSample sample : samples) {
        if (random.nextDouble() < recipe.caseAugmentation()) {
          extra.add(recased(sample, true));
        }
        if (random.nextDouble() < recipe.caseAugmentation()) {
          extra.add(recased(sample, false));
        }
      }
      samples.addAll(extra);
    }
    return samples;
  }

  private static NameSample recased(NameSample sample, boolean lower) {
    String[] tokens = sample.getSentence().clone();
    for (int i = 0; i < tokens.length; i++) {
      if (!tokens[i].startsWith("-") || !tokens[i].endsWith("-")) {
        tokens[i] = lower ? tokens[i].toLowerCase(Locale.ROOT) : tokens[i].toUpperCase(Locale.ROOT);
      }
    }
    return new NameSample(tokens, sample.getNames(), true);
  }
}
