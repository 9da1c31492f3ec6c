package dev.nerva.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.tokenize.PtbForms;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Users' annotated data in the three formats annotation tools give, read into documents with text,
 * character spans and tokens: JSON Lines with character offsets ({@code {"text": ..., "spans":
 * [{"start", "end", "label"}]}}, optional {@code "id"}), CoNLL/BIO columns (token first, BIO tag
 * last; blank lines between sentences; {@code -DOCSTART-} lines between documents), and OpenNLP's
 * {@code <START:label> ... <END>} lines (one sentence a line, blank lines between documents).
 *
 * <p>Malformed data is an {@link IllegalArgumentException} naming the file, the line and the
 * reason; overlapping or out-of-range spans are errors. A JSON span whose ends fall inside a token
 * cannot be learned and is skipped, counted in {@link Corpus#skipped()} with its line.
 */
public final class AnnotatedData {

  /** The formats, chosen by file extension unless given. */
  public enum Format {
    /** {@code .jsonl}: one document a line, character offsets. */
    JSONL,
    /** {@code .conll}, {@code .bio}, {@code .tsv}: token and BIO tag columns. */
    CONLL,
    /** {@code .txt}: OpenNLP's name sample lines. */
    OPENNLP;

    /**
     * The format of a file by its extension.
     *
     * @throws IllegalArgumentException if the extension is none of the known ones
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".jsonl") || name.endsWith(".json")) {
        return JSONL;
      }
      if (name.endsWith(".conll") || name.endsWith(".bio") || name.endsWith(".tsv") || name.endsWith(".iob")) {
        return CONLL;
      }
      if (name.endsWith(".txt") || name.endsWith(".train")) {
        return OPENNLP;
      }
      throw new IllegalArgumentException("cannot tell the format of " + file
          + " from its extension (.jsonl, .conll/.bio, .txt): give --format jsonl|conll|opennlp");
    }
  }

  /** A labelled character span of a document's text. */
  public record LabeledSpan(int start, int end, String label) {}

  /**
   * One annotated document.
   *
   * @param id its id, or the line it starts on
   * @param text its text (for CoNLL and OpenNLP data, the tokens joined by spaces, sentences by
   *     line breaks)
   * @param spans its gold spans, in order, as character offsets of {@code text}
   * @param gold its sentences as tokens with token spans: what training reads
   */
  public record AnnotatedDocument(String id, String text, List<LabeledSpan> spans, GoldDocument gold) {}

  /**
   * What a file held.
   *
   * @param documents the documents
   * @param skipped spans that could not be used, each with its line and reason
   */
  public record Corpus(List<AnnotatedDocument> documents, List<String> skipped) {
    /** The number of sentences. */
    public int sentences() {
      return documents.stream().mapToInt(d -> d.gold().sentences().size()).sum();
    }

    /** The number of gold spans used. */
    public int spans() {
      return documents.stream().mapToInt(d -> d.spans().size()).sum();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnnotatedData() {}

  /**
   * Reads a file.
   *
   * @param file the data
   * @param format its format
   * @return the documents and what was skipped
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line of malformed data
   */
  public static Corpus read(Path file, Format format) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1));
    }
    return switch (format) {
      case JSONL -> jsonl(lines, file.toString());
      case CONLL -> conll(lines, file.toString());
      case OPENNLP -> openNlp(lines, file.toString());
    };
  }

  private static Corpus jsonl(List<String> lines, String source) {
    Nerva splitter = Nerva.builder().dateRules(false).countryGazetteer(false).build();
    List<AnnotatedDocument> documents = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String where = source + " line " + (n + 1);
      JsonNode object;
      try {
        object = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage(), e);
      }
      JsonNode text = object.get("text");
      if (text == null || !text.isTextual()) {
        throw new IllegalArgumentException(where + ": no \"text\" string");
      }
      JsonNode spans = object.get("spans");
      if (spans == null || !spans.isArray()) {
        throw new IllegalArgumentException(where + ": no \"spans\" array (give [] for a text without names)");
      }
      String content = text.asText();
      List<LabeledSpan> labeled = new ArrayList<>();
      for (JsonNode span : spans) {
        if (!span.path("start").isInt() || !span.path("end").isInt() || !span.path("label").isTextual()) {
          throw new IllegalArgumentException(where + ": a span needs integer \"start\" and \"end\" and a \"label\"");
        }
        LabeledSpan s = new LabeledSpan(span.get("start").asInt(), span.get("end").asInt(),
            label(span.get("label").asText(), where));
        if (s.start() < 0 || s.end() > content.length() || s.start() >= s.end()) {
          throw new IllegalArgumentException(where + ": span " + s.start() + ".." + s.end() + " is outside the text ("
              + content.length() + " characters) or empty");
        }
        labeled.add(s);
      }
      labeled.sort(Comparator.comparingInt(LabeledSpan::start));
      for (int i = 1; i < labeled.size(); i++) {
        if (labeled.get(i).start() < labeled.get(i - 1).end()) {
          throw new IllegalArgumentException(where + ": spans " + labeled.get(i - 1).start() + ".."
              + labeled.get(i - 1).end() + " and " + labeled.get(i).start() + ".." + labeled.get(i).end() + " overlap");
        }
      }
      String id = object.has("id") && !object.get("id").isNull() ? object.get("id").asText() : "line " + (n + 1);
      documents.add(tokenized(id, content, labeled, splitter, where, skipped));
    }
    return new Corpus(documents, skipped);
  }

  /** Tokenizes a JSON document as the pipeline does and turns its character spans into token spans. */
  private static AnnotatedDocument tokenized(String id, String text, List<LabeledSpan> spans, Nerva splitter,
      String where, List<String> skipped) {
    List<Sentence> sentences = splitter.process(text).sentences();
    List<GoldSentence> gold = new ArrayList<>();
    List<LabeledSpan> used = new ArrayList<>();
    List<List<Span>> tokenSpans = new ArrayList<>();
    for (Sentence sentence : sentences) {
      tokenSpans.add(new ArrayList<>());
    }
    for (LabeledSpan span : spans) {
      int sentenceIndex = -1;
      int first = -1;
      int last = -1;
      for (int s = 0; s < sentences.size() && first < 0; s++) {
        List<Token> tokens = sentences.get(s).tokens();
        for (int t = 0; t < tokens.size(); t++) {
          if (tokens.get(t).start() == span.start()) {
            first = t;
            sentenceIndex = s;
            break;
          }
        }
      }
      if (first >= 0) {
        List<Token> tokens = sentences.get(sentenceIndex).tokens();
        for (int t = first; t < tokens.size(); t++) {
          if (tokens.get(t).end() == span.end()) {
            last = t;
            break;
          }
        }
      }
      if (first < 0 || last < 0) {
        skipped.add(where + ": span " + span.start() + ".." + span.end() + " (" + span.label() + ") \""
            + text.substring(span.start(), span.end()) + "\" does not start and end on token boundaries"
            + " within one sentence");
        continue;
      }
      tokenSpans.get(sentenceIndex).add(new Span(first, last + 1, span.label()));
      used.add(span);
    }
    for (int s = 0; s < sentences.size(); s++) {
      List<String> forms = sentences.get(s).tokens().stream().map(Token::form).toList();
      gold.add(new GoldSentence(ImmutableList.copyOf(forms), ImmutableList.of(), ImmutableList.copyOf(tokenSpans.get(s))));
    }
    return new AnnotatedDocument(id, text, used, new GoldDocument(id, ImmutableList.copyOf(gold)));
  }

  private static Corpus conll(List<String> lines, String source) {
    DocumentAssembler assembler = new DocumentAssembler();
    List<String> tokens = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    int spanStart = -1;
    String spanLabel = null;
    int sentenceLine = 0;
    for (int n = 0; n <= lines.size(); n++) {
      String line = n < lines.size() ? lines.get(n).strip() : "";
      String where = source + " line " + (n + 1);
      if (line.startsWith("-DOCSTART-")) {
        assembler.endDocument("line " + (n + 1));
        continue;
      }
      if (line.isEmpty() || line.startsWith("# ")) {
        if (spanStart >= 0) {
          spans.add(new Span(spanStart, tokens.size(), spanLabel));
          spanStart = -1;
        }
        if (!tokens.isEmpty()) {
          assembler.addSentence(tokens, spans, "line " + sentenceLine);
          tokens = new ArrayList<>();
          spans = new ArrayList<>();
        }
        continue;
      }
      if (tokens.isEmpty()) {
        sentenceLine = n + 1;
      }
      String[] columns = line.split("\\s+");
      if (columns.length < 2) {
        throw new IllegalArgumentException(where + ": a token line needs the token and its tag, separated by a tab or spaces");
      }
      String tag = columns[columns.length - 1];
      String prefix = tag.length() >= 2 && tag.charAt(1) == '-' ? tag.substring(0, 1) : tag;
      if (!prefix.equals("O") && !List.of("B", "I", "E", "L", "S", "U").contains(prefix)) {
        throw new IllegalArgumentException(where + ": tag " + tag + " is not O, B-X, I-X (or E-/L-/S-/U-X)");
      }
      String label = prefix.equals("O") ? null : label(tag.substring(2), where);
      boolean continues = (prefix.equals("I") || prefix.equals("E") || prefix.equals("L"))
          && spanStart >= 0 && label.equals(spanLabel);
      if (!continues && spanStart >= 0) {
        spans.add(new Span(spanStart, tokens.size(), spanLabel));
        spanStart = -1;
      }
      if (label != null && !continues) {
        spanStart = tokens.size(); // B-, S-/U-, or an I- that starts a name (IOB1)
        spanLabel = label;
      }
      tokens.add(columns[0]);
      if (spanStart >= 0 && (prefix.equals("E") || prefix.equals("L") || prefix.equals("S") || prefix.equals("U"))) {
        spans.add(new Span(spanStart, tokens.size(), spanLabel));
        spanStart = -1;
      }
    }
    assembler.endDocument("end");
    return new Corpus(assembler.documents, List.of());
  }

  private static Corpus openNlp(List<String> lines, String source) {
    DocumentAssembler assembler = new DocumentAssembler();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      String where = source + " line " + (n + 1);
      if (line.isEmpty()) {
        assembler.endDocument("line " + (n + 1));
        continue;
      }
      // OpenNLP's parser drops a <START> without its <END> silently: check the pairs first.
      boolean open = false;
      for (String token : line.split("\\s+")) {
        if (token.startsWith("<START")) {
          if (open) {
            throw new IllegalArgumentException(where + ": <START> inside another name; close it with <END> first");
          }
          open = true;
        } else if (token.equals("<END>")) {
          if (!open) {
            throw new IllegalArgumentException(where + ": <END> without its <START:label>");
          }
          open = false;
        }
      }
      if (open) {
        throw new IllegalArgumentException(where + ": not an OpenNLP name sample: a <START> without its <END>");
      }
      NameSample sample;
      try {
        sample = NameSample.parse(line, false);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(where + ": not an OpenNLP name sample (<START:label> words <END>): "
            + e.getMessage(), e);
      }
      List<Span> spans = new ArrayList<>();
      for (Span span : sample.getNames()) {
        if (span.getType() == null) {
          throw new IllegalArgumentException(where + ": <START> without a label; write <START:LABEL>");
        }
        spans.add(new Span(span.getStart(), span.getEnd(), label(span.getType(), where)));
      }
      assembler.addSentence(List.of(sample.getSentence()), spans, "line " + (n + 1));
    }
    assembler.endDocument("end");
    return new Corpus(assembler.documents, List.of());
  }

  /** A label as an entity type name: the error names the line when it is not one. */
  private static String label(String label, String where) {
    try {
      return EntityType.of(label.strip()).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": label \"" + label + "\" must be upper-case letters, digits or '_'");
    }
  }

  /** Joins tokenized sentences into documents with text and character spans. */
  private static final class DocumentAssembler {
    final List<AnnotatedDocument> documents = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<LabeledSpan> spans = new ArrayList<>();
    private final List<GoldSentence> sentences = new ArrayList<>();
    private String id;

    void addSentence(List<String> tokens, List<Span> tokenSpans, String where) {
      if (id == null) {
        id = where;
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      int[] starts = new int[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        if (t > 0) {
          text.append(' ');
        }
        starts[t] = text.length();
        text.append(tokens.get(t));
      }
      for (Span span : tokenSpans) {
        int end = starts[span.getEnd() - 1] + tokens.get(span.getEnd() - 1).length();
        spans.add(new LabeledSpan(starts[span.getStart()], end, span.getType()));
      }
      // The name finder reads Treebank forms ("(" is "-LRB-"), so it learns from them too.
      String sentence = text.substring(starts[0]);
      List<String> forms = new ArrayList<>(tokens.size());
      for (int t = 0; t < tokens.size(); t++) {
        forms.add(PtbForms.of(sentence, starts[t] - starts[0], starts[t] - starts[0] + tokens.get(t).length()));
      }
      sentences.add(new GoldSentence(ImmutableList.copyOf(forms), ImmutableList.of(), ImmutableList.copyOf(tokenSpans)));
    }

    void endDocument(String where) {
      if (!sentences.isEmpty()) {
        documents.add(new AnnotatedDocument(id, text.toString(), List.copyOf(spans),
            new GoldDocument(id, ImmutableList.copyOf(sentences))));
      }
      text.setLength(0);
      spans.clear();
      sentences.clear();
      id = null;
    }
  }
}
