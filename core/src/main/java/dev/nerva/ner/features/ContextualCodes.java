package dev.nerva.ner.features;

import com.google.common.base.Preconditions;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where {@link ContextualCodesFeaturesFactory}'s generators find the contextual codes of the
 * sentence they are given: each token's codes from a pretrained encoder's vector of it in its
 * sentence (the models command's contextual-codes experiment). Feature generators see only token strings, so the
 * recognizer {@linkplain #attach attaches} a sentence's codes to its token array, on its own
 * thread, before the name finder reads it, and detaches them afterwards. Training, which cannot
 * attach, installs a {@linkplain #setLookup lookup by content} instead. A sentence with neither
 * gets no contextual features.
 */
public final class ContextualCodes {

  private static final ThreadLocal<Map<String[], int[][]>> ATTACHED = ThreadLocal.withInitial(IdentityHashMap::new);
  private static volatile Function<String[], int[][]> lookup = tokens -> null;
  /** The last sentence looked up on this thread and its codes: each token of it asks again. */
  private static final ThreadLocal<Object[]> LAST_LOOKUP = ThreadLocal.withInitial(() -> new Object[2]);

  private ContextualCodes() {}

  /**
   * Attaches codes to a token array on this thread until {@link #detach}.
   *
   * @param tokens the array the name finder will be given (compared by identity)
   * @param codes one row of codes per token
   */
  public static void attach(String[] tokens, int[][] codes) {
    Preconditions.checkArgument(tokens.length == codes.length, "one row of codes per token");
    ATTACHED.get().put(tokens, codes);
  }

  /** Removes the codes attached to {@code tokens} on this thread. */
  public static void detach(String[] tokens) {
    ATTACHED.get().remove(tokens);
  }

  /**
   * Sets the lookup used for arrays with nothing attached (training reads sentences it did not
   * make); the default finds nothing.
   */
  public static void setLookup(Function<String[], int[][]> byContent) {
    lookup = Preconditions.checkNotNull(byContent, "byContent");
    LAST_LOOKUP.remove();
  }

  /** The codes attached to {@code tokens} on this thread, or null. */
  public static int[][] attached(String[] tokens) {
    return ATTACHED.get().get(tokens);
  }

  /** The codes of a sentence, or null if it has none. */
  static int[][] of(String[] tokens) {
    int[][] codes = ATTACHED.get().get(tokens);
    if (codes != null) {
      return codes;
    }
    Object[] last = LAST_LOOKUP.get();
    if (last[0] != tokens) {
      last[0] = tokens;
      last[1] = lookup.apply(tokens);
    }
    return (int[][]) last[1];
  }
}
