package dev.nerva.internal.ner;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a set of spans non-overlapping, deterministically: longer spans win over shorter ones,
 * then higher confidence, then the earlier start, then the type name and recognizer name in
 * alphabetical order. The survivors are returned in text order. Stateless and thread-safe.
 */
public final class OverlapResolver {

  private static final Comparator<Entity> PRIORITY =
      Comparator.comparingInt(Entity::length).reversed()
          .thenComparing(Comparator.comparingDouble(Entity::confidence).reversed())
          .thenComparingInt(Entity::start)
          .thenComparing(e -> e.type().name())
          .thenComparing(Entity::recognizer);

  private OverlapResolver() {}

  /** Returns the spans that survive, in order of their start offsets. */
  public static ImmutableList<Entity> resolve(List<Entity> spans) {
    List<Entity> byPriority = new ArrayList<>(spans);
    byPriority.sort(PRIORITY);
    // Kept spans never overlap, so the neighbours by start offset are the only possible clashes.
    TreeMap<Integer, Entity> kept = new TreeMap<>();
    for (Entity candidate : byPriority) {
      Map.Entry<Integer, Entity> before = kept.floorEntry(candidate.start());
      if (before != null && before.getValue().end() > candidate.start()) {
        continue;
      }
      Map.Entry<Integer, Entity> after = kept.ceilingEntry(candidate.start());
      if (after != null && after.getValue().start() < candidate.end()) {
        continue;
      }
      kept.put(candidate.start(), candidate);
    }
    return ImmutableList.copyOf(kept.values());
  }
}
