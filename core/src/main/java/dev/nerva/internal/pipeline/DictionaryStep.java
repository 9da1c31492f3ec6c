package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import dev.nerva.EntityDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs the pipeline's dictionaries and adds their spans. When dictionaries win (the default), a
 * span of the recognizers that overlaps a dictionary span is dropped, so the user's phrase is
 * what the output shows; otherwise all spans go on to overlap resolution, where the longer wins.
 */
public final class DictionaryStep implements PipelineStep {

  private final ImmutableList<EntityDictionary> dictionaries;
  private final boolean dictionariesWin;

  /**
   * @param dictionaries the dictionaries, in order
   * @param dictionariesWin whether their spans push overlapping recognizer spans out
   */
  public DictionaryStep(List<EntityDictionary> dictionaries, boolean dictionariesWin) {
    this.dictionaries = ImmutableList.copyOf(dictionaries);
    this.dictionariesWin = dictionariesWin;
  }

  @Override
  public String name() {
    return "dictionaries";
  }

  @Override
  public void apply(Analysis analysis) {
    List<Entity> found = new ArrayList<>();
    for (EntityDictionary dictionary : dictionaries) {
      found.addAll(dictionary.recognize(analysis.text(), analysis.sentences()));
    }
    if (found.isEmpty()) {
      return;
    }
    List<Entity> spans = analysis.spans();
    if (dictionariesWin) {
      // Dictionary spans by start; a recognizer span goes if any of them overlaps it.
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
