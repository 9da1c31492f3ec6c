package dev.nerva.internal.date;

import com.google.common.base.Preconditions;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableSet;
import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.ner.PackedClassifier;
import dev.nerva.ModelLoadException;
import dev.nerva.Sentence;
import dev.nerva.Token;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * Tells the tense of the verb group nearest to a date expression, as HeidelTime does for news.
 * The OpenNLP English UD model tags the parts of speech; since universal tags do not mark tense,
 * the verb's form decides (irregular past forms, "-ed", "will"/"shall"/"going to").
 *
 * <p>Tags are chosen greedily, word by word, not by OpenNLP's beam search: only the verbs near a
 * date matter here, and the beam's three sequences made tagging a sixth of the whole pipeline's
 * time on dated news.
 *
 * <p>Safe to share between threads: the model is shared, and context generators (which are not
 * thread-safe) are pooled, one per concurrent call.
 */
public final class TenseDetector {

  /** The resource of OpenNLP's English UD EWT POS model, from opennlp-models-pos-en. */
  public static final String ENGLISH_MODEL_RESOURCE = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private static final ImmutableSet<String> FUTURE_MARKERS = ImmutableSet.of("will", "'ll", "’ll", "shall", "wo");
  private static final ImmutableSet<String> IRREGULAR_PAST = ImmutableSet.of(
      "was", "were", "had", "did", "said", "met", "took", "went", "came", "made", "gave", "told", "left",
      "got", "saw", "found", "began", "held", "kept", "brought", "bought", "thought", "led", "lost", "won",
      "paid", "sent", "spent", "stood", "struck", "sold", "fell", "felt", "fought", "flew", "grew", "knew",
      "ran", "rose", "set", "shot", "spoke", "wrote", "became", "broke", "chose", "drove", "ate", "hit",
      "put", "quit", "sought", "taught", "threw", "understood", "woke", "wore", "heard", "meant", "built",
      "caught", "drew", "forgot", "hung", "laid", "lay", "lit", "overtook", "slid", "swore", "withdrew");

  private final POSModel model;
  private final PackedClassifier classifier;
  private final SequenceValidator<String> validator;
  private final Queue<POSContextGenerator> contextGenerators = new ConcurrentLinkedQueue<>();

  /** Creates a detector over a UD part-of-speech model. */
  public TenseDetector(POSModel model) {
    this.model = Preconditions.checkNotNull(model, "model");
    this.classifier = PackedClassifier.of(Preconditions.checkNotNull(model.getArtifact(POS_CLASSIFIER_ENTRY),
        "the part-of-speech model has no %s", POS_CLASSIFIER_ENTRY));
    this.validator = model.getFactory().getSequenceValidator();
  }

  /** Where a POS model keeps its maxent classifier. */
  private static final String POS_CLASSIFIER_ENTRY = "pos.model";

  /**
   * Loads OpenNLP's English POS model from the classpath.
   *
   * @throws ModelLoadException if the model jar is missing or the model is corrupt
   */
  public static TenseDetector english() {
    return new TenseDetector(englishModel());
  }

  /**
   * OpenNLP's English POS model from the classpath, loaded once per JVM and shared (POSModel is
   * immutable; each caller makes its own {@link POSTaggerME}).
   *
   * @throws ModelLoadException if the model jar is missing or the model is corrupt
   */
  public static POSModel englishModel() {
    return ENGLISH_MODEL.get();
  }

  /**
   * Checks that OpenNLP's English POS model is on the classpath and undamaged without parsing it
   * (a tenth of a second at start-up that documents without relative dates never need); checked
   * once per JVM.
   *
   * @throws ModelLoadException if the model jar is missing or the model is not the one it should be
   */
  public static void checkEnglishModel() {
    ENGLISH_MODEL_CHECKED.get();
  }

  /** The size and CRC32C of that model as version 1.3.0 of the jar ships it. */
  static final ClasspathModels.Checksum ENGLISH_MODEL_CHECKSUM = new ClasspathModels.Checksum(1_164_974, 0xb7d0ca18L);

  private static final Supplier<POSModel> ENGLISH_MODEL = Suppliers.memoize(() -> ClasspathModels.load(
      ENGLISH_MODEL_RESOURCE, "org.apache.opennlp:opennlp-models-pos-en", ENGLISH_MODEL_CHECKSUM, POSModel::new));

  private static final Supplier<Boolean> ENGLISH_MODEL_CHECKED = Suppliers.memoize(() -> ClasspathModels.load(
      ENGLISH_MODEL_RESOURCE, "org.apache.opennlp:opennlp-models-pos-en", ENGLISH_MODEL_CHECKSUM, in -> Boolean.TRUE));

  /**
   * The tense of the verb group nearest to the characters {@code start..end} of the sentence.
   *
   * @param sentence the sentence containing the expression
   * @param start character offset (in the document) where the expression starts
   * @param end character offset just past it
   */
  public Tense tenseAt(Sentence sentence, int start, int end) {
    // Only a window of tokens around the expression is tagged, so that a sentence of thousands of
    // words with many dates costs time in proportion to its length, not to its length squared.
    List<Token> all = sentence.tokens();
    int first = firstEndingAfter(all, start);
    int last = firstEndingAfter(all, end);
    List<Token> tokens = all.subList(Math.max(0, first - WINDOW), Math.min(all.size(), last + WINDOW));
    String[] forms = new String[tokens.size()];
    for (int i = 0; i < forms.length; i++) {
      forms[i] = tokens.get(i).form();
    }
    String[] tags = tag(forms);
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = 0; i < tokens.size(); i++) {
      if (!isVerb(tags[i])) {
        continue;
      }
      Token t = tokens.get(i);
      if (t.start() >= start && t.end() <= end) {
        continue;
      }
      // Distance in characters; a verb before the date wins a tie ("said on Tuesday it will").
      int distance = t.end() <= start ? start - t.end() : t.start() - end + 1;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    if (best < 0) {
      return Tense.PRESENT;
    }
    int from = best;
    while (from > 0 && isVerbGroup(tags[from - 1])) {
      from--;
    }
    int to = best;
    while (to + 1 < tokens.size() && isVerbGroup(tags[to + 1])) {
      to++;
    }
    boolean past = false;
    for (int i = from; i <= to; i++) {
      String word = forms[i].toLowerCase(Locale.ROOT);
      if (FUTURE_MARKERS.contains(word) || word.equals("going") && i + 1 < forms.length
          && forms[i + 1].equalsIgnoreCase("to")) {
        return Tense.FUTURE;
      }
      if (isVerb(tags[i]) && (IRREGULAR_PAST.contains(word) || word.endsWith("ed") && word.length() > 3)) {
        past = true;
      }
    }
    return past ? Tense.PAST : Tense.PRESENT;
  }

  /** Each word's most probable tag given the tags before it, among those the tag dictionary allows. */
  String[] tag(String[] forms) {
    POSContextGenerator contexts = contextGenerators.poll();
    if (contexts == null) {
      contexts = model.getFactory().getPOSContextGenerator(0); // no cache: each call tags new words
    }
    try {
      String[] tags = new String[forms.length];
      double[] scores = new double[classifier.outcomeCount()];
      for (int i = 0; i < forms.length; i++) {
        // The largest summed weights are the largest probability: no need to normalise.
        classifier.score(contexts.getContext(i, forms, tags, null), scores);
        tags[i] = classifier.outcome(bestValid(i, forms, tags, scores));
      }
      return tags;
    } finally {
      contextGenerators.offer(contexts);
    }
  }

  /** The best-scoring tag the tag dictionary allows for word i, or the best of all if none is allowed. */
  private int bestValid(int i, String[] forms, String[] tags, double[] scores) {
    int best = -1;
    for (int o = 0; o < scores.length; o++) {
      if ((best < 0 || scores[o] > scores[best]) && validator.validSequence(i, forms, tags, classifier.outcome(o))) {
        best = o;
      }
    }
    return best < 0 ? bestOf(scores) : best;
  }

  private static int bestOf(double[] scores) {
    int best = 0;
    for (int o = 1; o < scores.length; o++) {
      if (scores[o] > scores[best]) {
        best = o;
      }
    }
    return best;
  }

  /** The index of the first token that ends after {@code offset} (binary search; tokens are in order). */
  private static int firstEndingAfter(List<Token> tokens, int offset) {
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tokens.get(mid).end() <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Tokens tagged on each side of a date: more than any ordinary sentence has. */
  static final int WINDOW = 60;

  private static boolean isVerb(String tag) {
    return tag.equals("VERB") || tag.equals("AUX");
  }

  private static boolean isVerbGroup(String tag) {
    return isVerb(tag) || tag.equals("PART") || tag.equals("ADV");
  }
}
