package dev.nerva.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.Entity;
import dev.nerva.Nerva;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tagger on local[2]: the library's own output, row for row, and what persistence keeps. */
class NervaTaggerTest {

  private static SparkSession spark;
  private static String seed;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("nerva-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    seed = Files.readString(Paths.get("../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType).add("text", DataTypes.StringType).add("date", DataTypes.StringType);

  private static Dataset<Row> documents() {
    List<Row> rows = List.of(
        RowFactory.create("seed", seed, "2024-09-04"),
        RowFactory.create("empty", "", null),
        RowFactory.create("null", null, null),
        RowFactory.create("german", "Bundeskanzler Olaf Scholz reiste am Dienstag nach Paris.", null),
        RowFactory.create("long", "Putin met Mali's leaders. ".repeat(50_000), null),
        RowFactory.create("short", "Putin flew to Mali on Tuesday.", "2024-09-04"),
        RowFactory.create("bad-date", "Putin flew to Mali.", "4 Sept"));
    return spark.createDataFrame(rows, SCHEMA).repartition(2);
  }

  @Test
  void givesExactlyTheLibrarysEntitiesAndErrorsForWhatItCannotTag() {
    List<Row> tagged = new NervaTagger().setDateCol("date").transform(documents()).collectAsList();

    assertThat(tagged).hasSize(7);
    Nerva nerva = Nerva.english();
    for (Row row : tagged) {
      String id = row.getString(0);
      String text = row.getString(1);
      List<Row> entities = row.getList(row.fieldIndex("entities"));
      String error = row.getString(row.fieldIndex("nerva_error"));
      switch (id) {
        case "empty", "null" -> {
          assertThat(entities).isEmpty();
          assertThat(error).isNull();
        }
        case "long" -> {
          assertThat(entities).isEmpty();
          assertThat(error).contains("IllegalArgumentException", "1300000 characters");
        }
        case "bad-date" -> {
          assertThat(entities).isEmpty();
          assertThat(error).contains("DateTimeParseException");
        }
        default -> {
          String date = row.getString(2);
          List<Entity> expected = nerva.process(text, date == null ? null : LocalDate.parse(date)).entities();
          assertThat(entities).extracting(e -> e.getString(0) + " " + e.getInt(1) + ".." + e.getInt(2) + " "
              + e.getString(3) + " " + e.getDouble(4) + " " + e.getString(5))
              .as(id).containsExactlyElementsOf(expected.stream().map(e -> e.type() + " " + e.start() + ".." + e.end()
                  + " " + e.text() + " " + e.confidence() + " " + e.normalized()).toList());
          assertThat(error).isNull();
        }
      }
    }
    assertThat(tagged.stream().filter(r -> r.getString(0).equals("seed")).findFirst().orElseThrow()
        .getList(3)).hasSizeGreaterThan(40);
  }

  @Test
  void roundTripsThroughSaveAndLoadAloneAndInAPipeline(@TempDir Path dir) throws Exception {
    NervaTagger tagger = new NervaTagger().setInputCol("text").setOutputCol("names").setModel("fast")
        .setOutputTypes("PERSON", "COUNTRY");
    tagger.write().save(dir.resolve("tagger").toString());
    NervaTagger loaded = NervaTagger.load(dir.resolve("tagger").toString());

    assertThat(loaded.uid()).isEqualTo(tagger.uid());
    assertThat(loaded.getOrDefault(loaded.outputCol())).isEqualTo("names");
    assertThat(loaded.getOrDefault(loaded.model())).isEqualTo("fast");
    assertThat(loaded.getOrDefault(loaded.outputTypes())).containsExactly("PERSON", "COUNTRY");

    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {tagger}).fit(documents());
    model.write().save(dir.resolve("pipeline").toString());
    PipelineModel reloaded = PipelineModel.load(dir.resolve("pipeline").toString());
    List<Row> direct = model.transform(documents()).orderBy("id").collectAsList();
    List<Row> again = reloaded.transform(documents()).orderBy("id").collectAsList();
    assertThat(again).isEqualTo(direct);
    assertThat(direct.stream().flatMap(r -> r.<Row>getList(r.fieldIndex("names")).stream())
        .map(e -> e.getString(0)).distinct()).containsOnly("PERSON", "COUNTRY");
  }

  @Test
  void theFlatViewHasOneRowPerEntity() {
    Dataset<Row> tagged = NervaFunctions.tag(documents(), "text");
    long total = tagged.collectAsList().stream().mapToLong(r -> r.getList(r.fieldIndex("entities")).size()).sum();

    Dataset<Row> flat = NervaFunctions.entities(tagged, "id", "entities");

    assertThat(Arrays.asList(flat.columns())).containsExactly("id", "type", "start", "end", "text", "confidence",
        "normalized");
    assertThat(flat.count()).isEqualTo(total).isPositive();
    List<Row> short_ = flat.filter("id = 'short'").orderBy("start").collectAsList();
    assertThat(short_).extracting(r -> r.getString(1) + " " + r.getString(4)).containsExactly(
        "PERSON Putin", "COUNTRY Mali", "DATE Tuesday");
  }

  @Test
  void aMissingOrWrongColumnIsReportedBeforeTheJobRuns() {
    assertThatThrownBy(() -> new NervaTagger().setInputCol("body").transform(documents()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column body");
    assertThatThrownBy(() -> new NervaTagger().setOutputCol("id").transform(documents()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists already");
    assertThatThrownBy(() -> new NervaTagger().setModel("large")).isInstanceOf(IllegalArgumentException.class);
  }
}
