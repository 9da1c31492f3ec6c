package dev.nerva.internal.tokenize;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * A deterministic tokenizer that follows the Penn Treebank conventions of OntoNotes 5.0, the corpus
 * Nerva's models are trained on: punctuation and brackets are split off, clitics and possessives
 * become tokens of their own ("Russia’s" gives "Russia" and "’s", "can't" gives "ca" and "n't"),
 * hyphenated compounds are split at the hyphen ("Russia-Africa" gives three tokens) and
 * abbreviations keep their period ("U.S.", "Mr.", "Inc.").
 *
 * <p>It never changes characters: every span covers the original text, so offsets map back
 * exactly, including curly quotes, dashes, non-ASCII letters and characters outside the BMP. The
 * Treebank form a model sees for each token is given by {@link PtbForms}.
 *
 * <p>Stateless, immutable and safe to share between threads. Use {@link #INSTANCE}.
 */
public final class PtbTokenizer implements Tokenizer {

  /** The shared instance. */
  public static final PtbTokenizer INSTANCE = new PtbTokenizer();

  private static final ImmutableSet<String> ABBREVIATIONS =
      ImmutableSet.of(
          "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "plc",
          "bros", "gen", "sen", "rep", "gov", "prof", "pres", "lt", "col", "capt", "sgt", "adm",
          "cmdr", "rev", "hon", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
          "sat", "sun", "no", "nos", "vs", "etc", "al", "dept", "univ", "ave", "blvd", "rd", "est",
          "approx", "fig", "vol", "pp", "cf", "calif", "fla", "ill", "conn", "penn", "ariz", "wash",
          "mass", "mich", "minn", "okla", "ore", "tenn", "tex", "wis", "colo", "del", "md", "va",
          "pa", "ky", "la", "mo", "ga", "ala", "miss", "nev", "kan", "neb", "ind", "messrs",
          "mme", "mlle", "gov't", "assn", "intl", "natl", "govt", "sq", "ch", "art", "op", "ed");

  /** Prefixes OntoNotes keeps attached to the following word ("co-operation", "mid-1980s"). */
  private static final ImmutableSet<String> HYPHEN_PREFIXES =
      ImmutableSet.of(
          "co", "re", "non", "pro", "anti", "mid", "post", "pre", "e", "x", "ex", "self", "multi",
          "uh", "semi", "vice", "inter", "intra", "sub", "un", "counter", "cross", "ultra", "neo");

  private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};

  private PtbTokenizer() {}

  @Override
  public String[] tokenize(String text) {
    return Span.spansToStrings(tokenizePos(text), text);
  }

  @Override
  public Span[] tokenizePos(String text) {
    Preconditions.checkNotNull(text, "text");
    List<Span> out = new ArrayList<>(text.length() / 5 + 4);
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (start < i) {
        int from = start;
        for (int glue = nextGlue(text, start, i); glue >= 0; glue = nextGlue(text, glue + 1, i)) {
          splitChunk(text, from, glue, out);
          out.add(new Span(glue, glue + 1));
          from = glue + 1;
        }
        splitChunk(text, from, i, out);
      }
    }
    return out.toArray(new Span[0]);
  }

  /**
   * The next character in {@code [from, end)} that glues two words together without a space and
   * must be a token of its own: a '/' or '&' between two capitalised words ("Mali/Niger",
   * "Procter&Gamble", but not "AC/DC", "AT&T" or "and/or"), or a full stop between a word ending in a
   * lower-case letter and a capitalised one ("the Board.The", but not "U.S." or "e.g."); -1 if none.
   */
  private static int nextGlue(String s, int from, int end) {
    for (int k = Math.max(from, 1); k < end - 2; k++) {
      char c = s.charAt(k);
      if ((c == '/' || c == '&' || c == '.') && capitalisedWordAt(s, k + 1, end)
          && (c == '.' ? lowerCaseWordEndsAt(s, k) : capitalisedWordEndsAt(s, k))) {
        return k;
      }
    }
    return -1;
  }

  /** A capital letter followed by a lower-case one. */
  private static boolean capitalisedWordAt(String s, int at, int end) {
    return at + 1 < end && Character.isUpperCase(s.charAt(at)) && Character.isLowerCase(s.charAt(at + 1));
  }

  /** The letters before {@code at} form a word of two or more letters ending in lower case. */
  private static boolean lowerCaseWordEndsAt(String s, int at) {
    return at >= 2 && Character.isLowerCase(s.charAt(at - 1)) && Character.isLetter(s.charAt(at - 2));
  }

  /** The letters before {@code at} form a capitalised word ("Mali", "Faso"). */
  private static boolean capitalisedWordEndsAt(String s, int at) {
    int k = at;
    while (k > 0 && Character.isLetter(s.charAt(k - 1))) {
      k--;
    }
    return at - k >= 2 && Character.isUpperCase(s.charAt(k)) && Character.isLowerCase(s.charAt(at - 1));
  }

  /** Whitespace, including no-break and other Unicode spaces and ASCII control characters. */
  static boolean isSpace(char c) {
    return Spaces.isSpace(c);
  }

  private static void splitChunk(String s, int a, int b, List<Span> out) {
    // Leading punctuation, left to right.
    while (a < b) {
      int len = leadingPunctuation(s, a, b);
      if (len == 0) {
        break;
      }
      out.add(new Span(a, a + len));
      a += len;
    }
    // Trailing punctuation and clitics, right to left; emitted after the middle part.
    List<Span> tail = new ArrayList<>(2);
    while (a < b) {
      int len = trailingPunctuation(s, a, b);
      if (len == 0) {
        break;
      }
      tail.add(new Span(b - len, b));
      b -= len;
    }
    if (a < b) {
      splitMiddle(s, a, b, out);
    }
    for (int k = tail.size() - 1; k >= 0; k--) {
      out.add(tail.get(k));
    }
  }

  private static int leadingPunctuation(String s, int a, int b) {
    char c = s.charAt(a);
    if (b - a >= 2 && (s.startsWith("--", a) || s.startsWith("``", a))) {
      return 2;
    }
    if (b - a >= 3 && s.startsWith("...", a)) {
      return 3;
    }
    if (b - a == 1) {
      return 0; // a lone character is a token already
    }
    switch (c) {
      case '"', '“', '‘', '„', '«', '‹', '(', '[', '{', '<', '`', '—', '–', '―', '¿', '¡', '…',
          '$', '£', '€', '¥', '#', '*' -> {
        return 1;
      }
      case '\'', '’' -> {
        // "'99" and "'em" keep their apostrophe; a quote before a word does not.
        char next = s.charAt(a + 1);
        if (Character.isDigit(next)) {
          return 0;
        }
        return 1;
      }
      default -> {
        return 0;
      }
    }
  }

  private static int trailingPunctuation(String s, int a, int b) {
    int length = b - a;
    if (length == 1) {
      return 0;
    }
    char c = s.charAt(b - 1);
    if (length >= 3 && s.startsWith("...", b - 3)) {
      return 3;
    }
    if (length >= 2 && (s.startsWith("--", b - 2) || s.startsWith("''", b - 2))) {
      return 2;
    }
    switch (c) {
      case ',', ';', ':', '!', '?', '"', '”', '»', '›', ')', ']', '}', '>', '%', '…', '—', '–',
          '―', '*' -> {
        return 1;
      }
      case '.' -> {
        return isAbbreviation(s, a, b) ? 0 : 1;
      }
      case '\'', '’' -> {
        // Possessive plural ("countries'") or a closing quote: split it off.
        return 1;
      }
      default -> {
        return clitic(s, a, b);
      }
    }
  }

  /** The length of a clitic at the end of [a, b), if the rest is a word; 0 otherwise. */
  private static int clitic(String s, int a, int b) {
    for (String clitic : CLITICS) {
      int len = clitic.length();
      if (b - a > len && regionMatchesApostrophe(s, b - len, clitic)) {
        char before = s.charAt(b - len - 1);
        if (Character.isLetterOrDigit(before) || Character.isSurrogate(before)) {
          return len;
        }
      }
    }
    return 0;
  }

  /** Case-insensitive match of an ASCII clitic where its apostrophe may be ' or ’. */
  private static boolean regionMatchesApostrophe(String s, int from, String clitic) {
    for (int k = 0; k < clitic.length(); k++) {
      char want = clitic.charAt(k);
      char got = s.charAt(from + k);
      if (want == '\'') {
        if (got != '\'' && got != '’') {
          return false;
        }
      } else if (Character.toLowerCase(got) != want) {
        return false;
      }
    }
    return true;
  }

  /** Whether [a, b), which ends with a period, is an abbreviation that keeps it. */
  private static boolean isAbbreviation(String s, int a, int b) {
    String word = s.substring(a, b - 1);
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true; // an initial: "J."
    }
    if (word.indexOf('.') >= 0) {
      // "U.S", "a.m", "e.g": letters separated by periods.
      for (int k = 0; k < word.length(); k++) {
        char c = word.charAt(k);
        if (c != '.' && !Character.isLetter(c)) {
          return false;
        }
      }
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Splits the inside of a chunk at dashes, hyphens and punctuation that joins words. */
  private static void splitMiddle(String s, int a, int b, List<Span> out) {
    if (isUrlOrEmail(s, a, b)) {
      out.add(new Span(a, b));
      return;
    }
    int segment = a;
    int i = a;
    while (i < b) {
      char c = s.charAt(i);
      int sep = 0;
      if (c == '—' || c == '–' || c == '―' || c == '…' || c == ';' || c == '!' || c == '?'
          || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '“' || c == '”') {
        sep = 1;
      } else if (c == '-') {
        if (i + 1 < b && s.charAt(i + 1) == '-') {
          sep = 2;
        } else if (i > segment && i + 1 < b && !isHyphenPrefix(s, segment, i)) {
          sep = 1;
        }
      } else if (c == '.' && i + 2 < b && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') {
        sep = 3;
      } else if ((c == ',' || c == ':') && !(i > a && i + 1 < b
          && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1)))) {
        sep = 1;
      }
      if (sep == 0) {
        i++;
        continue;
      }
      if (segment < i) {
        out.add(new Span(segment, i));
      }
      out.add(new Span(i, i + sep));
      i += sep;
      segment = i;
    }
    if (segment < b) {
      out.add(new Span(segment, b));
    }
  }

  private static boolean isHyphenPrefix(String s, int a, int b) {
    return b - a <= 7 && HYPHEN_PREFIXES.contains(s.substring(a, b).toLowerCase(Locale.ROOT));
  }

  private static boolean isUrlOrEmail(String s, int a, int b) {
    String chunk = s.substring(a, b);
    if (chunk.contains("://") || chunk.startsWith("www.")) {
      return true;
    }
    int at = chunk.indexOf('@');
    return at > 0 && chunk.indexOf('.', at) > at + 1;
  }
}
