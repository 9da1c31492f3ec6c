package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import dev.nerva.internal.Hash64;
import dev.nerva.ner.features.PhraseList;
import dev.nerva.ner.features.WordClusters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.maxent.io.BinaryGISModelWriter;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.model.DictionarySerializer;

/**
 * A GIS maxent name finder loaded for decoding only: its weights read from the model file straight
 * into {@link FeatureWeights}' packed tables, and the rest (feature descriptor, clusters,
 * dictionaries, manifest) loaded by OpenNLP from a copy of the file whose classifier is a
 * one-feature stand-in. OpenNLP's own reader builds an object per feature (hundreds of thousands
 * of strings, arrays and map entries) that the decoder would only copy and throw away: reading
 * straight into the tables takes a fraction of the time and no second copy of the weights.
 * Immutable and thread-safe.
 */
public final class PackedNameFinder {

  /** The stand-in classifier's one feature, which tells a decoder not to pack it. */
  static final String PACKED_MARKER = "\u0000nerva:weights-packed-elsewhere";

  private static final String CLASSIFIER_ENTRY = "nameFinder.model";
  private static final String MANIFEST_ENTRY = "manifest.properties";
  /** The entries of the packed form, in the order {@link #pack} writes them. */
  private static final String PACKED_OUTCOMES_ENTRY = "outcomes";
  private static final String PACKED_WEIGHTS_ENTRY = "weights";
  private static final String PACKED_MODEL_ENTRY = "model.bin";
  private static final LocalDateTime PACKED_ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);
  /** How a manifest names the serializer of one of its artefacts. */
  private static final String SERIALIZER_PREFIX = "serializer-class-";

  private final TokenNameFinderModel model;
  private final MaxentBeamDecoder decoder;

  private PackedNameFinder(TokenNameFinderModel model, MaxentBeamDecoder decoder) {
    this.model = model;
    this.decoder = decoder;
  }

  /**
   * Reads a name finder model file.
   *
   * @param in the model file's bytes; read to the end, not closed
   * @return the name finder
   * @throws IOException if the stream fails or the file is not a GIS maxent name finder model (OpenNLP's
   *     own reader loads the others)
   */
  public static PackedNameFinder read(InputStream in) throws IOException {
    Preconditions.checkNotNull(in, "in");
    return split(in).finder();
  }

  /**
   * Writes a model file in the packed form that {@link #readPacked} loads several times faster:
   * the weight tables as they lie in memory, and the rest of the model as an OpenNLP model whose
   * classifier is a stand-in and whose clusters and gazetteers are indexed already. The build of
   * nerva-models-en writes one beside each bundled model ({@link PackModels}); the OpenNLP-format
   * file stays the source.
   *
   * @param modelFile the model file's bytes, as {@link #read} takes them; read to the end, not closed
   * @param out where the packed form goes; not closed
   * @throws IOException if a stream fails or the file is not a GIS maxent name finder model
   */
  public static void pack(InputStream modelFile, OutputStream out) throws IOException {
    Preconditions.checkNotNull(modelFile, "modelFile");
    Preconditions.checkNotNull(out, "out");
    Parts parts = split(modelFile);
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    DataOutputStream labelsOut = new DataOutputStream(labels);
    labelsOut.writeInt(parts.packed.outcomes.length);
    for (String outcome : parts.packed.outcomes) {
      labelsOut.writeUTF(outcome);
    }
    ZipOutputStream zip = new ZipOutputStream(out);
    // Stored, not deflated: the jar keeps a zip as it is, and reading is then a copy.
    putStored(zip, PACKED_OUTCOMES_ENTRY, labels.toByteArray());
    putStored(zip, PACKED_WEIGHTS_ENTRY, parts.packed.weights.write());
    putStored(zip, PACKED_MODEL_ENTRY, withPackedResources(parts.slimModel));
    zip.finish();
  }

  /**
   * Reads what {@link #pack} wrote.
   *
   * @param in the packed form's bytes; read to the end, not closed
   * @return the name finder, the same as {@link #read} of the file it was packed from
   * @throws IOException if the stream fails or the bytes are not a packed name finder
   */
  public static PackedNameFinder readPacked(InputStream in) throws IOException {
    Preconditions.checkNotNull(in, "in");
    ZipInputStream zip = new ZipInputStream(in);
    String[] outcomes = null;
    byte[] weights = null;
    byte[] slimModel = null;
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      switch (entry.getName()) {
        case PACKED_OUTCOMES_ENTRY -> {
          DataInputStream labels = new DataInputStream(new ByteArrayInputStream(zip.readAllBytes()));
          outcomes = new String[labels.readInt()];
          for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = labels.readUTF();
          }
        }
        case PACKED_WEIGHTS_ENTRY -> weights = zip.readAllBytes();
        case PACKED_MODEL_ENTRY -> slimModel = zip.readAllBytes();
        default -> throw new IOException("unexpected entry " + entry.getName() + " in a packed name finder");
      }
    }
    if (outcomes == null || weights == null || slimModel == null) {
      throw new IOException("not a packed name finder: it lacks " + (outcomes == null ? PACKED_OUTCOMES_ENTRY
          : weights == null ? PACKED_WEIGHTS_ENTRY : PACKED_MODEL_ENTRY));
    }
    return finder(new Packed(FeatureWeights.read(weights, outcomes.length), outcomes), slimModel);
  }

  private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = entry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * The model without its weights, its word-cluster tables and case-sensitive gazetteers replaced
   * by their packed forms (their tables built already, read with bulk copies) and the manifest
   * naming the serializers that read those; deflated, unlike the copy that {@link #read} makes and
   * parses at once: in the models jar clusters and gazetteers compress about five times.
   */
  private static byte[] withPackedResources(byte[] slimModel) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(slimModel));
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      entries.put(entry.getName(), zip.readAllBytes());
    }
    Properties manifest = new Properties();
    manifest.load(new ByteArrayInputStream(entries.get(MANIFEST_ENTRY)));
    for (String key : manifest.stringPropertyNames()) {
      if (!key.startsWith(SERIALIZER_PREFIX)) {
        continue;
      }
      String name = key.substring(SERIALIZER_PREFIX.length());
      String serializer = manifest.getProperty(key);
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      if (serializer.equals(WordClusters.Serializer.class.getName())) {
        WordClusters clusters = new WordClusters.Serializer().create(new ByteArrayInputStream(entries.get(name)));
        new WordClusters.PackedSerializer().serialize(clusters, packed);
        manifest.setProperty(key, WordClusters.PackedSerializer.class.getName());
      } else if (serializer.equals(PhraseList.Serializer.class.getName())
          && new PhraseList.Serializer().create(new ByteArrayInputStream(entries.get(name))) instanceof PhraseList list) {
        new PhraseList.PackedSerializer().serialize(list, packed);
        manifest.setProperty(key, PhraseList.PackedSerializer.class.getName());
      } else {
        continue;
      }
      entries.put(name, packed.toByteArray());
    }
    entries.put(MANIFEST_ENTRY, storeWithoutDate(manifest));
    ByteArrayOutputStream out = new ByteArrayOutputStream(slimModel.length / 2);
    try (ZipOutputStream rewritten = new ZipOutputStream(out)) {
      rewritten.setLevel(Deflater.DEFAULT_COMPRESSION);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        rewritten.putNextEntry(entry(entry.getKey()));
        rewritten.write(entry.getValue());
        rewritten.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** An entry dated the same at every build, so that a model packs to the same bytes. */
  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(PACKED_ENTRY_TIME);
    return entry;
  }

  /** A model file's weights, and the rest of it as a model file with a stand-in classifier. */
  private record Parts(Packed packed, byte[] slimModel) {
    PackedNameFinder finder() throws IOException {
      return PackedNameFinder.finder(packed, slimModel);
    }
  }

  private static Parts split(InputStream in) throws IOException {
    ByteArrayOutputStream slim = new ByteArrayOutputStream(1 << 20);
    Packed packed = null;
    try (ZipOutputStream out = new ZipOutputStream(slim)) {
      out.setLevel(Deflater.NO_COMPRESSION); // the copy is read once, at once: compressing it was a tenth of the load
      ZipInputStream zip = new ZipInputStream(in);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        out.putNextEntry(entry(entry.getName()));
        if (entry.getName().equals(CLASSIFIER_ENTRY)) {
          packed = readGis(zip);
          writeStandIn(packed.outcomes, out);
        } else if (entry.getName().equals(MANIFEST_ENTRY)) {
          out.write(withFastDictionaries(zip.readAllBytes()));
        } else {
          zip.transferTo(out);
        }
        out.closeEntry();
      }
    }
    if (packed == null) {
      throw new IOException("no " + CLASSIFIER_ENTRY + " in the model file");
    }
    return new Parts(packed, slim.toByteArray());
  }

  private static PackedNameFinder finder(Packed packed, byte[] slimModel) throws IOException {
    TokenNameFinderModel model = new TokenNameFinderModel(new ByteArrayInputStream(slimModel));
    MaxentBeamDecoder decoder = new MaxentBeamDecoder(model, packed.weights, packed.outcomes,
        MaxentBeamDecoder.beamSizeOf(model), MaxentBeamDecoder.otherBiasOf(model));
    return new PackedNameFinder(model, decoder);
  }

  /**
   * The manifest with every dictionary artefact read by {@link PhraseList}'s serializer instead of
   * OpenNLP's: same file format, a fraction of the load time, one shared copy for all decoding
   * sessions. Models trained before Nerva wrote that serializer name OpenNLP's.
   */
  private static byte[] withFastDictionaries(byte[] manifest) throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(manifest));
    boolean changed = false;
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(SERIALIZER_PREFIX) && key.endsWith(".dictionary")
          && DictionarySerializer.class.getName().equals(properties.getProperty(key))) {
        properties.setProperty(key, PhraseList.Serializer.class.getName());
        changed = true;
      }
    }
    if (!changed) {
      return manifest;
    }
    return storeWithoutDate(properties);
  }

  /** Without the date that {@code store} writes first, a model packs to the same bytes at every build. */
  private static byte[] storeWithoutDate(Properties properties) throws IOException {
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    properties.store(stored, null);
    String text = stored.toString(StandardCharsets.ISO_8859_1);
    return text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The model without its weights: descriptor, resources, manifest; OpenNLP cannot decode it. */
  public TokenNameFinderModel model() {
    return model;
  }

  MaxentBeamDecoder decoder() {
    return decoder;
  }

  private record Packed(FeatureWeights weights, String[] outcomes) {}

  /**
   * OpenNLP's binary GIS format: "GIS", correction constant and parameter, outcome labels, outcome
   * patterns ("count outcome outcome ..."), feature names, then each feature's weights pattern by
   * pattern. Feature names are hashed straight from their bytes: the decoder needs only the hash,
   * and building 700,000 strings per model was most of the garbage (and, on one core, of the
   * collector's time) at load.
   */
  private static Packed readGis(InputStream raw) throws IOException {
    BigEndianReader in = new BigEndianReader(raw);
    String type = in.readUtf();
    if (!type.equals("GIS")) {
      throw new IOException("the classifier is a " + type + " model, not GIS");
    }
    in.readInt(); // correction constant: not used in decoding
    in.readDouble(); // correction parameter
    String[] outcomes = new String[in.readInt()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = in.readUtf();
    }
    int[][] patterns = new int[in.readInt()][];
    int pairCount = 0;
    int rows = 0;
    int denseFrom = FeatureWeights.denseFrom(outcomes.length);
    for (int i = 0; i < patterns.length; i++) {
      patterns[i] = in.readUtfInts();
      int count = patterns[i][0];
      int active = patterns[i].length - 1;
      if (active >= denseFrom) {
        rows += count;
      } else if (active > 1) {
        pairCount += count * active;
      }
    }
    long[] featureHashes = new long[in.readInt()];
    for (int i = 0; i < featureHashes.length; i++) {
      featureHashes[i] = in.readUtfHash();
    }
    FeatureWeights.Builder builder = new FeatureWeights.Builder(featureHashes.length, pairCount, rows, outcomes.length);
    double[] weights = new double[outcomes.length];
    int feature = 0;
    for (int[] pattern : patterns) {
      int[] active = Arrays.copyOfRange(pattern, 1, pattern.length);
      for (int c = 0; c < pattern[0]; c++) {
        if (feature == featureHashes.length) {
          throw new IOException("the classifier weighs more features than the " + featureHashes.length + " it lists");
        }
        for (int a = 0; a < active.length; a++) {
          weights[a] = in.readDouble();
        }
        builder.add(featureHashes[feature++], active, weights);
      }
    }
    if (feature != featureHashes.length) {
      throw new IOException("the classifier lists " + featureHashes.length + " features but weighs " + feature);
    }
    return new Packed(builder.build(), outcomes);
  }

  /**
   * Java's {@code DataInput} encoding read from a plain buffer (no per-call locking, as
   * {@code BufferedInputStream} has), with a way to hash a modified-UTF-8 string without making it.
   */
  private static final class BigEndianReader {
    // One bounds-checked load each instead of a loop over bytes: a model has about a million weights.
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private char[] chars = new char[256];

    BigEndianReader(InputStream in) {
      this.in = in;
    }

    private void require(int n) throws IOException {
      if (limit - position >= n) {
        return;
      }
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
      while (limit < n) {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          throw new EOFException("the classifier ends early");
        }
        limit += read;
      }
    }

    int readUnsignedShort() throws IOException {
      require(2);
      int value = (buffer[position] & 0xFF) << 8 | buffer[position + 1] & 0xFF;
      position += 2;
      return value;
    }

    int readInt() throws IOException {
      require(4);
      int value = (int) INT.get(buffer, position);
      position += 4;
      return value;
    }

    double readDouble() throws IOException {
      require(8);
      long value = (long) LONG.get(buffer, position);
      position += 8;
      return Double.longBitsToDouble(value);
    }

    /** Decodes the next modified-UTF-8 string into {@link #chars}; returns its length. */
    private int decodeUtf() throws IOException {
      int bytes = readUnsignedShort();
      require(bytes);
      if (chars.length < bytes) {
        chars = new char[Math.max(bytes, 2 * chars.length)];
      }
      int n = 0;
      int end = position + bytes;
      for (int i = position; i < end; ) {
        int b = buffer[i] & 0xFF;
        if (b < 0x80) {
          chars[n++] = (char) b;
          i++;
        } else if ((b & 0xE0) == 0xC0 && i + 1 < end) {
          chars[n++] = (char) ((b & 0x1F) << 6 | buffer[i + 1] & 0x3F);
          i += 2;
        } else if ((b & 0xF0) == 0xE0 && i + 2 < end) {
          chars[n++] = (char) ((b & 0x0F) << 12 | (buffer[i + 1] & 0x3F) << 6 | buffer[i + 2] & 0x3F);
          i += 3;
        } else {
          throw new UTFDataFormatException("malformed feature name in the classifier");
        }
      }
      position = end;
      return n;
    }

    String readUtf() throws IOException {
      int n = decodeUtf();
      return new String(chars, 0, n);
    }

    /** The next string, a list of non-negative numbers separated by single spaces, as numbers. */
    int[] readUtfInts() throws IOException {
      int n = decodeUtf();
      int fields = n == 0 ? 0 : 1;
      for (int i = 0; i < n; i++) {
        if (chars[i] == ' ') {
          fields++;
        }
      }
      int[] values = new int[fields];
      int field = 0;
      long value = 0;
      boolean digits = false;
      for (int i = 0; i <= n; i++) {
        if (i == n || chars[i] == ' ') {
          if (!digits || value > Integer.MAX_VALUE) {
            throw new IOException("malformed outcome pattern in the classifier");
          }
          values[field++] = (int) value;
          value = 0;
          digits = false;
        } else if (chars[i] >= '0' && chars[i] <= '9') {
          value = value * 10 + (chars[i] - '0');
          digits = true;
        } else {
          throw new IOException("malformed outcome pattern in the classifier");
        }
      }
      return values;
    }

    long readUtfHash() throws IOException {
      int n = decodeUtf();
      return Hash64.of(chars, n);
    }
  }

  /** A GIS model with the same outcomes and one marker feature, which OpenNLP loads in no time. */
  private static void writeStandIn(String[] outcomes, OutputStream out) throws IOException {
    GISModel standIn = new GISModel(new Context[] {new Context(new int[] {0}, new double[] {0})},
        new String[] {PACKED_MARKER}, outcomes);
    OutputStream open = new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // the writer closes its stream; the zip entry must stay open
      }
    };
    new BinaryGISModelWriter(standIn, new DataOutputStream(open)).persist();
  }
}
