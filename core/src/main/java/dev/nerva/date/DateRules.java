package dev.nerva.date;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.ner.EntityRecognizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based date detection that complements a statistical model: numeric and ISO dates, day-
 * month-year forms with abbreviations, weekdays, months, quarters, seasons, decades, centuries,
 * fixed-date holidays and relative phrases ("three days ago", "the day before yesterday", "late
 * on Tuesday"). A match counts only if it starts and ends on token boundaries and {@link
 * DateNormalizer} understands it, so bare numbers ("40 countries", "a 2-1 win", "1,500 troops",
 * phone numbers) never become dates.
 *
 * <p>Model spans keep priority: see {@link #merge(List, List)}. Stateless and thread-safe.
 */
public final class DateRules implements EntityRecognizer {

  /** The recognizer name stored in rule spans. */
  public static final String NAME = "date-rules";

  /** The confidence given to rule spans. */
  public static final double CONFIDENCE = 0.9;

  private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
      + "|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)";
  private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:1\\d{3}|20\\d{2})";
  private static final String COUNT = "(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|fifteen|twenty|thirty|forty|fifty|a few|several|a couple of)";
  private static final String UNITS = "(?:days|weeks|months|years|decades)";
  private static final String CUE = "(?:in|since|until|till|by|from|through|during|of|early|late|mid-|last|next|this|"
      + "before|after|on|to|and|or|between)";
  private static final String SEASON = "(?:spring|summer|autumn|fall|winter)";

  private static final ImmutableList<Pattern> PATTERNS = ImmutableList.of(
      // Numeric dates.
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b"
          + "|\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b"),
      // Full and partial calendar dates, optionally after a weekday.
      Pattern.compile("\\b(?:" + WEEKDAY + ",? )?" + MONTH + " " + DAY + "(?:,? " + YEAR + ")?\\b"),
      Pattern.compile("\\b(?:" + WEEKDAY + ",? )?(?:the )?" + DAY + " (?:of )?" + MONTH + "(?:,? " + YEAR + ")?\\b"),
      Pattern.compile("\\b" + MONTH + ",? " + YEAR + "\\b"),
      Pattern.compile("(?i:\\b(?:last|next|this|coming|early|late|mid-?)) ?" + MONTH + "\\b"),
      Pattern.compile("(?<=\\b(?i:" + CUE + ") )" + MONTH + "(?!\\s+\\d)\\b"),
      // Weekdays, with their modifiers.
      Pattern.compile("(?i:\\b(?:last|next|this|coming|late on|early on|late|early) )?" + WEEKDAY + "\\b"),
      // Quarters, halves and seasons.
      Pattern.compile("(?i)\\b(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|last) (?:fiscal )?quarter"
          + "(?: of (?:fiscal )?" + YEAR + ")?\\b|\\bQ[1-4],? " + YEAR + "\\b"),
      Pattern.compile("(?i)\\b(?:the )?(?:first|second) half of " + YEAR + "\\b"),
      Pattern.compile("(?i)\\b(?:the )?" + SEASON + " of " + YEAR + "\\b|\\b(?:last|next|this|past) " + SEASON + "\\b"),
      // Decades and centuries.
      Pattern.compile("(?i)\\b(?:the )?(?:early |late |mid-)?(?:1\\d|20)\\d0s\\b|\\b(?:the )?'\\d0s\\b"),
      Pattern.compile("(?i)\\b(?:the )?(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
          + "|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
          + "|nineteenth|twentieth|twenty-first) century\\b"),
      // Holidays with fixed dates.
      Pattern.compile("\\b(?:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|New Year’s (?:Day|Eve)|Valentine's Day"
          + "|Valentine’s Day|Halloween|Independence Day|Bastille Day|Boxing Day|St\\. Patrick's Day"
          + "|St\\. Patrick’s Day|Veterans Day|Armistice Day)(?:,? " + YEAR + ")?\\b"),
      // Relative phrases.
      Pattern.compile("(?i)\\b(?:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow)\\b"),
      Pattern.compile("(?i)\\b(?:last|next|this|coming|past) (?:week|month|year|quarter|weekend|decade|century)\\b"),
      Pattern.compile("(?i)\\b" + COUNT + " " + UNITS + " ago\\b|\\ba (?:day|week|month|year|decade) ago\\b"),
      Pattern.compile("(?i)\\b(?:the )?(?:past|last|next|coming|previous) " + COUNT + " " + UNITS + "\\b"),
      Pattern.compile("(?i)\\brecent (?:years|months|weeks|decades)\\b"),
      // Years with an era.
      Pattern.compile("\\b\\d{1,4} (?:BC|AD|BCE|CE|B\\.C\\.|A\\.D\\.)(?!\\w)|\\bAD \\d{1,4}\\b"));

  // A fixed anchor only to test that an expression is understood; values come later.
  private static final LocalDate PROBE_ANCHOR = LocalDate.of(2000, 6, 15);

  private final DateNormalizer normalizer;

  /** Rules that read slashed dates as {@code normalizer} does. */
  public DateRules(DateNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> found = new ArrayList<>();
    for (Sentence sentence : sentences) {
      Set<Integer> starts = new HashSet<>();
      Set<Integer> ends = new HashSet<>();
      for (Token t : sentence.tokens()) {
        starts.add(t.start());
        ends.add(t.end());
      }
      List<Entity> inSentence = new ArrayList<>();
      for (Pattern pattern : PATTERNS) {
        Matcher m = pattern.matcher(sentence.text());
        while (m.find()) {
          int start = sentence.start() + m.start();
          int end = sentence.start() + m.end();
          if (m.end() == m.start() || !starts.contains(start) || !ends.contains(end)) {
            continue;
          }
          String covered = text.substring(start, end);
          if (normalizer.normalize(covered, () -> Tense.PAST, PROBE_ANCHOR).isEmpty()) {
            continue;
          }
          inSentence.add(new Entity(EntityType.DATE, start, end, covered, CONFIDENCE, NAME, Optional.empty()));
        }
      }
      found.addAll(inSentence);
    }
    return found;
  }

  /**
   * Merges rule spans into model spans: a rule span is added where it overlaps no model span of
   * any type, and it replaces model DATE spans it strictly contains ("July" becomes "July 2024");
   * otherwise the model's spans stand. Among overlapping rule spans the longest wins.
   *
   * @return all model spans that stand, plus the rule spans that were taken
   */
  public static List<Entity> merge(List<Entity> modelSpans, List<Entity> ruleSpans) {
    // Model spans by start; they may overlap each other, so look back by the longest one's length.
    TreeMap<Integer, List<Entity>> modelByStart = new TreeMap<>();
    int longest = 0;
    for (Entity model : modelSpans) {
      modelByStart.computeIfAbsent(model.start(), k -> new ArrayList<>()).add(model);
      longest = Math.max(longest, model.length());
    }
    List<Entity> rules = new ArrayList<>(ruleSpans);
    rules.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.start() - b.start());
    TreeMap<Integer, Entity> taken = new TreeMap<>();
    Set<Entity> replaced = new HashSet<>();
    for (Entity rule : rules) {
      Map.Entry<Integer, Entity> before = taken.floorEntry(rule.start());
      Map.Entry<Integer, Entity> after = taken.ceilingEntry(rule.start());
      if (before != null && before.getValue().overlaps(rule) || after != null && after.getValue().overlaps(rule)) {
        continue;
      }
      boolean blocked = false;
      List<Entity> contained = new ArrayList<>();
      for (List<Entity> group : modelByStart.subMap(rule.start() - longest, true, rule.end(), false).values()) {
        for (Entity model : group) {
          if (!model.overlaps(rule)) {
            continue;
          }
          boolean inside = model.start() >= rule.start() && model.end() <= rule.end() && model.length() < rule.length();
          if (model.type().equals(EntityType.DATE) && inside) {
            contained.add(model);
          } else {
            blocked = true;
          }
        }
      }
      if (!blocked) {
        taken.put(rule.start(), rule);
        replaced.addAll(contained);
      }
    }
    List<Entity> merged = new ArrayList<>(modelSpans.size() + taken.size());
    for (Entity model : modelSpans) {
      if (!replaced.contains(model)) {
        merged.add(model);
      }
    }
    merged.addAll(taken.values());
    return merged;
  }
}
