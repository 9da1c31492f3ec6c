package dev.nerva.internal.ner;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.nerva.EntityType;
import java.util.Optional;

/**
 * How the labels of OntoNotes-trained name finders map onto Nerva's types. GPE (countries,
 * cities, states) and LOC (regions, continents, natural features) both become {@link
 * EntityType#LOCATION}; the country resolver then turns the sovereign countries among them into
 * {@link EntityType#COUNTRY}. The other OntoNotes types (NORP, FAC, CARDINAL, TIME, ...) keep their
 * OntoNotes names ({@code EntityType.of("NORP")}): a pipeline does not report them unless asked
 * ({@code Nerva.Builder.outputTypes}), but they hold their place, so that the date rules do not
 * call a span the model labelled TIME or EVENT a date, nor the country gazetteer an NORP span a
 * country.
 */
public final class OntoNotesLabels {

  /** The OntoNotes types Nerva does not report by default, under their own names. */
  public static final ImmutableSet<String> OTHER_LABELS = ImmutableSet.of(
      "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE",
      "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL");

  /** The Nerva types of {@link #OTHER_LABELS}. */
  public static final ImmutableSet<EntityType> OTHER_TYPES =
      OTHER_LABELS.stream().map(EntityType::of).collect(ImmutableSet.toImmutableSet());

  /** The mapping from OntoNotes labels to Nerva types. */
  public static final ImmutableMap<String, EntityType> TO_NERVA = mapping();

  private static ImmutableMap<String, EntityType> mapping() {
    ImmutableMap.Builder<String, EntityType> labels = ImmutableMap.<String, EntityType>builder()
        .put("PERSON", EntityType.PERSON)
        .put("ORG", EntityType.ORGANIZATION)
        .put("GPE", EntityType.LOCATION)
        .put("LOC", EntityType.LOCATION)
        .put("DATE", EntityType.DATE);
    OTHER_LABELS.forEach(label -> labels.put(label, EntityType.of(label)));
    return labels.buildOrThrow();
  }

  private OntoNotesLabels() {}

  /** The Nerva type of an OntoNotes label, or empty for a label OntoNotes does not have. */
  public static Optional<EntityType> toNerva(String label) {
    return Optional.ofNullable(TO_NERVA.get(label));
  }
}
