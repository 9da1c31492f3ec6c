package dev.nerva.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Nerva for DataFrame users who do not build ML pipelines: one call to tag a text column, one to
 * turn the entities into a table of one row per entity for SQL.
 */
public final class NervaFunctions {

  private NervaFunctions() {}

  /**
   * Adds the "entities" and "nerva_error" columns for the text column, with the English pipeline.
   *
   * @param documents the documents
   * @param textColumn their text column
   * @return the documents with their entities
   */
  public static Dataset<Row> tag(Dataset<Row> documents, String textColumn) {
    return new NervaTagger().setInputCol(textColumn).transform(documents);
  }

  /**
   * One row per entity: the id column, then type, start, end, text, confidence, normalized.
   *
   * @param tagged documents with an entities column (from {@link #tag} or {@link NervaTagger})
   * @param idColumn the column that identifies a document
   * @param entitiesColumn the entities column
   * @return the entity table; documents without entities have no row
   */
  public static Dataset<Row> entities(Dataset<Row> tagged, String idColumn, String entitiesColumn) {
    return tagged.select(col(idColumn), explode(col(entitiesColumn)).as("entity"))
        .select(col(idColumn), col("entity.type").as("type"), col("entity.start").as("start"),
            col("entity.end").as("end"), col("entity.text").as("text"), col("entity.confidence").as("confidence"),
            col("entity.normalized").as("normalized"));
  }
}
