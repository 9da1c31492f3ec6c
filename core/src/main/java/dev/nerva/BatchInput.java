package dev.nerva;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One document of a batch for {@link Nerva#processAll}: its text, an id of your choosing that
 * comes back with its result, and its date if known. Immutable.
 *
 * @param id an id for the result, such as a file name or database key; may be null
 * @param text the document's text
 * @param documentDate the date relative dates resolve against, or null if unknown
 */
public record BatchInput(String id, String text, LocalDate documentDate) {

  /**
   * Checks the input.
   *
   * @param id an id for the result; may be null
   * @param text the document's text
   * @param documentDate its date, or null
   * @throws NullPointerException if {@code text} is null
   */
  public BatchInput {
    Objects.requireNonNull(text, "text");
  }

  /**
   * An input with an id and no date.
   *
   * @param id an id for the result; may be null
   * @param text the document's text
   * @return the input
   */
  public static BatchInput of(String id, String text) {
    return new BatchInput(id, text, null);
  }
}
