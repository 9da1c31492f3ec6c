package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import dev.nerva.internal.country.CountryResolver;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import java.util.ArrayList;
import java.util.List;
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
    List<Entity> resolved = new ArrayList<>(analysis.spans().size());
    for (Entity span : analysis.spans()) {
      if (untouched.contains(span.recognizer())) {
        resolved.add(span);
      } else {
        List<Entity> countries = listedCountries(span);
        if (countries.isEmpty()) {
          resolved.add(resolver.resolve(span));
        } else {
          resolved.addAll(countries);
        }
      }
    }
    analysis.spans(resolved);
  }

  /**
   * "Mali/Niger/Chad" or "Mali & Niger" taken as one name: one COUNTRY span per country when
   * every part between the separators names one; empty otherwise.
   */
  private List<Entity> listedCountries(Entity span) {
    String text = span.text();
    if (text.indexOf('/') < 0 && text.indexOf('&') < 0) {
      return List.of();
    }
    List<Entity> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '/' && text.charAt(i) != '&') {
        continue;
      }
      int start = from;
      int end = i;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      String part = text.substring(start, end);
      if (part.isEmpty() || resolver.codeOf(part).isEmpty()) {
        return List.of();
      }
      parts.add(new Entity(EntityType.COUNTRY, span.start() + start, span.start() + end, part, span.confidence(),
          span.recognizer(), resolver.codeOf(part).get()));
      from = i + 1;
    }
    return parts.size() > 1 ? parts : List.of();
  }
}
