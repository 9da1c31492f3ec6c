package dev.nerva.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import dev.nerva.spark.NervaFunctions;
import dev.nerva.spark.NervaTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tags a corpus on Apache Spark: a folder of text files (one document each, its path as id) or a
 * JSON Lines file ({@code id}, {@code text}, optional {@code date}); writes the documents with
 * their entities as Parquet and JSON Lines, and one row per entity as Parquet.
 *
 * <pre>
 * spark-submit --class dev.nerva.examples.spark.SparkTagCorpus examples/target/nerva-examples.jar INPUT OUTPUT
 * examples/bin/nerva-spark-local INPUT OUTPUT [--master local[2]] [--model fast] [--partitions N]
 * </pre>
 *
 * <p>Writes {@code OUTPUT/documents.parquet}, {@code OUTPUT/documents.jsonl/} (Spark's part files)
 * and {@code OUTPUT/entities.parquet}, and prints documents, entities, failures and time.
 */
public final class SparkTagCorpus {

  private SparkTagCorpus() {}

  public static void main(String[] args) {
    List<String> positional = new ArrayList<>();
    String master = null;
    String model = "english";
    int partitions = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--model" -> model = args[++i];
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() != 2) {
      System.err.println("usage: SparkTagCorpus INPUT(folder of .txt | file.jsonl) OUTPUT [--master M] "
          + "[--model english|fast] [--partitions N]");
      System.exit(2);
    }
    SparkSession.Builder builder = SparkSession.builder().appName("nerva-tag-corpus");
    if (master != null) {
      builder.master(master);
    }
    SparkSession spark = builder.getOrCreate();
    try {
      String input = positional.get(0);
      Dataset<Row> documents = input.endsWith(".jsonl") || input.endsWith(".json")
          ? spark.read().json(input)
          : spark.read().option("wholetext", true).text(input)
              .withColumn("id", org.apache.spark.sql.functions.input_file_name()).withColumnRenamed("value", "text");
      if (partitions > 0) {
        documents = documents.repartition(partitions);
      }
      boolean dated = List.of(documents.columns()).contains("date");
      NervaTagger tagger = new NervaTagger().setInputCol("text").setModel(model);
      if (dated) {
        tagger.setDateCol("date");
        documents = documents.withColumn("date", col("date").cast(DataTypes.StringType));
      }
      long start = System.nanoTime();
      Dataset<Row> tagged = tagger.transform(documents).cache();
      String output = positional.get(1);
      tagged.write().mode(SaveMode.Overwrite).parquet(output + "/documents.parquet");
      tagged.drop("text").write().mode(SaveMode.Overwrite).json(output + "/documents.jsonl");
      NervaFunctions.entities(tagged, "id", "entities").write().mode(SaveMode.Overwrite)
          .parquet(output + "/entities.parquet");
      Row totals = tagged.agg(org.apache.spark.sql.functions.count(lit(1)),
          sum(size(col("entities"))), sum(col("nerva_error").isNotNull().cast(DataTypes.IntegerType))).first();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "tagged %,d documents: %,d entities, %,d failed, in %.1f s (%s)%n",
          totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1), totals.isNullAt(2) ? 0 : totals.getLong(2),
          seconds, spark.sparkContext().master());
    } finally {
      spark.stop();
    }
  }
}
