package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.country.CountryResolver;
import dev.nerva.internal.tokenize.TrueCaser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes a document agree with itself about its names, after the sentence-by-sentence pass: a name
 * found in one place is found at its other occurrences the recognizers left unlabelled, a
 * person's surname alone, an organisation's acronym introduced as "Full Name (ACR)" and a
 * county's, province's or river's name without its head ("Taoyuan" after "Taoyuan County") inherit
 * the name's type, and one string gets one type per document by confidence-weighted vote, unless
 * the text itself said what the string is: a span of the organisation-cue step ("the Wagner
 * mercenary group") decides its string's type for the whole document, over any number of
 * guesses from context ("Wagner said").
 *
 * <p>Conservative by design: only names written with a capital, only exact occurrences on token
 * boundaries, never a single word the casing lexicon says is usually lower case ("Union",
 * "Reading"), never a single word found only at the start of sentences; a propagated span's
 * confidence is below its source's (0.8 of it), and it is named "consistency".
 */
public final class DocumentConsistency implements PipelineStep {

  private static final ImmutableSet<EntityType> NAMES = ImmutableSet.of(
      EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.COUNTRY);
  static final String NAME = "consistency";
  private static final double DISCOUNT = 0.8;
  private static final Pattern WHITESPACE = Pattern.compile("\\s");

  private final TrueCaser casing;
  private final CountryResolver countries;

  /**
   * @param casing the lexicon that says which words are usually lower case
   * @param countries turns a propagated place that names a country into that country
   */
  public DocumentConsistency(TrueCaser casing, CountryResolver countries) {
    this.casing = casing;
    this.countries = countries;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** What the document says about one string: its votes per type and where it was found. */
  private static final class Evidence {
    final Map<EntityType, Double> votes = new LinkedHashMap<>();
    final List<String> tokens;
    double confidence;
    int count;
    /** The type the text states outright (an organisation cue), which no vote overrides. */
    EntityType stated;
    boolean notSentenceInitial;
    String normalized;

    Evidence(List<String> tokens) {
      this.tokens = tokens;
    }

    EntityType winner() {
      if (stated != null) {
        return stated;
      }
      return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
  }

  // Each pass over the document is a method of its own: one long method with all its loops was
  // compiled by the JIT several times over (loop entries first, then the whole), which cost more
  // compile time on one core than the step itself took in the first pass over a batch.
  @Override
  public void apply(Analysis analysis) {
    List<Entity> spans = analysis.spans();
    List<Token> tokens = new ArrayList<>();
    Set<Integer> sentenceInitial = new HashSet<>();
    for (Sentence sentence : analysis.sentences()) {
      if (!sentence.tokens().isEmpty()) {
        sentenceInitial.add(sentence.tokens().get(0).start());
      }
      tokens.addAll(sentence.tokens());
    }
    if (spans.isEmpty() || tokens.isEmpty()) {
      return;
    }
    Map<Integer, Integer> tokenAt = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      tokenAt.put(tokens.get(i).start(), i);
    }
    Map<String, Evidence> evidence = evidence(spans, tokens, tokenAt, sentenceInitial);
    addAliases(evidence, analysis.text(), spans, tokenAt, tokens);
    List<Entity> added = unlabelledOccurrences(analysis.text(), spans, tokens, evidence);
    List<Entity> result = withOneTypePerString(spans, evidence);
    result.addAll(added);
    result.sort(Comparator.comparingInt(Entity::start));
    analysis.spans(result);
  }

  /** What each name string was found as. */
  private static Map<String, Evidence> evidence(List<Entity> spans, List<Token> tokens, Map<Integer, Integer> tokenAt,
      Set<Integer> sentenceInitial) {
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    for (Entity span : spans) {
      if (!NAMES.contains(span.type()) || !Character.isUpperCase(span.text().codePointAt(0))
          || span.recognizer().equals(NAME)) {
        continue;
      }
      Integer first = tokenAt.get(span.start());
      if (first == null) {
        continue; // the span starts inside a token (a cut possessive or title): no token sequence
      }
      List<String> words = wordsOf(span, tokens, first);
      if (words.isEmpty()) {
        continue;
      }
      Evidence e = evidence.computeIfAbsent(span.text(), t -> new Evidence(words));
      EntityType type = span.type().equals(EntityType.COUNTRY) ? EntityType.LOCATION : span.type();
      e.votes.merge(type, span.confidence(), Double::sum);
      e.confidence += span.confidence();
      e.count++;
      if (span.recognizer().equals(OrganisationCues.NAME)) {
        e.stated = type;
      }
      e.notSentenceInitial |= !sentenceInitial.contains(span.start());
      if (span.normalized() != null) {
        e.normalized = span.normalized();
      }
    }
    return evidence;
  }

  /** The words of the tokens a span covers from token {@code first}; none unless they spell the span. */
  private static List<String> wordsOf(Entity span, List<Token> tokens, int first) {
    List<String> words = new ArrayList<>();
    for (int i = first; i < tokens.size() && tokens.get(i).end() <= span.end(); i++) {
      words.add(tokens.get(i).text());
    }
    String spelled = WHITESPACE.matcher(span.text()).replaceAll("");
    return String.join("", words).replace(" ", "").equals(spelled) ? words : List.of();
  }

  /** The occurrences of the strings found that no span covers, as spans of the string's type. */
  private List<Entity> unlabelledOccurrences(String text, List<Entity> spans, List<Token> tokens,
      Map<String, Evidence> evidence) {
    TreeMap<Integer, Integer> covered = new TreeMap<>();
    for (Entity span : spans) {
      covered.merge(span.start(), span.end(), Math::max);
    }
    Map<String, List<Evidence>> byFirstWord = new HashMap<>();
    for (Evidence e : evidence.values()) {
      boolean single = e.tokens.size() == 1;
      if (single && (!e.notSentenceInitial || casing.usuallyLowerCase(e.tokens.get(0)))) {
        continue;
      }
      byFirstWord.computeIfAbsent(e.tokens.get(0), w -> new ArrayList<>()).add(e);
    }
    // Longest first, once: the loop below tries them at every token that starts one.
    byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Evidence e) -> e.tokens.size()).reversed()));
    List<Entity> added = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      List<Evidence> candidates = byFirstWord.get(tokens.get(i).text());
      if (candidates != null) {
        i = addOccurrenceAt(i, candidates, text, tokens, covered, added);
      }
    }
    return added;
  }

  /**
   * Adds the longest candidate string that occurs from token {@code i} and overlaps no span, if
   * any; returns the index of the last token it takes ({@code i} if none).
   */
  private int addOccurrenceAt(int i, List<Evidence> candidates, String text, List<Token> tokens,
      TreeMap<Integer, Integer> covered, List<Entity> added) {
    for (Evidence e : candidates) {
      int last = i + e.tokens.size() - 1;
      if (last >= tokens.size() || !matches(tokens, i, e.tokens)) {
        continue;
      }
      int start = tokens.get(i).start();
      int end = tokens.get(last).end();
      if (overlapsAny(covered, start, end)) {
        return i;
      }
      double confidence = Math.min(1.0, DISCOUNT * e.confidence / e.count);
      added.add(countries.resolve(new Entity(e.winner(), start, end, text.substring(start, end), confidence,
          NAME, null)));
      covered.put(start, end);
      return last;
    }
    return i;
  }

  /** The spans, where one lost its string's vote with the winner's type. */
  private List<Entity> withOneTypePerString(List<Entity> spans, Map<String, Evidence> evidence) {
    List<Entity> result = new ArrayList<>(spans.size() + 16);
    for (Entity span : spans) {
      Evidence e = evidence.get(span.text());
      if (e != null && NAMES.contains(span.type()) && e.votes.size() > 1) {
        EntityType winner = e.winner();
        EntityType own = span.type().equals(EntityType.COUNTRY) ? EntityType.LOCATION : span.type();
        if (!winner.equals(own) && (e.stated != null || e.votes.get(winner) > 2 * e.votes.get(own))) {
          span = countries.resolve(new Entity(winner, span.start(), span.end(), span.text(),
              Math.min(span.confidence(), DISCOUNT * e.confidence / e.count), span.recognizer(), null));
        }
      }
      result.add(span);
    }
    return result;
  }

  /**
   * Place names whose first word alone names the same place: "Taoyuan County", "Pali Rural
   * Township", "the Tanshui River" ("Taoyuan", "Pali", "Tanshui").
   */
  private static final ImmutableSet<String> ALIASED_PLACE_HEADS = ImmutableSet.of(
      "County", "Province", "Township", "Prefecture", "Municipality", "Governorate", "Region", "District", "River");
  /** Words between such a name and its head: "Pali Rural Township". */
  private static final ImmutableSet<String> PLACE_QUALIFIERS = ImmutableSet.of(
      "Rural", "Urban", "Autonomous", "Special", "Administrative", "Metropolitan");

  /**
   * A person's surname alone; an organisation's acronym given in brackets after its name; a
   * county's or province's or river's name without its head noun.
   */
  private void addAliases(Map<String, Evidence> evidence, String text, List<Entity> spans,
      Map<Integer, Integer> tokenAt, List<Token> tokens) {
    Map<String, Evidence> aliases = new LinkedHashMap<>();
    for (Entity span : spans) {
      Evidence source = evidence.get(span.text());
      if (source == null) {
        continue;
      }
      if (span.type().equals(EntityType.PERSON) && source.tokens.size() >= 2) {
        String surname = source.tokens.get(source.tokens.size() - 1);
        if (surname.length() > 1 && Character.isUpperCase(surname.codePointAt(0))
            && !casing.usuallyLowerCase(surname)) {
          alias(aliases, surname, EntityType.PERSON, span.confidence());
        }
      }
      if (span.type().equals(EntityType.LOCATION) && source.tokens.size() >= 2
          && ALIASED_PLACE_HEADS.contains(source.tokens.get(source.tokens.size() - 1))) {
        List<String> name = source.tokens.subList(0, source.tokens.size() - 1).stream()
            .filter(w -> !PLACE_QUALIFIERS.contains(w)).toList();
        String word = name.size() == 1 ? name.get(0) : "";
        if (word.length() > 1 && Character.isUpperCase(word.codePointAt(0)) && !casing.usuallyLowerCase(word)) {
          alias(aliases, word, EntityType.LOCATION, span.confidence());
        }
      }
      if (span.type().equals(EntityType.ORGANIZATION)) {
        Integer next = tokenAt.get(nextTokenStart(text, span.end()));
        if (next != null && next + 2 < tokens.size() && tokens.get(next).text().equals("(")
            && tokens.get(next + 2).text().equals(")")) {
          String acronym = tokens.get(next + 1).text();
          if (acronym.length() >= 2 && acronym.chars().allMatch(c -> Character.isUpperCase(c) || c == '&')) {
            alias(aliases, acronym, EntityType.ORGANIZATION, span.confidence());
          }
        }
      }
    }
    for (Map.Entry<String, Evidence> alias : aliases.entrySet()) {
      evidence.putIfAbsent(alias.getKey(), alias.getValue());
    }
  }

  private static void alias(Map<String, Evidence> aliases, String word, EntityType type, double confidence) {
    Evidence e = aliases.computeIfAbsent(word, w -> new Evidence(List.of(w)));
    e.votes.merge(type, confidence, Double::sum);
    e.confidence += confidence;
    e.count++;
    e.notSentenceInitial = true;
  }

  private static int nextTokenStart(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean matches(List<Token> tokens, int from, List<String> words) {
    for (int w = 0; w < words.size(); w++) {
      if (!tokens.get(from + w).text().equals(words.get(w))) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlapsAny(TreeMap<Integer, Integer> covered, int start, int end) {
    Map.Entry<Integer, Integer> before = covered.floorEntry(start);
    if (before != null && before.getValue() > start) {
      return true;
    }
    Map.Entry<Integer, Integer> after = covered.ceilingEntry(start);
    return after != null && after.getKey() < end;
  }
}
