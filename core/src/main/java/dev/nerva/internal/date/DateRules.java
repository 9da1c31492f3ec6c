package dev.nerva.internal.date;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.tokenize.Spaces;
import dev.nerva.EntityRecognizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * <p>Model spans keep priority: see {@link dev.nerva.internal.ner.RuleSpans}. Stateless and thread-safe.
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

  // Numeric dates: only tried on sentences with a digit.
  private static final Pattern NUMERIC = Pattern.compile(
      "\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b"
          + "|\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b");

  private static final CharMatcher DIGIT = CharMatcher.inRange('0', '9');

  // Everything else needs one of these words; checking tokens first keeps most sentences away
  // from the regular expressions, which would otherwise cost more than the name finder.
  private static final ImmutableSet<String> TRIGGERS = ImmutableSet.copyOf(Iterables.concat(
      DateNormalizer.MONTHS.keySet(), DateNormalizer.WEEKDAYS.keySet(),
      ImmutableSet.of("jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
          "dec.", "today", "yesterday", "tomorrow", "week", "month", "year", "quarter", "weekend", "decade",
          "century", "days", "weeks", "months", "years", "decades", "ago", "spring", "summer", "autumn", "fall",
          "winter", "half", "christmas", "new", "valentine", "halloween", "independence", "bastille", "boxing",
          "st.", "veterans", "armistice", "bc", "ad", "bce", "ce", "b.c.", "a.d.", "q1", "q2", "q3", "q4")));

  /**
   * A word pattern whose spaces match runs of one to eight whitespace characters ("in  2022", a
   * tab): the patterns read the sentence with every Unicode space turned into an ASCII one
   * ({@link Spaces#asciiSpaces}). Bounded, so that look-behinds stay legal.
   */
  private static Pattern rule(String regex) {
    return Pattern.compile(regex.replace(" ?", "\u0001").replace(" ", "\\s{1,8}").replace("\u0001", "\\s{0,8}"));
  }

  // Rule spans start on tokens, so the patterns are only tried where a date can start.
  private static final ImmutableSet<String> STARTERS = ImmutableSet.copyOf(Iterables.concat(TRIGGERS,
      DateNormalizer.NUMBERS.keySet(), DateNormalizer.ORDINALS.keySet(),
      ImmutableSet.of("the", "last", "next", "this", "coming", "past", "previous", "early", "late", "mid", "mid-",
          "recent", "several", "few", "couple", "1st", "2nd", "3rd", "4th")));

  private static final ImmutableList<Pattern> WORD_PATTERNS = ImmutableList.of(
      // Full and partial calendar dates, optionally after a weekday.
      rule("\\b(?:" + WEEKDAY + ",? )?" + MONTH + " " + DAY + "(?:,? " + YEAR + ")?\\b"),
      rule("\\b(?:" + WEEKDAY + ",? )?(?:the )?" + DAY + " (?:of )?" + MONTH + "(?:,? " + YEAR + ")?\\b"),
      rule("\\b" + MONTH + ",? " + YEAR + "\\b"),
      rule("(?i:\\b(?:last|next|this|coming|early|late|mid-?)) ?" + MONTH + "\\b"),
      rule("(?<=\\b(?i:" + CUE + ") )" + MONTH + "(?!\\s+\\d)\\b"),
      // Weekdays, with their modifiers; "Monday night" is a time, "Black Monday" an event.
      rule("(?<!(?:Black|Cyber|Bloody|Good|Easter|Palm|Super|Ash|Holy|Blue|Manic) )"
          + "(?i:\\b(?:last|next|this|coming|late on|early on|late|early) )?" + WEEKDAY
          + "\\b(?!\\s+(?:night|morning|evening|afternoon|at \\d))"),
      // Quarters, halves and seasons.
      rule("(?i)\\b(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|last) (?:fiscal )?quarter"
          + "(?: of (?:fiscal )?" + YEAR + ")?\\b|\\bQ[1-4],? " + YEAR + "\\b"),
      rule("(?i)\\b(?:the )?(?:first|second) half of " + YEAR + "\\b"),
      rule("(?i)\\b(?:the )?" + SEASON + " of " + YEAR + "\\b|\\b(?:last|next|this|past) " + SEASON + "\\b"),
      // Decades and centuries.
      rule("(?i)\\b(?:the )?(?:early |late |mid-)?(?:1\\d|20)\\d0s\\b|\\b(?:the )?'\\d0s\\b"),
      rule("(?i)\\b(?:the )?(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
          + "|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
          + "|nineteenth|twentieth|twenty-first) century\\b"),
      // Holidays with fixed dates.
      rule("\\b(?:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|New Year’s (?:Day|Eve)|Valentine's Day"
          + "|Valentine’s Day|Halloween|Independence Day|Bastille Day|Boxing Day|St\\. Patrick's Day"
          + "|St\\. Patrick’s Day|Veterans Day|Armistice Day)(?:,? " + YEAR + ")?\\b"),
      // Relative phrases.
      rule("(?<![\"“])(?i)\\b(?:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow)\\b"
          + "(?!\\s+(?:night|morning|evening|afternoon))"),
      rule("(?<![\"“])(?i)\\b(?:last|next|this|coming|past) (?:week|month|year|quarter|weekend|decade|century)\\b"),
      rule("(?i)\\b" + COUNT + " " + UNITS + " ago\\b|\\ba (?:day|week|month|year|decade) ago\\b"),
      rule("(?i)\\b(?:the )?(?:past|last|next|coming|previous) " + COUNT + " " + UNITS + "\\b"),
      rule("(?i)\\brecent (?:years|months|weeks|decades)\\b"),
      // A bare year after a word that introduces one ("since 2022", "a 2022 coup").
      rule("(?<=\\b(?i:in|since|from|until|till|by|during|before|after|of|early|late|mid-|a|the|and|or|"
          + "to|between|through|year) )(?:1[89]\\d\\d|20\\d\\d)\\b(?![-–.,]?\\d|\\s*(?:%|percent|per cent|people|"
          + "troops|soldiers|members|units|times|votes|tons|tonnes|miles|km|kilometres|kilometers|feet|metres|meters|"
          + "dollars|euros|pounds|yuan|yen|shares|workers|jobs|cars|homes|points|pages|words))"),
      // Years with an era.
      rule("\\b\\d{1,4} (?:BC|AD|BCE|CE|B\\.C\\.|A\\.D\\.)(?!\\w)|\\bAD \\d{1,4}\\b"));

  // A fixed anchor only to test that an expression is understood; values come later.
  private static final LocalDate PROBE_ANCHOR = LocalDate.of(2000, 6, 15);

  private final DateNormalizer normalizer;

  /** Rules that read slashed dates as {@code normalizer} does. */
  public DateRules(DateNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public Set<EntityType> types() {
    return Set.of(EntityType.DATE);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> found = new ArrayList<>();
    for (Sentence sentence : sentences) {
      recognize(text, sentence, found);
    }
    return found;
  }

  // One sentence per call, and the work at each token a method of its own: the JIT then compiles
  // small methods once each, rather than the whole loop nest with the regex engine inlined, which it
  // compiled over and over at each loop's entry and took C2 seconds on one core in a first pass.
  private void recognize(String text, Sentence sentence, List<Entity> found) {
    boolean digit = false;
    boolean trigger = false;
    for (Token t : sentence.tokens()) {
      digit |= hasDigit(t.text());
      trigger |= isTrigger(t.text());
    }
    if (!digit && !trigger) {
      return;
    }
    List<Pattern> patterns = new ArrayList<>(WORD_PATTERNS.size() + 1);
    if (digit) {
      patterns.add(NUMERIC);
    }
    if (trigger) {
      patterns.addAll(WORD_PATTERNS);
    }
    Set<Integer> ends = new HashSet<>();
    for (Token t : sentence.tokens()) {
      ends.add(t.end());
    }
    String asciiSpaced = Spaces.asciiSpaces(sentence.text());
    List<Matcher> matchers = new ArrayList<>(patterns.size());
    for (Pattern pattern : patterns) {
      // Transparent bounds let look-behinds see the words before the region's start.
      matchers.add(pattern.matcher(asciiSpaced).useTransparentBounds(true).useAnchoringBounds(false));
    }
    for (Token token : sentence.tokens()) {
      if (canStartDate(token.text())) {
        addDatesAt(token.start() - sentence.start(), matchers, text, sentence.start(), ends, found);
      }
    }
  }

  private static boolean hasDigit(String form) {
    return DIGIT.matchesAnyOf(form);
  }

  private static boolean isTrigger(String form) {
    return TRIGGERS.contains(Ascii.toLowerCase(form)) || form.endsWith("0s")
        || form.length() == 4 && DIGIT.matchesAllOf(form);
  }

  private static boolean canStartDate(String form) {
    return Character.isDigit(form.charAt(0)) || form.startsWith("'") && form.length() > 1
        && Character.isDigit(form.charAt(1)) || STARTERS.contains(Ascii.toLowerCase(form));
  }

  /**
   * Adds each pattern's match that starts at {@code from} in the sentence, ends on a token's end
   * and is a date the normaliser understands.
   */
  private void addDatesAt(int from, List<Matcher> matchers, String text, int sentenceStart, Set<Integer> ends,
      List<Entity> found) {
    for (Matcher m : matchers) {
      m.region(from, m.regionEnd()); // from this token to the end of the sentence
      if (!m.lookingAt() || m.end() == m.start() || !ends.contains(sentenceStart + m.end())) {
        continue;
      }
      int start = sentenceStart + m.start();
      int end = sentenceStart + m.end();
      String covered = text.substring(start, end);
      if (normalizer.normalize(covered, () -> Tense.PAST, PROBE_ANCHOR).isEmpty()) {
        continue;
      }
      found.add(new Entity(EntityType.DATE, start, end, covered, CONFIDENCE, NAME));
    }
  }
}
