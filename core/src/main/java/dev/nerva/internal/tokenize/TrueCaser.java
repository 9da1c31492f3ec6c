package dev.nerva.internal.tokenize;

import com.google.common.base.Preconditions;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableSet;
import dev.nerva.internal.ClasspathModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives headlines and lower-cased text their usual casing before a name finder reads them. Name
 * finders trained on ordinary text lean on capitals: without this, a headline in capitals loses
 * most of its names, and one in title case ("Wagner Group Recovers Bodies Of Fighters Killed In
 * Mali Battle") runs them into the words around them. Three shapes are rewritten, from a lexicon
 * of each word's usual form in ordinarily cased text and of pairs of words that are a name
 * together ("united nations" becomes "United Nations", though "united" and "nations" alone stay in
 * lower case):
 *
 * <ul>
 *   <li>a sentence in capitals: at least three words of two or more letters, all in capitals
 *       ("UKRAINE SAYS RUSSIAN TROOPS WITHDRAW" becomes "Ukraine says Russian troops Withdraw":
 *       an unknown word of letters becomes title case, since in a vocabulary of ordinary text it
 *       is most often a name);
 *   <li>a sentence in title case: at least four capitalised words, more than words in capitals,
 *       and no word in lower case but short function words ("Recovers Bodies Of Fighters" becomes
 *       "recovers bodies of fighters"; unknown words and words in capitals stay as written);
 *   <li>every sentence of a document in lower case: no word of two or more letters with a capital
 *       anywhere in it (judged on the whole document, because an ordinary sentence often has no
 *       capital at all: "and that might help us"; unknown words stay as written).
 * </ul>
 *
 * <p>A word the lexicon knows takes its usual form ("NATO" stays, "SAYS" becomes "says", "U.S."
 * stays); the first word or number starts the sentence with a capital. The lexicon gives a word a
 * capital only where that is clearly its usual form ("us" stays "us", though "US" is as frequent
 * in news). Tokens keep their length, so offsets computed on the original text stay valid;
 * everything else is left as written.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrueCaser {

  /** Changes nothing: for pipelines that should see the text exactly as written. */
  public static final TrueCaser NONE = new TrueCaser(Map.of());

  /** Classpath resource of the English lexicon, shipped in nerva-models-en. */
  public static final String ENGLISH_LEXICON_RESOURCE = "/dev/nerva/models/en/casing-en.txt";

  private static final Supplier<TrueCaser> ENGLISH = Suppliers.memoize(
      () -> ClasspathModels.load(ENGLISH_LEXICON_RESOURCE, "dev.nerva:nerva-models-en", TrueCaser::read));

  /** The shape of a sentence's words. */
  public enum Casing {
    /** Mixed, as in ordinary text; never rewritten. */
    ORDINARY,
    /** All capitals. */
    UPPER,
    /** All lower case. */
    LOWER,
    /** Every word capitalised, as in a headline in title case, but for short function words. */
    TITLE
  }

  private static final int MIN_CASED_WORDS = 3;
  private static final int MIN_TITLE_WORDS = 4;

  /** Words a title-case headline may leave in lower case ("Bodies of Fighters Killed in Mali"). */
  private static final ImmutableSet<String> FUNCTION_WORDS = ImmutableSet.of("an", "the", "and", "or", "but",
      "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into", "onto", "over", "after",
      "vs", "via", "per", "up", "off", "out", "is", "are", "be");

  // Indexes into a sentence's shape: counts of words of two or more letters.
  private static final int UPPER_WORDS = 0;
  private static final int LOWER_WORDS = 1;
  private static final int TITLE_WORDS = 2;
  private static final int FUNCTION_WORDS_IN_LOWER_CASE = 3;

  private final Map<String, String> usualForms;

  private TrueCaser(Map<String, String> usualForms) {
    this.usualForms = usualForms;
  }

  /**
   * A true-caser from a lexicon of usual forms: one per word ("Ukraine", "says", "NATO"), and for
   * pairs of words whose casing together differs from their casings apart, the pair ("United
   * Nations", whose words alone are "united" and "nations").
   *
   * @throws IllegalArgumentException if two forms are the same word or pair in different casings,
   *     or a form is not one word or two words with one space
   */
  public static TrueCaser of(Iterable<String> usualForms) {
    Preconditions.checkNotNull(usualForms, "usualForms");
    Map<String, String> byWord = new HashMap<>();
    for (String form : usualForms) {
      Preconditions.checkArgument(form != null && isForm(form),
          "a lexicon form must be one word or two words with one space: %s", form);
      add(byWord, form);
    }
    return new TrueCaser(Collections.unmodifiableMap(byWord));
  }

  private static void add(Map<String, String> byWord, String form) {
    String previous = byWord.put(form.toLowerCase(Locale.ROOT), form);
    Preconditions.checkArgument(previous == null || previous.equals(form),
        "the lexicon has two forms of one word: %s and %s", previous, form);
  }

  /**
   * Reads a lexicon of usual forms (see {@link #of}): UTF-8, one form per line; blank lines and
   * lines starting with {@code #} are skipped. The stream is not closed.
   *
   * @throws IOException if the stream cannot be read
   * @throws IllegalArgumentException if a word has two forms or a line is not one word or a pair
   */
  public static TrueCaser read(InputStream in) throws IOException {
    Preconditions.checkNotNull(in, "in");
    // Lines cut from the whole text and added as they come: the lexicon (27,000 lines) is read
    // while a pipeline loads, and a reader, a list and a copy into an immutable map cost a third more.
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> byWord = new HashMap<>(text.length() / 8);
    int number = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      number++;
      String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      start = end + 1;
      String form = line.strip();
      if (form.isEmpty() || form.startsWith("#")) {
        continue;
      }
      Preconditions.checkArgument(isForm(form),
          "line %s of the lexicon is not one word or two words with one space: %s", number, line);
      add(byWord, form);
    }
    return new TrueCaser(Collections.unmodifiableMap(byWord));
  }

  /**
   * Whether the text is one word or two words with one space, words being runs of anything but
   * ASCII white space (the regular expression {@code \S+( \S+)?}, checked by hand: the lexicon has
   * 27,000 lines and this runs while a pipeline loads).
   */
  static boolean isForm(String text) {
    int n = text.length();
    boolean spaceSeen = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (spaceSeen || i == 0 || i == n - 1) {
          return false;
        }
        spaceSeen = true;
      } else if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return false;
      }
    }
    return n > 0;
  }

  /**
   * The true-caser with the bundled English lexicon (each word's usual form in the OntoNotes 5.0
   * train split, and its names of two words; see the model card). Loaded on first use and shared.
   *
   * @throws dev.nerva.ModelLoadException if nerva-models-en is not on the classpath or the lexicon
   *     is corrupt
   */
  public static TrueCaser english() {
    return ENGLISH.get();
  }

  /**
   * Whether a word is usually written in lower case ("union", "reading", "apple") in the text the
   * lexicon was built from; false for words it does not know.
   */
  public boolean usuallyLowerCase(String word) {
    String usual = usualForms.get(word.toLowerCase(Locale.ROOT));
    return usual != null && usual.equals(usual.toLowerCase(Locale.ROOT));
  }

  /** The number of words in the lexicon. */
  public int size() {
    return usualForms.size();
  }

  /**
   * The casing of a sentence's words (of two or more letters: "I", "a", "'s" and numbers say
   * nothing): {@link Casing#UPPER} or {@link Casing#LOWER} if at least three have it and none has
   * another; {@link Casing#TITLE} if at least four start with a capital and go on in lower case,
   * more than are all capitals, and the only words in lower case are short function words ("of",
   * "in", "the"); otherwise {@link Casing#ORDINARY}.
   */
  public static Casing casingOf(String[] tokens) {
    int[] shape = shape(Preconditions.checkNotNull(tokens, "tokens"));
    if (shape == null) {
      return Casing.ORDINARY;
    }
    int upper = shape[UPPER_WORDS];
    int lower = shape[LOWER_WORDS];
    int title = shape[TITLE_WORDS];
    if (title == 0 && (upper == 0 || lower == 0)) {
      return upper >= MIN_CASED_WORDS ? Casing.UPPER : lower >= MIN_CASED_WORDS ? Casing.LOWER : Casing.ORDINARY;
    }
    return title >= MIN_TITLE_WORDS && title > upper && lower == shape[FUNCTION_WORDS_IN_LOWER_CASE]
        ? Casing.TITLE
        : Casing.ORDINARY;
  }

  /**
   * How many words of two or more letters are all capitals, all lower case, capitalised (a capital
   * then lower case, "Kherson", "McDonald") and lower-case function words; null if a word is none
   * of these ("iPhone") or in a script without case.
   */
  private static int[] shape(String[] tokens) {
    int[] shape = new int[4];
    for (String token : tokens) {
      int letters = 0;
      int capitals = 0;
      boolean capitalFirst = false;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isLetter(c)) {
          if (Character.isUpperCase(c)) {
            capitals++;
            capitalFirst |= letters == 0;
          } else if (!Character.isLowerCase(c)) {
            return null;
          }
          letters++;
        }
      }
      if (letters < 2) {
        continue;
      }
      if (capitals == letters) {
        shape[UPPER_WORDS]++;
      } else if (capitals == 0) {
        shape[LOWER_WORDS]++;
        if (FUNCTION_WORDS.contains(token)) {
          shape[FUNCTION_WORDS_IN_LOWER_CASE]++;
        }
      } else if (capitalFirst) {
        shape[TITLE_WORDS]++;
      } else {
        return null;
      }
    }
    return shape;
  }

  /**
   * One document's sentences, those in capitals or in title case in their usual casing, and all of
   * them if the whole document is in lower case (see the class description); the others as they
   * are.
   *
   * @param sentences the document's sentences, each an array of tokens; not changed
   * @return one array per sentence, of the same lengths; the given array where nothing changed
   */
  public List<String[]> apply(List<String[]> sentences) {
    Preconditions.checkNotNull(sentences, "sentences");
    List<String[]> cased = new ArrayList<>(sentences.size());
    if (usualForms.isEmpty()) {
      sentences.forEach(s -> cased.add(Preconditions.checkNotNull(s, "sentence")));
      return cased;
    }
    sentences.forEach(sentence -> Preconditions.checkNotNull(sentence, "sentence"));
    boolean lowerDocument = lowerCaseDocument(sentences);
    for (String[] sentence : sentences) {
      Casing casing = lowerDocument ? Casing.LOWER : casingOf(sentence);
      // lower case counts only for a whole document
      boolean rewrite = casing == Casing.UPPER || casing == Casing.TITLE || lowerDocument;
      cased.add(rewrite ? recase(sentence, casing) : sentence);
    }
    return cased;
  }

  /** Whether no word of the document has a capital, and at least three are in lower case. */
  private static boolean lowerCaseDocument(List<String[]> sentences) {
    int lower = 0;
    for (String[] sentence : sentences) {
      int[] shape = shape(sentence);
      if (shape == null || shape[UPPER_WORDS] > 0 || shape[TITLE_WORDS] > 0) {
        return false;
      }
      lower += shape[LOWER_WORDS];
    }
    return lower >= MIN_CASED_WORDS;
  }

  private static boolean isAllCapitals(String token) {
    return token.codePoints().filter(Character::isLetter).count() >= 2
        && token.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }

  private String[] recase(String[] tokens, Casing casing) {
    String[] cased = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      // a pair the lexicon knows as a name ("united nations") before each word on its own
      String pair = i + 1 < tokens.length
          ? usualForms.get((tokens[i] + " " + tokens[i + 1]).toLowerCase(Locale.ROOT))
          : null;
      if (pair != null) {
        int space = pair.indexOf(' ');
        cased[i] = pair.substring(0, space);
        cased[++i] = pair.substring(space + 1);
        continue;
      }
      String token = tokens[i];
      if (casing == Casing.TITLE && isAllCapitals(token)) {
        cased[i] = token; // an acronym in a title-case headline is one: "US Troops Leave"
        continue;
      }
      String usual = usualForms.get(token.toLowerCase(Locale.ROOT));
      if (usual == null) {
        usual = casing == Casing.UPPER && token.length() > 1 && token.chars().allMatch(Character::isLetter)
            ? token.charAt(0) + token.substring(1).toLowerCase(Locale.ROOT)
            : token;
      }
      cased[i] = usual;
    }
    for (int i = 0; i < cased.length; i++) {
      String usual = cased[i];
      // a sentence starts at its first word or number, after any opening quotes or brackets
      if (!usual.isEmpty() && Character.isLetter(usual.charAt(0))) {
        cased[i] = Character.toUpperCase(usual.charAt(0)) + usual.substring(1);
      }
      if (usual.chars().anyMatch(Character::isLetterOrDigit)) {
        break;
      }
    }
    for (int i = 0; i < cased.length; i++) {
      if (cased[i].length() != tokens[i].length()) {
        cased[i] = tokens[i]; // a few letters change length with their case ("İ"); keep offsets exact
      }
    }
    return cased;
  }
}
