package dev.nerva.internal.pipeline;

import dev.nerva.Entity;
import dev.nerva.Sentence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one document while the steps run: its text, date and sentences, and the
 * spans found so far. Made per call and used by one thread.
 */
public final class Analysis {

  private final String text;
  private final LocalDate documentDate;
  private final List<Sentence> sentences;
  private List<Entity> spans = new ArrayList<>();

  /**
   * @param text the document's text
   * @param documentDate its date, or null when unknown
   * @param sentences its sentences and tokens
   */
  public Analysis(String text, LocalDate documentDate, List<Sentence> sentences) {
    this.text = text;
    this.documentDate = documentDate;
    this.sentences = sentences;
  }

  /** The document's text. */
  public String text() {
    return text;
  }

  /** The document's date, or null when unknown. */
  public LocalDate documentDate() {
    return documentDate;
  }

  /** The document's sentences. */
  public List<Sentence> sentences() {
    return sentences;
  }

  /** The spans found so far; a step may replace them. */
  public List<Entity> spans() {
    return spans;
  }

  /** Replaces the spans found so far. */
  public void spans(List<Entity> replacement) {
    this.spans = replacement;
  }
}
