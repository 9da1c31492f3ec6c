package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Names followed by a noun that says what they are: "the Wagner mercenary group", "Azawad
 * militants", "Houthi rebels". A capitalised name directly before such a noun is an
 * organisation: it is added where no recognizer found anything, and replaces a PERSON span the
 * model was unsure of (below 0.5). Spans of other types (a NORP "Palestinian", a place) are left
 * alone. New spans get confidence 0.6 and the recognizer name "cues"; the document-consistency
 * step then carries them to the name's other mentions ("Wagner said").
 */
public final class OrganisationCues implements PipelineStep {

  static final String NAME = "cues";
  private static final double CONFIDENCE = 0.6;
  private static final double UNSURE_PERSON = 0.5;

  /** Nouns that, right after a name, make it a group of people acting together. */
  private static final ImmutableSet<String> CUES = ImmutableSet.of(
      "group", "mercenaries", "mercenary", "militia", "militias", "militants", "rebels", "insurgents", "fighters",
      "brigade", "battalion", "movement", "faction", "jihadists", "paramilitaries", "gang", "cartel");

  /** Capitalised at a sentence start, never part of the name. */
  private static final ImmutableSet<String> DETERMINERS = ImmutableSet.of(
      "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "many", "all",
      "two", "three", "several", "armed", "local", "rival", "foreign", "islamist", "islamic");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(Analysis analysis) {
    TreeMap<Integer, Entity> byStart = new TreeMap<>();
    for (Entity span : analysis.spans()) {
      byStart.merge(span.start(), span, (a, b) -> a.length() >= b.length() ? a : b);
    }
    List<Entity> added = new ArrayList<>();
    List<Entity> replaced = new ArrayList<>();
    for (Sentence sentence : analysis.sentences()) {
      List<Token> tokens = sentence.tokens();
      for (int cue = 1; cue < tokens.size(); cue++) {
        if (!CUES.contains(tokens.get(cue).text().toLowerCase(Locale.ROOT))) {
          continue;
        }
        // The capitalised words just before the cue, up to three: "Wagner", "Islamic State".
        int first = cue;
        while (first > 0 && cue - first < 3 && capitalised(tokens.get(first - 1).text())
            && !DETERMINERS.contains(tokens.get(first - 1).text().toLowerCase(Locale.ROOT))) {
          first--;
        }
        if (first == cue) {
          continue;
        }
        int start = tokens.get(first).start();
        int end = tokens.get(cue - 1).end();
        Entity existing = overlapping(byStart, start, end);
        if (existing == null) {
          added.add(new Entity(EntityType.ORGANIZATION, start, end, analysis.text().substring(start, end), CONFIDENCE,
              NAME));
        } else if (existing.type().equals(EntityType.PERSON) && existing.confidence() < UNSURE_PERSON
            && existing.start() >= start && existing.end() <= end) {
          replaced.add(existing);
          added.add(new Entity(EntityType.ORGANIZATION, existing.start(), existing.end(), existing.text(),
              CONFIDENCE, NAME));
        }
      }
    }
    if (added.isEmpty()) {
      return;
    }
    List<Entity> spans = new ArrayList<>(analysis.spans());
    spans.removeAll(replaced);
    spans.addAll(added);
    analysis.spans(spans);
  }

  private static boolean capitalised(String word) {
    return word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
  }

  private static Entity overlapping(TreeMap<Integer, Entity> byStart, int start, int end) {
    var before = byStart.floorEntry(start);
    if (before != null && before.getValue().end() > start) {
      return before.getValue();
    }
    var after = byStart.ceilingEntry(start);
    return after != null && after.getKey() < end ? after.getValue() : null;
  }
}
