package dev.nerva.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.Nerva;
import dev.nerva.train.OntoNotesCorpus;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.TrainingRecipe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny leave-one-genre-out run: a model per genre, a row per genre and variant, the macro average. */
class LeaveOneGenreOutTest {

  private static final Path TINY = Paths.get("src/test/resources/tiny-corpus");

  @Test
  void trainsOneModelPerGenreAndAveragesOverGenres() throws Exception {
    List<GoldDocument> train = twoGenres(OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")));
    List<GoldDocument> dev = twoGenres(OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "dev")));
    TrainingRecipe recipe = TrainingRecipe.read(Paths.get("recipe/ner-en.properties"), Map.of("ensemble", "",
        "algorithm", "MAXENT", "iterations", "5", "cutoff", "0", "threads", "1", "caseAugmentation", "0"));
    Map<String, UnaryOperator<Nerva.Builder>> variants = new LinkedHashMap<>();
    variants.put("defaults", b -> b);
    variants.put("no consistency", b -> b.documentConsistency(false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    LeaveOneGenreOut.run(train, dev, recipe, variants, new PrintStream(out, true, StandardCharsets.UTF_8));

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("genre bn: trained on " + train.stream().filter(d -> !d.genre().equals("bn")).count()
        + " documents", "genre nw: trained on");
    assertThat(report).contains("### Leave one genre out, full pipeline, defaults",
        "### Leave one genre out, full pipeline, no consistency");
    assertThat(report.lines().filter(l -> l.startsWith("| macro |"))).hasSize(2);
    assertThat(report.lines().filter(l -> l.startsWith("| bn |") || l.startsWith("| nw |"))).hasSize(4);
  }

  @Test
  void keptGenreModelsAreReadBackInsteadOfTrainedAgain(@TempDir Path models) throws Exception {
    List<GoldDocument> train = twoGenres(OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "train")));
    List<GoldDocument> dev = twoGenres(OntoNotesCorpus.read(OntoNotesCorpus.split(TINY, "dev")));
    TrainingRecipe recipe = TrainingRecipe.read(Paths.get("recipe/ner-en.properties"), Map.of("ensemble", "",
        "algorithm", "MAXENT", "iterations", "5", "cutoff", "0", "threads", "1", "caseAugmentation", "0"));
    Map<String, UnaryOperator<Nerva.Builder>> variants = Map.of("defaults", b -> b);

    String first = report(train, dev, recipe, variants, models);
    String second = report(train, dev, recipe, variants, models);

    assertThat(models.resolve("logo-bn.bin")).isNotEmptyFile();
    assertThat(models.resolve("logo-nw.bin")).isNotEmptyFile();
    assertThat(first).contains("genre bn: trained on", "documents in").doesNotContain(": read ");
    assertThat(second).contains("genre bn: read " + models.resolve("logo-bn.bin"), "genre nw: read ")
        .doesNotContain("documents in");
    assertThat(tables(second)).isEqualTo(tables(first)).isNotEmpty();
  }

  private static String report(List<GoldDocument> train, List<GoldDocument> dev, TrainingRecipe recipe,
      Map<String, UnaryOperator<Nerva.Builder>> variants, Path models) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeaveOneGenreOut.run(train, dev, recipe, variants, UnaryOperator.identity(), models,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> tables(String report) {
    return report.lines().filter(l -> l.startsWith("|")).toList();
  }

  /** The tiny corpus is all newswire: give every other document another genre. */
  private static List<GoldDocument> twoGenres(List<GoldDocument> documents) {
    List<GoldDocument> out = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      GoldDocument d = documents.get(i);
      out.add(new GoldDocument(i % 2 == 0 ? d.id() : "bn" + d.id().substring(2), d.sentences()));
    }
    return out;
  }
}
