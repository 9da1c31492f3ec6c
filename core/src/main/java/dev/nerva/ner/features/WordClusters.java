package dev.nerva.ner.features;

import com.google.common.base.Preconditions;
import dev.nerva.internal.PackedArrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
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

  /** The table's "word cluster" lines; words and cluster ids are found by their place in it. */
  private final String text;
  /** Open addressing over words: an entry number + 1 in each used slot, 0 in empty ones. */
  private final int[] slots;
  private final int[] wordStart;
  private final int[] wordEnd;
  /** Each entry's cluster, as an index into {@link #clusterIds}. */
  private final int[] clusterOfEntry;
  /** The distinct cluster ids, a few hundred or thousand shared by all words. */
  private final String[] clusterIds;
  private final int size;

  /** Creates a table from word to cluster id. */
  public WordClusters(Map<String, String> clusterByWord) {
    this(lines(Preconditions.checkNotNull(clusterByWord, "clusterByWord")));
  }

  private static String lines(Map<String, String> clusterByWord) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : clusterByWord.entrySet()) {
      Preconditions.checkArgument(isField(e.getKey()) && isField(e.getValue()),
          "words and cluster ids must be non-empty and without spaces or line breaks: %s %s", e.getKey(), e.getValue());
      text.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    }
    return text.toString();
  }

  private static boolean isField(String s) {
    return !s.isEmpty() && s.indexOf(' ') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
  }

  /**
   * Indexes "word cluster" lines in place: no string per word, which made reading the four tables
   * of the English models (280,000 lines) a tenth of their load time and most of its garbage.
   * Lines with fewer than two fields are ignored, fields after the second too; a word listed twice
   * keeps its last cluster.
   */
  private WordClusters(String text) {
    this.text = text;
    int lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    int capacity = Integer.highestOneBit(Math.max(4, lines * 2 - 1)) << 1;
    int[] table = new int[capacity];
    int[] starts = new int[lines];
    int[] ends = new int[lines];
    int[] clusters = new int[lines];
    int[] idSlots = new int[1024];
    int[] idStart = new int[512];
    int[] idEnd = new int[512];
    int ids = 0;
    int entries = 0;
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      int space = text.indexOf(' ', start);
      if (space > start && space < lineEnd - 1) {
        int idFrom = space + 1;
        int idTo = text.indexOf(' ', idFrom);
        if (idTo < 0 || idTo > lineEnd) {
          idTo = lineEnd;
        }
        if (idTo > idFrom) {
          // The cluster id: found among those seen, or added.
          if (2 * ids >= idSlots.length / 2) {
            idSlots = rehash(idSlots, idStart, idEnd, ids, text);
          }
          int idSlot = find(idSlots, idStart, idEnd, text, idFrom, idTo);
          if (idSlots[idSlot] == 0) {
            if (ids == idStart.length) {
              idStart = Arrays.copyOf(idStart, 2 * ids);
              idEnd = Arrays.copyOf(idEnd, 2 * ids);
            }
            idStart[ids] = idFrom;
            idEnd[ids] = idTo;
            idSlots[idSlot] = ++ids;
          }
          int slot = find(table, starts, ends, text, start, space);
          if (table[slot] == 0) {
            starts[entries] = start;
            ends[entries] = space;
            table[slot] = ++entries;
          }
          clusters[table[slot] - 1] = idSlots[idSlot] - 1;
        }
      }
      start = end + 1;
    }
    String[] names = new String[ids];
    for (int i = 0; i < ids; i++) {
      names[i] = text.substring(idStart[i], idEnd[i]);
    }
    this.slots = table;
    this.wordStart = Arrays.copyOf(starts, entries);
    this.wordEnd = Arrays.copyOf(ends, entries);
    this.clusterOfEntry = Arrays.copyOf(clusters, entries);
    this.clusterIds = names;
    this.size = entries;
  }

  /** The slot of the region's text in an open-addressing table of regions: its own, or the empty one to fill. */
  private static int find(int[] table, int[] starts, int[] ends, String text, int from, int to) {
    int mask = table.length - 1;
    int slot = hash(text, from, to) & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      int s = starts[entry - 1];
      if (ends[entry - 1] - s == to - from && text.regionMatches(s, text, from, to - from)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int[] rehash(int[] table, int[] starts, int[] ends, int count, String text) {
    int[] bigger = new int[table.length * 2];
    for (int e = 0; e < count; e++) {
      bigger[find(bigger, starts, ends, text, starts[e], ends[e])] = e + 1;
    }
    return bigger;
  }

  /** {@link String#hashCode()} of the region, spread; a looked-up word's own hash is cached. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return spread(h);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The table as {@link #toPacked} lays it out: "NRVC", version, then text and index. */
  private static final int PACKED_MAGIC = 0x4E525643;
  private static final int PACKED_VERSION = 1;

  private WordClusters(String text, int[] slots, int[] wordStart, int[] wordEnd, int[] clusterOfEntry,
      String[] clusterIds) {
    this.text = text;
    this.slots = slots;
    this.wordStart = wordStart;
    this.wordEnd = wordEnd;
    this.clusterOfEntry = clusterOfEntry;
    this.clusterIds = clusterIds;
    this.size = wordStart.length;
  }

  /**
   * The table with its index, for {@link PackedSerializer}: little-endian, the text as UTF-8, the
   * index arrays as they are, so that reading it back is a decode and a few bulk copies.
   */
  byte[] toPacked() {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[][] ids = new byte[clusterIds.length][];
    int idBytes = 0;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = clusterIds[i].getBytes(StandardCharsets.UTF_8);
      idBytes += PackedArrays.size(1, ids[i].length);
    }
    ByteBuffer out = ByteBuffer.allocate(3 * Integer.BYTES + PackedArrays.size(1, utf8.length)
        + PackedArrays.size(Integer.BYTES, slots.length, size, size, size) + idBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(PACKED_MAGIC).putInt(PACKED_VERSION);
    PackedArrays.putBytes(out, utf8);
    PackedArrays.putInts(out, slots);
    PackedArrays.putInts(out, wordStart);
    PackedArrays.putInts(out, wordEnd);
    PackedArrays.putInts(out, clusterOfEntry);
    out.putInt(ids.length);
    for (byte[] id : ids) {
      PackedArrays.putBytes(out, id);
    }
    return out.array();
  }

  /**
   * The table {@link #toPacked} wrote.
   *
   * @throws IOException if the bytes are not such a table
   */
  static WordClusters fromPacked(byte[] bytes) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (in.getInt() != PACKED_MAGIC || in.getInt() != PACKED_VERSION) {
        throw new IOException("not a packed word-cluster table of this version");
      }
      String text = new String(PackedArrays.bytes(in), StandardCharsets.UTF_8);
      int[] slots = PackedArrays.ints(in);
      int[] wordStart = PackedArrays.ints(in);
      int[] wordEnd = PackedArrays.ints(in);
      int[] clusterOfEntry = PackedArrays.ints(in);
      String[] ids = new String[in.getInt()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = new String(PackedArrays.bytes(in), StandardCharsets.UTF_8);
      }
      int size = wordStart.length;
      if (in.hasRemaining() || Integer.bitCount(slots.length) != 1 || wordEnd.length != size
          || clusterOfEntry.length != size) {
        throw new IOException("malformed packed word-cluster table");
      }
      for (int e = 0; e < size; e++) {
        if (wordStart[e] < 0 || wordEnd[e] < wordStart[e] || wordEnd[e] > text.length()
            || clusterOfEntry[e] < 0 || clusterOfEntry[e] >= ids.length) {
          throw new IOException("malformed packed word-cluster table: entry " + e);
        }
      }
      for (int slot : slots) {
        if (slot < 0 || slot > size) {
          throw new IOException("malformed packed word-cluster table: slot " + slot);
        }
      }
      return new WordClusters(text, slots, wordStart, wordEnd, clusterOfEntry, ids);
    } catch (RuntimeException e) { // underflow, negative sizes
      throw new IOException("malformed packed word-cluster table: " + e, e);
    }
  }

  /** Reads "word cluster" lines (UTF-8); other lines are ignored. Does not close {@code in}. */
  public static WordClusters read(InputStream in) throws IOException {
    return parse(in.readAllBytes());
  }

  private static WordClusters parse(byte[] bytes) {
    return new WordClusters(new String(bytes, StandardCharsets.UTF_8));
  }

  /** The cluster of {@code word}, if it has one. */
  public Optional<String> clusterOf(String word) {
    return Optional.ofNullable(lookup(Preconditions.checkNotNull(word, "word")));
  }

  String lookup(String word) {
    int mask = slots.length - 1;
    int length = word.length();
    int slot = spread(word.hashCode()) & mask;
    for (int entry = slots[slot]; entry != 0; entry = slots[slot]) {
      int s = wordStart[entry - 1];
      if (wordEnd[entry - 1] - s == length && text.regionMatches(s, word, 0, length)) {
        return clusterIds[clusterOfEntry[entry - 1]];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  /** The number of words in the table. */
  public int size() {
    return size;
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /**
   * Tables read from model files, by their text: the two reading directions of a model carry the
   * same tables, which are then parsed and held once. Weak keys, each the text its table holds, so
   * an entry lasts as long as its table; a plain map rather than a cache library's, whose set-up
   * alone cost start-up time.
   */
  private static final Map<String, WeakReference<WordClusters>> READ = new WeakHashMap<>();

  /**
   * Reads and writes the table inside a model file, leaving the model's stream open; a table with
   * the same bytes as one already read (and still in use) is that one.
   */
  public static final class Serializer implements ArtifactSerializer<WordClusters> {
    @Override
    public WordClusters create(InputStream in) throws IOException {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      synchronized (READ) {
        WeakReference<WordClusters> known = READ.get(text);
        WordClusters clusters = known == null ? null : known.get();
        if (clusters == null) {
          clusters = new WordClusters(text);
          READ.put(text, new WeakReference<>(clusters));
        }
        return clusters;
      }
    }

    @Override
    public void serialize(WordClusters artifact, OutputStream out) throws IOException {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      Map<String, String> sorted = new TreeMap<>();
      for (int e = 0; e < artifact.size; e++) {
        sorted.put(artifact.text.substring(artifact.wordStart[e], artifact.wordEnd[e]),
            artifact.clusterIds[artifact.clusterOfEntry[e]]);
      }
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        writer.write(e.getKey());
        writer.write(' ');
        writer.write(e.getValue());
        writer.write('\n');
      }
      writer.flush(); // not close: the stream is the model's zip file
    }
  }

  /**
   * Reads and writes the table with its index already built ({@link #toPacked}), as the packed
   * form of a bundled model holds it (see {@code PackedNameFinder#pack}): no parsing at load. A table
   * whose text equals one already read (and still in use) is that one.
   */
  public static final class PackedSerializer implements ArtifactSerializer<WordClusters> {
    @Override
    public WordClusters create(InputStream in) throws IOException {
      WordClusters read = fromPacked(in.readAllBytes());
      synchronized (READ) {
        WeakReference<WordClusters> known = READ.get(read.text);
        WordClusters clusters = known == null ? null : known.get();
        if (clusters == null) {
          READ.put(read.text, new WeakReference<>(read));
          return read;
        }
        return clusters;
      }
    }

    @Override
    public void serialize(WordClusters artifact, OutputStream out) throws IOException {
      out.write(artifact.toPacked()); // not close: the stream is the model's zip file
    }
  }
}
