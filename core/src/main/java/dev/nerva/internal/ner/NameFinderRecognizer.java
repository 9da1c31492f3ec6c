package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import dev.nerva.ner.features.ContextualCodes;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.EntityType;
import dev.nerva.ModelLoadException;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.tokenize.TrueCaser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * Manifest property under which a model stores its bias against the "other" label (see {@link
   * #withOtherBias}); OpenNLP ignores it.
   */
  public static final String OTHER_BIAS_PROPERTY = "Nerva-OtherBias";

  /**
   * Manifest property under which a model says in which order it reads a sentence's tokens;
   * absent means left to right, as OpenNLP does. A right-to-left model was trained on sentences
   * reversed, and this recognizer reverses them for it (OpenNLP's own {@code NameFinderME} does
   * not: give it the tokens reversed).
   */
  public static final String DIRECTION_PROPERTY = "Nerva-Direction";

  /** The value of {@link #DIRECTION_PROPERTY} for a model that reads from the last token to the first. */
  public static final String RIGHT_TO_LEFT = "RIGHT_TO_LEFT";

  /**
   * The default of {@link #withBackwardModel(TokenNameFinderModel, double)}: the right-to-left
   * model is consulted on a sentence when the left-to-right model gives any of its labels a
   * probability below this. On OntoNotes dev consulting it below 0.9 scores as consulting it
   * always, at about 1.3 times the speed.
   */
  public static final double DEFAULT_CONSULT_BELOW = 0.9;

  /** The classpath resource of the bundled English name finder, shipped by nerva-models-en. */
  public static final String ENGLISH_MODEL_RESOURCE = "/dev/nerva/models/en/ner-en.bin";

  /** The classpath resource of its right-to-left partner (see {@link #withBackwardModel}). */
  public static final String ENGLISH_BACKWARD_MODEL_RESOURCE = "/dev/nerva/models/en/ner-en-r2l.bin";

  /** Longer sentences are decoded in pieces of this many tokens; models never saw longer ones. */
  static final int MAX_TOKENS_PER_DECODE = 250;

  private final String name;
  private final TokenNameFinderModel model;
  private final ImmutableMap<String, EntityType> labels;
  /** Present for GIS maxent models (all of Nerva's); other models decode with NameFinderME. */
  private final MaxentBeamDecoder decoder;
  private final boolean readsRightToLeft;
  /** A right-to-left model combined with this one (see {@link #withBackwardModel}), or null. */
  private final TokenNameFinderModel backwardModel;
  private final MaxentBeamDecoder backward;
  private final double consultBelow;
  private final TrueCaser trueCaser;
  /** Codes the models read as features (see {@link #withContextualCoder}), or null. */
  private final ContextualCoder coder;

  /**
   * @param name the recognizer name stored in the spans
   * @param model the trained name finder
   * @param labels model label to Nerva type; spans with other labels are dropped
   */
  public NameFinderRecognizer(
      String name, TokenNameFinderModel model, ImmutableMap<String, EntityType> labels) {
    this(name, model, labels, MaxentBeamDecoder.of(model).orElse(null), null, null, 0, TrueCaser.NONE, null);
  }

  /**
   * A recognizer over a name finder read for decoding only (see {@link PackedNameFinder}).
   *
   * @param name the recognizer name stored in the spans
   * @param finder the name finder
   * @param labels model label to Nerva type; spans with other labels are dropped
   */
  public NameFinderRecognizer(String name, PackedNameFinder finder, ImmutableMap<String, EntityType> labels) {
    this(name, finder.model(), labels, finder.decoder(), null, null, 0, TrueCaser.NONE, null);
  }

  private NameFinderRecognizer(String name, TokenNameFinderModel model,
      ImmutableMap<String, EntityType> labels, MaxentBeamDecoder decoder,
      TokenNameFinderModel backwardModel, MaxentBeamDecoder backward, double consultBelow, TrueCaser trueCaser,
      ContextualCoder coder) {
    this.name = Preconditions.checkNotNull(name, "name");
    this.model = Preconditions.checkNotNull(model, "model");
    this.labels = Preconditions.checkNotNull(labels, "labels");
    this.decoder = decoder;
    this.readsRightToLeft = isRightToLeft(model);
    this.backwardModel = backwardModel;
    this.backward = backward;
    this.consultBelow = consultBelow;
    this.trueCaser = trueCaser;
    this.coder = coder;
  }

  /**
   * A recognizer for a model trained on labels of your own: each label the model learned becomes
   * the entity type of the same name ({@code PRODUCT} → {@code EntityType.of("PRODUCT")}).
   *
   * @param name the recognizer name stored in the spans
   * @param model the trained name finder
   * @throws ModelLoadException if a label is not a valid entity type name
   */
  public static NameFinderRecognizer withOwnLabels(String name, TokenNameFinderModel model) {
    ImmutableMap.Builder<String, EntityType> labels = ImmutableMap.builder();
    for (String type : modelTypes(model)) {
      try {
        labels.put(type, EntityType.of(type));
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("name finder " + name + " has a label that is not an entity type name: " + type, e);
      }
    }
    return new NameFinderRecognizer(name, model, labels.buildOrThrow());
  }

  /** The entity labels a name finder learned, from its outcomes ("PRODUCT-start" → "PRODUCT"). */
  static Set<String> modelTypes(TokenNameFinderModel model) {
    Set<String> types = new TreeSet<>();
    opennlp.tools.ml.model.MaxentModel classifier = model.getNameFinderSequenceModel() == null
        ? (opennlp.tools.ml.model.MaxentModel) model.getArtifact("nameFinder.model") : null;
    String[] outcomes = classifier != null ? allOutcomes(classifier) : model.getNameFinderSequenceModel().getOutcomes();
    for (String outcome : outcomes) {
      int dash = outcome.lastIndexOf('-');
      if (dash > 0) {
        types.add(outcome.substring(0, dash));
      }
    }
    return types;
  }

  private static String[] allOutcomes(opennlp.tools.ml.model.MaxentModel classifier) {
    String[] outcomes = new String[classifier.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = classifier.getOutcome(i);
    }
    return outcomes;
  }

  /**
   * This recognizer reading sentences in both directions where it is unsure: when this
   * (left-to-right) model gives any label of a sentence a probability below {@link
   * #DEFAULT_CONSULT_BELOW}, a right-to-left model trained on the same labels reads the sentence
   * too; each model's beam proposes label sequences, and the sequence with the highest product of
   * both models' probabilities wins. A left-to-right tagger decides a token's label knowing only
   * the labels before it, a right-to-left one only those after it; together each corrects the
   * other's early mistakes. See the model card for what it adds and costs.
   *
   * @param rightToLeft a model whose manifest says it reads right to left ({@link #DIRECTION_PROPERTY})
   * @throws IllegalArgumentException if this model is not a left-to-right GIS maxent model, or the
   *     other not a right-to-left GIS maxent model with the same labels
   */
  public NameFinderRecognizer withBackwardModel(TokenNameFinderModel rightToLeft) {
    return withBackwardModel(rightToLeft, DEFAULT_CONSULT_BELOW);
  }

  /**
   * {@link #withBackwardModel(TokenNameFinderModel)} with another threshold: 0 never consults the
   * right-to-left model (the results of this one alone), above 1 always does (slowest).
   *
   * @throws IllegalArgumentException also if the threshold is negative or not a number
   */
  public NameFinderRecognizer withBackwardModel(TokenNameFinderModel rightToLeft, double consultBelow) {
    Preconditions.checkArgument(consultBelow >= 0, "threshold must be 0 or more: %s", consultBelow);
    Preconditions.checkNotNull(rightToLeft, "rightToLeft");
    Preconditions.checkArgument(decoder != null && !readsRightToLeft,
        "only a left-to-right GIS maxent model can be combined with a right-to-left one");
    Preconditions.checkArgument(isRightToLeft(rightToLeft), "the backward model must read right to left (%s)",
        DIRECTION_PROPERTY);
    MaxentBeamDecoder other = MaxentBeamDecoder.of(rightToLeft, decoder.beamSize(), decoder.otherBias())
        .orElseThrow(() -> new IllegalArgumentException("the backward model is not a GIS maxent model"));
    Preconditions.checkArgument(other.labels().equals(decoder.labels()),
        "the two models must have the same labels: %s against %s", other.labels(), decoder.labels());
    return new NameFinderRecognizer(name, model, labels, decoder, rightToLeft, other, consultBelow, trueCaser,
        coder);
  }

  /**
   * {@link #withBackwardModel(TokenNameFinderModel)} for a right-to-left name finder read for
   * decoding only (see {@link PackedNameFinder}).
   *
   * @param rightToLeft the right-to-left name finder
   * @throws IllegalArgumentException as {@link #withBackwardModel(TokenNameFinderModel)}
   */
  public NameFinderRecognizer withBackwardModel(PackedNameFinder rightToLeft) {
    Preconditions.checkNotNull(rightToLeft, "rightToLeft");
    Preconditions.checkArgument(decoder != null && !readsRightToLeft,
        "only a left-to-right GIS maxent model can be combined with a right-to-left one");
    Preconditions.checkArgument(isRightToLeft(rightToLeft.model()), "the backward model must read right to left (%s)",
        DIRECTION_PROPERTY);
    MaxentBeamDecoder other = rightToLeft.decoder().withSettings(decoder.beamSize(), decoder.otherBias());
    Preconditions.checkArgument(other.labels().equals(decoder.labels()),
        "the two models must have the same labels: %s against %s", other.labels(), decoder.labels());
    return new NameFinderRecognizer(name, model, labels, decoder, rightToLeft.model(), other, DEFAULT_CONSULT_BELOW,
        trueCaser, coder);
  }

  /**
   * This recognizer giving the models headlines in capitals or title case and documents in lower
   * case in their usual casing (see {@link TrueCaser}); {@link TrueCaser#NONE}, the default, gives
   * them every sentence as written. Spans keep the offsets and text of the original.
   */
  public NameFinderRecognizer withTrueCaser(TrueCaser trueCaser) {
    Preconditions.checkNotNull(trueCaser, "trueCaser");
    return new NameFinderRecognizer(name, model, labels, decoder, backwardModel, backward, consultBelow, trueCaser,
        coder);
  }

  /**
   * This recognizer giving its models each sentence's contextual codes: before a sentence is
   * decoded, {@code coder} reads it and the codes are attached to it (and, reversed, to the
   * reversed sentence the right-to-left model reads) for the models' {@code
   * ContextualCodesFeaturesFactory} features. For models trained with those features (the
   * contextual-codes experiment's); others ignore the codes.
   *
   * @param coder the codes of a sentence's tokens; thread-safe
   */
  public NameFinderRecognizer withContextualCoder(ContextualCoder coder) {
    Preconditions.checkNotNull(coder, "coder");
    return new NameFinderRecognizer(name, model, labels, decoder, backwardModel, backward, consultBelow, trueCaser,
        coder);
  }

  /** Whether each sentence's contextual codes reach the models ({@link #withContextualCoder}). */
  public boolean hasContextualCoder() {
    return coder != null;
  }

  /** The true-caser sentences pass through before the models see them. */
  public TrueCaser trueCaser() {
    return trueCaser;
  }

  /** The right-to-left model combined with this one, if any. */
  public Optional<TokenNameFinderModel> backwardModel() {
    return Optional.ofNullable(backwardModel);
  }

  /** Whether the model reads sentences from their last token to their first ({@link #DIRECTION_PROPERTY}). */
  public static boolean isRightToLeft(TokenNameFinderModel model) {
    String direction = model.getManifestProperty(DIRECTION_PROPERTY);
    if (direction == null || direction.equals("LEFT_TO_RIGHT")) {
      return false;
    }
    if (direction.equals(RIGHT_TO_LEFT)) {
      return true;
    }
    throw new ModelLoadException("unknown " + DIRECTION_PROPERTY + " in name finder model: " + direction);
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
    return new NameFinderRecognizer(name, model, labels, decoder.withSettings(beamSize, otherBias), backwardModel,
        backward == null ? null : backward.withSettings(beamSize, otherBias), consultBelow, trueCaser, coder);
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
   * the mean of their tokens' label probabilities. The document goes through the recognizer's
   * {@link #withTrueCaser true-caser} first.
   *
   * @param sentences the document's sentences, each an array of token forms
   * @return one array of spans (token offsets) per sentence
   */
  public List<Span[]> find(List<String[]> sentences) {
    Preconditions.checkNotNull(sentences, "sentences");
    List<String[]> cased = trueCaser.apply(sentences); // also rejects null sentences
    if (coder == null) {
      return decode(cased);
    }
    try {
      for (String[] tokens : cased) {
        int[][] codes = coder.codes(tokens);
        Preconditions.checkState(codes.length == tokens.length, "the coder gave %s rows for %s tokens", codes.length,
            tokens.length);
        ContextualCodes.attach(tokens, codes);
      }
      return decode(cased);
    } finally {
      cased.forEach(ContextualCodes::detach); // nothing stays attached to this thread
    }
  }

  private List<Span[]> decode(List<String[]> cased) {
    List<Span[]> out = new ArrayList<>(cased.size());
    if (backward != null) {
      try (MaxentBeamDecoder.Session forwards = decoder.newDocument();
          MaxentBeamDecoder.Session backwards = backward.newDocument()) {
        for (String[] tokens : cased) {
          String[] reversedTokens = reversed(tokens);
          out.add(coder == null ? findBothWays(forwards, backwards, consultBelow, tokens, reversedTokens)
              : findBothWaysWithCodes(forwards, backwards, consultBelow, tokens, reversedTokens));
        }
      }
    } else if (decoder != null) {
      try (MaxentBeamDecoder.Session session = decoder.newDocument()) {
        cased.forEach(tokens -> out.add(inReadingOrder(tokens, session::find)));
      }
    } else {
      NameFinderME finder = new NameFinderME(model);
      cased.forEach(tokens -> out.add(inReadingOrder(tokens, finder::find)));
    }
    return out;
  }

  /** Runs {@code find} on the tokens in the model's reading order; spans come back in text order. */
  private Span[] inReadingOrder(String[] tokens, Function<String[], Span[]> find) {
    if (!readsRightToLeft) {
      return find.apply(tokens);
    }
    return mirrored(find.apply(reversed(tokens)), tokens.length);
  }

  /** {@link #findBothWays} with the sentence's attached codes attached, reversed, to the reversed sentence too. */
  private static Span[] findBothWaysWithCodes(MaxentBeamDecoder.Session forwards,
      MaxentBeamDecoder.Session backwards, double consultBelow, String[] tokens, String[] reversedTokens) {
    ContextualCodes.attach(reversedTokens, reversed(ContextualCodes.attached(tokens)));
    try {
      return findBothWays(forwards, backwards, consultBelow, tokens, reversedTokens);
    } finally {
      ContextualCodes.detach(reversedTokens);
    }
  }

  /**
   * The left-to-right model's best labels if it gives each a probability of at least {@code
   * consultBelow}; otherwise the candidate of either beam with the highest product of both models'
   * sequence probabilities. Both sessions then remember the labels for the document's later
   * sentences.
   */
  private static Span[] findBothWays(MaxentBeamDecoder.Session forwards, MaxentBeamDecoder.Session backwards,
      double consultBelow, String[] tokens, String[] reversedTokens) {
    List<String[]> forwardCandidates = forwards.candidates(tokens);
    String[] forwardBest = forwardCandidates.get(0);
    double[] forwardBestProbabilities = forwards.probabilities(tokens, forwardBest);
    if (!allAtLeast(forwardBestProbabilities, consultBelow)) {
      return bestOfBoth(forwards, backwards, tokens, reversedTokens, forwardCandidates);
    }
    int n = tokens.length;
    Span[] spans = forwards.spans(forwardBest);
    backwards.commit(reversedTokens, backwards.labels(mirrored(spans, n), n), new double[n]);
    return forwards.commit(tokens, forwardBest, forwardBestProbabilities);
  }

  private static boolean allAtLeast(double[] probabilities, double threshold) {
    for (double p : probabilities) {
      if (p < threshold) {
        return false;
      }
    }
    return true;
  }

  /**
   * The candidate of either beam with the highest product of both models' sequence probabilities.
   * Apart from the common case so that the JIT compiles both small and once, not the whole decision
   * with both decoders inlined several times over.
   */
  private static Span[] bestOfBoth(MaxentBeamDecoder.Session forwards, MaxentBeamDecoder.Session backwards,
      String[] tokens, String[] reversedTokens, List<String[]> forwardCandidates) {
    int n = tokens.length;
    Set<Candidate> candidates = new LinkedHashSet<>();
    for (String[] labels : forwardCandidates) {
      candidates.add(new Candidate(forwards.spans(labels)));
    }
    for (String[] labels : backwards.candidates(reversedTokens)) {
      candidates.add(new Candidate(mirrored(backwards.spans(labels), n)));
    }
    double bestScore = Double.NEGATIVE_INFINITY;
    String[] bestForward = null;
    String[] bestBackward = null;
    double[] bestForwardProbabilities = null;
    double[] bestBackwardProbabilities = null;
    for (Candidate candidate : candidates) {
      Span[] spans = candidate.spans();
      String[] forwardLabels = forwards.labels(spans, n);
      String[] backwardLabels = backwards.labels(mirrored(spans, n), n);
      double[] forwardProbabilities = forwards.probabilities(tokens, forwardLabels);
      double[] backwardProbabilities = backwards.probabilities(reversedTokens, backwardLabels);
      double score = 0;
      for (int i = 0; i < n; i++) {
        score += Math.log(forwardProbabilities[i]) + Math.log(backwardProbabilities[i]);
      }
      if (bestForward == null || score > bestScore) {
        bestScore = score;
        bestForward = forwardLabels;
        bestBackward = backwardLabels;
        bestForwardProbabilities = forwardProbabilities;
        bestBackwardProbabilities = backwardProbabilities;
      }
    }
    backwards.commit(reversedTokens, bestBackward, bestBackwardProbabilities);
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = (bestForwardProbabilities[i] + bestBackwardProbabilities[n - 1 - i]) / 2;
    }
    return forwards.commit(tokens, bestForward, mean);
  }

  /**
   * One candidate's spans, equal to another with the same spans, so that a set keeps each once. An
   * array in a record of its own rather than a {@code List.of} copy turned back into an array: the
   * JIT's type checks on the immutable lists' classes failed as sentences varied, and each failure
   * had it compile {@link #bestOfBoth} again.
   */
  private record Candidate(Span[] spans) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Candidate candidate && Arrays.equals(spans, candidate.spans);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(spans);
    }

    @Override
    public String toString() {
      return Arrays.toString(spans);
    }
  }

  /** Spans of a sentence of n tokens read backwards, in forward offsets and order (or vice versa). */
  private static Span[] mirrored(Span[] spans, int n) {
    Span[] mirrored = new Span[spans.length];
    for (int i = 0; i < spans.length; i++) {
      Span s = spans[spans.length - 1 - i];
      mirrored[i] = new Span(n - s.getEnd(), n - s.getStart(), s.getType(), s.getProb());
    }
    return mirrored;
  }

  private static int[][] reversed(int[][] rows) {
    int[][] reversed = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      reversed[i] = rows[rows.length - 1 - i];
    }
    return reversed;
  }

  static String[] reversed(String[] tokens) {
    String[] reversed = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      reversed[i] = tokens[tokens.length - 1 - i];
    }
    return reversed;
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

  @Override
  public Set<EntityType> types() {
    return ImmutableSet.copyOf(labels.values());
  }

  /**
   * The types this recognizer produces that a pipeline reports only when asked: for a model read
   * with {@link OntoNotesLabels#TO_NERVA}, the OntoNotes labels beyond Nerva's five (NORP, TIME,
   * ...), which still hold their place in overlap resolution; none otherwise.
   */
  public Set<EntityType> typesHiddenByDefault() {
    return labels.equals(OntoNotesLabels.TO_NERVA) ? OntoNotesLabels.OTHER_TYPES : ImmutableSet.of();
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
            text.substring(first.start(), last.end()), confidence, name));
      }
    }
    return out;
  }
}
