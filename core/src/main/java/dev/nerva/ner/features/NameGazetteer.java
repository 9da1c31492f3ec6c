package dev.nerva.ner.features;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * Names seen in the training data with their types, stored inside a name finder model for {@link
 * NameGazetteerFeaturesFactory}.
 *
 * <p>A gazetteer built from the training data would tell the model the answer for every training
 * name, so the model would learn to trust it blindly. Each entry therefore records in which of
 * {@link #FOLDS} folds of the training documents it was seen with each type; while training, a
 * document sees only the names found in the other folds (as a name unknown to the gazetteer will
 * be at run time), and a gazetteer read from a model file sees them all.
 *
 * <p>Immutable and thread-safe.
 */
public final class NameGazetteer implements SerializableArtifact {

  /** Number of document folds the training names are split into. */
  public static final int FOLDS = 5;

  private static final char SEPARATOR = ' ';

  private final ImmutableList<String> types;
  /** Entry (tokens joined by spaces) to fold masks: bits [FOLDS * t, FOLDS * t + FOLDS) for type t. */
  private final ImmutableMap<String, Long> entries;
  /** Token prefixes of longer entries, so that matching stops as soon as no entry can follow. */
  private final ImmutableSet<String> prefixes;
  private final boolean crossFold;

  /**
   * @param types the types entries may have (at most 12)
   * @param entries tokens joined by single spaces to per-type fold masks
   * @param crossFold whether documents see only the names of the other folds (while training)
   */
  public NameGazetteer(List<String> types, Map<String, Long> entries, boolean crossFold) {
    this.types = ImmutableList.copyOf(types);
    Preconditions.checkArgument(this.types.size() * FOLDS <= 64, "at most %s types", 64 / FOLDS);
    this.entries = ImmutableMap.copyOf(entries);
    this.crossFold = crossFold;
    ImmutableSet.Builder<String> starts = ImmutableSet.builder();
    for (String entry : this.entries.keySet()) {
      String[] tokens = entry.split(" ");
      for (int end = 1; end < tokens.length; end++) {
        starts.add(String.join(" ", Arrays.asList(tokens).subList(0, end)));
      }
    }
    this.prefixes = starts.build();
  }

  /** Builds the training gazetteer from the names of the training documents. */
  public static final class Builder {
    private final List<String> types;
    private final Map<String, Long> entries = new TreeMap<>();

    /** A builder for names of these types. */
    public Builder(List<String> types) {
      this.types = ImmutableList.copyOf(types);
    }

    /**
     * Records a name of a type seen in a document of the given fold ({@link #foldOf} its first
     * sentence); other types are ignored.
     */
    public Builder add(String[] tokens, String type, int fold) {
      int t = types.indexOf(type);
      if (t >= 0 && tokens.length > 0) {
        long bit = 1L << (FOLDS * t + Math.floorMod(fold, FOLDS));
        entries.merge(String.join(String.valueOf(SEPARATOR), tokens), bit, (a, b) -> a | b);
      }
      return this;
    }

    /** The gazetteer for training, where each document sees the names of the other folds only. */
    public NameGazetteer buildForTraining() {
      return new NameGazetteer(types, entries, true);
    }
  }

  /**
   * The fold of a document, from the tokens of its first sentence: the feature generator sees
   * documents one sentence at a time, and OpenNLP reads the training events twice, so the fold
   * must follow from the text alone.
   */
  public static int foldOf(String[] firstSentence) {
    int h = 17;
    for (String token : firstSentence) {
      h = 31 * h + token.hashCode();
    }
    return Math.floorMod(h ^ (h >>> 16), FOLDS);
  }

  /** The types of the entry visible from a document of this fold (-1: all folds), as a bit set. */
  int typesOf(String joined, int fold) {
    Long masks = entries.get(joined);
    if (masks == null) {
      return 0;
    }
    long foldBits = (1L << FOLDS) - 1;
    long hide = crossFold && fold >= 0 ? 1L << fold : 0;
    int found = 0;
    for (int t = 0; t < types.size(); t++) {
      long seen = (masks >>> (FOLDS * t)) & foldBits & ~hide;
      if (seen != 0) {
        found |= 1 << t;
      }
    }
    return found;
  }

  /** Whether some longer entry starts with these tokens (joined by spaces). */
  boolean startsLongerEntry(String joined) {
    return prefixes.contains(joined);
  }

  List<String> types() {
    return types;
  }

  boolean crossFold() {
    return crossFold;
  }

  /** The number of names. */
  public int size() {
    return entries.size();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /**
   * Reads and writes the gazetteer inside a model file (UTF-8: a "#types" line, then "tokens TAB
   * hex masks" lines), leaving the model's stream open. A gazetteer read back sees all folds.
   */
  public static final class Serializer implements ArtifactSerializer<NameGazetteer> {
    @Override
    public NameGazetteer create(InputStream in) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> types = new ArrayList<>();
      Map<String, Long> entries = new TreeMap<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#types\t")) {
          types.addAll(List.of(line.substring(7).split(",")));
        } else if (!line.isEmpty()) {
          int tab = line.lastIndexOf('\t');
          if (tab <= 0) {
            throw new IOException("bad gazetteer line: " + line);
          }
          entries.put(line.substring(0, tab), Long.parseUnsignedLong(line.substring(tab + 1), 16));
        }
      }
      return new NameGazetteer(types, entries, false);
    }

    @Override
    public void serialize(NameGazetteer artifact, OutputStream out) throws IOException {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write("#types\t" + String.join(",", artifact.types) + "\n");
      for (Map.Entry<String, Long> e : new TreeMap<>(artifact.entries).entrySet()) {
        writer.write(e.getKey() + "\t" + Long.toHexString(e.getValue()) + "\n");
      }
      writer.flush(); // not close: the stream is the model's zip file
    }
  }
}
