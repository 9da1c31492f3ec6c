package dev.nerva.internal.date;

/**
 * The grammatical time of the clause a date expression sits in. It decides which way an
 * expression without a year or week points: "met on Tuesday" is the Tuesday before the document
 * date, "will meet on Tuesday" the one after.
 */
public enum Tense {
  /** Past tense: "said", "was killed", "had recovered". */
  PAST,
  /** Present tense or no verb: "is", "are struggling". */
  PRESENT,
  /** Future: "will", "shall", "is going to". */
  FUTURE
}
