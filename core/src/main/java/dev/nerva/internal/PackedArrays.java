package dev.nerva.internal;

import java.nio.ByteBuffer;

/**
 * Arrays written to and read from a buffer in bulk, in the buffer's byte order, each preceded by
 * its length: how the packed forms of the bundled models (weights, word clusters, gazetteers) are
 * laid out, so that reading them is a few copies. A negative or too large length read back throws
 * a {@link RuntimeException} of the buffer ({@code BufferUnderflowException},
 * {@code NegativeArraySizeException}), which readers turn into their own format error. Stateless
 * and thread-safe.
 */
public final class PackedArrays {

  private PackedArrays() {}

  /** Writes the length, then the values. */
  public static void putInts(ByteBuffer out, int[] values) {
    out.putInt(values.length);
    out.asIntBuffer().put(values);
    out.position(out.position() + values.length * Integer.BYTES);
  }

  /** Writes the length, then the values. */
  public static void putLongs(ByteBuffer out, long[] values) {
    out.putInt(values.length);
    out.asLongBuffer().put(values);
    out.position(out.position() + values.length * Long.BYTES);
  }

  /** Writes the length, then the values. */
  public static void putFloats(ByteBuffer out, float[] values) {
    out.putInt(values.length);
    out.asFloatBuffer().put(values);
    out.position(out.position() + values.length * Float.BYTES);
  }

  /** Writes the length, then the values. */
  public static void putBytes(ByteBuffer out, byte[] values) {
    out.putInt(values.length).put(values);
  }

  /** Reads what {@link #putInts} wrote. */
  public static int[] ints(ByteBuffer in) {
    int[] values = new int[in.getInt()];
    in.asIntBuffer().get(values);
    in.position(in.position() + values.length * Integer.BYTES);
    return values;
  }

  /** Reads what {@link #putLongs} wrote. */
  public static long[] longs(ByteBuffer in) {
    long[] values = new long[in.getInt()];
    in.asLongBuffer().get(values);
    in.position(in.position() + values.length * Long.BYTES);
    return values;
  }

  /** Reads what {@link #putFloats} wrote. */
  public static float[] floats(ByteBuffer in) {
    float[] values = new float[in.getInt()];
    in.asFloatBuffer().get(values);
    in.position(in.position() + values.length * Float.BYTES);
    return values;
  }

  /** Reads what {@link #putBytes} wrote. */
  public static byte[] bytes(ByteBuffer in) {
    byte[] values = new byte[in.getInt()];
    in.get(values);
    return values;
  }

  /** The bytes {@link #putInts} and the others take for arrays of these lengths and element sizes. */
  public static int size(int elementBytes, int... lengths) {
    int size = 0;
    for (int length : lengths) {
      size += Integer.BYTES + length * elementBytes;
    }
    return size;
  }
}
