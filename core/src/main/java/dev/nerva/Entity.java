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
 * @param type the entity type, e.g. {@link EntityType#COUNTRY}
 * @param start offset of the first character in the original text
 * @param end offset just past the last character (exclusive)
 * @param text the covered text, exactly as in the original
 * @param confidence the producing recognizer's confidence, in [0, 1]
 * @param recognizer the name of the recognizer that produced the span, e.g. "ner-en"
 * @param normalized a normalised value where one applies: the ISO 3166-1 alpha-2 code of a
 *     {@link EntityType#COUNTRY}, the TIMEX3 value of a {@link EntityType#DATE}; empty otherwise
 */
public record Entity(
    EntityType type,
    int start,
    int end,
    String text,
    double confidence,
    String recognizer,
    Optional<String> normalized) {

  public Entity {
    Preconditions.checkNotNull(type, "type");
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkNotNull(recognizer, "recognizer");
    Preconditions.checkNotNull(normalized, "normalized");
    Preconditions.checkArgument(0 <= start && start < end, "bad span offsets %s..%s", start, end);
    Preconditions.checkArgument(
        end - start == text.length(), "text length %s does not match offsets %s..%s",
        text.length(), start, end);
    Preconditions.checkArgument(
        confidence >= 0.0 && confidence <= 1.0, "confidence %s is not in [0, 1]", confidence);
  }

  private static final Pattern DAY_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH_VALUE = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR_VALUE = Pattern.compile("\\d{4}");

  /** The calendar day of a DATE whose value is one ("2024-06-05"); empty otherwise. */
  public Optional<LocalDate> date() {
    return dateValue(DAY_VALUE).map(LocalDate::parse);
  }

  /** The month of a DATE whose value is a month ("2024-07"); empty otherwise. */
  public Optional<YearMonth> yearMonth() {
    return dateValue(MONTH_VALUE).map(YearMonth::parse);
  }

  /** The year of a DATE whose value is a year ("2022"); empty otherwise. */
  public Optional<Year> year() {
    return dateValue(YEAR_VALUE).map(Year::parse);
  }

  private Optional<String> dateValue(Pattern pattern) {
    return type.equals(EntityType.DATE) ? normalized.filter(v -> pattern.matcher(v).matches()) : Optional.empty();
  }

  /** The span's length in characters. */
  public int length() {
    return end - start;
  }

  /** Whether this span shares at least one character with {@code other}. */
  public boolean overlaps(Entity other) {
    return start < other.end && other.start < end;
  }

  /** A copy with another type and normalised value, keeping offsets, text and confidence. */
  public Entity withType(EntityType newType, Optional<String> newNormalized) {
    return new Entity(newType, start, end, text, confidence, recognizer, newNormalized);
  }
}
