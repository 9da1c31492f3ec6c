package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import dev.nerva.ner.features.PhraseList;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Properties;
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
    ByteArrayOutputStream slim = new ByteArrayOutputStream(1 << 20);
    Packed packed = null;
    try (ZipOutputStream out = new ZipOutputStream(slim)) {
      ZipInputStream zip = new ZipInputStream(in);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(CLASSIFIER_ENTRY)) {
          packed = readGis(new DataInputStream(new BufferedInputStream(zip, 1 << 16)));
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
    TokenNameFinderModel model = new TokenNameFinderModel(new ByteArrayInputStream(slim.toByteArray()));
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
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream(manifest.length + 256);
    properties.store(rewritten, null);
    return rewritten.toByteArray();
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
   * pattern.
   */
  private static Packed readGis(DataInputStream in) throws IOException {
    String type = in.readUTF();
    if (!type.equals("GIS")) {
      throw new IOException("the classifier is a " + type + " model, not GIS");
    }
    in.readInt(); // correction constant: not used in decoding
    in.readDouble(); // correction parameter
    String[] outcomes = new String[in.readInt()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = in.readUTF();
    }
    int[][] patterns = new int[in.readInt()][];
    int pairCount = 0;
    int rows = 0;
    int denseFrom = FeatureWeights.denseFrom(outcomes.length);
    for (int i = 0; i < patterns.length; i++) {
      String[] fields = in.readUTF().split(" ");
      patterns[i] = new int[fields.length];
      for (int f = 0; f < fields.length; f++) {
        patterns[i][f] = Integer.parseInt(fields[f]);
      }
      int count = patterns[i][0];
      int active = fields.length - 1;
      if (active >= denseFrom) {
        rows += count;
      } else if (active > 1) {
        pairCount += count * active;
      }
    }
    String[] features = new String[in.readInt()];
    for (int i = 0; i < features.length; i++) {
      features[i] = in.readUTF();
    }
    FeatureWeights.Builder builder = new FeatureWeights.Builder(features.length, pairCount, rows, outcomes.length);
    double[] weights = new double[outcomes.length];
    int feature = 0;
    for (int[] pattern : patterns) {
      int[] active = Arrays.copyOfRange(pattern, 1, pattern.length);
      for (int c = 0; c < pattern[0]; c++) {
        for (int a = 0; a < active.length; a++) {
          weights[a] = in.readDouble();
        }
        builder.add(features[feature++], active, weights);
      }
    }
    if (feature != features.length) {
      throw new IOException("the classifier lists " + features.length + " features but weighs " + feature);
    }
    return new Packed(builder.build(), outcomes);
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
