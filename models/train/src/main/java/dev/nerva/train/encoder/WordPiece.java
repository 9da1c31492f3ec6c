package dev.nerva.train.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer as a Hugging Face {@code tokenizer.json} describes it for
 * all-MiniLM-L6-v2: text cleaned (control characters dropped, every space a plain space), spaces
 * put around CJK ideographs, lower-cased with accents stripped, split at spaces and at every
 * punctuation character, and each word cut into the longest vocabulary pieces from its start
 * ("##" marking a piece inside a word), or {@code [UNK]} if it cannot be. Immutable and
 * thread-safe.
 */
public final class WordPiece {

  private static final int MAX_WORD_CHARS = 100;

  private final ImmutableMap<String, Integer> vocabulary;
  private final int unknown;
  private final int classify;
  private final int separator;

  private WordPiece(Map<String, Integer> vocabulary) {
    this.vocabulary = ImmutableMap.copyOf(vocabulary);
    this.unknown = id("[UNK]");
    this.classify = id("[CLS]");
    this.separator = id("[SEP]");
  }

  private int id(String piece) {
    Integer id = vocabulary.get(piece);
    Preconditions.checkArgument(id != null, "the vocabulary has no %s", piece);
    return id;
  }

  /** Reads the vocabulary of a {@code tokenizer.json} with a WordPiece model. */
  public static WordPiece read(InputStream tokenizerJson) throws IOException {
    JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
    Preconditions.checkArgument("WordPiece".equals(model.path("type").asText()), "not a WordPiece tokenizer");
    ImmutableMap.Builder<String, Integer> vocabulary = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vocabulary.put(e.getKey(), e.getValue().asInt());
    }
    return new WordPiece(vocabulary.buildOrThrow());
  }

  /** The piece ids of {@code text} between {@code [CLS]} and {@code [SEP]}. */
  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    ids.add(classify);
    for (String word : words(text)) {
      pieces(word, ids);
    }
    ids.add(separator);
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The piece ids of one token, without {@code [CLS]} and {@code [SEP]}; empty if it is all spaces or controls. */
  public int[] piecesOf(String token) {
    List<Integer> ids = new ArrayList<>();
    for (String word : words(token)) {
      pieces(word, ids);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The id of {@code [UNK]}. */
  public int unknownId() {
    return unknown;
  }

  /** The id of {@code [CLS]}, which starts every input. */
  public int classifyId() {
    return classify;
  }

  /** The id of {@code [SEP]}, which ends every input. */
  public int separatorId() {
    return separator;
  }

  /** The words of {@code text} after normalisation and pre-tokenization. */
  static List<String> words(String text) {
    StringBuilder cleaned = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        return;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        cleaned.append(' ');
      } else if (isCjk(c)) {
        cleaned.append(' ').appendCodePoint(c).append(' ');
      } else {
        cleaned.appendCodePoint(c);
      }
    });
    String lower = Normalizer.normalize(cleaned.toString().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    lower.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        return; // accents stripped
      }
      if (c == ' ') {
        flush(word, words);
      } else if (isPunctuation(c)) {
        flush(word, words);
        words.add(new String(Character.toChars(c)));
      } else {
        word.appendCodePoint(c);
      }
    });
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private void pieces(String word, List<Integer> ids) {
    if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
      ids.add(unknown);
      return;
    }
    List<Integer> found = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer piece = null;
      while (end > start) {
        String candidate = (start > 0 ? "##" : "") + word.substring(start, end);
        piece = vocabulary.get(candidate);
        if (piece != null) {
          break;
        }
        end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
      }
      if (piece == null) {
        ids.add(unknown);
        return;
      }
      found.add(piece);
      start = end;
    }
    ids.addAll(found);
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE || type == Character.UNASSIGNED;
  }

  private static boolean isPunctuation(int c) {
    if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
        || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF
        || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
  }
}
