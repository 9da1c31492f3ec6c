package dev.nerva.train;

import dev.nerva.eval.SpanScores;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.train.AnnotatedData.AnnotatedDocument;
import dev.nerva.train.AnnotatedData.Corpus;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Trains a name finder on a user's annotated data with the bundled models' feature recipe (word
 * shapes, affixes, context windows, word clusters, place and name gazetteers, previous-label
 * features, BILOU encoding), not OpenNLP's default features: the same descriptor and resources,
 * with a single GIS learner and settings for small data (cutoff 1, 150 iterations). Reports
 * per-label precision, recall and F1 on a dev file or on a held-out tenth of the documents, and
 * writes one model file that {@code Nerva.Builder.nameFinder(Path)} loads.
 *
 * <pre>{@code
 * CustomTraining.Result result = CustomTraining.train(Path.of("train.jsonl"), null, Path.of("products.bin"), System.err);
 * Nerva nerva = Nerva.english().toBuilder().nameFinder(Path.of("products.bin")).build();
 * }</pre>
 */
public final class CustomTraining {

  /** The recipe, shipped in this jar beside the bundled models' recipe. */
  static final String RECIPE_RESOURCE = "/dev/nerva/train/recipe/";
  private static final String RECIPE_FILE = "custom.properties";

  /**
   * What a training run did.
   *
   * @param model the model file written
   * @param trainDocuments documents learned from
   * @param trainSentences sentences learned from
   * @param trainSpans names learned from
   * @param skipped spans that could not be used, with their lines
   * @param devSentences sentences scored
   * @param scores per-label scores on the dev sentences (gold tokens, exact spans)
   * @param labels the labels learned
   * @param seconds training time
   */
  public record Result(Path model, int trainDocuments, int trainSentences, int trainSpans, List<String> skipped,
      int devSentences, SpanScores scores, List<String> labels, double seconds) {

    /** The scores as a Markdown table, one row per label and the micro average. */
    public String table() {
      return scores.table(labels);
    }
  }

  private CustomTraining() {}

  /**
   * Trains on {@code trainFile} (format by extension) and writes the model to {@code out}.
   *
   * @param trainFile annotated training data
   * @param devFile annotated data to score on, or null to hold out every tenth document
   * @param out where to write the model
   * @param log progress (documents read, training iterations, scores)
   * @return what was trained and how it scored
   * @throws IOException if a file cannot be read or written
   * @throws IllegalArgumentException naming file and line if the data is malformed, or if it
   *     has no names to learn
   */
  public static Result train(Path trainFile, Path devFile, Path out, PrintStream log) throws IOException {
    return train(trainFile, AnnotatedData.Format.of(trainFile), devFile,
        devFile == null ? null : AnnotatedData.Format.of(devFile), out, log, Map.of());
  }

  /**
   * {@link #train(Path, Path, Path, PrintStream)} with explicit formats and recipe overrides
   * ({@code iterations}, {@code cutoff}, ... as in the recipe file).
   */
  public static Result train(Path trainFile, AnnotatedData.Format trainFormat, Path devFile,
      AnnotatedData.Format devFormat, Path out, PrintStream log, Map<String, String> overrides) throws IOException {
    Corpus train = AnnotatedData.read(trainFile, trainFormat);
    List<AnnotatedDocument> learn = new ArrayList<>(train.documents());
    List<AnnotatedDocument> dev = new ArrayList<>();
    List<String> skipped = new ArrayList<>(train.skipped());
    if (devFile != null) {
      Corpus devCorpus = AnnotatedData.read(devFile, devFormat);
      dev.addAll(devCorpus.documents());
      skipped.addAll(devCorpus.skipped());
    } else if (learn.size() >= 10) {
      for (int i = learn.size() - 1; i >= 0; i--) {
        if (i % 10 == 9) {
          dev.add(0, learn.remove(i));
        }
      }
    }
    int spans = learn.stream().mapToInt(d -> d.spans().size()).sum();
    if (spans == 0) {
      throw new IllegalArgumentException(trainFile + " has no names to learn from");
    }
    int sentences = learn.stream().mapToInt(d -> d.gold().sentences().size()).sum();
    log.printf(Locale.ROOT, "read %s: %d documents, %d sentences, %d names to learn; %d documents to score%s%n",
        trainFile, learn.size(), sentences, spans, dev.size(), devFile == null ? " (every tenth, held out)" : "");
    for (String skip : skipped.subList(0, Math.min(10, skipped.size()))) {
      log.println("skipped " + skip);
    }
    if (skipped.size() > 10) {
      log.println("... " + (skipped.size() - 10) + " more spans skipped");
    }
    Path recipeFolder = Files.createTempDirectory("nerva-recipe");
    try {
      TrainingRecipe recipe = TrainingRecipe.read(extractRecipe(recipeFolder), overrides);
      log.printf(Locale.ROOT, "training: %s, %d iterations, features seen at least %d time(s), %d thread(s)...%n",
          recipe.algorithm(), recipe.iterations(), recipe.cutoff(), recipe.threads());
      long start = System.nanoTime();
      TokenNameFinderModel model = NameFinderTrainer.train(
          learn.stream().map(AnnotatedDocument::gold).toList(), recipe);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      try (OutputStream stream = Files.newOutputStream(out)) {
        model.serialize(stream);
      }
      NameFinderRecognizer recognizer = NameFinderRecognizer.withOwnLabels("custom", model);
      SpanScores scores = new SpanScores();
      int devSentences = score(recognizer, dev, scores);
      Set<String> labels = new TreeSet<>();
      learn.forEach(d -> d.spans().forEach(s -> labels.add(s.label())));
      Result result = new Result(out, learn.size(), sentences, spans, List.copyOf(skipped), devSentences, scores,
          List.copyOf(labels), seconds);
      log.printf(Locale.ROOT, "trained in %.1f s; wrote %s (%.1f MB)%n", seconds, out, Files.size(out) / 1e6);
      log.printf(Locale.ROOT, "scores on %d held-out sentences (exact spans, gold tokens):%n%s", devSentences,
          result.table());
      return result;
    } finally {
      deleteRecursively(recipeFolder);
    }
  }

  /** Scores the recognizer's spans against the gold token spans, sentence by sentence. */
  private static int score(NameFinderRecognizer recognizer, List<AnnotatedDocument> documents, SpanScores scores) {
    int count = 0;
    for (AnnotatedDocument document : documents) {
      GoldDocument gold = document.gold();
      List<String[]> sentences = gold.sentences().stream().map(s -> s.tokens().toArray(String[]::new)).toList();
      List<Span[]> found = recognizer.find(sentences);
      for (int s = 0; s < sentences.size(); s++) {
        scores.add(keys(gold.sentences().get(s).spans()), keys(List.of(found.get(s))));
        count++;
      }
    }
    return count;
  }

  private static Set<SpanScores.Key> keys(List<Span> spans) {
    Set<SpanScores.Key> keys = new HashSet<>();
    for (Span span : spans) {
      keys.add(new SpanScores.Key(span.getStart(), span.getEnd(), span.getType()));
    }
    return keys;
  }

  /**
   * Copies the recipe from this jar into {@code folder} with every file it names (features,
   * clusters, gazetteers); returns the recipe file.
   */
  static Path extractRecipe(Path folder) throws IOException {
    Path recipe = copyRecipeFile(RECIPE_FILE, folder);
    Properties keys = new Properties();
    try (Reader reader = Files.newBufferedReader(recipe, StandardCharsets.UTF_8)) {
      keys.load(reader);
    }
    for (String key : List.of("features", "clusters", "gazetteers")) {
      for (String file : keys.getProperty(key, "").split(",")) {
        if (!file.isBlank()) {
          copyRecipeFile(file.strip(), folder);
        }
      }
    }
    return recipe;
  }

  private static Path copyRecipeFile(String file, Path folder) throws IOException {
    Path target = folder.resolve(file);
    Files.createDirectories(target.getParent());
    try (InputStream in = CustomTraining.class.getResourceAsStream(RECIPE_RESOURCE + file)) {
      if (in == null) {
        throw new IOException("the training recipe is missing from the nerva-train jar: " + RECIPE_RESOURCE + file);
      }
      Files.copy(in, target);
    }
    return target;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
