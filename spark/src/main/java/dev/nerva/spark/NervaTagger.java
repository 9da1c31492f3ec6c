package dev.nerva.spark;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.Nerva;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Nerva as a Spark ML pipeline stage: adds a column of the entities of a text column, {@code
 * array<struct<type:string, start:int, end:int, text:string, confidence:double,
 * normalized:string>>}, the same spans {@code Nerva.process} gives, and a column with the reason
 * a text got none (null when it was tagged).
 *
 * <pre>{@code
 * Dataset<Row> tagged = new NervaTagger().setInputCol("text").setDateCol("date").transform(documents);
 * }</pre>
 *
 * <p>Each executor JVM builds the pipeline once, on first use, and shares it among its tasks:
 * the models are never serialised into a task nor loaded per row or per task. Rows are processed
 * a partition at a time. A null or empty text gives an empty array; a text over {@link
 * #maxTextLength} (or any other failure on one text) gives an empty array and its reason in
 * {@link #errorCol}: one bad row never fails the job. Saved and loaded with its parameters
 * ({@link DefaultParamsWritable}, {@link #load(String)}), alone or in a fitted {@code
 * PipelineModel}.
 */
public class NervaTagger extends Transformer implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  /** The schema of one entity in the output column. */
  public static final StructType ENTITY = new StructType(new StructField[] {
      DataTypes.createStructField("type", DataTypes.StringType, false),
      DataTypes.createStructField("start", DataTypes.IntegerType, false),
      DataTypes.createStructField("end", DataTypes.IntegerType, false),
      DataTypes.createStructField("text", DataTypes.StringType, false),
      DataTypes.createStructField("confidence", DataTypes.DoubleType, false),
      DataTypes.createStructField("normalized", DataTypes.StringType, true)});

  private final String uid;

  /** The text column (string); default "text". */
  private final Param<String> inputCol;
  /** The document-date column (date, or a YYYY-MM-DD string); default "" for none. */
  private final Param<String> dateCol;
  /** The entities column added; default "entities". */
  private final Param<String> outputCol;
  /** The error column added (null where the text was tagged); default "nerva_error". */
  private final Param<String> errorCol;
  /** "english" (both reading directions, the default) or "fast" (left to right alone). */
  private final Param<String> model;
  /** The entity types to report; default empty, the pipeline's own default. */
  private final StringArrayParam outputTypes;
  /** Dictionary files (TSV) readable at the same path on every executor; default none. */
  private final StringArrayParam dictionaries;
  /** Texts longer than this many characters get no entities and an error; default 1,000,000. */
  private final IntParam maxTextLength;

  /** A tagger with a random uid. */
  public NervaTagger() {
    this(Identifiable$.MODULE$.randomUID("nervaTagger"));
  }

  /**
   * A tagger with the given uid (what loading a saved tagger calls).
   *
   * @param uid the stage's uid
   */
  public NervaTagger(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "the text column");
    dateCol = new Param<>(this, "dateCol", "the document-date column (date or YYYY-MM-DD string), or empty");
    outputCol = new Param<>(this, "outputCol", "the entities column to add");
    errorCol = new Param<>(this, "errorCol", "the column to add with the reason a text got no entities");
    model = new Param<>(this, "model", "english or fast", ParamValidators.inArray(new String[] {"english", "fast"}));
    outputTypes = new StringArrayParam(this, "outputTypes", "entity types to report; empty for the default");
    dictionaries = new StringArrayParam(this, "dictionaries", "dictionary TSV files on every executor");
    maxTextLength = new IntParam(this, "maxTextLength", "longest text tagged, in characters",
        ParamValidators.gt(0));
    setDefault(inputCol, "text");
    setDefault(dateCol, "");
    setDefault(outputCol, "entities");
    setDefault(errorCol, "nerva_error");
    setDefault(model, "english");
    setDefault(outputTypes, new String[0]);
    setDefault(dictionaries, new String[0]);
    setDefault(maxTextLength, 1_000_000);
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The text column (string); default "text". Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public Param<String> inputCol() {
    return inputCol;
  }

  /**
   * The document-date column (date, or a YYYY-MM-DD string); default "" for none. Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public Param<String> dateCol() {
    return dateCol;
  }

  /**
   * The entities column added; default "entities". Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public Param<String> outputCol() {
    return outputCol;
  }

  /**
   * The error column added (null where the text was tagged); default "nerva_error". Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public Param<String> errorCol() {
    return errorCol;
  }

  /**
   * "english" (both reading directions, the default) or "fast" (left to right alone). Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public Param<String> model() {
    return model;
  }

  /**
   * The entity types to report; default empty, the pipeline's own default. Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public StringArrayParam outputTypes() {
    return outputTypes;
  }

  /**
   * Dictionary files (TSV) readable at the same path on every executor; default none. Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public StringArrayParam dictionaries() {
    return dictionaries;
  }

  /**
   * Texts longer than this many characters get no entities and an error; default 1,000,000. Spark finds a stage's parameters through public methods like this one.
   *
   * @return the parameter
   */
  public IntParam maxTextLength() {
    return maxTextLength;
  }

  /** @param column the text column @return this tagger */
  public NervaTagger setInputCol(String column) {
    set(inputCol, column);
    return this;
  }

  /** @param column the document-date column, or "" for none @return this tagger */
  public NervaTagger setDateCol(String column) {
    set(dateCol, column);
    return this;
  }

  /** @param column the entities column to add @return this tagger */
  public NervaTagger setOutputCol(String column) {
    set(outputCol, column);
    return this;
  }

  /** @param column the error column to add @return this tagger */
  public NervaTagger setErrorCol(String column) {
    set(errorCol, column);
    return this;
  }

  /** @param name "english" or "fast" @return this tagger */
  public NervaTagger setModel(String name) {
    set(model, name);
    return this;
  }

  /** @param types entity type names to report @return this tagger */
  public NervaTagger setOutputTypes(String... types) {
    set(outputTypes, types);
    return this;
  }

  /** @param files dictionary TSV files, at the same path on every executor @return this tagger */
  public NervaTagger setDictionaries(String... files) {
    set(dictionaries, files);
    return this;
  }

  /** @param characters the longest text tagged @return this tagger */
  public NervaTagger setMaxTextLength(int characters) {
    set(maxTextLength, characters);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String text = getOrDefault(inputCol);
    if (!Arrays.asList(schema.fieldNames()).contains(text)) {
      throw new IllegalArgumentException("no column " + text + " among " + Arrays.toString(schema.fieldNames()));
    }
    if (!(schema.apply(text).dataType() instanceof StringType)) {
      throw new IllegalArgumentException("column " + text + " must be a string, not " + schema.apply(text).dataType());
    }
    String date = getOrDefault(dateCol);
    if (!date.isEmpty()) {
      if (!Arrays.asList(schema.fieldNames()).contains(date)) {
        throw new IllegalArgumentException("no date column " + date + " among " + Arrays.toString(schema.fieldNames()));
      }
      if (!(schema.apply(date).dataType() instanceof DateType || schema.apply(date).dataType() instanceof StringType)) {
        throw new IllegalArgumentException("column " + date + " must be a date or a YYYY-MM-DD string");
      }
    }
    for (String added : List.of(getOrDefault(outputCol), getOrDefault(errorCol))) {
      if (Arrays.asList(schema.fieldNames()).contains(added)) {
        throw new IllegalArgumentException("the output column " + added + " exists already");
      }
    }
    return schema.add(getOrDefault(outputCol), DataTypes.createArrayType(ENTITY, false), false)
        .add(getOrDefault(errorCol), DataTypes.StringType, true);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType output = transformSchema(dataset.schema());
    int textIndex = dataset.schema().fieldIndex(getOrDefault(inputCol));
    int dateIndex = getOrDefault(dateCol).isEmpty() ? -1 : dataset.schema().fieldIndex(getOrDefault(dateCol));
    TaggerSettings settings = new TaggerSettings(getOrDefault(model).equals("fast"),
        Arrays.asList(getOrDefault(outputTypes)), Arrays.asList(getOrDefault(dictionaries)),
        (Integer) getOrDefault(maxTextLength));
    return dataset.toDF().mapPartitions(tagRows(settings, textIndex, dateIndex), Encoders.row(output));
  }

  /** The partition function: captures only the settings and column positions, never a pipeline. */
  private static MapPartitionsFunction<Row, Row> tagRows(TaggerSettings settings, int textIndex, int dateIndex) {
    return rows -> {
      Nerva nerva = settings.pipeline();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return tagged(rows.next(), nerva, textIndex, dateIndex);
        }
      };
    };
  }

  static Row tagged(Row row, Nerva nerva, int textIndex, int dateIndex) {
    Object[] values = new Object[row.size() + 2];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    List<Row> entities = new ArrayList<>();
    String error = null;
    String text = row.isNullAt(textIndex) ? null : row.getString(textIndex);
    if (text != null && !text.isEmpty()) {
      try {
        Document document = nerva.process(text, dateIndex < 0 ? null : date(row, dateIndex));
        for (Entity e : document.entities()) {
          entities.add(RowFactory.create(e.type().name(), e.start(), e.end(), e.text(), e.confidence(), e.normalized()));
        }
      } catch (RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
    values[row.size()] = scala.jdk.javaapi.CollectionConverters.asScala(entities).toSeq(); // Row arrays are Scala Seqs
    values[row.size() + 1] = error;
    return RowFactory.create(values);
  }

  private static LocalDate date(Row row, int index) {
    if (row.isNullAt(index)) {
      return null;
    }
    Object value = row.get(index);
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return LocalDate.parse(value.toString()); // a bad date string is that row's error
  }

  @Override
  public NervaTagger copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * The reader Spark uses to load a saved tagger (also from inside a saved {@code PipelineModel}).
   *
   * @return the reader
   */
  public static MLReader<NervaTagger> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a tagger saved with {@code write().save(path)}.
   *
   * @param path where it was saved
   * @return the tagger with its parameters
   */
  public static NervaTagger load(String path) {
    return read().load(path);
  }
}
