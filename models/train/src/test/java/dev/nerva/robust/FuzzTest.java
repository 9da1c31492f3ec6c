package dev.nerva.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile text through the English pipeline: whatever comes in, {@code process}
 * returns a document whose spans keep every documented invariant, and throws nothing. Seeded, so
 * a failure reproduces; a few seconds by default, longer with {@code -Dnerva.fuzz.seconds=N}
 * (and another seed with {@code -Dnerva.fuzz.seed=S}).
 */
class FuzzTest {

  private static final Pattern TIMEX3 = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?|XXXX-\\d{2}(-\\d{2})?"
      + "|XXXX-WXX-[1-7]|\\d{3}X|\\d{2}XX|(\\d{4}|XXXX)-(Q[1-4]|H[12]|SP|SU|FA|WI)|\\d{4}-W\\d{2}(-WE)?"
      + "|P(\\d{1,7}|X)(D|W|M|Q|Y|DE|CE)|PAST_REF|PRESENT_REF|FUTURE_REF|BC\\d{4}");
  private static final String PUNCTUATION = ".,;:!?-/()[]'\"…–";
  private static final Pattern ISO_3166 = Pattern.compile("[A-Z]{2}");

  private static final String[] WORDS = {"Putin", "met", "Burkina", "Faso", "’s", "prime", "minister", "in",
      "Moscow", "on", "Tuesday", "last", "year", "3000000000", "years", "ago", "the", "United", "Nations", "Mr",
      "Dr.", "U.S.", "July", "2024", "1/2/2024", "2024-02-30", "0th", "century", "Q3", "'99", "the 1980s", "Wagner",
      "ECOWAS", "(", ")", "\"", "“", "”", "—", "-", "...", ".", "!", "?", "\n", "\n\n", "\t", "\u00A0", "\u200B",
      "\uFEFF", "\u202F", "😀", "𝔘", "é", "İ", "ß", "Ⅻ", "٣", "next", "week", "tomorrow", "decade", "99999999999",
      "fortnight", "Christmas", "BC", "AD", "12", "31st", "of", "December", "9999", "0000", "Mali", "Niger"};

  @Test
  void everyDocumentKeepsTheInvariants() {
    long seed = Long.getLong("nerva.fuzz.seed", 20261201L);
    long millis = 1000L * Long.getLong("nerva.fuzz.seconds", 3L);
    Random random = new Random(seed);
    Nerva nerva = Nerva.english();
    long start = System.currentTimeMillis();
    int tried = 0;
    long characters = 0;
    while (System.currentTimeMillis() - start < millis) {
      String text = text(random);
      LocalDate date = date(random);
      Document doc;
      try {
        doc = nerva.process(text, date);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", input " + tried + " threw on " + describe(text) + " dated " + date, e);
      }
      checkInvariants(doc, text);
      tried++;
      characters += text.length();
    }
    System.out.printf(Locale.ROOT, "fuzz: %d inputs, %d characters in %.1f s (seed %d)%n",
        tried, characters, (System.currentTimeMillis() - start) / 1000.0, seed);
    assertThat(tried).isPositive();
  }

  static void checkInvariants(Document doc, String text) {
    assertThat(doc.text()).isSameAs(text);
    int previousEnd = 0;
    for (Sentence sentence : doc.sentences()) {
      assertThat(sentence.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
      assertThat(sentence.tokens()).isNotEmpty();
      int tokenEnd = sentence.start();
      for (Token token : sentence.tokens()) {
        assertThat(token.start()).isGreaterThanOrEqualTo(tokenEnd);
        assertThat(token.end()).isLessThanOrEqualTo(sentence.end());
        assertThat(text.substring(token.start(), token.end())).isEqualTo(token.text());
        tokenEnd = token.end();
      }
      previousEnd = sentence.end();
    }
    int entityEnd = 0;
    for (Entity e : doc.entities()) {
      assertThat(e.start()).as("entities in order without overlaps: %s", e).isGreaterThanOrEqualTo(entityEnd);
      assertThat(e.end()).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
      assertThat(e.confidence()).isBetween(0.0, 1.0);
      assertThat(Nerva.DEFAULT_OUTPUT_TYPES).contains(e.type());
      if (e.type().equals(EntityType.COUNTRY)) {
        assertThat(e.normalized()).matches(ISO_3166);
      } else if (e.type().equals(EntityType.DATE)) {
        e.normalizedValue().ifPresent(v -> assertThat(v).matches(TIMEX3));
      } else {
        assertThat(e.normalized()).isNull();
      }
      entityEnd = e.end();
    }
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(60);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(6)) {
        case 0 -> text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        case 1 -> text.append(WORDS[random.nextInt(WORDS.length)]).append(WORDS[random.nextInt(WORDS.length)]);
        case 2 -> text.append(String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())))
            .repeat(1 + random.nextInt(300)));
        case 3 -> text.append(random.nextLong()).append(random.nextBoolean() ? " years ago " : " ");
        case 4 -> text.appendCodePoint(randomCodePoint(random));
        default -> text.append("In ").append(random.nextInt(10_000)).append(' ')
            .append(WORDS[random.nextInt(WORDS.length)]).append(". ");
      }
    }
    return text.toString();
  }

  private static int randomCodePoint(Random random) {
    int codePoint;
    do {
      codePoint = random.nextInt(random.nextBoolean() ? 0x3000 : Character.MAX_CODE_POINT + 1);
    } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE && random.nextInt(4) > 0);
    return codePoint; // a lone surrogate now and then, as broken text has
  }

  private static LocalDate date(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> LocalDate.of(random.nextInt(3) == 0 ? 0 : 9999, 1 + random.nextInt(12), 1 + random.nextInt(28));
      case 2 -> random.nextBoolean() ? LocalDate.MIN : LocalDate.MAX;
      default -> LocalDate.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28));
    };
  }

  private static String describe(String text) {
    return text.length() <= 300 ? '"' + text + '"' : '"' + text.substring(0, 300) + "…\" (" + text.length() + " chars)";
  }
}
