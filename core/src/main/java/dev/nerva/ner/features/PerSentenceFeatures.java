package dev.nerva.ner.features;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * A feature generator that works something out once per sentence (token shapes, dictionary
 * matches, a window's features) and reads it for each token. OpenNLP asks for a sentence's tokens
 * one after another with the same array, so the sentence is recognised by identity; new adaptive
 * data (the end of a sentence or document) forgets it. Not thread-safe, like every OpenNLP feature
 * generator.
 */
abstract class PerSentenceFeatures implements AdaptiveFeatureGenerator {

  private String[] sentence;

  /** Works out what the tokens of a sentence seen for the first time need. */
  abstract void startSentence(String[] tokens, String[] previousOutcomes);

  /** Adds the features of token {@code index} of the current sentence. */
  abstract void addFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes);

  @Override
  public final void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (tokens != sentence) {
      sentence = tokens;
      startSentence(tokens, previousOutcomes);
    }
    addFeatures(features, tokens, index, previousOutcomes);
  }

  @Override
  public void updateAdaptiveData(String[] tokens, String[] outcomes) {
    sentence = null;
  }

  @Override
  public void clearAdaptiveData() {
    sentence = null;
  }
}
