package dev.nerva.spark;

import dev.nerva.EntityDictionary;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a tagger needs to build its pipeline on an executor: small and serializable, so that it
 * travels with the task while the models never do. Each executor JVM builds one pipeline per
 * settings value, on first use, and every task of that JVM shares it.
 *
 * @param fast whether to use the left-to-right English model alone
 * @param outputTypes the types to report, or empty for the pipeline's default
 * @param dictionaries dictionary files (TSV), readable at the same path on every executor
 * @param maxTextLength texts longer than this get no entities and an error
 */
record TaggerSettings(boolean fast, List<String> outputTypes, List<String> dictionaries, int maxTextLength)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Map<TaggerSettings, Nerva> PIPELINES = new ConcurrentHashMap<>();

  TaggerSettings {
    outputTypes = List.copyOf(outputTypes);
    dictionaries = List.copyOf(dictionaries);
  }

  /** The pipeline of these settings in this JVM, built on first use and shared afterwards. */
  Nerva pipeline() {
    return PIPELINES.computeIfAbsent(this, TaggerSettings::build);
  }

  private Nerva build() {
    Nerva.Builder builder = fast ? Nerva.builder().fastEnglishNameFinder() : Nerva.english().toBuilder();
    for (String file : dictionaries) {
      try {
        builder.dictionary(EntityDictionary.read(Paths.get(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the dictionary " + file + " on this executor", e);
      }
    }
    if (!outputTypes.isEmpty()) {
      builder.outputTypes(outputTypes.stream().map(EntityType::of).toList());
    }
    return builder.maxTextLength(maxTextLength).build();
  }
}
