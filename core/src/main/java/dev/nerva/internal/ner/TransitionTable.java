package dev.nerva.internal.ner;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;

/**
 * Which label may follow which, asked once per pair of labels of a model from the model's own
 * sequence validator.
 *
 * <p>OpenNLP's BIO and BILOU validators find a label's name type with a regular expression; asked
 * for all pairs of a 73-label model that is some 2,600 matches, enough for the JIT to compile the
 * regex engine while a model loads (about a quarter of a second of compiler time on one core). For
 * those two codecs an answer depends only on the two labels' suffixes ({@code start}, {@code
 * cont}, …) and on whether their name types are equal, so each distinct question is asked once,
 * with stand-in types. Other codecs are asked about every pair.
 */
final class TransitionTable {

  private TransitionTable() {}

  /**
   * @return {@code valid[p + 1][o]}: whether outcome {@code o} may follow outcome {@code p}, with
   *     {@code p = -1} at the start of a sentence
   */
  static boolean[][] of(SequenceCodec<String> codec, String[] outcomes) {
    SequenceValidator<String> validator = codec.createSequenceValidator();
    boolean byShape = codec.getClass() == BilouCodec.class || codec.getClass() == BioCodec.class;
    Map<String, Boolean> answers = new HashMap<>();
    int k = outcomes.length;
    boolean[][] valid = new boolean[k + 1][k];
    for (int p = -1; p < k; p++) {
      for (int o = 0; o < k; o++) {
        String previous = p < 0 ? null : outcomes[p];
        String outcome = outcomes[o];
        if (!byShape) {
          valid[p + 1][o] = ask(validator, previous, outcome);
          continue;
        }
        // Same type: both become "a-…"; different types: "a-…" then "b-…". Labels without a
        // type ("other") stay as they are.
        boolean sameType = previous != null && type(previous).equals(type(outcome));
        String standInPrevious = previous == null ? null : standIn(previous, "a");
        String standInOutcome = standIn(outcome, sameType ? "a" : "b");
        String question = standInPrevious + " " + standInOutcome;
        valid[p + 1][o] = answers.computeIfAbsent(question, q -> ask(validator, standInPrevious, standInOutcome));
      }
    }
    return valid;
  }

  private static boolean ask(SequenceValidator<String> validator, String previous, String outcome) {
    String[] before = previous == null ? new String[0] : new String[] {previous};
    return validator.validSequence(before.length, null, before, outcome);
  }

  private static String type(String label) {
    int dash = label.lastIndexOf('-');
    return dash < 0 ? "" : label.substring(0, dash);
  }

  private static String standIn(String label, String type) {
    int dash = label.lastIndexOf('-');
    return dash < 0 ? label : type + label.substring(dash);
  }
}
