package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import dev.nerva.internal.country.CountryResolver;

/** Turns place spans that name a sovereign country into COUNTRY spans with their ISO code. */
public final class CountryResolution implements PipelineStep {

  private final CountryResolver resolver;

  /** A step resolving against {@code resolver}'s table. */
  public CountryResolution(CountryResolver resolver) {
    this.resolver = Preconditions.checkNotNull(resolver, "resolver");
  }

  @Override
  public String name() {
    return "country-resolution";
  }

  @Override
  public void apply(Analysis analysis) {
    analysis.spans().replaceAll(resolver::resolve);
  }
}
