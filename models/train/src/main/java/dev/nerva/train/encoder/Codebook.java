package dev.nerva.train.encoder;

import com.google.common.base.Preconditions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns a token's contextual vector into a few discrete codes that a linear name finder can read
 * as ordinary features: the nearest of {@code k} centroids of the whole vector (a contextual word
 * class), and the nearest centroid in each of {@code m} equal slices of the vector (product
 * quantisation), which keeps finer detail. Centroids come from k-means over the training tokens'
 * vectors (the models command's {@code contextual} training). Immutable and thread-safe.
 */
public final class Codebook {

  private static final String MAGIC = "nerva-contextual-codebook";
  private static final int VERSION = 1;

  private final int dimensions;
  /** Whole-vector centroids, transposed: [dimension][centroid]. */
  private final float[] whole;
  private final float[] wholeNorms;
  private final int wholeCount;
  private final int slices;
  private final int sliceCount;
  /** Per slice, transposed: [slice][dimension within slice][centroid]. */
  private final float[] sliced;
  private final float[] slicedNorms;

  /**
   * @param dimensions the vector width
   * @param wholeCentroids [k][dimensions], row-major
   * @param slices how many slices (dividing the width)
   * @param sliceCentroids [slice][k'][dimensions / slices], row-major
   */
  public Codebook(int dimensions, float[] wholeCentroids, int slices, float[] sliceCentroids) {
    Preconditions.checkArgument(dimensions > 0 && slices > 0 && dimensions % slices == 0,
        "slices must divide the width: %s, %s", dimensions, slices);
    Preconditions.checkArgument(wholeCentroids.length > 0 && wholeCentroids.length % dimensions == 0,
        "whole centroids of the wrong size");
    Preconditions.checkArgument(sliceCentroids.length > 0 && sliceCentroids.length % dimensions == 0,
        "slice centroids of the wrong size");
    this.dimensions = dimensions;
    this.wholeCount = wholeCentroids.length / dimensions;
    this.whole = transpose(wholeCentroids, wholeCount, dimensions);
    this.wholeNorms = norms(wholeCentroids, wholeCount, dimensions);
    this.slices = slices;
    this.sliceCount = sliceCentroids.length / dimensions;
    int width = dimensions / slices;
    this.sliced = new float[sliceCentroids.length];
    this.slicedNorms = new float[slices * sliceCount];
    for (int s = 0; s < slices; s++) {
      float[] block = java.util.Arrays.copyOfRange(sliceCentroids, s * sliceCount * width, (s + 1) * sliceCount * width);
      System.arraycopy(transpose(block, sliceCount, width), 0, sliced, s * sliceCount * width, block.length);
      System.arraycopy(norms(block, sliceCount, width), 0, slicedNorms, s * sliceCount, sliceCount);
    }
  }

  private static float[] transpose(float[] m, int rows, int columns) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        t[c * rows + r] = m[r * columns + c];
      }
    }
    return t;
  }

  private static float[] norms(float[] m, int rows, int columns) {
    float[] norms = new float[rows];
    for (int r = 0; r < rows; r++) {
      float s = 0;
      for (int c = 0; c < columns; c++) {
        s += m[r * columns + c] * m[r * columns + c];
      }
      norms[r] = s;
    }
    return norms;
  }

  /** How many codes {@link #encode} gives: one whole-vector code and one per slice. */
  public int codes() {
    return 1 + slices;
  }

  /** The vector's codes: [0] its whole-vector centroid, [1 + s] its centroid in slice s. */
  public int[] encode(float[] vector) {
    Preconditions.checkArgument(vector.length == dimensions, "vectors of %s dimensions", dimensions);
    int[] codes = new int[1 + slices];
    codes[0] = nearest(vector, 0, dimensions, whole, 0, wholeNorms, 0, wholeCount, new float[wholeCount]);
    int width = dimensions / slices;
    float[] scratch = new float[sliceCount];
    for (int s = 0; s < slices; s++) {
      codes[1 + s] = nearest(vector, s * width, width, sliced, s * sliceCount * width, slicedNorms, s * sliceCount,
          sliceCount, scratch);
    }
    return codes;
  }

  /** The centroid with the least squared distance: |c|² - 2 x·c, accumulated as vectorisable rows. */
  private static int nearest(float[] x, int from, int width, float[] transposed, int base, float[] norms,
      int normBase, int count, float[] scores) {
    java.util.Arrays.fill(scores, 0f);
    for (int d = 0; d < width; d++) {
      float v = x[from + d];
      int row = base + d * count;
      for (int c = 0; c < count; c++) {
        scores[c] += v * transposed[row + c];
      }
    }
    int best = 0;
    float bestDistance = Float.POSITIVE_INFINITY;
    for (int c = 0; c < count; c++) {
      float distance = norms[normBase + c] - 2 * scores[c];
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return best;
  }

  /** Writes the codebook in the format {@link #read} reads. */
  public void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeUTF(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(dimensions);
    data.writeInt(wholeCount);
    data.writeInt(slices);
    data.writeInt(sliceCount);
    float[] wholeRows = transpose(whole, dimensions, wholeCount);
    for (float x : wholeRows) {
      data.writeFloat(x);
    }
    int width = dimensions / slices;
    for (int s = 0; s < slices; s++) {
      float[] block = java.util.Arrays.copyOfRange(sliced, s * sliceCount * width, (s + 1) * sliceCount * width);
      for (float x : transpose(block, width, sliceCount)) {
        data.writeFloat(x);
      }
    }
    data.flush();
  }

  /** Reads a codebook written by {@link #write}. */
  public static Codebook read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (!MAGIC.equals(data.readUTF()) || data.readInt() != VERSION) {
      throw new IOException("not a version " + VERSION + " contextual codebook");
    }
    int dimensions = data.readInt();
    int wholeCount = data.readInt();
    int slices = data.readInt();
    int sliceCount = data.readInt();
    if (dimensions <= 0 || dimensions > 4096 || wholeCount <= 0 || wholeCount > 65536 || slices <= 0
        || slices > dimensions || sliceCount <= 0 || sliceCount > 65536) {
      throw new IOException("corrupt contextual codebook header");
    }
    float[] whole = new float[wholeCount * dimensions];
    for (int i = 0; i < whole.length; i++) {
      whole[i] = data.readFloat();
    }
    float[] sliced = new float[sliceCount * dimensions];
    for (int i = 0; i < sliced.length; i++) {
      sliced[i] = data.readFloat();
    }
    if (data.read() != -1) {
      throw new IOException("trailing bytes after the contextual codebook");
    }
    try {
      return new Codebook(dimensions, whole, slices, sliced);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt contextual codebook: " + e.getMessage(), e);
    }
  }
}
