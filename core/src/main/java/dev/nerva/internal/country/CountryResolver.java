package dev.nerva.internal.country;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.Shared;
import dev.nerva.internal.tokenize.Spaces;
import dev.nerva.ModelLoadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which place spans name a sovereign country, and which country: "Burkina Faso" is
 * {@code BF}, "U.S." and "America" are {@code US}, "Ivory Coast" is {@code CI}. Cities, regions
 * and continents ("Moscow", "Sahel", "Africa") are not countries.
 *
 * <p>The names come from a table (code, name, aliases) that starts from {@link
 * Locale#getISOCountries()} with dependent territories removed, plus the names news text uses.
 * Matching ignores case, a leading "the", the kind of apostrophe and runs of whitespace.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CountryResolver {

  /** The bundled table: tab-separated ISO code, English name and '|'-separated aliases. */
  public static final String BUNDLED_TABLE = "/dev/nerva/internal/country/countries.tsv";

  private static final CharMatcher WHITESPACE = CharMatcher.forPredicate(Spaces::isSpace);

  private final ImmutableMap<String, String> codeByName;
  private final ImmutableMap<String, String> nameByCode;
  private final ImmutableSet<String> names;

  private CountryResolver(ImmutableMap<String, String> codeByName, ImmutableMap<String, String> nameByCode,
      ImmutableSet<String> names) {
    this.codeByName = codeByName;
    this.nameByCode = nameByCode;
    this.names = names;
  }

  /** Every name and alias in the table, as written there: a gazetteer for model features. */
  public ImmutableSet<String> names() {
    return names;
  }

  /** The resolver over the bundled table of sovereign countries. */
  public static CountryResolver bundled() {
    return BUNDLED.get();
  }

  // Not a static initialiser: a failed load must not poison the class, and is reported on every call.
  private static final Shared<CountryResolver> BUNDLED = Shared.of(() ->
      ClasspathModels.load(BUNDLED_TABLE, "dev.nerva:nerva-core", in -> fromTable(in, BUNDLED_TABLE)));

  /**
   * Reads a table in the bundled format: lines of code, name and optional aliases separated by
   * tabs, aliases separated by '|'; lines starting with '#' are comments.
   *
   * @throws ModelLoadException naming {@code source} if a line is malformed or a name is claimed
   *     by two codes
   */
  public static CountryResolver fromTable(InputStream in, String source) {
    Preconditions.checkNotNull(in, "in");
    Map<String, String> codeByName = new HashMap<>();
    ImmutableMap.Builder<String, String> nameByCode = ImmutableMap.builder();
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = Splitter.on('\t').splitToList(line);
        if (fields.size() < 2 || !fields.get(0).matches("[A-Z]{2}") || fields.get(1).isBlank()) {
          throw new ModelLoadException(source + ":" + lineNumber + ": expected CODE<TAB>name[<TAB>aliases]");
        }
        String code = fields.get(0);
        nameByCode.put(code, fields.get(1));
        addName(codeByName, fields.get(1), code, source, lineNumber);
        names.add(fields.get(1));
        if (fields.size() > 2) {
          for (String alias : Splitter.on('|').omitEmptyStrings().trimResults().split(fields.get(2))) {
            addName(codeByName, alias, code, source, lineNumber);
            names.add(alias);
          }
        }
      }
    } catch (IOException e) {
      throw new ModelLoadException("cannot read country table " + source, e);
    }
    return new CountryResolver(ImmutableMap.copyOf(codeByName), nameByCode.buildOrThrow(), names.build());
  }

  private static void addName(Map<String, String> codeByName, String name, String code, String source, int line) {
    String key = key(name);
    String previous = codeByName.putIfAbsent(key, code);
    if (previous != null && !previous.equals(code)) {
      throw new ModelLoadException(source + ":" + line + ": '" + name + "' names both " + previous + " and " + code);
    }
  }

  /**
   * The ISO 3166-1 alpha-2 code of the country {@code name} names, or empty if it names none.
   */
  public Optional<String> codeOf(String name) {
    Preconditions.checkNotNull(name, "name");
    return Optional.ofNullable(codeByName.get(key(name)));
  }

  /** The English name of the country with this ISO code, or empty if the table has none. */
  public Optional<String> nameOf(String code) {
    Preconditions.checkNotNull(code, "code");
    return Optional.ofNullable(nameByCode.get(Ascii.toUpperCase(code)));
  }

  /**
   * Returns {@code entity} as a {@link EntityType#COUNTRY} with its ISO code if it is a {@link
   * EntityType#LOCATION} that names a country, an {@link EntityType#ORGANIZATION} whose whole
   * capitalised text is a country's name, or a {@link EntityType#PERSON} whose whole capitalised
   * text is a country's name of several words; otherwise returns it unchanged. Statistical models
   * mistake rare countries ("Mali, Niger and Burkina Faso", "Burkina Faso’s prime minister") for
   * organisations or people; an organisation named exactly like a country is rarer still, and
   * people called "Jordan" or "Chad" keep their type, since one-word names are left alone.
   */
  public Entity resolve(Entity entity) {
    Preconditions.checkNotNull(entity, "entity");
    String text = entity.text();
    boolean capitalised = !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    boolean place = entity.type().equals(EntityType.LOCATION);
    boolean organisation = entity.type().equals(EntityType.ORGANIZATION) && capitalised;
    boolean person = entity.type().equals(EntityType.PERSON) && capitalised
        && WHITESPACE.matchesAnyOf(WHITESPACE.trimFrom(text));
    if (!place && !organisation && !person) {
      return entity;
    }
    return codeOf(entity.text())
        .map(code -> entity.withType(EntityType.COUNTRY, code))
        .orElse(entity);
  }

  private static String key(String name) {
    String key = WHITESPACE.trimAndCollapseFrom(name, ' ').replace('’', '\'').toLowerCase(Locale.ROOT);
    return key.startsWith("the ") ? key.substring(4) : key;
  }
}
