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
 *
 * <p>The text also says what a name is where it describes it: "Kraftwerk is an electronic band
 * formed in ...", "Danone, the French food company, ...". A capitalised name that opens a sentence
 * followed by "is/are/was/were a/an/the", or that is followed by ", a/an/the", and then by up to
 * four words and a noun for a kind of organisation that ends the description (a comma, "based",
 * "founded", "from"... or the sentence's end follows it, so "a former company director" is not
 * one) is an organisation, whatever the model guessed for it (a PERSON or LOCATION span it covers
 * is replaced). Descriptions headed by a kind of place ("Tessit is a village in ...", "Gao, the
 * capital of ...") make the name a LOCATION the same way.
 */
public final class OrganisationCues implements PipelineStep {

  static final String NAME = "cues";
  static final double CONFIDENCE = 0.6;
  private static final double UNSURE_PERSON = 0.5;

  /** Nouns that, right after a name, make it a group of people acting together. */
  private static final ImmutableSet<String> CUES = ImmutableSet.of(
      "group", "mercenaries", "mercenary", "militia", "militias", "militants", "rebels", "insurgents", "fighters",
      "brigade", "battalion", "movement", "faction", "jihadists", "paramilitaries", "gang", "cartel");

  /** Nouns for kinds of organisation, heads of a description such as "an English rock band". */
  private static final ImmutableSet<String> KINDS = ImmutableSet.of(
      "band", "company", "club", "broadcaster", "firm", "airline", "bank", "carmaker", "automaker", "manufacturer",
      "retailer", "team", "party", "network", "agency", "organisation", "organization", "charity", "newspaper",
      "label", "studio", "conglomerate", "corporation", "startup", "insurer", "brand", "franchise", "ngo",
      "alliance", "union", "orchestra", "choir", "duo", "trio", "quartet", "supergroup", "multinational", "chain",
      "group"); // not "producer", "publisher", "maker", "operator": people are those too

  /** Nouns for kinds of place, heads of a description such as "a small village" or "the capital". */
  private static final ImmutableSet<String> PLACE_KINDS = ImmutableSet.of(
      "village", "town", "city", "river", "district", "province", "region", "county", "municipality", "commune",
      "suburb", "island", "lake", "mountain", "valley", "capital", "port", "oasis", "settlement", "hamlet",
      "neighbourhood", "neighborhood", "borough", "prefecture", "governorate", "archipelago", "peninsula",
      "desert", "plateau", "seaport", "township", "canton", "emirate");

  /** Words that may end a description right after its head noun. */
  private static final ImmutableSet<String> AFTER_KIND = ImmutableSet.of(
      ",", ".", ";", ":", "that", "which", "based", "founded", "formed", "in", "from", "owned", "headquartered",
      "with", "and", "whose", "known", "listed", "created", "established", "registered", "operating", "run",
      "led", "of", "on", "at", "since", "for", "—", "--", "-RRB-", ")");

  private static final ImmutableSet<String> COPULAS = ImmutableSet.of("is", "are", "was", "were");
  private static final ImmutableSet<String> ARTICLES = ImmutableSet.of("a", "an", "the");

  /** Capitalised at a sentence start, never part of the name. */
  static final ImmutableSet<String> DETERMINERS = ImmutableSet.of(
      "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "many", "all",
      "two", "three", "several", "armed", "local", "rival", "foreign", "islamist", "islamic");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(Analysis analysis) {
    TreeMap<Integer, Entity> byStart = longestByStart(analysis.spans());
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
    for (Sentence sentence : analysis.sentences()) {
      described(sentence.tokens(), byStart, analysis.text(), added, replaced);
    }
    edit(analysis, replaced, added);
  }

  /** "X is a ... band", "X, the ... company": the name X, if the sentence describes one so. */
  private static void described(List<Token> tokens, TreeMap<Integer, Entity> byStart, String text,
      List<Entity> added, List<Entity> replaced) {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      String word = tokens.get(i).text();
      boolean copula = COPULAS.contains(word);
      boolean apposition = word.equals(",");
      if (!copula && !apposition || !ARTICLES.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      // The name: capitalised words (and '&' between them) just before; a copula's name opens the sentence.
      int first = i;
      while (first > 0 && i - first < 4 && (capitalised(tokens.get(first - 1).text())
          || tokens.get(first - 1).text().equals("&") && first - 1 > 0 && first < i)) {
        first--;
      }
      int runStart = first;
      if (first < i && DETERMINERS.contains(tokens.get(first).text().toLowerCase(Locale.ROOT))) {
        first++; // "The Rolling Stones are ...": the name without its article
      }
      if (first == i || copula && runStart != 0) {
        continue;
      }
      EntityType kind = describedKind(tokens, i + 2);
      if (kind == null) {
        continue;
      }
      int start = tokens.get(first).start();
      int end = tokens.get(i - 1).end();
      if (added.stream().anyMatch(a -> a.start() < end && start < a.end())) {
        continue; // a group cue found it already
      }
      Entity existing = overlapping(byStart, start, end);
      if (existing == null) {
        added.add(new Entity(kind, start, end, text.substring(start, end), CONFIDENCE, NAME));
      } else if (REPLACEABLE.contains(existing.type()) && !existing.type().equals(kind)
          && existing.start() >= start && existing.end() <= end && !replaced.contains(existing)) {
        replaced.add(existing);
        added.add(new Entity(kind, existing.start(), existing.end(), existing.text(), CONFIDENCE, NAME));
      }
    }
  }

  /** The types a description may correct: a model's guess between people, places and organisations. */
  private static final ImmutableSet<EntityType> REPLACEABLE =
      ImmutableSet.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);

  /**
   * ORGANIZATION or LOCATION if up to four words from {@code from} end in a kind of organisation or
   * place that ends the description; null otherwise.
   */
  private static EntityType describedKind(List<Token> tokens, int from) {
    for (int k = from; k < tokens.size() && k <= from + 4; k++) {
      String word = tokens.get(k).text().toLowerCase(Locale.ROOT);
      boolean organisation = KINDS.contains(word);
      if (organisation || PLACE_KINDS.contains(word)) {
        boolean ends = k + 1 == tokens.size() || AFTER_KIND.contains(tokens.get(k + 1).text().toLowerCase(Locale.ROOT));
        return !ends ? null : organisation ? EntityType.ORGANIZATION : EntityType.LOCATION;
      }
      if (word.equals(",") || word.equals(".") || COPULAS.contains(word)) {
        return null;
      }
    }
    return null;
  }

  static boolean capitalised(String word) {
    return word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
  }

  /** The spans by start, the longest where two start together. */
  static TreeMap<Integer, Entity> longestByStart(List<Entity> spans) {
    TreeMap<Integer, Entity> byStart = new TreeMap<>();
    for (Entity span : spans) {
      byStart.merge(span.start(), span, (a, b) -> a.length() >= b.length() ? a : b);
    }
    return byStart;
  }

  /** Takes {@code replaced} out of the analysis's spans and puts {@code added} in. */
  static void edit(Analysis analysis, List<Entity> replaced, List<Entity> added) {
    if (added.isEmpty()) {
      return;
    }
    List<Entity> spans = new ArrayList<>(analysis.spans());
    spans.removeAll(replaced);
    spans.addAll(added);
    analysis.spans(spans);
  }

  static Entity overlapping(TreeMap<Integer, Entity> byStart, int start, int end) {
    var before = byStart.floorEntry(start);
    if (before != null && before.getValue().end() > start) {
      return before.getValue();
    }
    var after = byStart.ceilingEntry(start);
    return after != null && after.getKey() < end ? after.getValue() : null;
  }
}
