package dev.nerva.tokenize;

import com.google.common.base.Preconditions;
import dev.nerva.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
 * model decides.
 *
 * <p>Immutable and safe to share between threads: the model is shared, the OpenNLP detector that
 * uses it is created per call.
 */
public final class SentenceSplitter {

  /** The resource of OpenNLP's English UD EWT sentence model, from opennlp-models-sentdetect-en. */
  public static final String ENGLISH_MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

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
    try (InputStream in = SentenceSplitter.class.getResourceAsStream(ENGLISH_MODEL_RESOURCE)) {
      if (in == null) {
        throw new ModelLoadException("sentence model resource " + ENGLISH_MODEL_RESOURCE
            + " is not on the classpath: add org.apache.opennlp:opennlp-models-sentdetect-en");
      }
      return new SentenceSplitter(new SentenceModel(in));
    } catch (IOException e) {
      throw new ModelLoadException("cannot read sentence model " + ENGLISH_MODEL_RESOURCE, e);
    }
  }

  /**
   * Returns the sentences of {@code text} as character spans, in order, trimmed of whitespace and
   * never empty.
   */
  public List<Span> split(String text) {
    Preconditions.checkNotNull(text, "text");
    SentenceDetectorME detector = new SentenceDetectorME(model);
    List<Span> sentences = new ArrayList<>();
    int blockStart = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == '\n' && endsBlock(text, i)) {
        addBlock(detector, text, blockStart, i, sentences);
        blockStart = i + 1;
      }
    }
    addBlock(detector, text, blockStart, n, sentences);
    return sentences;
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
    for (Span span : detector.sentPosDetect(block)) {
      int s = start + span.getStart();
      int e = start + span.getEnd();
      while (s < e && PtbTokenizer.isSpace(text.charAt(s))) {
        s++;
      }
      while (e > s && PtbTokenizer.isSpace(text.charAt(e - 1))) {
        e--;
      }
      if (s < e) {
        out.add(new Span(s, e));
      }
    }
  }
}
