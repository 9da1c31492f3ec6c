package dev.nerva.train;

import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a name finder is trained: which OntoNotes types, which algorithm and features. Read from a
 * properties file (see {@code models/train/recipe/ner-en.properties}) so that the recipe of every
 * shipped model is versioned next to it.
 *
 * @param types the OntoNotes labels to learn; empty means all 18
 * @param algorithm the trainer: OpenNLP's MAXENT (GIS), MAXENT_QN or PERCEPTRON, or SGD
 *     (Nerva's {@link SgdMaxentTrainer}, which writes a GIS model)
 * @param iterations training iterations (passes over the data for SGD)
 * @param cutoff minimum count of a feature to be kept
 * @param encoding the sequence codec: BIO or BILOU
 * @param features the feature generator XML descriptor, or null for OpenNLP's default
 * @param threads trainer threads (MAXENT and MAXENT_QN)
 * @param l1 L1 weight for MAXENT_QN and SGD
 * @param l2 L2 weight for MAXENT_QN and SGD
 * @param learningRate SGD's step size in the first pass
 * @param decay SGD's step-size factor per pass
 * @param average whether SGD averages the weights over its steps from the second pass on
 * @param caseAugmentation share of training sentences added again lower-cased and again upper-cased
 * @param rightToLeft whether the model reads each sentence from its last token to its first
 *     (recipe key {@code direction=RIGHT_TO_LEFT}); it then stores {@code
 *     NameFinderRecognizer.DIRECTION_PROPERTY} and its gazetteers reversed, and Nerva's recognizer
 *     reverses sentences for it
 * @param clusters word-cluster files the features refer to by file name (see {@code clusters})
 * @param gazetteers name lists (one name per line, '#' comments) the features refer to as {@code
 *     <file name without .txt>.dictionary}
 * @param beamSize the decoder's beam: 1 is greedy and fastest, OpenNLP's default is 3
 * @param otherBias the decoder's bias against the "other" label, stored in the model (see {@code
 *     NameFinderRecognizer.withOtherBias})
 * @param prune the weight spread below which features are dropped from the finished model (see
 *     {@link ModelPruner}); 0 keeps them all
 * @param ensemble learners, by name, trained on the same data and features whose weights are
 *     averaged into the one shipped model (see {@link ModelAverager}); empty for a single learner. Each member is
 *     this recipe with its learner keys overridden by the keys prefixed with the member's name
 *     ({@code ensemble=gis,sgd} with {@code sgd.algorithm=SGD}, {@code sgd.iterations=12}).
 */
public record TrainingRecipe(
    ImmutableSet<String> types,
    String algorithm,
    int iterations,
    int cutoff,
    String encoding,
    Path features,
    int threads,
    double l1,
    double l2,
    double learningRate,
    double decay,
    boolean average,
    double caseAugmentation,
    boolean rightToLeft,
    ImmutableList<Path> clusters,
    ImmutableList<Path> gazetteers,
    int beamSize,
    double otherBias,
    double prune,
    ImmutableMap<String, TrainingRecipe> ensemble) {

  /** The keys an ensemble member may override: how it learns, never what it learns from. */
  public static final ImmutableSet<String> LEARNER_KEYS = ImmutableSet.of(
      "algorithm", "iterations", "cutoff", "threads", "l1", "l2", "learningRate", "decay", "average");

  public TrainingRecipe {
    Preconditions.checkArgument(ImmutableSet.of("MAXENT", "MAXENT_QN", "PERCEPTRON", "SGD").contains(algorithm),
        "unknown algorithm %s", algorithm);
    Preconditions.checkArgument(encoding.equals("BIO") || encoding.equals("BILOU"), "unknown encoding %s", encoding);
    Preconditions.checkArgument(iterations > 0 && cutoff >= 0 && threads > 0 && beamSize > 0 && Double.isFinite(otherBias)
        && prune >= 0 && Double.isFinite(prune)
        && l1 >= 0 && l2 >= 0 && learningRate > 0 && decay > 0 && decay <= 1,
        "bad numbers in recipe");
    Preconditions.checkArgument(ensemble.size() != 1, "an ensemble needs at least two members");
    // The weight spread means the same in GIS and SGD maxent models only.
    Preconditions.checkArgument(prune == 0 || algorithm.equals("MAXENT") || algorithm.equals("SGD"),
        "prune=%s applies to maxent models (algorithm MAXENT or SGD), not %s: set prune=0", prune, algorithm);
  }

  /**
   * Reads a recipe; relative feature, cluster and gazetteer paths resolve against the recipe's
   * folder; {@code overrides} win over the file (member keys such as {@code sgd.l2} included).
   *
   * @throws IllegalArgumentException if a value is malformed or a member overrides more than its
   *     learner
   */
  public static TrainingRecipe read(Path file, Map<String, String> overrides) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    overrides.forEach(p::setProperty);
    Path folder = file.toAbsolutePath().getParent();
    ImmutableMap.Builder<String, TrainingRecipe> members = ImmutableMap.builder();
    List<String> names = Splitter.on(',').trimResults().omitEmptyStrings().splitToList(p.getProperty("ensemble", ""));
    for (String key : overrides.keySet()) {
      // An override every member shadows would be silently ignored: say how to set it instead.
      Preconditions.checkArgument(names.isEmpty() || !LEARNER_KEYS.contains(key)
              || !names.stream().allMatch(name -> p.containsKey(name + "." + key)),
          "%s is set by each ensemble member (%s): override %s.%s, or set ensemble= for one learner",
          key, names, names.isEmpty() ? "" : names.get(0), key);
    }
    for (String name : names) {
      Properties member = new Properties();
      for (String key : p.stringPropertyNames()) {
        if (!key.contains(".")) {
          member.setProperty(key, p.getProperty(key));
        }
      }
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith(name + ".")) {
          String learnerKey = key.substring(name.length() + 1);
          Preconditions.checkArgument(LEARNER_KEYS.contains(learnerKey),
              "%s: an ensemble member may only change its learner (%s)", key, LEARNER_KEYS);
          member.setProperty(learnerKey, p.getProperty(key));
        }
      }
      members.put(name, parse(member, folder, ImmutableMap.of()));
    }
    return parse(p, folder, members.buildOrThrow());
  }

  private static TrainingRecipe parse(Properties p, Path folder, ImmutableMap<String, TrainingRecipe> ensemble) {
    String types = p.getProperty("types", "ALL").trim();
    String features = p.getProperty("features", "").trim();
    return new TrainingRecipe(
        types.equals("ALL") ? ImmutableSet.of()
            : ImmutableSet.copyOf(Splitter.on(',').trimResults().omitEmptyStrings().split(types)),
        p.getProperty("algorithm", "MAXENT").trim(),
        Integer.parseInt(p.getProperty("iterations", "100").trim()),
        Integer.parseInt(p.getProperty("cutoff", "5").trim()),
        p.getProperty("encoding", "BIO").trim(),
        features.isEmpty() ? null : folder.resolve(features),
        Integer.parseInt(p.getProperty("threads", "1").trim()),
        Double.parseDouble(p.getProperty("l1", "0").trim()),
        Double.parseDouble(p.getProperty("l2", "0").trim()),
        Double.parseDouble(p.getProperty("learningRate", "0.05").trim()),
        Double.parseDouble(p.getProperty("decay", "0.85").trim()),
        Boolean.parseBoolean(p.getProperty("average", "true").trim()),
        Double.parseDouble(p.getProperty("caseAugmentation", "0").trim()),
        direction(p.getProperty("direction", "LEFT_TO_RIGHT").trim()),
        paths(p.getProperty("clusters", ""), folder),
        paths(p.getProperty("gazetteers", ""), folder),
        Integer.parseInt(p.getProperty("beamSize", "3").trim()),
        Double.parseDouble(p.getProperty("otherBias", "0").trim()),
        Double.parseDouble(p.getProperty("prune", "0").trim()),
        ensemble);
  }

  private static boolean direction(String direction) {
    Preconditions.checkArgument(direction.equals("LEFT_TO_RIGHT") || direction.equals("RIGHT_TO_LEFT"),
        "direction must be LEFT_TO_RIGHT or RIGHT_TO_LEFT: %s", direction);
    return direction.equals("RIGHT_TO_LEFT");
  }

  private static ImmutableList<Path> paths(String list, Path folder) {
    return Splitter.on(',').trimResults().omitEmptyStrings().splitToStream(list)
        .map(folder::resolve).collect(ImmutableList.toImmutableList());
  }

  /** Whether a label is learned under this recipe. */
  public boolean learns(String label) {
    return types.isEmpty() || types.contains(label);
  }
}
