package dev.nerva.ner;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.ModelLoadException;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Runs an OpenNLP {@link TokenNameFinderModel} over each sentence's Treebank token forms and maps
 * its labels to Nerva types.
 *
 * <p>The model is loaded once and shared. GIS maxent models (all of Nerva's) are decoded by a
 * faster equivalent of {@link NameFinderME}'s beam search; other models by a {@code NameFinderME}
 * made per document. Either way the adaptive features (earlier decisions in the same document)
 * start empty for each document and never leak from one into another. Safe to share between
 * threads.
 */
public final class NameFinderRecognizer implements EntityRecognizer {

  /** Longer sentences are decoded in pieces of this many tokens; models never saw longer ones. */
  static final int MAX_TOKENS_PER_DECODE = 250;

  private final String name;
  private final TokenNameFinderModel model;
  private final ImmutableMap<String, EntityType> labels;
  /** Present for GIS maxent models (all of Nerva's); other models decode with NameFinderME. */
  private final MaxentBeamDecoder decoder;

  /**
   * @param name the recognizer name stored in the spans
   * @param model the trained name finder
   * @param labels model label to Nerva type; spans with other labels are dropped
   */
  public NameFinderRecognizer(
      String name, TokenNameFinderModel model, ImmutableMap<String, EntityType> labels) {
    this.name = Preconditions.checkNotNull(name, "name");
    this.model = Preconditions.checkNotNull(model, "model");
    this.labels = Preconditions.checkNotNull(labels, "labels");
    this.decoder = MaxentBeamDecoder.of(model).orElse(null);
  }

  /**
   * Loads a name finder model from a file.
   *
   * @throws ModelLoadException naming the file if it is missing, unreadable or not a name finder
   */
  public static TokenNameFinderModel loadModel(Path file) {
    Preconditions.checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return loadModel(in, file.toString());
    } catch (IOException e) {
      throw new ModelLoadException("cannot read name finder model " + file + ": " + e, e);
    }
  }

  /**
   * Loads a name finder model from a stream; {@code source} names it in error messages.
   *
   * @throws ModelLoadException if the stream is not a valid name finder model
   */
  public static TokenNameFinderModel loadModel(InputStream in, String source) {
    Preconditions.checkNotNull(in, "in");
    try {
      return new TokenNameFinderModel(in);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          "name finder model " + source + " is corrupt or not an OpenNLP name finder model: " + e, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The underlying OpenNLP model. */
  public TokenNameFinderModel model() {
    return model;
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> out = new ArrayList<>();
    if (decoder != null) {
      try (MaxentBeamDecoder.Session session = decoder.newDocument()) {
        recognize(text, sentences, session::find, out);
      }
    } else {
      recognize(text, sentences, new NameFinderME(model)::find, out);
    }
    return out;
  }

  private void recognize(
      String text, List<Sentence> sentences, Function<String[], Span[]> finder, List<Entity> out) {
    for (Sentence sentence : sentences) {
      String[] forms = sentence.forms();
      for (int from = 0; from < forms.length; from += MAX_TOKENS_PER_DECODE) {
        int to = Math.min(forms.length, from + MAX_TOKENS_PER_DECODE);
        String[] piece = from == 0 && to == forms.length ? forms : Arrays.copyOfRange(forms, from, to);
        for (Span span : finder.apply(piece)) {
          EntityType type = labels.get(span.getType());
          if (type == null) {
            continue;
          }
          Token first = sentence.tokens().get(from + span.getStart());
          Token last = sentence.tokens().get(from + span.getEnd() - 1);
          double confidence = Math.max(0.0, Math.min(1.0, span.getProb()));
          out.add(new Entity(type, first.start(), last.end(),
              text.substring(first.start(), last.end()), confidence, name, Optional.empty()));
        }
      }
    }
  }
}
