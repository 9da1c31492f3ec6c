package dev.nerva.internal.tokenize;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import dev.nerva.ModelLoadException;
import dev.nerva.internal.ClasspathModels;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits text into sentences with an OpenNLP sentence model, treating line breaks as the layout
 * of the text usually means them.
 *
 * <p>A blank line always ends a sentence, and so does a single line break unless the next line
 * starts with a lower-case letter (a wrapped line). Headlines and list items, which have no final
 * punctuation, therefore stay sentences of their own. Within each block of lines the statistical
 * model decides, except that it may not end a sentence on an initial, a title or a month
 * abbreviation before a number ("William H. Hudnut", "Mr. Vinken", "Nov. 29").
 *
 * <p>Immutable and safe to share between threads: the model is shared, the OpenNLP detector that
 * uses it is created per call.
 */
public final class SentenceSplitter {

  /** The resource of OpenNLP's English UD EWT sentence model, from opennlp-models-sentdetect-en. */
  public static final String ENGLISH_MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  /** The size and CRC32C of that model as version 1.3.0 of the jar ships it. */
  static final ClasspathModels.Checksum ENGLISH_MODEL_CHECKSUM = new ClasspathModels.Checksum(20_061, 0xcf33bfc2L);

  private final SentenceModel model;

  /** Creates a splitter that uses {@code model} within blocks of lines. */
  public SentenceSplitter(SentenceModel model) {
    this.model = Preconditions.checkNotNull(model, "model");
  }

  /**
   * Loads OpenNLP's English sentence model from the classpath.
   *
   * @throws ModelLoadException if the model jar is not on the classpath or the model is corrupt
   */
  public static SentenceSplitter english() {
    return new SentenceSplitter(ClasspathModels.load(ENGLISH_MODEL_RESOURCE,
        "org.apache.opennlp:opennlp-models-sentdetect-en", ENGLISH_MODEL_CHECKSUM, SentenceModel::new));
  }

  /**
   * Returns the sentences of {@code text} as character spans, in order, trimmed of whitespace and
   * never empty.
   */
  public List<Span> split(String text) {
    Preconditions.checkNotNull(text, "text");
    text = withoutEndsInsideLongRuns(Spaces.asciiSpaces(text)); // same offsets as the caller's text
    SentenceDetectorME detector = new SentenceDetectorME(model);
    List<Span> sentences = new ArrayList<>();
    int blockStart = 0;
    // From line break to line break: a loop over every character made the JIT compile this method,
    // with the sentence detector inlined, at the loop's entry as well as whole.
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (endsBlock(text, i)) {
        addBlock(detector, text, blockStart, i, sentences);
        blockStart = i + 1;
      }
    }
    addBlock(detector, text, blockStart, text.length(), sentences);
    return sentences;
  }

  /** Longer runs of characters without a space cannot end a sentence inside (see below). */
  static final int LONG_RUN = 100;

  /**
   * The text with '.', '!' and '?' inside runs of more than {@link #LONG_RUN} characters without
   * a space replaced by a letter. OpenNLP's detector scans from every candidate sentence end to
   * the spaces around it, which is quadratic in a run's length (a megabyte of dots never ends);
   * no sentence ends inside such a run anyway. A run's last character is kept.
   */
  static String withoutEndsInsideLongRuns(String text) {
    char[] chars = null;
    int runStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && !PtbTokenizer.isSpace(text.charAt(i))) {
        continue;
      }
      if (i - runStart > LONG_RUN) {
        for (int j = runStart; j < i - 1; j++) {
          char c = text.charAt(j);
          if (c == '.' || c == '!' || c == '?') {
            if (chars == null) {
              chars = text.toCharArray();
            }
            chars[j] = 'x';
          }
        }
      }
      runStart = i + 1;
    }
    return chars == null ? text : new String(chars);
  }

  /** A line break ends a block unless the next line continues a wrapped sentence. */
  private static boolean endsBlock(String text, int newline) {
    int j = newline + 1;
    while (j < text.length() && text.charAt(j) != '\n' && PtbTokenizer.isSpace(text.charAt(j))) {
      j++;
    }
    return j >= text.length() || !Character.isLowerCase(text.charAt(j));
  }

  private static void addBlock(
      SentenceDetectorME detector, String text, int start, int end, List<Span> out) {
    while (start < end && PtbTokenizer.isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && PtbTokenizer.isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start >= end) {
      return;
    }
    String block = text.substring(start, end);
    int pendingStart = -1;
    for (Span span : detector.sentPosDetect(block)) {
      int s = start + span.getStart();
      int e = start + span.getEnd();
      while (s < e && PtbTokenizer.isSpace(text.charAt(s))) {
        s++;
      }
      while (e > s && PtbTokenizer.isSpace(text.charAt(e - 1))) {
        e--;
      }
      if (s >= e) {
        continue;
      }
      if (pendingStart < 0) {
        pendingStart = s;
      }
      if (!endsWithNonFinalAbbreviation(text, pendingStart, e)) {
        out.add(new Span(pendingStart, e));
        pendingStart = -1;
      }
    }
    if (pendingStart >= 0) {
      out.add(new Span(pendingStart, end));
    }
  }

  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){2,}");
  private static final ImmutableSet<String> TITLES = ImmutableSet.of(
      "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "capt.", "sgt.",
      "st.", "rev.", "hon.", "adm.", "pres.", "messrs.", "mme.", "gen.", "maj.", "cmdr.", "insp.", "supt.",
      "mt.", "ft."); // and the place-name prefixes that go before a name the same way ("Mt. Kuanyin")
  private static final ImmutableSet<String> SENTENCE_FINAL_INITIALS = ImmutableSet.of(
      "u.s.", "u.k.", "u.n.", "e.u.", "u.s.a.", "a.m.", "p.m.", "d.c.", "l.a.", "n.y.", "etc.");
  private static final ImmutableSet<String> MONTH_ABBREVIATIONS = ImmutableSet.of(
      "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "no.");

  /**
   * Whether a sentence the model ended at {@code end} really goes on: it ends with an initial
   * ("William H."), a title ("Mr.", or "Mt." before a mountain's name), a run of initials that is
   * not a common sentence-final one ("W.R." but not "U.S."), or a month or number abbreviation
   * before a digit ("Nov. 29").
   */
  private static boolean endsWithNonFinalAbbreviation(String text, int start, int end) {
    int wordStart = end;
    while (wordStart > start && !PtbTokenizer.isSpace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String word = text.substring(wordStart, end);
    if (!word.endsWith(".") || end >= text.length()) {
      return false;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (TITLES.contains(lower)) {
      return true;
    }
    if (word.length() == 2 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial
    }
    if (INITIALS.matcher(word).matches() && !SENTENCE_FINAL_INITIALS.contains(lower)) {
      return true;
    }
    if (MONTH_ABBREVIATIONS.contains(lower)) {
      int next = end;
      while (next < text.length() && PtbTokenizer.isSpace(text.charAt(next))) {
        next++;
      }
      return next < text.length() && Character.isDigit(text.charAt(next));
    }
    return false;
  }
}
