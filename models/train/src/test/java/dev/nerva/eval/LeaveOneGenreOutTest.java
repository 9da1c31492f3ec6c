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
