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

  /**
   * Manifest property under which a model stores its bias against the "other" label (see {@link
   * #withOtherBias}); OpenNLP ignores it.
   */
  public static final String OTHER_BIAS_PROPERTY = "Nerva-OtherBias";

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
    this(name, model, labels, MaxentBeamDecoder.of(model).orElse(null));
  }

  private NameFinderRecognizer(String name, TokenNameFinderModel model,
      ImmutableMap<String, EntityType> labels, MaxentBeamDecoder decoder) {
    this.name = Preconditions.checkNotNull(name, "name");
    this.model = Preconditions.checkNotNull(model, "model");
    this.labels = Preconditions.checkNotNull(labels, "labels");
    this.decoder = decoder;
  }

  /**
   * This recognizer with a beam of another width than the one stored in the model (wider is
   * slower and rarely better; 1 is greedy). For GIS maxent models only.
   *
   * @throws IllegalArgumentException if the width is not positive
   * @throws IllegalStateException if the model is not a GIS maxent model
   */
  public NameFinderRecognizer withBeamSize(int beamSize) {
    return withDecoder(beamSize, otherBias());
  }

  /**
   * This recognizer with another bias against the "other" (no name) label than the one stored in
   * the model: positive values find more names (recall up, precision down), 0 decodes as OpenNLP
   * does. For GIS maxent models only.
   *
   * @throws IllegalArgumentException if the bias is not finite
   * @throws IllegalStateException if the model is not a GIS maxent model
   */
  public NameFinderRecognizer withOtherBias(double otherBias) {
    return withDecoder(beamSize(), otherBias);
  }

  private NameFinderRecognizer withDecoder(int beamSize, double otherBias) {
    Preconditions.checkState(decoder != null, "decoding settings can only be changed for GIS maxent models");
    return new NameFinderRecognizer(name, model, labels, decoder.withSettings(beamSize, otherBias));
  }

  /** The beam width the recognizer decodes with. */
  public int beamSize() {
    return decoder != null ? decoder.beamSize() : MaxentBeamDecoder.beamSizeOf(model);
  }

  /** The bias against the "other" label the recognizer decodes with (0 for OpenNLP's decoder). */
  public double otherBias() {
    return decoder != null ? decoder.otherBias() : 0;
  }

  /**
   * Labels one document given as sentences of Treebank tokens, like OpenNLP's {@link
   * NameFinderME#find(String[])} called sentence after sentence with a fresh finder: labels given
   * to earlier sentences inform later ones. Spans carry the model's labels and, as probability,
   * the mean of their tokens' label probabilities.
   *
   * @param sentences the document's sentences, each an array of token forms
   * @return one array of spans (token offsets) per sentence
   */
  public List<Span[]> find(List<String[]> sentences) {
    Preconditions.checkNotNull(sentences, "sentences");
    List<Span[]> out = new ArrayList<>(sentences.size());
    if (decoder != null) {
      try (MaxentBeamDecoder.Session session = decoder.newDocument()) {
        sentences.forEach(tokens -> out.add(session.find(Preconditions.checkNotNull(tokens, "sentence"))));
      }
    } else {
      NameFinderME finder = new NameFinderME(model);
      sentences.forEach(tokens -> out.add(finder.find(Preconditions.checkNotNull(tokens, "sentence"))));
    }
    return out;
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
    // sentences longer than the models ever saw are decoded in pieces
    List<String[]> pieces = new ArrayList<>();
    List<Sentence> pieceSentence = new ArrayList<>();
    List<Integer> pieceStart = new ArrayList<>();
    for (Sentence sentence : sentences) {
      String[] forms = sentence.forms();
      for (int from = 0; from < forms.length; from += MAX_TOKENS_PER_DECODE) {
        int to = Math.min(forms.length, from + MAX_TOKENS_PER_DECODE);
        pieces.add(from == 0 && to == forms.length ? forms : Arrays.copyOfRange(forms, from, to));
        pieceSentence.add(sentence);
        pieceStart.add(from);
      }
    }
    List<Span[]> found = find(pieces);
    List<Entity> out = new ArrayList<>();
    for (int p = 0; p < pieces.size(); p++) {
      for (Span span : found.get(p)) {
        EntityType type = labels.get(span.getType());
        if (type == null) {
          continue;
        }
        Token first = pieceSentence.get(p).tokens().get(pieceStart.get(p) + span.getStart());
        Token last = pieceSentence.get(p).tokens().get(pieceStart.get(p) + span.getEnd() - 1);
        double confidence = Math.max(0.0, Math.min(1.0, span.getProb()));
        out.add(new Entity(type, first.start(), last.end(),
            text.substring(first.start(), last.end()), confidence, name, Optional.empty()));
      }
    }
    return out;
  }
}
