package dev.nerva.internal.dictionary;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.internal.tokenize.PtbTokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases never to report, for every label or for some: "Tuareg" never, "Azawad" never as PERSON.
 * A phrase with a capital letter matches a span's text as written, an all-lower-case phrase in any
 * case; spaces and token boundaries do not matter ("Al  Qaeda" is "Al Qaeda"). Immutable.
 */
public final class Exclusions {

  /** No exclusions. */
  public static final Exclusions NONE = new Exclusions(ImmutableMap.of(), ImmutableMap.of());

  /** Phrase key to the labels it is excluded as; an empty set means every label. */
  private final ImmutableMap<String, ImmutableSet<EntityType>> exact;
  private final ImmutableMap<String, ImmutableSet<EntityType>> anyCase;

  private Exclusions(Map<String, ImmutableSet<EntityType>> exact, Map<String, ImmutableSet<EntityType>> anyCase) {
    this.exact = ImmutableMap.copyOf(exact);
    this.anyCase = ImmutableMap.copyOf(anyCase);
  }

  /**
   * These exclusions and one more.
   *
   * @param phrase the phrase never to report
   * @param type the label it is never reported as, or null for every label
   * @return the new exclusions
   */
  public Exclusions plus(String phrase, EntityType type) {
    String key = key(phrase);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("empty phrase");
    }
    boolean lower = phrase.equals(phrase.toLowerCase(Locale.ROOT));
    Map<String, ImmutableSet<EntityType>> exactCopy = new HashMap<>(exact);
    Map<String, ImmutableSet<EntityType>> anyCaseCopy = new HashMap<>(anyCase);
    Map<String, ImmutableSet<EntityType>> target = lower ? anyCaseCopy : exactCopy;
    ImmutableSet<EntityType> before = target.get(key);
    ImmutableSet<EntityType> after;
    if (type == null || before != null && before.isEmpty()) {
      after = ImmutableSet.of();
    } else {
      Set<EntityType> types = new HashSet<>(before == null ? Set.of() : before);
      types.add(type);
      after = ImmutableSet.copyOf(types);
    }
    target.put(key, after);
    return new Exclusions(exactCopy, anyCaseCopy);
  }

  /** Whether there are no exclusions. */
  public boolean isEmpty() {
    return exact.isEmpty() && anyCase.isEmpty();
  }

  /** Whether {@code entity} must not be reported. */
  public boolean excludes(Entity entity) {
    String key = key(entity.text());
    return matches(exact.get(key), entity.type()) || !anyCase.isEmpty()
        && matches(anyCase.get(key.toLowerCase(Locale.ROOT)), entity.type());
  }

  private static boolean matches(ImmutableSet<EntityType> types, EntityType type) {
    return types != null && (types.isEmpty() || types.contains(type));
  }

  private static String key(String text) {
    return String.join(" ", PtbTokenizer.INSTANCE.tokenize(text));
  }
}
