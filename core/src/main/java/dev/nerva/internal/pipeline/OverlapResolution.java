package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.internal.ner.OverlapResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes the spans non-overlapping (see {@link OverlapResolver}), then keeps those of the types the
 * pipeline reports: spans of hidden types (the OntoNotes labels beyond Nerva's five) take part in
 * the overlap resolution, so a date inside an event name is not reported, and are then dropped.
 */
public final class OverlapResolution implements PipelineStep {

  private final ImmutableSet<EntityType> reported;
  private final ImmutableSet<EntityType> hidden;

  /**
   * @param reported the types to report, or null to report every type but {@code hidden}
   * @param hidden the types not reported when {@code reported} is null
   */
  public OverlapResolution(Set<EntityType> reported, Set<EntityType> hidden) {
    this.reported = reported == null ? null : ImmutableSet.copyOf(reported);
    this.hidden = ImmutableSet.copyOf(hidden);
  }

  @Override
  public String name() {
    return "overlaps";
  }

  @Override
  public void apply(Analysis analysis) {
    List<Entity> kept = new ArrayList<>();
    for (Entity entity : OverlapResolver.resolve(analysis.spans())) {
      if (reported == null ? !hidden.contains(entity.type()) : reported.contains(entity.type())) {
        kept.add(entity);
      }
    }
    analysis.spans(kept);
  }
}
