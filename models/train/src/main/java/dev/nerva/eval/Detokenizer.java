package dev.nerva.eval;

import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Turns a tokenized OntoNotes document back into raw text, the way it would have been written,
 * and maps the gold spans onto character offsets, so that the whole pipeline (sentence splitting
 * and tokenization included) can be scored on it.
 */
public final class Detokenizer {

  /** Raw text of a document and its gold spans in character offsets. */
  public record RawDocument(String id, String text, List<Span> spans, int tokenCount) {}

  private static final Map<String, String> BRACKETS = Map.of(
      "-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}",
      "``", "\"", "''", "\"");
  private static final Set<String> NO_SPACE_BEFORE = Set.of(
      ",", ".", ";", ":", "!", "?", "%", "-RRB-", "-RSB-", "-RCB-", "''", "'s", "'S", "n't", "N'T",
      "'re", "'ve", "'ll", "'d", "'m", "'");
  private static final Set<String> NO_SPACE_AFTER = Set.of("-LRB-", "-LSB-", "-LCB-", "``", "$", "#", "`");

  private Detokenizer() {}

  /** Detokenizes one document; sentences are separated by a single space. */
  public static RawDocument detokenize(GoldDocument document) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    int tokenCount = 0;
    for (GoldSentence sentence : document.sentences()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      int[] starts = new int[sentence.tokens().size()];
      int[] ends = new int[starts.length];
      boolean glueNext = true;
      for (int i = 0; i < starts.length; i++) {
        String token = sentence.tokens().get(i);
        boolean hyphen = sentence.tags().get(i).equals("HYPH");
        boolean glue = glueNext || hyphen || NO_SPACE_BEFORE.contains(token);
        if (!glue) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(BRACKETS.getOrDefault(token, token));
        ends[i] = text.length();
        glueNext = hyphen || NO_SPACE_AFTER.contains(token);
        tokenCount++;
      }
      for (Span span : sentence.spans()) {
        spans.add(new Span(starts[span.getStart()], ends[span.getEnd() - 1], span.getType()));
      }
    }
    return new RawDocument(document.id(), text.toString(), spans, tokenCount);
  }
}
