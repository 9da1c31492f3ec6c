package dev.nerva.ner;

import dev.nerva.Entity;
import dev.nerva.Sentence;
import java.util.List;

/**
 * Finds entity spans in tokenized text. Nerva runs every recognizer of a pipeline over each
 * document and resolves their overlapping spans (see {@link OverlapResolver}).
 *
 * <p>Implement it to add spans of your own, from a dictionary or another model; the types may be
 * any {@link dev.nerva.EntityType}. Implementations used by a shared {@link dev.nerva.Nerva}
 * pipeline must be safe to call from several threads at once: keep per-call state local.
 */
public interface EntityRecognizer {

  /** A short name stored in every span this recognizer produces, e.g. "ner-en". */
  String name();

  /**
   * Returns the spans found in one document.
   *
   * @param text the original text
   * @param sentences its sentences and tokens, in order
   * @return spans whose offsets index into {@code text}; they may overlap each other
   */
  List<Entity> recognize(String text, List<Sentence> sentences);
}
