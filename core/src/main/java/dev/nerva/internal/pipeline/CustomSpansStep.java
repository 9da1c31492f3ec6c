package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs the user's own dictionaries and name finders and adds their spans. When they win (the
 * default), a span of the other recognizers (the bundled models) that overlaps one of theirs is
 * dropped, so what the user taught the pipeline is what the output shows; otherwise all spans go
 * on to overlap resolution, where the longer wins.
 */
public final class CustomSpansStep implements PipelineStep {

  private final ImmutableList<EntityRecognizer> custom;
  private final boolean customWin;

  /**
   * @param custom the user's dictionaries and name finders, in order
   * @param customWin whether their spans push overlapping spans of the other recognizers out
   */
  public CustomSpansStep(List<EntityRecognizer> custom, boolean customWin) {
    this.custom = ImmutableList.copyOf(custom);
    this.customWin = customWin;
  }

  @Override
  public String name() {
    return "custom-spans";
  }

  @Override
  public void apply(Analysis analysis) {
    List<Entity> found = new ArrayList<>();
    for (EntityRecognizer recognizer : custom) {
      found.addAll(recognizer.recognize(analysis.text(), analysis.sentences()));
    }
    if (found.isEmpty()) {
      return;
    }
    List<Entity> spans = analysis.spans();
    if (customWin) {
      // Custom spans by start; another recognizer's span goes if any of them overlaps it.
      TreeMap<Integer, Integer> ends = new TreeMap<>();
      int longest = 0;
      for (Entity e : found) {
        ends.merge(e.start(), e.end(), Math::max);
        longest = Math.max(longest, e.length());
      }
      List<Entity> kept = new ArrayList<>(spans.size() + found.size());
      for (Entity span : spans) {
        boolean overlapped = false;
        for (var entry : ends.subMap(span.start() - longest, true, span.end(), false).entrySet()) {
          if (entry.getValue() > span.start()) {
            overlapped = true;
            break;
          }
        }
        if (!overlapped) {
          kept.add(span);
        }
      }
      spans = kept;
    }
    spans.addAll(found);
    analysis.spans(spans);
  }
}
