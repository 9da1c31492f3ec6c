package dev.nerva.ner;

import com.google.common.collect.ImmutableMap;
import dev.nerva.EntityType;
import java.util.Optional;

/**
 * How the labels of OntoNotes-trained name finders map onto Nerva's types. GPE (countries,
 * cities, states) and LOC (regions, continents, natural features) both become {@link
 * EntityType#LOCATION}; the country resolver then turns the sovereign countries among them into
 * {@link EntityType#COUNTRY}. The other OntoNotes types (NORP, FAC, CARDINAL, ...) are trained so
 * that they compete with ours, and are dropped from the output.
 */
public final class OntoNotesLabels {

  /** The mapping from OntoNotes labels to Nerva types. */
  public static final ImmutableMap<String, EntityType> TO_NERVA =
      ImmutableMap.of(
          "PERSON", EntityType.PERSON,
          "ORG", EntityType.ORGANIZATION,
          "GPE", EntityType.LOCATION,
          "LOC", EntityType.LOCATION,
          "DATE", EntityType.DATE);

  private OntoNotesLabels() {}

  /** The Nerva type of an OntoNotes label, or empty for labels Nerva does not report. */
  public static Optional<EntityType> toNerva(String label) {
    return Optional.ofNullable(TO_NERVA.get(label));
  }
}
