package dev.nerva.ner.features;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A word-to-cluster table stored inside a name finder model: lines of "word cluster" in UTF-8.
 *
 * <p>Nerva's own artefact rather than OpenNLP's {@code WordClusterDictionary}, whose serializer in
 * OpenNLP 2.5 closes the model's zip stream (so no further artefact can follow it) and writes in
 * the platform charset. Immutable and thread-safe.
 */
public final class WordClusters implements SerializableArtifact {

  private final ImmutableMap<String, String> clusterByWord;

  /** Creates a table from word to cluster id. */
  public WordClusters(Map<String, String> clusterByWord) {
    this.clusterByWord = ImmutableMap.copyOf(Preconditions.checkNotNull(clusterByWord, "clusterByWord"));
  }

  /** Reads "word cluster" lines (UTF-8); other lines are ignored. Does not close {@code in}. */
  public static WordClusters read(InputStream in) throws IOException {
    Map<String, String> map = new TreeMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      String[] parts = line.split(" ");
      if (parts.length >= 2) {
        map.put(parts[0], parts[1]);
      }
    }
    return new WordClusters(map);
  }

  /** The cluster of {@code word}, if it has one. */
  public Optional<String> clusterOf(String word) {
    return Optional.ofNullable(clusterByWord.get(word));
  }

  String lookup(String word) {
    return clusterByWord.get(word);
  }

  /** The number of words in the table. */
  public int size() {
    return clusterByWord.size();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /** Reads and writes the table inside a model file, leaving the model's stream open. */
  public static final class Serializer implements ArtifactSerializer<WordClusters> {
    @Override
    public WordClusters create(InputStream in) throws IOException {
      return read(in);
    }

    @Override
    public void serialize(WordClusters artifact, OutputStream out) throws IOException {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : new TreeMap<>(artifact.clusterByWord).entrySet()) {
        writer.write(e.getKey());
        writer.write(' ');
        writer.write(e.getValue());
        writer.write('\n');
      }
      writer.flush(); // not close: the stream is the model's zip file
    }
  }
}
