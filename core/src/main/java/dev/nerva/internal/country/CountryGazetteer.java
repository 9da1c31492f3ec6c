package dev.nerva.internal.country;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.EntityRecognizer;
import dev.nerva.internal.tokenize.PtbTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the names of sovereign countries written as in the country table, capitalised, on token
 * boundaries: "Burkina Faso", "Niger", "Ivory Coast". It backs up the statistical model on
 * countries that are rare in its training data; the pipeline merges its spans with the model's
 * through {@link dev.nerva.internal.ner.RuleSpans}, so a model span of another type ("Chad" the person,
 * "China Airlines" the company) always wins, and a place span it extends ("Burkina") is replaced.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CountryGazetteer implements EntityRecognizer {

  /** The recognizer name stored in its spans. */
  public static final String NAME = "countries";

  /** The confidence given to its spans. */
  public static final double CONFIDENCE = 0.85;

  private final CountryResolver countries;
  private final ImmutableListMultimap<String, ImmutableList<String>> namesByFirstToken;

  /** A gazetteer over the names of {@code countries}. */
  public CountryGazetteer(CountryResolver countries) {
    this.countries = Preconditions.checkNotNull(countries, "countries");
    ImmutableListMultimap.Builder<String, ImmutableList<String>> names = ImmutableListMultimap.builder();
    for (String name : countries.names()) {
      ImmutableList<String> tokens = ImmutableList.copyOf(PtbTokenizer.INSTANCE.tokenize(name.replace('’', '\'')));
      // Only capitalised names: "the States" or lower-case words are too ambiguous without a model.
      if (!tokens.isEmpty() && Character.isUpperCase(tokens.get(0).charAt(0))) {
        names.put(tokens.get(0), tokens);
      }
    }
    this.namesByFirstToken = names.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<EntityType> types() {
    return Set.of(EntityType.COUNTRY);
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> found = new ArrayList<>();
    for (Sentence sentence : sentences) {
      List<Token> tokens = sentence.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        int longest = 0;
        for (ImmutableList<String> name : namesByFirstToken.get(tokens.get(i).text().replace('’', '\''))) {
          if (name.size() > longest && matches(tokens, i, name)) {
            longest = name.size();
          }
        }
        if (longest == 0) {
          continue;
        }
        int start = tokens.get(i).start();
        int end = tokens.get(i + longest - 1).end();
        String covered = text.substring(start, end);
        Optional<String> code = countries.codeOf(covered);
        if (code.isPresent()) {
          found.add(new Entity(EntityType.COUNTRY, start, end, covered, CONFIDENCE, NAME, code.get()));
        }
        i += longest - 1;
      }
    }
    return found;
  }

  private static boolean matches(List<Token> tokens, int from, List<String> name) {
    if (from + name.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < name.size(); k++) {
      if (!tokens.get(from + k).text().replace('’', '\'').equals(name.get(k))) {
        return false;
      }
    }
    return true;
  }
}
