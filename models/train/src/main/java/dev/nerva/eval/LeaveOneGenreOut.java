package dev.nerva.eval;

import dev.nerva.Nerva;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.internal.tokenize.TrueCaser;
import dev.nerva.train.NameFinderTrainer;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.TrainingRecipe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The project's out-of-domain figure: for each OntoNotes genre, a name finder trained on the train
 * split without that genre, and the full pipeline scored on the dev documents of that genre; the
 * macro average over genres per type. Pipeline variants (levers that need no retraining, such as
 * document consistency) are scored on the same models.
 */
public final class LeaveOneGenreOut {

  private LeaveOneGenreOut() {}

  /**
   * Trains one model per genre and prints per-genre and macro-averaged F1 per pipeline variant.
   *
   * @param train the train split's documents
   * @param dev the dev split's documents
   * @param recipe the recipe to train with (a cheaper one than the shipped, for time)
   * @param variants pipeline variants by name, each given the base builder with the genre's model
   * @param out where the tables go
   */
  public static void run(List<GoldDocument> train, List<GoldDocument> dev, TrainingRecipe recipe,
      Map<String, UnaryOperator<Nerva.Builder>> variants, PrintStream out) throws IOException {
    run(train, dev, recipe, variants, UnaryOperator.identity(), null, out);
  }

  /**
   * {@link #run(List, List, TrainingRecipe, Map, PrintStream)} with each genre's recognizer passed
   * through {@code finderSetup} (to give it contextual codes, say), and the genre models kept.
   *
   * @param modelDir where each genre's model is kept as {@code logo-GENRE.bin}, or null to keep
   *     none; a model already there is read instead of trained, so that pipeline levers can be
   *     measured again in minutes (use a fresh folder after changing the recipe or the corpus)
   */
  public static void run(List<GoldDocument> train, List<GoldDocument> dev, TrainingRecipe recipe,
      Map<String, UnaryOperator<Nerva.Builder>> variants, UnaryOperator<NameFinderRecognizer> finderSetup,
      Path modelDir, PrintStream out) throws IOException {
    TreeSet<String> genres = new TreeSet<>();
    dev.forEach(d -> genres.add(d.genre()));
    Map<String, Map<String, double[]>> byVariant = new LinkedHashMap<>(); // variant -> genre -> F1 per type
    for (String genre : genres) {
      List<GoldDocument> without = train.stream().filter(d -> !d.genre().equals(genre)).toList();
      List<GoldDocument> held = dev.stream().filter(d -> d.genre().equals(genre)).toList();
      long start = System.nanoTime();
      Path kept = modelDir == null ? null : modelDir.resolve("logo-" + genre + ".bin");
      TokenNameFinderModel model;
      if (kept != null && Files.exists(kept)) {
        model = NameFinderRecognizer.loadModel(kept);
        out.printf(Locale.ROOT, "genre %s: read %s (trained on the train split without %s); %d dev documents%n",
            genre, kept, genre, held.size());
      } else {
        model = NameFinderTrainer.train(without, recipe);
        out.printf(Locale.ROOT, "genre %s: trained on %d documents in %.1f min; %d dev documents%n", genre,
            without.size(), (System.nanoTime() - start) / 60e9, held.size());
        if (kept != null) {
          Files.createDirectories(modelDir);
          try (OutputStream file = Files.newOutputStream(kept)) {
            model.serialize(file);
          }
        }
      }
      NameFinderRecognizer finder = finderSetup.apply(
          new NameFinderRecognizer("ner-" + genre, model, OntoNotesLabels.TO_NERVA).withTrueCaser(TrueCaser.english()));
      for (Map.Entry<String, UnaryOperator<Nerva.Builder>> variant : variants.entrySet()) {
        Nerva nerva = variant.getValue().apply(Nerva.builder().recognizer(finder)).build();
        SpanScores scores = Evaluation.pipeline(nerva, held, Evaluation.Casing.ORIGINAL).scores();
        double[] f1 = new double[Evaluation.PIPELINE_TYPES.size() + 1];
        for (int t = 0; t < Evaluation.PIPELINE_TYPES.size(); t++) {
          f1[t] = scores.prf(List.of(Evaluation.PIPELINE_TYPES.get(t)))[2];
        }
        f1[f1.length - 1] = scores.prf(Evaluation.PIPELINE_TYPES)[2];
        byVariant.computeIfAbsent(variant.getKey(), v -> new LinkedHashMap<>()).put(genre, f1);
        out.printf(Locale.ROOT, "  %s: %s%n", variant.getKey(), row(f1));
      }
      out.flush();
    }
    for (Map.Entry<String, Map<String, double[]>> variant : byVariant.entrySet()) {
      out.printf(Locale.ROOT, "%n### Leave one genre out, full pipeline, %s%n%n| genre | %s | micro |%n|---|---|---|---|---|---|%n",
          variant.getKey(), String.join(" | ", Evaluation.PIPELINE_TYPES));
      double[] macro = new double[Evaluation.PIPELINE_TYPES.size() + 1];
      for (Map.Entry<String, double[]> genre : variant.getValue().entrySet()) {
        out.printf(Locale.ROOT, "| %s | %s |%n", genre.getKey(), row(genre.getValue()).replace("  ", " | "));
        for (int t = 0; t < macro.length; t++) {
          macro[t] += genre.getValue()[t] / variant.getValue().size();
        }
      }
      out.printf(Locale.ROOT, "| macro | %s |%n", row(macro).replace("  ", " | "));
    }
  }

  private static String row(double[] f1) {
    List<String> cells = new ArrayList<>();
    for (double f : f1) {
      cells.add(String.format(Locale.ROOT, "%.3f", f));
    }
    return String.join("  ", cells);
  }
}
