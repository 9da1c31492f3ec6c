package dev.nerva.internal;

/**
 * The 64-bit string hash by which Nerva's packed tables (feature weights, gazetteer phrases) know
 * strings without keeping them: distinct strings share a hash with a chance of about 1 in
 * 2<sup>64</sup> per pair. Stateless and thread-safe.
 */
public final class Hash64 {

  private Hash64() {}

  /**
   * A 64-bit hash of the string's characters, four per step, finished by MurmurHash3's mix; never
   * 0. Hashing was a tenth of decoding time one character at a time.
   */
  public static long of(String s) {
    int n = s.length();
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long word = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48;
      h = Long.rotateLeft(h ^ (word * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 16) {
      tail |= (long) s.charAt(i) << shift;
    }
    return finish(h, tail);
  }

  /** {@link #of(String)} of the first {@code n} characters of {@code chars}, the same value. */
  public static long of(char[] chars, int n) {
    long h = 0x9E3779B97F4A7C15L ^ n;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long word = chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32 | (long) chars[i + 3] << 48;
      h = Long.rotateLeft(h ^ (word * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 16) {
      tail |= (long) chars[i] << shift;
    }
    return finish(h, tail);
  }

  private static long finish(long state, long tail) {
    long h = Long.rotateLeft(state ^ (tail * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
