package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import dev.nerva.internal.dictionary.Exclusions;

/** Drops the spans the user's exclusion list names, before overlap resolution picks among the rest. */
public final class ExclusionStep implements PipelineStep {

  private final Exclusions exclusions;

  /** A step dropping what {@code exclusions} names. */
  public ExclusionStep(Exclusions exclusions) {
    this.exclusions = Preconditions.checkNotNull(exclusions, "exclusions");
  }

  @Override
  public String name() {
    return "exclusions";
  }

  @Override
  public void apply(Analysis analysis) {
    analysis.spans().removeIf(exclusions::excludes);
  }
}
