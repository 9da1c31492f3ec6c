package dev.nerva.eval;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exact-match span scores per type: a predicted span counts only if its start, end and type all
 * equal a gold span's. Not thread-safe; one instance per evaluation.
 */
public final class SpanScores {

  /** A span reduced to what exact matching compares. */
  public record Key(int start, int end, String type) {}

  private final Map<String, int[]> counts = new TreeMap<>(); // type -> {true positives, predicted, gold}

  /** Adds one unit (sentence or document) of gold and predicted spans. */
  public void add(Set<Key> gold, Set<Key> predicted) {
    for (Key g : gold) {
      row(g.type())[2]++;
    }
    for (Key p : predicted) {
      int[] row = row(p.type());
      row[1]++;
      if (gold.contains(p)) {
        row[0]++;
      }
    }
  }

  private int[] row(String type) {
    return counts.computeIfAbsent(type, t -> new int[3]);
  }

  /** Precision, recall and F1 of one type, or of several types pooled (micro average). */
  public double[] prf(Collection<String> types) {
    int tp = 0;
    int predicted = 0;
    int gold = 0;
    for (String type : types) {
      int[] row = counts.getOrDefault(type, new int[3]);
      tp += row[0];
      predicted += row[1];
      gold += row[2];
    }
    double p = predicted == 0 ? 0 : (double) tp / predicted;
    double r = gold == 0 ? 0 : (double) tp / gold;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {p, r, f, gold};
  }

  /** A Markdown table of the given types and their micro average. */
  public String table(Collection<String> types) {
    StringBuilder out = new StringBuilder("| type | precision | recall | F1 | gold spans |\n|---|---|---|---|---|\n");
    for (String type : types) {
      out.append(line(type, prf(java.util.List.of(type))));
    }
    out.append(line("micro (" + String.join("+", types) + ")", prf(types)));
    return out.toString();
  }

  private static String line(String name, double[] prf) {
    return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", name, prf[0], prf[1], prf[2], (int) prf[3]);
  }
}
