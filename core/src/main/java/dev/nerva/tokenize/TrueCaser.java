package dev.nerva.tokenize;

import com.google.common.base.Preconditions;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMap;
import dev.nerva.ClasspathModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives headlines and lower-cased text their usual casing before a name finder reads them: a
 * sentence written all in capitals ("UKRAINE SAYS RUSSIAN TROOPS WITHDRAW") and every sentence of
 * a document written all in lower case become "Ukraine says Russian troops withdraw", from a
 * lexicon of each word's usual form in ordinarily cased text, and of pairs of words that are a
 * name together ("united nations" becomes "United Nations", though "united" and "nations" alone
 * stay in lower case). Name finders trained on ordinary
 * text lean on capitals; without this, such text loses most of its names. A sentence counts as
 * all capitals when at least three of its words of two or more letters are, and none is
 * otherwise. Lower case is judged on the whole document, because an ordinary sentence often has
 * no capital at all ("and that might help us"); a document is lower-cased when none of its words
 * of two or more letters has a capital. Everything else is left as written.
 *
 * <p>In a rewritten sentence a word the lexicon knows takes its usual form ("NATO" stays, "SAYS"
 * becomes "says", "U.S." stays); an unknown all-capital word of letters only becomes title case
 * ("KHERSON" becomes "Kherson"), since in a vocabulary of ordinary text it is most often a name;
 * an unknown lower-case word stays as it is; the first word or number starts the sentence with a
 * capital. The lexicon gives a word a capital only where that is clearly its usual form ("us"
 * stays "us", though "US" is as frequent in news). Tokens keep their length, so offsets computed on the original text stay valid.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrueCaser {

  /** Changes nothing: for pipelines that should see the text exactly as written. */
  public static final TrueCaser NONE = new TrueCaser(ImmutableMap.of());

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
    LOWER
  }

  private static final int MIN_CASED_WORDS = 3;

  private final ImmutableMap<String, String> usualForms;

  private TrueCaser(ImmutableMap<String, String> usualForms) {
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
      Preconditions.checkArgument(form != null && form.matches("\\S+( \\S+)?"),
          "a lexicon form must be one word or two words with one space: %s", form);
      String previous = byWord.put(form.toLowerCase(Locale.ROOT), form);
      Preconditions.checkArgument(previous == null || previous.equals(form),
          "the lexicon has two forms of one word: %s and %s", previous, form);
    }
    return new TrueCaser(ImmutableMap.copyOf(byWord));
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
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> forms = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String form = line.strip();
      if (form.isEmpty() || form.startsWith("#")) {
        continue;
      }
      Preconditions.checkArgument(form.matches("\\S+( \\S+)?"),
          "line %s of the lexicon is not one word or two words with one space: %s", number, line);
      forms.add(form);
    }
    return of(forms);
  }

  /**
   * The true-caser with the bundled English lexicon (each word's most frequent form in the
   * OntoNotes 5.0 train split; see the model card). Loaded on first use and shared.
   *
   * @throws dev.nerva.ModelLoadException if nerva-models-en is not on the classpath or the lexicon
   *     is corrupt
   */
  public static TrueCaser english() {
    return ENGLISH.get();
  }

  /** The number of words in the lexicon. */
  public int size() {
    return usualForms.size();
  }

  /**
   * The casing of a sentence's words: {@link Casing#UPPER} or {@link Casing#LOWER} if at least
   * three words of two or more letters have it and none has another; otherwise {@link
   * Casing#ORDINARY}.
   */
  public static Casing casingOf(String[] tokens) {
    int[] shape = shape(Preconditions.checkNotNull(tokens, "tokens"));
    if (shape == null || shape[0] > 0 && shape[1] > 0) {
      return Casing.ORDINARY;
    }
    return shape[0] >= MIN_CASED_WORDS ? Casing.UPPER : shape[1] >= MIN_CASED_WORDS ? Casing.LOWER : Casing.ORDINARY;
  }

  /**
   * How many of the words of two or more letters are all capitals and all lower case ("I", "a",
   * "'s" and numbers say nothing); null if one is neither, or in a script without case.
   */
  private static int[] shape(String[] tokens) {
    int[] shape = new int[2];
    for (String token : tokens) {
      int letters = 0;
      int capitals = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            capitals++;
          } else if (!Character.isLowerCase(c)) {
            return null;
          }
        }
      }
      if (letters >= 2 && capitals == letters) {
        shape[0]++;
      } else if (letters >= 2 && capitals == 0) {
        shape[1]++;
      } else if (letters >= 2) {
        return null;
      }
    }
    return shape;
  }

  /**
   * One document's sentences, those written all in capitals in their usual casing, and all of
   * them if the whole document is in lower case (a sentence without capitals is ordinary in
   * ordinary text: "and that might help us"); the others as they are.
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
      cased.add(lowerDocument ? recase(sentence, Casing.LOWER)
          : casingOf(sentence) == Casing.UPPER ? recase(sentence, Casing.UPPER) : sentence);
    }
    return cased;
  }

  /** Whether no word of the document has a capital, and at least three are in lower case. */
  private static boolean lowerCaseDocument(List<String[]> sentences) {
    int lower = 0;
    for (String[] sentence : sentences) {
      int[] shape = shape(sentence);
      if (shape == null || shape[0] > 0) {
        return false;
      }
      lower += shape[1];
    }
    return lower >= MIN_CASED_WORDS;
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
