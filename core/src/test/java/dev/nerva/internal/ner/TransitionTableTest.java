package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import org.junit.jupiter.api.Test;

/** The shortcut transition table against the codec's validator asked about every pair. */
class TransitionTableTest {

  private static final List<String> TYPES = List.of("PERSON", "ORG", "GPE", "DATE", "WORK_OF_ART", "NORP");

  @Test
  void bilouTableIsTheValidatorsAnswerForEveryPair() {
    String[] outcomes = outcomes("start", "cont", "last", "unit");
    boolean[][] table = TransitionTable.of(new BilouCodec(), outcomes);
    assertThat(table).isDeepEqualTo(askEveryPair(new BilouCodec(), outcomes));
    // Spot checks that the comparison is about something: a name continues only its own type.
    assertThat(table[index(outcomes, "PERSON-start") + 1][index(outcomes, "PERSON-cont")]).isTrue();
    assertThat(table[index(outcomes, "PERSON-start") + 1][index(outcomes, "ORG-cont")]).isFalse();
    assertThat(table[0][index(outcomes, "PERSON-last")]).isFalse();
  }

  @Test
  void bioTableIsTheValidatorsAnswerForEveryPair() {
    String[] outcomes = outcomes("start", "cont");
    boolean[][] table = TransitionTable.of(new BioCodec(), outcomes);
    assertThat(table).isDeepEqualTo(askEveryPair(new BioCodec(), outcomes));
    assertThat(table[index(outcomes, "ORG-start") + 1][index(outcomes, "ORG-cont")]).isTrue();
    assertThat(table[index(outcomes, "ORG-start") + 1][index(outcomes, "GPE-cont")]).isFalse();
  }

  private static String[] outcomes(String... kinds) {
    List<String> outcomes = new ArrayList<>();
    for (String type : TYPES) {
      for (String kind : kinds) {
        outcomes.add(type + "-" + kind);
      }
    }
    outcomes.add(2, "other");
    return outcomes.toArray(String[]::new);
  }

  private static int index(String[] outcomes, String label) {
    return List.of(outcomes).indexOf(label);
  }

  private static boolean[][] askEveryPair(SequenceCodec<String> codec, String[] outcomes) {
    SequenceValidator<String> validator = codec.createSequenceValidator();
    boolean[][] valid = new boolean[outcomes.length + 1][outcomes.length];
    for (int p = -1; p < outcomes.length; p++) {
      String[] before = p < 0 ? new String[0] : new String[] {outcomes[p]};
      for (int o = 0; o < outcomes.length; o++) {
        valid[p + 1][o] = validator.validSequence(before.length, null, before, outcomes[o]);
      }
    }
    return valid;
  }
}
