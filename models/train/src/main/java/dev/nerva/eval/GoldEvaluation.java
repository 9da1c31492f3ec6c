package dev.nerva.eval;

import dev.nerva.Entity;
import dev.nerva.Nerva;
import dev.nerva.train.AnnotatedData.AnnotatedDocument;
import dev.nerva.train.AnnotatedData.LabeledSpan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a pipeline against a user's gold annotations, as {@code spacy evaluate} does: each
 * document's text goes through the pipeline, and its entities are compared with the gold spans
 * per label, by exact match (same start, end and label) and by overlap (a predicted span counts
 * if it shares a character with a gold span of its label; a gold span is found if a predicted
 * span of its label overlaps it). Labels are compared by name: gold data should use the
 * pipeline's (PERSON, ORGANIZATION, COUNTRY, DATE, LOCATION and your own).
 */
public final class GoldEvaluation {

  /** Counts of one label. */
  private static final class Counts {
    int gold;
    int predicted;
    int exact;
    int predictedOverlapping;
    int goldOverlapped;
  }

  private final Map<String, Counts> byLabel = new TreeMap<>();
  private int documents;

  private GoldEvaluation() {}

  /**
   * Runs {@code nerva} over the documents and scores it.
   *
   * @param nerva the pipeline to score
   * @param gold the gold documents
   * @return the scores
   */
  public static GoldEvaluation evaluate(Nerva nerva, List<AnnotatedDocument> gold) {
    GoldEvaluation evaluation = new GoldEvaluation();
    for (AnnotatedDocument document : gold) {
      evaluation.add(document.spans(), nerva.process(document.text()).entities());
    }
    return evaluation;
  }

  private void add(List<LabeledSpan> gold, List<Entity> predicted) {
    documents++;
    for (LabeledSpan g : gold) {
      Counts counts = counts(g.label());
      counts.gold++;
      if (predicted.stream().anyMatch(p -> p.type().name().equals(g.label()) && overlaps(p, g))) {
        counts.goldOverlapped++;
      }
    }
    for (Entity p : predicted) {
      Counts counts = counts(p.type().name());
      counts.predicted++;
      if (gold.stream().anyMatch(g -> g.label().equals(p.type().name()) && g.start() == p.start() && g.end() == p.end())) {
        counts.exact++;
      }
      if (gold.stream().anyMatch(g -> g.label().equals(p.type().name()) && overlaps(p, g))) {
        counts.predictedOverlapping++;
      }
    }
  }

  private Counts counts(String label) {
    return byLabel.computeIfAbsent(label, l -> new Counts());
  }

  private static boolean overlaps(Entity p, LabeledSpan g) {
    return p.start() < g.end() && g.start() < p.end();
  }

  /**
   * Exact-match precision, recall and F1 of a label.
   *
   * @param label the label
   * @return {precision, recall, F1}
   */
  public double[] exact(String label) {
    Counts c = byLabel.getOrDefault(label, new Counts());
    return prf(c.exact, c.predicted, c.exact, c.gold);
  }

  /**
   * Overlap-match precision, recall and F1 of a label.
   *
   * @param label the label
   * @return {precision, recall, F1}
   */
  public double[] overlap(String label) {
    Counts c = byLabel.getOrDefault(label, new Counts());
    return prf(c.predictedOverlapping, c.predicted, c.goldOverlapped, c.gold);
  }

  private static double[] prf(int precise, int predicted, int recalled, int gold) {
    double p = predicted == 0 ? 0 : (double) precise / predicted;
    double r = gold == 0 ? 0 : (double) recalled / gold;
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }

  /** A Markdown table: one row per label seen in gold or output, and all labels pooled. */
  public String table() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%d documents%n| label | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |%n"
            + "|---|---|---|---|---|---|---|---|---|%n", documents));
    Counts all = new Counts();
    for (Map.Entry<String, Counts> entry : byLabel.entrySet()) {
      Counts c = entry.getValue();
      row(out, entry.getKey(), c);
      all.gold += c.gold;
      all.predicted += c.predicted;
      all.exact += c.exact;
      all.predictedOverlapping += c.predictedOverlapping;
      all.goldOverlapped += c.goldOverlapped;
    }
    row(out, "all", all);
    return out.toString();
  }

  private static void row(StringBuilder out, String label, Counts c) {
    double[] exact = prf(c.exact, c.predicted, c.exact, c.gold);
    double[] overlap = prf(c.predictedOverlapping, c.predicted, c.goldOverlapped, c.gold);
    out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", label,
        c.gold, c.predicted, exact[0], exact[1], exact[2], overlap[0], overlap[1], overlap[2]));
  }
}
