package dev.nerva.internal.pipeline;

import dev.nerva.EntityType;

/**
 * Reports the name finder's facilities (OntoNotes FAC: airports, bridges, roads, buildings) as
 * LOCATION, before name clean-up, so that "the Golden Gate Bridge" loses its article as places do.
 */
public final class FacilitiesAsLocations implements PipelineStep {

  private static final EntityType FAC = EntityType.of("FAC");

  @Override
  public String name() {
    return "facilities";
  }

  @Override
  public void apply(Analysis analysis) {
    analysis.spans().replaceAll(e -> e.type().equals(FAC) ? e.withType(EntityType.LOCATION, e.normalized()) : e);
  }
}
