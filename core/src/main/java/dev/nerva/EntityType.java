package dev.nerva;

import com.google.common.base.CharMatcher;
import com.google.common.base.Preconditions;

/**
 * The type of an entity span, such as {@link #PERSON} or {@link #COUNTRY}.
 *
 * <p>The five predefined constants are the types Nerva's bundled models produce. The set is open:
 * recognizers of your own (dictionaries, other models) may produce any label through {@link
 * #of(String)}. Two types are equal when their names are equal: compare them with {@code equals}.
 * {@link #of(String)} returns the predefined constant for a predefined name, so {@code
 * EntityType.of("PERSON") == EntityType.PERSON} holds too, but {@code new EntityType("PERSON")} is
 * another, equal, instance.
 *
 * <p>A record rather than an enum because the set is open; JSON libraries write it as {@code
 * {"name": "PERSON"}}. Immutable and safe to share between threads.
 *
 * @param name the label, upper-case letters, digits and underscores, as written in JSON output
 */
public record EntityType(String name) {

  // Declared before the constants, which need it while the class initialises.
  private static final CharMatcher LABEL_CHARS =
      CharMatcher.inRange('A', 'Z').or(CharMatcher.inRange('0', '9')).or(CharMatcher.is('_'));

  /** A person, real or fictional: "Vladimir Putin", "Mr Belousov". */
  public static final EntityType PERSON = new EntityType("PERSON");
  /** A company, agency, institution or other organised group: "United Nations", "Wagner". */
  public static final EntityType ORGANIZATION = new EntityType("ORGANIZATION");
  /** A sovereign country; its normalised value is the ISO 3166-1 alpha-2 code. */
  public static final EntityType COUNTRY = new EntityType("COUNTRY");
  /** A calendar date or period: "July 2024", "Tuesday", "the past three years". */
  public static final EntityType DATE = new EntityType("DATE");
  /** A place that is not a sovereign country: a city, region, continent or natural feature. */
  public static final EntityType LOCATION = new EntityType("LOCATION");

  /**
   * Creates a type; prefer {@link #of(String)}, which returns the constants for the predefined
   * types.
   *
   * @param name the label
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is empty or has characters other than
   *     upper-case ASCII letters, digits and underscores
   */
  public EntityType {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(
        !name.isEmpty() && LABEL_CHARS.matchesAllOf(name),
        "entity type name must be upper-case letters, digits or '_': %s",
        name);
  }

  /**
   * Returns the type with this name: the predefined constant for PERSON, ORGANIZATION, COUNTRY,
   * DATE and LOCATION, a new instance otherwise.
   *
   * @param name the label
   * @return the type
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is not a valid label (see the constructor)
   */
  public static EntityType of(String name) {
    switch (String.valueOf(name)) {
      case "PERSON": return PERSON;
      case "ORGANIZATION": return ORGANIZATION;
      case "COUNTRY": return COUNTRY;
      case "DATE": return DATE;
      case "LOCATION": return LOCATION;
      default: return new EntityType(name);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  // Written out, as a record's would be: the generated ones are linked on first call, which cost
  // start-up time, and every pipeline hashes types as it is built.
  @Override
  public boolean equals(Object other) {
    return other instanceof EntityType type && name.equals(type.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
