package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import dev.nerva.internal.Hash64;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.nerva.ner.features.MemoDictionaryFeaturesFactory;
import dev.nerva.ner.features.MemoNgramFeatures;
import dev.nerva.ner.features.MemoWindowFeaturesFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.DictionaryFeatureGeneratorFactory;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.featuregen.TrigramNameFeatureGeneratorFactory;
import opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory;

/**
 * The beam search of OpenNLP's {@link NameFinderME} for GIS maxent name finders, computed with
 * far less work and the same result.
 *
 * <p>{@code NameFinderME} builds the whole feature context again for every beam entry and looks
 * every feature string up in the model for each of them, although only its four previous-label
 * features ({@code po=}, {@code pow=}, {@code powf=}, {@code ppo=}) differ between entries. This
 * decoder generates and sums a token's label-independent features once, adds the four
 * label-dependent ones per beam entry, and checks label transitions in a table built from the
 * model's own sequence validator. The search itself (which entries are kept, which labels are
 * tried, the fallback when none is valid) follows {@link BeamSearch} step by step, so the spans
 * and their probabilities are those of {@code NameFinderME} up to floating-point rounding.
 *
 * <p>One addition: a model may carry a bias against the "other" label in its manifest ({@link
 * NameFinderRecognizer#OTHER_BIAS_PROPERTY}), subtracted from that label's summed weights before
 * normalisation. Maxent name finders find fewer names than there are (precision well above
 * recall); the bias trades some precision for recall. With a bias of 0 (the default, and what
 * OpenNLP's own decoder does) the results are {@code NameFinderME}'s.
 *
 * <p>Thread-safe: the model tables are immutable, and the feature generators (which hold
 * per-document adaptive state) are taken from a pool, one per call.
 */
final class MaxentBeamDecoder {

  private static final String MAXENT_ARTIFACT = "nameFinder.model";
  private static final String DESCRIPTOR_ARTIFACT = "generator.featuregen";

  private final TokenNameFinderModel model;

  private final FeatureWeights features;
  private final String[] outcomes;
  private final int beamSize;
  /** Subtracted from the summed weights of the "other" label before normalisation. */
  private final double otherBias;
  private final int otherOutcome;
  private final SequenceCodec<String> codec;
  private final TokenNameFinderFactory factory;
  /** Parameters of "po=X" and "ppo=X", indexed by outcome + 1 (0: before the sentence). */
  private final int[] previousOutcome;
  private final int[] previousPreviousOutcome;
  /** Whether outcome o may follow outcome p: valid[p + 1][o], p = -1 at the sentence start. */
  private final boolean[][] valid;
  private final ImmutableMap<String, Integer> outcomeIndex;
  private final ConcurrentLinkedQueue<Generators> generators = new ConcurrentLinkedQueue<>();

  /**
   * A decoder over weights packed already ({@link PackedNameFinder} reads them from the model file
   * straight into the tables).
   *
   * @param model the model, for its feature descriptor, resources, codec and manifest
   * @param features the packed weights
   * @param outcomes the outcome labels, by index
   */
  MaxentBeamDecoder(TokenNameFinderModel model, FeatureWeights features, String[] outcomes, int beamSize,
      double otherBias) {
    this.outcomes = outcomes.clone();
    this.features = features;
    ImmutableMap.Builder<String, Integer> index = ImmutableMap.builder();
    for (int o = 0; o < outcomes.length; o++) {
      index.put(outcomes[o], o);
    }
    this.outcomeIndex = index.buildOrThrow();
    this.beamSize = beamSize;
    this.otherBias = otherBias;
    this.otherOutcome = Arrays.asList(outcomes).indexOf(NameFinderME.OTHER);
    this.model = model;
    this.factory = model.getFactory();
    this.codec = factory.createSequenceCodec();
    int k = outcomes.length;
    previousOutcome = new int[k + 1];
    previousPreviousOutcome = new int[k + 1];
    for (int o = -1; o < k; o++) {
      String label = o < 0 ? NameFinderME.OTHER : outcomes[o];
      previousOutcome[o + 1] = features.find("po=" + label);
      previousPreviousOutcome[o + 1] = features.find("ppo=" + label);
    }
    valid = TransitionTable.of(codec, this.outcomes);
  }

  private MaxentBeamDecoder(MaxentBeamDecoder tables, int beamSize, double otherBias) {
    this.model = tables.model;
    this.features = tables.features;
    this.outcomes = tables.outcomes;
    this.outcomeIndex = tables.outcomeIndex;
    this.beamSize = beamSize;
    this.otherBias = otherBias;
    this.otherOutcome = tables.otherOutcome;
    this.codec = tables.codec;
    this.factory = tables.factory;
    this.previousOutcome = tables.previousOutcome;
    this.previousPreviousOutcome = tables.previousPreviousOutcome;
    this.valid = tables.valid;
  }

  /**
   * A decoder for the model, or empty if its classifier is not a GIS maxent model or it has no
   * feature generator descriptor (then use {@link NameFinderME}).
   */
  static Optional<MaxentBeamDecoder> of(TokenNameFinderModel model) {
    return of(model, beamSizeOf(model), otherBiasOf(model));
  }

  /** {@link #of(TokenNameFinderModel)} with another beam width and "other" bias than the model's. */
  static Optional<MaxentBeamDecoder> of(TokenNameFinderModel model, int beamSize, double otherBias) {
    Preconditions.checkNotNull(model, "model");
    checkSettings(beamSize, otherBias);
    Object maxent = model.getArtifact(MAXENT_ARTIFACT);
    if (!(maxent instanceof GISModel gis) || model.getFactory().createFeatureGenerators() == null) {
      return Optional.empty();
    }
    Object[] data = gis.getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    Preconditions.checkArgument(!pmap.containsKey(PackedNameFinder.PACKED_MARKER),
        "this model's weights live in a PackedNameFinder, not in the model; use that");
    String[] outcomes = (String[]) data[2];
    return Optional.of(new MaxentBeamDecoder(model, FeatureWeights.of(pmap, outcomes.length), outcomes, beamSize,
        otherBias));
  }

  /**
   * This decoder with another beam width and "other" bias, sharing its packed weights (tens of
   * megabytes, built in a fraction of a second) instead of packing them again.
   */
  MaxentBeamDecoder withSettings(int beamSize, double otherBias) {
    checkSettings(beamSize, otherBias);
    return new MaxentBeamDecoder(this, beamSize, otherBias);
  }

  private static void checkSettings(int beamSize, double otherBias) {
    Preconditions.checkArgument(beamSize > 0, "beam size must be positive: %s", beamSize);
    Preconditions.checkArgument(Double.isFinite(otherBias), "bias must be finite: %s", otherBias);
  }

  /**
   * The bias against the "other" (no name) label stored in the model's manifest under {@link
   * NameFinderRecognizer#OTHER_BIAS_PROPERTY}, or 0.
   */
  static double otherBiasOf(TokenNameFinderModel model) {
    String bias = model.getManifestProperty(NameFinderRecognizer.OTHER_BIAS_PROPERTY);
    return bias == null ? 0 : Double.parseDouble(bias.trim());
  }

  /** How far "other" was pushed down. */
  double otherBias() {
    return otherBias;
  }

  /** The beam width stored in the model's manifest, or OpenNLP's default. */
  static int beamSizeOf(TokenNameFinderModel model) {
    String beam = model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
    return beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam.trim());
  }

  /** The labels (outcomes) of the model. */
  ImmutableSet<String> labels() {
    return outcomeIndex.keySet();
  }

  /** The beam width taken from the model. */
  int beamSize() {
    return beamSize;
  }

  /**
   * A decoding session for one document: sentences decoded through it see the labels given to
   * earlier sentences (OpenNLP's adaptive features). Not thread-safe; close it to return its
   * feature generators to the pool.
   */
  Session newDocument() {
    Generators pooled = generators.poll();
    if (pooled == null) {
      AdaptiveFeatureGenerator all = newFeatureGenerator();
      TokenFeatureCache.Split split = TokenFeatureCache.split(all, features);
      pooled = new Generators(all, split.strings(), split.cache());
    } else {
      pooled.all().clearAdaptiveData();
    }
    return new Session(pooled);
  }

  /**
   * One session's feature generators: all of them (told about adaptive data), those that still make
   * feature strings, and the cache that stands for the token-local ones.
   */
  private record Generators(AdaptiveFeatureGenerator all, AdaptiveFeatureGenerator strings,
      TokenFeatureCache tokenFeatures) {}

  /** OpenNLP feature generators and Nerva's replacements that make the same features faster. */
  private static final ImmutableMap<String, String> FASTER_EQUIVALENTS = ImmutableMap.of(
      WindowFeatureGeneratorFactory.class.getName(), MemoWindowFeaturesFactory.class.getName(),
      BigramNameFeatureGeneratorFactory.class.getName(), MemoNgramFeatures.Bigrams.class.getName(),
      TrigramNameFeatureGeneratorFactory.class.getName(), MemoNgramFeatures.Trigrams.class.getName(),
      DictionaryFeatureGeneratorFactory.class.getName(), MemoDictionaryFeaturesFactory.class.getName());

  /**
   * The model's feature generators, built from its descriptor with the generators of {@link
   * #FASTER_EQUIVALENTS} swapped (same features, each token's made once per sentence) and
   * without OpenNLP's per-token cache (each token is asked for once here).
   */
  private AdaptiveFeatureGenerator newFeatureGenerator() {
    byte[] descriptor = model.getArtifact(DESCRIPTOR_ARTIFACT);
    AdaptiveFeatureGenerator generator = null;
    if (descriptor != null) {
      String xml = new String(descriptor, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> swap : FASTER_EQUIVALENTS.entrySet()) {
        xml = xml.replace("\"" + swap.getKey() + "\"", "\"" + swap.getValue() + "\"");
      }
      try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
        generator = GeneratorFactory.create(in, model::getArtifact);
      } catch (IOException | RuntimeException e) {
        generator = null; // a descriptor this rewrite does not understand: use the model's own
      }
    }
    if (generator == null) {
      generator = factory.createFeatureGenerators();
    }
    return generator instanceof CachedFeatureGenerator cached ? cached.getCachedFeatureGenerator() : generator;
  }

  private String label(int outcome) {
    return outcome < 0 ? NameFinderME.OTHER : outcomes[outcome];
  }

  /** One beam entry: a label sequence as a chain of back pointers. */
  private record Entry(Entry previous, int outcome, double score) {
    int outcomeBefore(int steps) {
      Entry e = this;
      for (int s = 0; s < steps && e != null; s++) {
        e = e.previous;
      }
      return e == null ? -1 : e.outcome;
    }
  }

  private static final Comparator<Entry> BEST_FIRST =
      Comparator.comparingDouble(Entry::score).reversed();

  /** Decoding state of one document. */
  final class Session implements AutoCloseable {
    private final Generators pooled;
    /** The generators that make feature strings: all but the token-local ones. */
    private final AdaptiveFeatureGenerator generator;
    private final TokenFeatureCache tokenLocal;
    /** The cached token-local weight entries of each token of the prepared sentence. */
    private TokenFeatureCache.Features[] local = new TokenFeatureCache.Features[128];
    private final List<String> tokenFeatures = new ArrayList<>(128);
    private long[] hashes = new long[128];
    private int[] handles = new int[128];
    /** The sentence whose label-free scores {@link #base} holds (compared by identity). */
    private String[] prepared;
    private double[][] base = new double[128][];
    private String[] tokenClasses = new String[128];
    /** Label distributions of the prepared sentence, by token and previous two labels. */
    private final LongKeyedTable<double[]> distributions = new LongKeyedTable<>(1024);
    /** Weight handles of a token's "pow=" and "powf=" features, by token and previous label. */
    private final LongKeyedTable<int[]> previousLabelHandles = new LongKeyedTable<>(512);
    private boolean closed;

    private Session(Generators pooled) {
      this.pooled = pooled;
      this.generator = pooled.strings();
      this.tokenLocal = pooled.tokenFeatures();
    }

    /** Finds the names of one sentence, as {@link NameFinderME#find(String[])} would. */
    Span[] find(String[] tokens) {
      List<String[]> best = candidates(tokens);
      String[] labels = best.isEmpty() ? new String[0] : best.get(0);
      return commit(tokens, labels, probabilities(tokens, labels));
    }

    /**
     * The beam's complete label sequences for one sentence, best first: at most the beam width,
     * never none (an empty sentence has one, empty). The document's adaptive data are not updated: call
     * {@link #commit} with the labels chosen.
     */
    List<String[]> candidates(String[] tokens) {
      Preconditions.checkState(!closed, "document already closed");
      int k = outcomes.length;
      prepare(tokens);
      List<Entry> beam = new ArrayList<>();
      beam.add(null); // the empty sequence
      double[] largest = new double[k];
      for (int i = 0; i < tokens.length; i++) {
        beam = extended(beam, tokens, i, largest);
      }
      List<String[]> sequences = new ArrayList<>();
      for (int b = 0; b < Math.min(beamSize, beam.size()); b++) {
        String[] labels = new String[tokens.length];
        Entry e = beam.get(b);
        for (int i = tokens.length - 1; i >= 0; i--, e = e.previous) {
          labels[i] = outcomes[e.outcome];
        }
        sequences.add(labels);
      }
      return sequences;
    }

    /**
     * The beam after token i: each of the best entries extended by each label valid after it that
     * is among the token's best. A method per token, so that the JIT compiles it once as a whole
     * rather than the sentence loop at its entries.
     */
    private List<Entry> extended(List<Entry> beam, String[] tokens, int i, double[] largest) {
      int k = outcomes.length;
      List<Entry> next = new ArrayList<>();
      int expand = Math.min(beamSize, beam.size());
      for (int b = 0; b < expand; b++) {
        Entry top = beam.get(b);
        int po = top == null ? -1 : top.outcome;
        int ppo = top == null ? -1 : top.outcomeBefore(1);
        double[] scores = distribution(tokens, i, po, ppo);
        double min = kthLargest(scores, beamSize, largest);
        double before = top == null ? 0 : top.score;
        boolean[] allowed = valid[po + 1];
        for (int o = 0; o < k; o++) {
          if (scores[o] >= min && allowed[o]) {
            next.add(new Entry(top, o, before + StrictMath.log(scores[o])));
          }
        }
        if (next.isEmpty()) { // as BeamSearch: no good label valid, so every valid one
          for (int o = 0; o < k; o++) {
            if (allowed[o]) {
              next.add(new Entry(top, o, before + StrictMath.log(scores[o])));
            }
          }
        }
      }
      next.sort(BEST_FIRST);
      return next;
    }

    /**
     * The model's probability of each label of a sequence, given the labels before it: the
     * factors of the sequence's probability. The labels must be the model's outcomes and a valid
     * sequence; the sentence is the one last given to {@link #candidates}, or is prepared anew.
     */
    double[] probabilities(String[] tokens, String[] labels) {
      Preconditions.checkState(!closed, "document already closed");
      Preconditions.checkArgument(tokens.length == labels.length, "one label per token");
      prepare(tokens);
      double[] probabilities = new double[tokens.length];
      int po = -1;
      int ppo = -1;
      for (int i = 0; i < tokens.length; i++) {
        double[] scores = distribution(tokens, i, po, ppo);
        Integer o = outcomeIndex.get(labels[i]);
        Preconditions.checkArgument(o != null, "not a label of this model: %s", labels[i]);
        probabilities[i] = scores[o];
        ppo = po;
        po = o;
      }
      return probabilities;
    }

    /**
     * Makes {@code labels} the sentence's labels: the document's later sentences see them
     * (adaptive features). Returns them as spans whose probability is the mean of their tokens'.
     */
    Span[] commit(String[] tokens, String[] labels, double[] probabilities) {
      Preconditions.checkState(!closed, "document already closed");
      pooled.all().updateAdaptiveData(tokens, labels);
      prepared = null; // the caller may reuse the array for its next sentence
      Span[] spans = spans(labels);
      for (int s = 0; s < spans.length; s++) {
        double p = 0;
        for (int i = spans[s].getStart(); i < spans[s].getEnd(); i++) {
          p += probabilities[i];
        }
        spans[s] = new Span(spans[s], p / spans[s].length());
      }
      return spans;
    }

    /** The spans of a label sequence in this model's sequence coding. */
    Span[] spans(String[] labels) {
      return codec.decode(Arrays.asList(labels));
    }

    /** The sentence's labels for these spans, in this model's sequence coding. */
    String[] labels(Span[] spans, int length) {
      return codec.encode(spans, length);
    }

    /**
     * Computes the label-independent score sums of every token of the sentence once; later calls
     * for the same sentence (the same array) reuse them.
     */
    private void prepare(String[] tokens) {
      if (tokens == prepared) {
        return;
      }
      if (base.length < tokens.length) {
        base = new double[2 * tokens.length][];
        tokenClasses = new String[2 * tokens.length];
        local = new TokenFeatureCache.Features[2 * tokens.length];
      }
      distributions.clear();
      previousLabelHandles.clear();
      for (int i = 0; i < tokens.length; i++) {
        TokenFeatureCache.Features cached = tokenLocal.of(tokens[i]);
        local[i] = cached;
        tokenClasses[i] = cached.shape();
      }
      for (int i = 0; i < tokens.length; i++) {
        base[i] = scoreOfLabelFreeFeatures(tokens, i);
      }
      prepared = tokens;
    }

    /**
     * Token i's label probabilities after labels {@code ppo}, {@code po} (-1: none), computed once
     * per sentence: the beam's entries and the candidates scored afterwards mostly share them.
     * Read-only for callers.
     */
    private double[] distribution(String[] tokens, int i, int po, int ppo) {
      int k = outcomes.length;
      long key = ((long) i * (k + 1) + po + 1) * (k + 1) + ppo + 1;
      double[] scores = distributions.get(key);
      if (scores != null) {
        return scores;
      }
      long wordKey = (long) i * (k + 1) + po + 1;
      int[] handles = previousLabelHandles.get(wordKey);
      if (handles == null) {
        handles = new int[] {
            features.find("pow=" + label(po) + "," + tokens[i]),
            features.find("powf=" + label(po) + "," + tokenClasses[i])};
        previousLabelHandles.put(wordKey, handles);
      }
      scores = base[i].clone();
      features.add(previousOutcome[po + 1], scores);
      features.add(handles[0], scores);
      features.add(handles[1], scores);
      features.add(previousPreviousOutcome[ppo + 1], scores);
      if (otherOutcome >= 0) {
        scores[otherOutcome] -= otherBias;
      }
      normalize(scores);
      distributions.put(key, scores);
      return scores;
    }

    /**
     * The summed weights of token i's features other than the previous-label ones. Hashing all
     * features before looking any up lets the processor fetch the table entries in parallel.
     */
    private double[] scoreOfLabelFreeFeatures(String[] tokens, int i) {
      tokenFeatures.clear();
      generator.createFeatures(tokenFeatures, tokens, i, null);
      int n = tokenFeatures.size();
      if (hashes.length < n) {
        hashes = new long[2 * n];
        handles = new int[2 * n];
      }
      for (int f = 0; f < n; f++) {
        hashes[f] = Hash64.of(tokenFeatures.get(f));
      }
      for (int f = 0; f < n; f++) {
        handles[f] = features.find(hashes[f]);
      }
      double[] base = new double[outcomes.length];
      for (int f = 0; f < n; f++) {
        features.add(handles[f], base);
      }
      int before = tokenLocal.before();
      for (int j = Math.max(0, i - before); j <= Math.min(tokens.length - 1, i + tokenLocal.after()); j++) {
        tokenLocal.add(local[j], j - i + before, base);
      }
      return base;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        generators.offer(pooled);
      }
    }
  }

  /**
   * The k-th largest score (the smallest one if there are fewer), the threshold {@link BeamSearch}
   * takes from a full sort. {@code top} is scratch space of at least k entries.
   */
  static double kthLargest(double[] scores, int k, double[] top) {
    if (k == 3 && scores.length >= 3) {
      return thirdLargest(scores); // the default beam, in registers
    }
    int n = Math.min(k, scores.length);
    int filled = 0;
    for (double s : scores) {
      int at;
      if (filled < n) {
        at = filled++;
      } else if (s > top[n - 1]) {
        at = n - 1;
      } else {
        continue;
      }
      top[at] = s; // then moved up to keep top[0..filled) in descending order
      while (at > 0 && top[at - 1] < top[at]) {
        double t = top[at - 1];
        top[at - 1] = top[at];
        top[at] = t;
        at--;
      }
    }
    return top[n - 1];
  }

  /** {@link #kthLargest} for k = 3 and at least three scores. */
  private static double thirdLargest(double[] scores) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    double third = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      if (s > third) {
        if (s > second) {
          third = second;
          if (s > first) {
            second = first;
            first = s;
          } else {
            second = s;
          }
        } else {
          third = s;
        }
      }
    }
    return third;
  }

  /** Turns summed parameters into probabilities, as GIS does. */
  private static void normalize(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int o = 0; o < scores.length; o++) {
      scores[o] = Math.exp(scores[o] - max);
      sum += scores[o];
    }
    for (int o = 0; o < scores.length; o++) {
      scores[o] /= sum;
    }
  }
}
