package dev.nerva.ner.features;

import com.google.common.base.Preconditions;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
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
    return parse(in.readAllBytes());
  }

  private static WordClusters parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Map<String, String> clusterIds = new HashMap<>(); // a few hundred ids shared by all words
    ImmutableMap.Builder<String, String> table = ImmutableMap.builderWithExpectedSize(bytes.length / 10);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String[] parts = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end).split(" ");
      if (parts.length >= 2) {
        table.put(parts[0], clusterIds.computeIfAbsent(parts[1], id -> id));
      }
      start = end + 1;
    }
    return new WordClusters(table.buildKeepingLast());
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

  /**
   * Tables read from model files, by content: the two reading directions of a model carry the same
   * tables, which are then parsed and held once.
   */
  private static final Cache<HashCode, WordClusters> READ = CacheBuilder.newBuilder().weakValues().build();

  /**
   * Reads and writes the table inside a model file, leaving the model's stream open; a table with
   * the same bytes as one already read (and still in use) is that one.
   */
  public static final class Serializer implements ArtifactSerializer<WordClusters> {
    @Override
    public WordClusters create(InputStream in) throws IOException {
      byte[] bytes = in.readAllBytes();
      try {
        return READ.get(Hashing.murmur3_128().hashBytes(bytes), () -> parse(bytes));
      } catch (ExecutionException e) {
        throw new IOException(e.getCause());
      }
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
