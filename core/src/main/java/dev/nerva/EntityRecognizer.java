package dev.nerva;

import java.util.List;
import java.util.Set;

/**
 * Finds entity spans in tokenized text: implement it to add spans of your own, from a dictionary,
 * rules or another model, with {@link Nerva.Builder#recognizer(EntityRecognizer)}.
 *
 * <p>A pipeline runs every recognizer over each document and resolves overlapping spans: longer
 * spans win, then higher confidence. Types may be any {@link EntityType}, the five predefined
 * ones or labels of your own ({@code EntityType.of("WEAPON")}); spans of the types a recognizer
 * you add {@linkplain #types() declares} appear in the output without further settings.
 *
 * <p><b>Thread safety:</b> a shared {@link Nerva} pipeline calls {@link #recognize} from several
 * threads at once, so implementations must be safe for that: keep per-call state local.
 */
public interface EntityRecognizer {

  /**
   * The recognizer's name.
   *
   * @return a short name stored in every span this recognizer produces, e.g. "ner-en"
   */
  String name();

  /**
   * The types of the spans this recognizer may produce. A pipeline refuses to be built with
   * {@link Nerva.Builder#outputTypes output types} that none of its parts can produce.
   *
   * @return the types, never null
   */
  Set<EntityType> types();

  /**
   * Returns the spans found in one document.
   *
   * @param text the original text
   * @param sentences its sentences and tokens, in order
   * @return spans whose offsets index into {@code text}; they may overlap each other
   */
  List<Entity> recognize(String text, List<Sentence> sentences);
}
