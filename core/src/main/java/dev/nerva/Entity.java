package dev.nerva;

import com.google.common.base.Preconditions;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed entity span: what Nerva finds in text.
 *
 * <p>Like spaCy's {@code Span} ({@code label_}, {@code start_char}, {@code end_char}): {@code
 * text.substring(start(), end())} equals {@link #text()} for the text the span was found in.
 *
 * <p>A record of plain values, so JSON libraries serialise it as they find it: {@code normalized}
 * is a nullable string rather than an {@code Optional}, which Jackson cannot write without an extra
 * module. Immutable and safe to share between threads.
 *
 * @param type the entity type, e.g. {@link EntityType#COUNTRY}
 * @param start offset of the first character in the original text
 * @param end offset just past the last character (exclusive)
 * @param text the covered text, exactly as in the original
 * @param confidence the producing recognizer's confidence, in [0, 1]
 * @param recognizer the name of the recognizer that produced the span, e.g. "ner-en"
 * @param normalized a normalised value where one applies, or {@code null}: the ISO 3166-1 alpha-2
 *     code of a {@link EntityType#COUNTRY}, the TIMEX3 value of a {@link EntityType#DATE}, the value
 *     a dictionary entry gives; {@link #normalizedValue()} gives it as an {@code Optional}
 */
public record Entity(
    EntityType type,
    int start,
    int end,
    String text,
    double confidence,
    String recognizer,
    String normalized) {

  /**
   * Checks the span.
   *
   * @param type the entity type
   * @param start offset of the first character
   * @param end offset just past the last character
   * @param text the covered text
   * @param confidence the confidence, in [0, 1]
   * @param recognizer the producing recognizer's name
   * @param normalized the normalised value, or {@code null}
   * @throws NullPointerException if {@code type}, {@code text} or {@code recognizer} is null
   * @throws IllegalArgumentException if the offsets are negative, empty or do not match the text's
   *     length, or the confidence is not in [0, 1]
   */
  public Entity {
    Preconditions.checkNotNull(type, "type");
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkNotNull(recognizer, "recognizer");
    Preconditions.checkArgument(0 <= start && start < end, "bad span offsets %s..%s", start, end);
    Preconditions.checkArgument(
        end - start == text.length(), "text length %s does not match offsets %s..%s",
        text.length(), start, end);
    Preconditions.checkArgument(
        confidence >= 0.0 && confidence <= 1.0, "confidence %s is not in [0, 1]", confidence);
  }

  /**
   * A span without a normalised value; checked as by the canonical constructor.
   *
   * @param type the entity type
   * @param start offset of the first character
   * @param end offset just past the last character
   * @param text the covered text
   * @param confidence the confidence, in [0, 1]
   * @param recognizer the producing recognizer's name
   */
  public Entity(EntityType type, int start, int end, String text, double confidence, String recognizer) {
    this(type, start, end, text, confidence, recognizer, null);
  }

  /**
   * The normalised value as an {@code Optional}.
   *
   * @return {@link #normalized()}, or empty if there is none
   */
  public Optional<String> normalizedValue() {
    return Optional.ofNullable(normalized);
  }

  private static final Pattern DAY_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH_VALUE = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR_VALUE = Pattern.compile("\\d{4}");

  /**
   * The calendar day of a DATE whose value is one.
   *
   * @return the day of a value such as "2024-06-05"; empty for other values and types
   */
  public Optional<LocalDate> date() {
    return dateValue(DAY_VALUE).map(LocalDate::parse);
  }

  /**
   * The month of a DATE whose value is a month.
   *
   * @return the month of a value such as "2024-07"; empty for other values and types
   */
  public Optional<YearMonth> yearMonth() {
    return dateValue(MONTH_VALUE).map(YearMonth::parse);
  }

  /**
   * The year of a DATE whose value is a year.
   *
   * @return the year of a value such as "2022"; empty for other values and types
   */
  public Optional<Year> year() {
    return dateValue(YEAR_VALUE).map(Year::parse);
  }

  private Optional<String> dateValue(Pattern pattern) {
    return type.equals(EntityType.DATE) ? normalizedValue().filter(v -> pattern.matcher(v).matches()) : Optional.empty();
  }

  /**
   * The span's length.
   *
   * @return {@code end() - start()}, in UTF-16 characters
   */
  public int length() {
    return end - start;
  }

  /**
   * Whether two spans overlap.
   *
   * @param other another span of the same text
   * @return whether this span shares at least one character with {@code other}
   */
  public boolean overlaps(Entity other) {
    return start < other.end && other.start < end;
  }

  /**
   * A copy with another type and normalised value, keeping offsets, text, confidence and
   * recognizer.
   *
   * @param newType the new type
   * @param newNormalized the new normalised value, or {@code null} for none
   * @return the copy
   */
  public Entity withType(EntityType newType, String newNormalized) {
    return new Entity(newType, start, end, text, confidence, recognizer, newNormalized);
  }
}
