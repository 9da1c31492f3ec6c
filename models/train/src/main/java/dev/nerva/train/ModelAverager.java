package dev.nerva.train;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Averages the weights of maxent name finders trained on the same data and features into one
 * model of the same size and speed.
 *
 * <p>A maxent model scores an outcome by the exponential of its summed weights, so averaging the
 * weights of n models gives the normalised geometric mean of their distributions (a product of
 * experts). Learners that err differently gain from it: GIS (slow, cautious about rare features)
 * and Nerva's SGD trainer (L2-regularised, bolder with rare words) averaged score higher on dev than
 * either (model card, ablation). A feature a member lacks weighs 0 in it, as when decoding it.
 */
public final class ModelAverager {

  /** Manifest property that records how many models were averaged into a model. */
  public static final String AVERAGED_PROPERTY = "Nerva-AveragedModels";

  /** The artifact holding a model's feature generator descriptor (OpenNLP's name). */
  private static final String DESCRIPTOR_ARTIFACT = "generator.featuregen";

  private ModelAverager() {}

  /**
   * The models' weights averaged, with the first model's features, resources and settings.
   *
   * @throws IllegalArgumentException if fewer than two models are given, or they are not GIS maxent
   *     models with the same feature descriptor, sequence codec and outcomes
   * @throws IOException if the first model cannot be copied
   */
  public static TokenNameFinderModel average(List<TokenNameFinderModel> models) throws IOException {
    Preconditions.checkArgument(models.size() >= 2, "averaging needs at least two models, got %s", models.size());
    TokenNameFinderModel first = models.get(0);
    GISModel[] classifiers = new GISModel[models.size()];
    for (int m = 0; m < models.size(); m++) {
      TokenNameFinderModel model = models.get(m);
      Object classifier = model.getArtifact(EditedModel.CLASSIFIER_ARTIFACT);
      Preconditions.checkArgument(classifier instanceof GISModel, "model %s is not a GIS maxent model", m);
      Preconditions.checkArgument(
          Arrays.equals(model.<byte[]>getArtifact(DESCRIPTOR_ARTIFACT), first.<byte[]>getArtifact(DESCRIPTOR_ARTIFACT)),
          "model %s has other features than model 0", m);
      Preconditions.checkArgument(
          model.getSequenceCodec().getClass().equals(first.getSequenceCodec().getClass()),
          "model %s has another sequence codec than model 0", m);
      classifiers[m] = (GISModel) classifier;
    }
    GISModel averaged = average(classifiers);
    return EditedModel.copyOf(first)
        .withClassifier(averaged)
        .withProperty(AVERAGED_PROPERTY, Integer.toString(models.size()));
  }

  private static GISModel average(GISModel[] classifiers) {
    String[] outcomes = outcomes(classifiers[0]);
    Map<String, Integer> outcomeIndex = new HashMap<>();
    for (int o = 0; o < outcomes.length; o++) {
      outcomeIndex.put(outcomes[o], o);
    }
    TreeSet<String> predicates = new TreeSet<>();
    int[][] toFirst = new int[classifiers.length][];
    List<Map<String, Context>> weights = new ArrayList<>();
    for (int m = 0; m < classifiers.length; m++) {
      String[] names = outcomes(classifiers[m]);
      Preconditions.checkArgument(names.length == outcomes.length
          && outcomeIndex.keySet().containsAll(Arrays.asList(names)), "model %s has other outcomes than model 0", m);
      toFirst[m] = Arrays.stream(names).mapToInt(outcomeIndex::get).toArray();
      weights.add(predicateMap(classifiers[m]));
      predicates.addAll(weights.get(m).keySet());
    }
    double share = 1.0 / classifiers.length;
    double[] row = new double[outcomes.length];
    boolean[] present = new boolean[outcomes.length];
    Context[] contexts = new Context[predicates.size()];
    int p = 0;
    for (String predicate : predicates) {
      Arrays.fill(row, 0);
      Arrays.fill(present, false);
      for (int m = 0; m < classifiers.length; m++) {
        Context context = weights.get(m).get(predicate);
        if (context != null) {
          int[] active = context.getOutcomes();
          double[] parameters = context.getParameters();
          for (int i = 0; i < active.length; i++) {
            int o = toFirst[m][active[i]];
            row[o] += share * parameters[i];
            present[o] = true;
          }
        }
      }
      int count = 0;
      for (boolean b : present) {
        count += b ? 1 : 0;
      }
      int[] active = new int[count];
      double[] averaged = new double[count];
      count = 0;
      for (int o = 0; o < outcomes.length; o++) {
        if (present[o]) {
          active[count] = o;
          averaged[count++] = row[o];
        }
      }
      contexts[p++] = new Context(active, averaged);
    }
    return new GISModel(contexts, predicates.toArray(new String[0]), outcomes);
  }

  /** The model's outcome labels, by index. */
  static String[] outcomes(GISModel model) {
    return (String[]) model.getDataStructures()[2];
  }

  /** The model's weights by feature (OpenNLP's own map, not a copy). */
  @SuppressWarnings("unchecked")
  static Map<String, Context> predicateMap(GISModel model) {
    return (Map<String, Context>) model.getDataStructures()[1];
  }
}
