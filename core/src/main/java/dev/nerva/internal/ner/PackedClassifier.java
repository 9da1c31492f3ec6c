package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A GIS maxent classifier's weights in {@link FeatureWeights}' packed tables, for callers that
 * only need the best outcome: a GIS model's probabilities are the normalised exponentials of each
 * outcome's summed weights, so the outcome with the largest sum is the most probable one, and
 * neither OpenNLP's hash map of feature strings nor the exponentials are needed. Weights are
 * stored as floats, as in the name finder's decoder. Immutable and thread-safe.
 */
public final class PackedClassifier {

  private final FeatureWeights weights;
  private final String[] outcomes;

  private PackedClassifier(FeatureWeights weights, String[] outcomes) {
    this.weights = weights;
    this.outcomes = outcomes;
  }

  /**
   * Packs a GIS maxent model's weights.
   *
   * @throws IllegalArgumentException if the model is not a GIS maxent model
   */
  public static PackedClassifier of(MaxentModel model) {
    Preconditions.checkArgument(model instanceof GISModel, "not a GIS maxent model: %s",
        model == null ? null : model.getClass().getName());
    Object[] data = ((GISModel) model).getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> features = (Map<String, Context>) data[1];
    String[] outcomes = ((String[]) data[2]).clone();
    return new PackedClassifier(FeatureWeights.of(features, outcomes.length), outcomes);
  }

  /** The number of outcomes. */
  public int outcomeCount() {
    return outcomes.length;
  }

  /** Outcome {@code o}'s label. */
  public String outcome(int o) {
    return outcomes[o];
  }

  /**
   * Sets {@code scores[o]} to the summed weights of the context's features for each outcome o;
   * features the model does not know weigh nothing.
   *
   * @param scores an array of {@link #outcomeCount()} entries, overwritten
   */
  public void score(String[] context, double[] scores) {
    Preconditions.checkArgument(scores.length == outcomes.length, "scores must have %s entries, not %s",
        outcomes.length, scores.length);
    Arrays.fill(scores, 0);
    for (String feature : context) {
      weights.add(weights.find(feature), scores);
    }
  }
}
