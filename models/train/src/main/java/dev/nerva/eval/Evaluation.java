package dev.nerva.eval;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import dev.nerva.internal.ner.NameFinderRecognizer;
import opennlp.tools.util.Span;

/** The two evaluations of the model card: the name finder on gold tokens, the pipeline on raw text. */
public final class Evaluation {

  /** The OntoNotes types Nerva reports, in the order tables list them. */
  public static final ImmutableList<String> GOLD_TOKEN_TYPES = ImmutableList.of("PERSON", "ORG", "GPE", "DATE");
  /** The pipeline's classes: GPE and LOC pooled as PLACE, since COUNTRY and LOCATION split them otherwise. */
  public static final ImmutableList<String> PIPELINE_TYPES = ImmutableList.of("PERSON", "ORG", "PLACE", "DATE");

  private static final ImmutableMap<String, String> GOLD_TO_PIPELINE =
      ImmutableMap.of("PERSON", "PERSON", "ORG", "ORG", "GPE", "PLACE", "LOC", "PLACE", "DATE", "DATE");
  private static final ImmutableMap<EntityType, String> NERVA_TO_PIPELINE = ImmutableMap.of(
      EntityType.PERSON, "PERSON", EntityType.ORGANIZATION, "ORG", EntityType.COUNTRY, "PLACE",
      EntityType.LOCATION, "PLACE", EntityType.DATE, "DATE");

  /** Text casing variants for robustness figures. */
  public enum Casing {
    ORIGINAL(s -> s), LOWER(s -> recase(s, true)), UPPER(s -> recase(s, false)), TITLE(Evaluation::titleCase);

    final UnaryOperator<String> apply;

    Casing(UnaryOperator<String> apply) {
      this.apply = apply;
    }
  }

  private Evaluation() {}

  /** Character-wise recasing that keeps the length, so offsets stay valid. */
  static String recase(String s, boolean lower) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = lower ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
    }
    return new String(chars);
  }

  /**
   * Every word capitalised and the rest of it lower-cased, as in a headline in title case; the
   * length is kept. A letter starts a word unless it follows a letter, a digit or an apostrophe,
   * and the clitic "n't" stays as it is ("Don't", not "DoN'T").
   */
  static String titleCase(String s) {
    if (s.equalsIgnoreCase("n't")) {
      return s.toLowerCase(java.util.Locale.ROOT);
    }
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char before = i == 0 ? ' ' : chars[i - 1];
      boolean starts = !Character.isLetterOrDigit(before) && before != '\'' && before != '’';
      chars[i] = starts ? Character.toUpperCase(chars[i]) : Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** Scores the name finder on gold tokens, exact span and OntoNotes type. */
  public static SpanScores goldTokens(NameFinderRecognizer finder, List<GoldDocument> documents, Casing casing) {
    SpanScores scores = new SpanScores();
    for (GoldDocument document : documents) {
      List<String[]> sentences = new ArrayList<>();
      for (GoldSentence sentence : document.sentences()) {
        sentences.add(sentence.tokens().stream()
            .map(t -> t.startsWith("-") && t.endsWith("-") && t.length() > 1 ? t : casing.apply.apply(t))
            .toArray(String[]::new));
      }
      List<Span[]> found = finder.find(sentences);
      for (int i = 0; i < sentences.size(); i++) {
        scores.add(keys(document.sentences().get(i).spans()), keys(List.of(found.get(i))));
      }
    }
    return scores;
  }

  private static Set<SpanScores.Key> keys(List<Span> spans) {
    Set<SpanScores.Key> keys = new HashSet<>();
    for (Span s : spans) {
      keys.add(new SpanScores.Key(s.getStart(), s.getEnd(), s.getType()));
    }
    return keys;
  }

  /** Result of a pipeline run: scores plus throughput. */
  public record PipelineResult(SpanScores scores, long tokens, long nanos) {
    public double tokensPerSecond() {
      return tokens * 1e9 / nanos;
    }
  }

  /** Scores the whole pipeline on detokenized raw text by character offsets, facilities counted as places. */
  public static PipelineResult pipeline(Nerva nerva, List<GoldDocument> documents, Casing casing) {
    return pipeline(nerva, documents, casing, true);
  }

  /**
   * Scores the whole pipeline on detokenized raw text by character offsets.
   *
   * @param facilitiesArePlaces whether gold FAC spans count as PLACE, as the pipeline reports them
   *     by default
   */
  public static PipelineResult pipeline(Nerva nerva, List<GoldDocument> documents, Casing casing,
      boolean facilitiesArePlaces) {
    SpanScores scores = new SpanScores();
    long tokens = 0;
    long nanos = 0;
    for (GoldDocument gold : documents) {
      Detokenizer.RawDocument raw = Detokenizer.detokenize(gold);
      String text = casing.apply.apply(raw.text());
      long t0 = System.nanoTime();
      Document document = nerva.process(text);
      nanos += System.nanoTime() - t0;
      tokens += document.tokens().size();
      Set<SpanScores.Key> goldKeys = new HashSet<>();
      for (Span s : raw.spans()) {
        String type = facilitiesArePlaces && s.getType().equals("FAC") ? "PLACE" : GOLD_TO_PIPELINE.get(s.getType());
        if (type != null) {
          goldKeys.add(new SpanScores.Key(s.getStart(), s.getEnd(), type));
        }
      }
      Set<SpanScores.Key> predicted = new HashSet<>();
      for (Entity e : document.entities()) {
        String type = NERVA_TO_PIPELINE.get(e.type());
        if (type != null) {
          predicted.add(new SpanScores.Key(e.start(), e.end(), type));
        }
      }
      scores.add(goldKeys, predicted);
    }
    return new PipelineResult(scores, tokens, nanos);
  }

  /** Formats a throughput figure. */
  public static String rate(double tokensPerSecond) {
    return String.format(Locale.ROOT, "%,.0f tokens/s", tokensPerSecond);
  }
}
