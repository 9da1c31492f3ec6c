package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import dev.nerva.internal.country.CountryResolver;
import java.util.Set;

/** Turns place spans that name a sovereign country into COUNTRY spans with their ISO code. */
public final class CountryResolution implements PipelineStep {

  private final CountryResolver resolver;
  private final ImmutableSet<String> untouched;

  /**
   * @param resolver the country table
   * @param untouched recognizers whose spans keep their type (dictionaries)
   */
  public CountryResolution(CountryResolver resolver, Set<String> untouched) {
    this.resolver = Preconditions.checkNotNull(resolver, "resolver");
    this.untouched = ImmutableSet.copyOf(untouched);
  }

  @Override
  public String name() {
    return "country-resolution";
  }

  @Override
  public void apply(Analysis analysis) {
    analysis.spans().replaceAll(e -> untouched.contains(e.recognizer()) ? e : resolver.resolve(e));
  }
}
