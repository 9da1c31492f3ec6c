package dev.nerva.internal.date;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import dev.nerva.SlashOrder;
import dev.nerva.internal.tokenize.Spaces;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a date expression its TIMEX3 {@code value}, following the TimeML conventions HeidelTime
 * and SUTime use: "2024-07" for "July 2024", "2024-06-05" for "5 June 2024", "199X" for "the
 * 1990s", "20XX" for "the 21st century", "2024-Q3", "2023-SU", "2024-W35" for "last week",
 * "P3Y" for "the past three years", "PAST_REF" for "recently", "XXXX-06" for a June whose year
 * cannot be known.
 *
 * <p>Relative expressions ("Tuesday", "last year", "two years ago") resolve against an anchor
 * date, normally the document's date; the tense of the clause decides which way a bare weekday or
 * month points. Without an anchor they keep only what the expression itself says ("XXXX-06",
 * "XXXX-WXX-2") or get no value.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DateNormalizer {

  static final ImmutableMap<String, Integer> MONTHS = ImmutableMap.<String, Integer>builder()
      .put("january", 1).put("jan", 1).put("february", 2).put("feb", 2).put("march", 3).put("mar", 3)
      .put("april", 4).put("apr", 4).put("may", 5).put("june", 6).put("jun", 6).put("july", 7).put("jul", 7)
      .put("august", 8).put("aug", 8).put("september", 9).put("sept", 9).put("sep", 9).put("october", 10)
      .put("oct", 10).put("november", 11).put("nov", 11).put("december", 12).put("dec", 12).buildOrThrow();

  static final ImmutableMap<String, DayOfWeek> WEEKDAYS = ImmutableMap.<String, DayOfWeek>builder()
      .put("monday", DayOfWeek.MONDAY).put("tuesday", DayOfWeek.TUESDAY).put("wednesday", DayOfWeek.WEDNESDAY)
      .put("thursday", DayOfWeek.THURSDAY).put("friday", DayOfWeek.FRIDAY).put("saturday", DayOfWeek.SATURDAY)
      .put("sunday", DayOfWeek.SUNDAY).put("mon", DayOfWeek.MONDAY).put("tue", DayOfWeek.TUESDAY)
      .put("tues", DayOfWeek.TUESDAY).put("wed", DayOfWeek.WEDNESDAY).put("thu", DayOfWeek.THURSDAY)
      .put("thur", DayOfWeek.THURSDAY).put("thurs", DayOfWeek.THURSDAY).put("fri", DayOfWeek.FRIDAY)
      .put("sat", DayOfWeek.SATURDAY).put("sun", DayOfWeek.SUNDAY).buildOrThrow();

  static final ImmutableMap<String, Integer> NUMBERS = ImmutableMap.<String, Integer>builder()
      .put("a", 1).put("an", 1).put("one", 1).put("two", 2).put("three", 3).put("four", 4).put("five", 5)
      .put("six", 6).put("seven", 7).put("eight", 8).put("nine", 9).put("ten", 10).put("eleven", 11)
      .put("twelve", 12).put("thirteen", 13).put("fourteen", 14).put("fifteen", 15).put("sixteen", 16)
      .put("seventeen", 17).put("eighteen", 18).put("nineteen", 19).put("twenty", 20).put("thirty", 30)
      .put("forty", 40).put("fifty", 50).put("sixty", 60).put("seventy", 70).put("eighty", 80)
      .put("ninety", 90).put("hundred", 100).buildOrThrow();

  static final ImmutableMap<String, Integer> ORDINALS = ImmutableMap.<String, Integer>builder()
      .put("first", 1).put("second", 2).put("third", 3).put("fourth", 4).put("fifth", 5).put("sixth", 6)
      .put("seventh", 7).put("eighth", 8).put("ninth", 9).put("tenth", 10).put("eleventh", 11)
      .put("twelfth", 12).put("thirteenth", 13).put("fourteenth", 14).put("fifteenth", 15)
      .put("sixteenth", 16).put("seventeenth", 17).put("eighteenth", 18).put("nineteenth", 19)
      .put("twentieth", 20).put("twenty-first", 21).put("twenty first", 21).buildOrThrow();

  static final ImmutableMap<String, String> SEASONS = ImmutableMap.of(
      "spring", "SP", "summer", "SU", "autumn", "FA", "fall", "FA", "winter", "WI");

  static final ImmutableMap<String, MonthDay> HOLIDAYS = ImmutableMap.<String, MonthDay>builder()
      .put("new year's day", MonthDay.of(1, 1)).put("new year's eve", MonthDay.of(12, 31))
      .put("christmas", MonthDay.of(12, 25)).put("christmas day", MonthDay.of(12, 25))
      .put("christmas eve", MonthDay.of(12, 24)).put("boxing day", MonthDay.of(12, 26))
      .put("valentine's day", MonthDay.of(2, 14)).put("st. patrick's day", MonthDay.of(3, 17))
      .put("st patrick's day", MonthDay.of(3, 17)).put("may day", MonthDay.of(5, 1))
      .put("independence day", MonthDay.of(7, 4)).put("bastille day", MonthDay.of(7, 14))
      .put("halloween", MonthDay.of(10, 31)).put("veterans day", MonthDay.of(11, 11))
      .put("armistice day", MonthDay.of(11, 11)).put("all saints' day", MonthDay.of(11, 1))
      .put("international women's day", MonthDay.of(3, 8)).put("labour day", MonthDay.of(5, 1))
      .buildOrThrow();

  private static final Map<String, String> REFERENCES = ImmutableMap.<String, String>builder()
      .put("recently", "PAST_REF").put("lately", "PAST_REF").put("in the past", "PAST_REF")
      .put("the past", "PAST_REF").put("previously", "PAST_REF").put("formerly", "PAST_REF")
      .put("once", "PAST_REF").put("now", "PRESENT_REF").put("right now", "PRESENT_REF")
      .put("currently", "PRESENT_REF").put("at present", "PRESENT_REF").put("nowadays", "PRESENT_REF")
      .put("these days", "PRESENT_REF").put("present", "PRESENT_REF").put("the present", "PRESENT_REF")
      .put("in the future", "FUTURE_REF").put("the future", "FUTURE_REF").put("future", "FUTURE_REF")
      .put("in future", "FUTURE_REF").put("soon", "FUTURE_REF").put("someday", "FUTURE_REF")
      .put("one day", "FUTURE_REF").put("past", "PAST_REF").put("recent years", "PAST_REF")
      .put("recent months", "PAST_REF").put("recent weeks", "PAST_REF").put("recent days", "PAST_REF")
      .put("recent decades", "PAST_REF").put("coming years", "FUTURE_REF").put("coming months", "FUTURE_REF")
      .put("coming weeks", "FUTURE_REF").put("coming days", "FUTURE_REF").put("years to come", "FUTURE_REF")
      .buildOrThrow();

  private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october"
      + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String YEAR = "(\\d{4}|'\\d{2})";
  private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?";
  private static final String UNIT = "(day|week|month|year|decade|century|quarter|weekend|fortnight)";
  private static final String COUNT = "(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
      + "|seventy|eighty|ninety|a few|several|few|many|some|a couple of|a hundred)";

  private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})");
  private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(MONTH + " " + DAY + ",? " + YEAR);
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(DAY + " (?:of )?" + MONTH + ",? " + YEAR);
  private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + ",? (?:of )?" + YEAR);
  private static final Pattern MONTH_DAY = Pattern.compile(MONTH + " " + DAY);
  private static final Pattern DAY_MONTH = Pattern.compile(DAY + " (?:of )?" + MONTH);
  private static final Pattern MONTH_ONLY = Pattern.compile(MONTH);
  private static final Pattern YEAR_ONLY = Pattern.compile("(?:the year |fiscal |fy ?)?(\\d{4}|'\\d{2})");
  private static final Pattern ERA_YEAR = Pattern.compile("(?:the year )?(?:ad |a\\.d\\. )?(\\d{1,4})(?: (ad|a\\.d\\.|ce|bc|b\\.c\\.|bce))?");
  private static final Pattern DECADE = Pattern.compile("(\\d{3})0'?s|'(\\d)0s");
  private static final Pattern DECADE_WORD = Pattern.compile("(?:the )?(?:(nineteen|twenty) )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)");
  private static final Pattern CENTURY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th) century|(\\w+(?:[- ]first)?) century");
  private static final Pattern QUARTER = Pattern.compile("(first|second|third|fourth|last|1st|2nd|3rd|4th) (?:fiscal )?quarter(?: of)?(?: (?:fiscal )?" + YEAR + ")?|q([1-4])(?:,? " + YEAR + ")?");
  private static final Pattern HALF = Pattern.compile("(first|second) half(?: of)?(?: " + YEAR + ")?");
  private static final Pattern SEASON = Pattern.compile("(spring|summer|autumn|fall|winter)(?: of)?(?: " + YEAR + ")?");
  private static final Pattern WEEKDAY_ONLY = Pattern.compile(WEEKDAY + "(?: (?:morning|afternoon|evening|night))?");
  private static final Pattern RELATIVE = Pattern.compile("(last|past|previous|next|coming|this|current|following) "
      + "(day|week|month|year|decade|century|quarter|weekend|spring|summer|autumn|fall|winter|" + MONTH.replace("\\.?", "")
      + "|" + WEEKDAY.replace("\\.?", "") + ")");
  private static final Pattern AGO = Pattern.compile(COUNT + " " + UNIT + "s? (ago|earlier|before|from now|later|hence)");
  private static final Pattern IN_N = Pattern.compile("in " + COUNT + " " + UNIT + "s?(?: time)?");
  private static final Pattern DURATION = Pattern.compile("(?:(?:the|a|an) )?(?:(?:past|last|next|coming|previous|first|final|following) )?"
      + "(?:" + COUNT + " )?(?:more |full |consecutive |straight )?" + UNIT + "s?(?: straight| running| long)?");
  private static final Pattern YEAR_IN_TEXT = Pattern.compile("(\\d{4})");

  /**
   * The TIMEX3 values this normalizer gives, with four-digit years (0000 to 9999): anything else,
   * such as a year past 9999 or before year 0 that arithmetic on a far anchor or a huge count
   * produces, is no value rather than an invalid one.
   */
  static final Pattern VALID_VALUE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?|XXXX-\\d{2}(-\\d{2})?|XXXX-WXX-[1-7]"
      + "|\\d{3}X|\\d{2}XX|(\\d{4}|XXXX)-(Q[1-4]|H[12]|SP|SU|FA|WI)|\\d{4}-W\\d{2}(-WE)?|P(\\d{1,7}|X)(D|W|M|Q|Y|DE|CE)"
      + "|PAST_REF|PRESENT_REF|FUTURE_REF|BC\\d{4}");

  private static final Pattern SPACES = Pattern.compile(" {2,}");

  /** Counts above this ("3000000000 years ago") give no value: no calendar holds them. */
  private static final int MAX_COUNT = 1_000_000;

  private final SlashOrder slashOrder;

  /** A normalizer that reads 6/5/2024 as June 5. */
  public DateNormalizer() {
    this(SlashOrder.MONTH_FIRST);
  }

  /** A normalizer with the given reading of all-numeric slashed dates. */
  public DateNormalizer(SlashOrder slashOrder) {
    this.slashOrder = Preconditions.checkNotNull(slashOrder, "slashOrder");
  }

  /**
   * The TIMEX3 value of a date expression, or empty if it has none this normalizer can give.
   *
   * @param expression the text of a DATE span, e.g. "late on Tuesday", "the summer of 2023"
   * @param tense the tense of its clause; asked only for expressions that need a direction
   * @param anchor the date relative expressions resolve against (the document date), or null
   */
  public Optional<String> normalize(String expression, Supplier<Tense> tense, LocalDate anchor) {
    Preconditions.checkNotNull(expression, "expression");
    Preconditions.checkNotNull(tense, "tense");
    try {
      return Optional.ofNullable(value(clean(expression), tense, anchor))
          .filter(value -> VALID_VALUE.matcher(value).matches());
    } catch (DateTimeException | ArithmeticException e) {
      // an impossible calendar date ("30 February 2024") or a count past MAX_COUNT has no value
      return Optional.empty();
    }
  }

  /** Lower-cases, straightens apostrophes and drops prepositions and modifiers around the core. */
  static String clean(String expression) {
    String s = SPACES.matcher(Spaces.asciiSpaces(expression).toLowerCase(Locale.ROOT).replace('’', '\'')
        .replace('‘', '\'')).replaceAll(" ").trim();
    s = TRAILING_DOT.matcher(TRAILING_PUNCTUATION.matcher(s).replaceAll("")).replaceAll("").trim();
    String previous;
    do {
      previous = s;
      s = LEADING_MODIFIER.matcher(s).replaceFirst("").trim();
      s = LEADING_THE.matcher(s).replaceFirst("").trim();
      s = LEADING_WEEK_OF.matcher(s).replaceFirst("").trim();
    } while (!s.equals(previous));
    // "Tuesday, June 5, 2024": the full date carries the information.
    return LEADING_WEEKDAY.matcher(s).replaceFirst("");
  }

  // Compiled once: clean() runs for every date span.
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:!?]+$");
  private static final Pattern TRAILING_DOT = Pattern.compile("(?<!\\b[a-z])\\.$");
  private static final Pattern LEADING_MODIFIER = Pattern.compile("^(on|in|at|by|since|until|till|from|during|of"
      + "|for|through|throughout|before|after|around|about|circa|c\\.|early|late|later|mid|mid-|the end of"
      + "|the beginning of|the start of|the middle of|the turn of|the rest of|end of|beginning of|start of"
      + "|middle of|the early|the late|the mid|the mid-|sometime|as of|as early as|as late as)[ -]");
  private static final Pattern LEADING_THE = Pattern.compile("^the (?=(\\d|" + MONTH + "|spring|summer|autumn"
      + "|fall|winter|first|second|third|fourth|last|past|next|coming|previous|\\w+ century|\\w+ quarter"
      + "|\\w+ half|'\\d))");
  private static final Pattern LEADING_WEEK_OF = Pattern.compile("^(first|second|third|fourth|last) (week|weekend) of ");
  private static final Pattern LEADING_WEEKDAY = Pattern.compile("^" + WEEKDAY + ",? (?=\\d|" + MONTH + ")");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
  private static final Pattern HOLIDAY_TAIL = Pattern.compile(",? (of )?$");
  private static final Pattern LEADING_THE_ONLY = Pattern.compile("^the ");

  private String value(String s, Supplier<Tense> tense, LocalDate anchor) {
    String ref = REFERENCES.get(s);
    if (ref != null) {
      return ref;
    }
    String relativeDay = relativeDay(s, anchor);
    if (relativeDay != null) {
      return relativeDay.isEmpty() ? null : relativeDay;
    }
    Matcher m;
    if ((m = full(ISO, s)) != null) {
      return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    if ((m = full(DOTTED, s)) != null) {
      return date(year(m.group(3), anchor), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    if ((m = full(SLASHED, s)) != null) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int y = year(m.group(3), anchor);
      return slashOrder == SlashOrder.MONTH_FIRST ? date(y, a, b) : date(y, b, a);
    }
    if ((m = full(MONTH_DAY_YEAR, s)) != null) {
      return date(year(m.group(3), anchor), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = full(DAY_MONTH_YEAR, s)) != null) {
      return date(year(m.group(3), anchor), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)));
    }
    if ((m = full(MONTH_YEAR, s)) != null) {
      return String.format(Locale.ROOT, "%04d-%02d", year(m.group(2), anchor), MONTHS.get(m.group(1)));
    }
    if ((m = full(MONTH_DAY, s)) != null) {
      return monthDay(MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), tense, anchor);
    }
    if ((m = full(DAY_MONTH, s)) != null) {
      return monthDay(MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), tense, anchor);
    }
    if ((m = full(MONTH_ONLY, s)) != null) {
      int month = MONTHS.get(m.group(1));
      if (anchor == null) {
        return String.format(Locale.ROOT, "XXXX-%02d", month);
      }
      YearMonth now = YearMonth.from(anchor);
      int year = switch (tense.get()) {
        case PAST -> month <= now.getMonthValue() ? now.getYear() : now.getYear() - 1;
        case FUTURE -> month >= now.getMonthValue() ? now.getYear() : now.getYear() + 1;
        case PRESENT -> now.getYear();
      };
      return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }
    if ((m = full(WEEKDAY_ONLY, s)) != null) {
      DayOfWeek day = WEEKDAYS.get(m.group(1));
      if (anchor == null) {
        return "XXXX-WXX-" + day.getValue();
      }
      return (tense.get() == Tense.PAST
          ? anchor.with(TemporalAdjusters.previousOrSame(day))
          : anchor.with(TemporalAdjusters.nextOrSame(day))).toString();
    }
    if ((m = full(RELATIVE, s)) != null) {
      return relative(m.group(1), m.group(2), anchor);
    }
    if ((m = full(AGO, s)) != null) {
      Integer n = count(m.group(1));
      if (anchor == null || n == null) {
        return null;
      }
      boolean back = m.group(3).equals("ago") || m.group(3).equals("earlier") || m.group(3).equals("before");
      return shifted(anchor, m.group(2), back ? -n : n);
    }
    if ((m = full(IN_N, s)) != null) {
      Integer n = count(m.group(1));
      return anchor == null || n == null ? null : shifted(anchor, m.group(2), n);
    }
    if ((m = full(DECADE, s)) != null) {
      if (m.group(1) != null) {
        return m.group(1) + "X";
      }
      int digit = Integer.parseInt(m.group(2));
      return (digit <= 2 ? "20" : "19") + digit + "X";
    }
    if ((m = full(DECADE_WORD, s)) != null) {
      String century = "twenty".equals(m.group(1)) ? "20" : "19";
      int decade = NUMBERS.get(m.group(2).replace("ies", "y")) / 10;
      return century + decade + "X";
    }
    if ((m = full(CENTURY, s)) != null) {
      Integer n = m.group(1) != null ? Integer.valueOf(m.group(1)) : ORDINALS.get(m.group(2));
      if (n == null) {
        return anchor == null ? null : switch (m.group(2)) {
          case "this", "current", "present" -> String.format(Locale.ROOT, "%02dXX", anchor.getYear() / 100);
          case "last", "previous", "past" -> String.format(Locale.ROOT, "%02dXX", anchor.getYear() / 100 - 1);
          case "next", "coming" -> String.format(Locale.ROOT, "%02dXX", anchor.getYear() / 100 + 1);
          default -> null;
        };
      }
      return String.format(Locale.ROOT, "%02dXX", n - 1);
    }
    if ((m = full(QUARTER, s)) != null) {
      int q = m.group(1) != null ? ordinal(m.group(1)) : Integer.parseInt(m.group(3));
      String y = m.group(1) != null ? m.group(2) : m.group(4);
      return yearOrX(y, anchor) + "-Q" + q;
    }
    if ((m = full(HALF, s)) != null) {
      return yearOrX(m.group(2), anchor) + "-H" + ordinal(m.group(1));
    }
    if ((m = full(SEASON, s)) != null) {
      return yearOrX(m.group(2), anchor) + "-" + SEASONS.get(m.group(1));
    }
    String holiday = holiday(s, tense, anchor);
    if (holiday != null) {
      return holiday;
    }
    if ((m = full(YEAR_ONLY, s)) != null) {
      return String.format(Locale.ROOT, "%04d", year(m.group(1), anchor));
    }
    if ((m = full(ERA_YEAR, s)) != null && (m.group(2) != null || s.startsWith("the year") || s.startsWith("ad"))) {
      int y = Integer.parseInt(m.group(1));
      boolean bc = m.group(2) != null && m.group(2).startsWith("b");
      return (bc ? "BC" : "") + String.format(Locale.ROOT, "%04d", y);
    }
    if ((m = full(DURATION, s)) != null) {
      return duration(m.group(1), m.group(2), s);
    }
    return null;
  }

  private static Matcher full(Pattern pattern, String s) {
    Matcher m = pattern.matcher(s);
    return m.matches() ? m : null;
  }

  /** today, yesterday, ...: the value, "" for a known word without an anchor, null otherwise. */
  private static String relativeDay(String s, LocalDate anchor) {
    int offset;
    switch (s) {
      case "today", "tonight", "this morning", "this afternoon", "this evening", "this day" -> offset = 0;
      case "yesterday", "last night", "yesterday morning", "yesterday afternoon", "yesterday evening" -> offset = -1;
      case "tomorrow", "tomorrow morning", "tomorrow night", "tomorrow evening" -> offset = 1;
      case "the day before yesterday", "day before yesterday" -> offset = -2;
      case "the day after tomorrow", "day after tomorrow" -> offset = 2;
      default -> {
        return null;
      }
    }
    return anchor == null ? "" : anchor.plusDays(offset).toString();
  }

  private static String date(int year, int month, int day) {
    LocalDate date = LocalDate.of(year, month, day); // throws for impossible dates
    return String.format(Locale.ROOT, "%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** A four-digit year, or a two-digit "'99" read within a century around the anchor. */
  private static int year(String text, LocalDate anchor) {
    String digits = text.startsWith("'") ? text.substring(1) : text;
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      int pivot = anchor == null ? 2029 : anchor.getYear() + 10;
      y = 100 * (pivot / 100) + y;
      if (y > pivot) {
        y -= 100;
      }
    }
    return y;
  }

  private static String yearOrX(String year, LocalDate anchor) {
    if (year != null) {
      return String.format(Locale.ROOT, "%04d", year(year, anchor));
    }
    return anchor == null ? "XXXX" : String.format(Locale.ROOT, "%04d", anchor.getYear());
  }

  private static String monthDay(int month, int day, Supplier<Tense> tense, LocalDate anchor) {
    if (anchor == null) {
      MonthDay.of(month, day); // validates
      return String.format(Locale.ROOT, "XXXX-%02d-%02d", month, day);
    }
    int year = anchor.getYear();
    MonthDay md = MonthDay.of(month, day);
    MonthDay now = MonthDay.from(anchor);
    Tense t = tense.get();
    if (t == Tense.PAST && md.isAfter(now)) {
      year--;
    } else if (t == Tense.FUTURE && md.isBefore(now)) {
      year++;
    }
    return date(year, month, day);
  }

  private static int ordinal(String word) {
    return switch (word) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      default -> 4;
    };
  }

  private static Integer count(String word) {
    if (word.chars().allMatch(Character::isDigit)) {
      String digits = LEADING_ZEROS.matcher(word).replaceFirst("");
      if (digits.length() > 7 || Integer.parseInt(digits) > MAX_COUNT) {
        throw new ArithmeticException("count out of range: " + word);
      }
      return Integer.valueOf(digits);
    }
    return NUMBERS.get(word.equals("a couple of") ? "two" : word);
  }

  private static String relative(String direction, String what, LocalDate anchor) {
    if (anchor == null) {
      return null;
    }
    int step = switch (direction) {
      case "last", "past", "previous" -> -1;
      case "next", "coming", "following" -> 1;
      default -> 0;
    };
    DayOfWeek weekday = WEEKDAYS.get(what);
    if (weekday != null) {
      LocalDate d = switch (step) {
        case -1 -> anchor.with(TemporalAdjusters.previous(weekday));
        case 1 -> anchor.with(TemporalAdjusters.next(weekday));
        default -> anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(weekday));
      };
      return d.toString();
    }
    Integer month = MONTHS.get(what);
    if (month != null) {
      int y = anchor.getYear();
      int now = anchor.getMonthValue();
      if (step < 0 && month >= now) {
        y--;
      } else if (step > 0 && month <= now) {
        y++;
      }
      return String.format(Locale.ROOT, "%04d-%02d", y, month);
    }
    String season = SEASONS.get(what);
    if (season != null) {
      int start = switch (season) {
        case "SP" -> 3;
        case "SU" -> 6;
        case "FA" -> 9;
        default -> 12;
      };
      int y = anchor.getYear();
      int now = anchor.getMonthValue();
      boolean over = now >= start + 3 || (season.equals("WI") && now >= 3 && now < 12);
      if (step < 0 && !over) {
        y--;
      } else if (step > 0 && (now >= start || over)) {
        y++;
      }
      return String.format(Locale.ROOT, "%04d-%s", y, season);
    }
    if (what.equals("weekend")) {
      LocalDate d = anchor.plusWeeks(step);
      return week(d) + "-WE";
    }
    if (what.equals("day")) {
      return anchor.plusDays(step).toString();
    }
    return shifted(anchor, what, step);
  }

  private static String week(LocalDate d) {
    return String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The anchor moved by {@code n} units, written at that unit's granularity. */
  private static String shifted(LocalDate anchor, String unit, int n) {
    return switch (unit) {
      case "day" -> anchor.plusDays(n).toString();
      case "week", "weekend" -> week(anchor.plusWeeks(n));
      case "fortnight" -> week(anchor.plusWeeks(2L * n));
      case "month" -> YearMonth.from(anchor).plusMonths(n).toString();
      case "quarter" -> {
        YearMonth ym = YearMonth.from(anchor).plusMonths(3L * n);
        yield String.format(Locale.ROOT, "%04d-Q%d", ym.getYear(), (ym.getMonthValue() - 1) / 3 + 1);
      }
      case "year" -> String.format(Locale.ROOT, "%04d", Math.addExact(anchor.getYear(), n));
      case "decade" -> String.format(Locale.ROOT, "%03dX",
          Math.floorDiv(Math.addExact(anchor.getYear(), Math.multiplyExact(10, n)), 10));
      case "century" -> String.format(Locale.ROOT, "%02dXX",
          Math.floorDiv(Math.addExact(anchor.getYear(), Math.multiplyExact(100, n)), 100));
      default -> null;
    };
  }

  private static String holiday(String s, Supplier<Tense> tense, LocalDate anchor) {
    Matcher m = YEAR_IN_TEXT.matcher(s);
    String year = null;
    String name = s;
    if (m.find() && s.endsWith(m.group(1))) {
      year = m.group(1);
      name = HOLIDAY_TAIL.matcher(s.substring(0, m.start())).replaceAll("").trim();
    }
    MonthDay day = HOLIDAYS.get(LEADING_THE_ONLY.matcher(name).replaceFirst(""));
    if (day == null) {
      return null;
    }
    if (year != null) {
      return date(Integer.parseInt(year), day.getMonthValue(), day.getDayOfMonth());
    }
    return monthDay(day.getMonthValue(), day.getDayOfMonth(), tense, anchor);
  }

  private static String duration(String countWord, String unit, String whole) {
    String letter = switch (unit) {
      case "day" -> "D";
      case "week", "weekend" -> "W";
      case "fortnight" -> "W";
      case "month" -> "M";
      case "quarter" -> "Q";
      case "year" -> "Y";
      case "decade" -> "DE";
      case "century" -> "CE";
      default -> null;
    };
    if (letter == null) {
      return null;
    }
    Integer n = countWord == null ? null : count(countWord);
    boolean plural = hasPlural(whole, unit);
    if (n == null) {
      n = plural ? null : Integer.valueOf(1);
    }
    if (unit.equals("fortnight") && n != null) {
      n = 2 * n;
    }
    return "P" + (n == null ? "X" : n.toString()) + letter;
  }

  /** Whether {@code whole} has the unit's plural as a word's end ("years" in "the past years"). */
  private static boolean hasPlural(String whole, String unit) {
    String plural = unit + "s";
    for (int i = whole.indexOf(plural); i >= 0; i = whole.indexOf(plural, i + 1)) {
      int end = i + plural.length();
      if (end == whole.length() || !Character.isLetterOrDigit(whole.charAt(end)) && whole.charAt(end) != '_') {
        return true;
      }
    }
    return false;
  }
}
