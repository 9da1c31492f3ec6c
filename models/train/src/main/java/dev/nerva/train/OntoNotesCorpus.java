package dev.nerva.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.Span;

/**
 * Reads the OntoNotes 5.0 BIO files of the shared corpus folder: one token per line as {@code
 * token<TAB>POS<TAB>BIO-tag}, blank lines between sentences, {@code # doc ID} lines between
 * documents. The speech genres' escaped punctuation ({@code /.}, {@code /?}, {@code /-}) is
 * unescaped so the tokens match what the tokenizer produces from raw text.
 */
public final class OntoNotesCorpus {

  /**
   * One sentence: its tokens, their gold part-of-speech tags and the gold spans (token offsets,
   * OntoNotes labels as types).
   */
  public record GoldSentence(ImmutableList<String> tokens, ImmutableList<String> tags, ImmutableList<Span> spans) {}

  /** One document of the corpus. */
  public record GoldDocument(String id, ImmutableList<GoldSentence> sentences) {
    /** The genre, the first part of the id ("nw", "bn", ...). */
    public String genre() {
      int slash = id.indexOf('/');
      return slash > 0 ? id.substring(0, slash) : id;
    }
  }

  private OntoNotesCorpus() {}

  /** The file of a split ("train", "dev") in the corpus folder. */
  public static Path split(Path corpusDir, String split) {
    Path file = corpusDir.resolve(split + ".bio");
    Preconditions.checkArgument(Files.isRegularFile(file), "no corpus file %s", file);
    return file;
  }

  /** Reads all documents of one file. */
  public static List<GoldDocument> read(Path file) throws IOException {
    List<GoldDocument> documents = new ArrayList<>();
    String docId = null;
    List<GoldSentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> pos = new ArrayList<>();
    int lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.startsWith("# doc ")) {
          flushSentence(tokens, pos, tags, sentences, file, lineNumber);
          if (docId != null && !sentences.isEmpty()) {
            documents.add(new GoldDocument(docId, ImmutableList.copyOf(sentences)));
          }
          docId = line.substring(6).trim();
          sentences.clear();
        } else if (line.isEmpty()) {
          flushSentence(tokens, pos, tags, sentences, file, lineNumber);
        } else {
          String[] fields = line.split("\t");
          if (fields.length != 3) {
            throw new IOException(file + ":" + lineNumber + ": expected 3 tab-separated columns");
          }
          tokens.add(unescape(fields[0]));
          pos.add(fields[1]);
          tags.add(fields[2]);
        }
      }
    }
    flushSentence(tokens, pos, tags, sentences, file, lineNumber);
    if (!sentences.isEmpty()) {
      documents.add(new GoldDocument(docId == null ? "unknown" : docId, ImmutableList.copyOf(sentences)));
    }
    return documents;
  }

  static String unescape(String token) {
    if (token.length() == 2 && token.charAt(0) == '/' && ".?-".indexOf(token.charAt(1)) >= 0) {
      return token.substring(1);
    }
    return token;
  }

  private static void flushSentence(
      List<String> tokens, List<String> pos, List<String> tags, List<GoldSentence> out, Path file, int line) throws IOException {
    if (tokens.isEmpty()) {
      return;
    }
    List<Span> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      boolean inside = tag.startsWith("I-") && type != null && tag.substring(2).equals(type);
      if (!inside && type != null) {
        spans.add(new Span(start, i, type));
        type = null;
      }
      if (tag.startsWith("B-") || (tag.startsWith("I-") && type == null)) {
        start = i;
        type = tag.substring(2);
      } else if (!tag.equals("O") && !tag.startsWith("I-")) {
        throw new IOException(file + ":" + line + ": bad BIO tag " + tag);
      }
    }
    out.add(new GoldSentence(ImmutableList.copyOf(tokens), ImmutableList.copyOf(pos), ImmutableList.copyOf(spans)));
    tokens.clear();
    pos.clear();
    tags.clear();
  }
}
