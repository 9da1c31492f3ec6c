package dev.nerva.internal.ner;

/**
 * A map from non-negative long keys to objects for the decoder's per-sentence memos: open
 * addressing over plain arrays, so that a lookup neither boxes its key nor follows a chain of
 * entries, and clearing touches only the slots in use. Boxed {@code HashMap<Long, ...>} lookups
 * were about a tenth of the name finder's time. Not thread-safe.
 *
 * @param <V> the values
 */
final class LongKeyedTable<V> {

  /** keys[s] = key + 1, 0 for an empty slot. */
  private long[] keys;
  private Object[] values;
  private int[] used;
  private int size;

  LongKeyedTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new Object[capacity];
    used = new int[capacity / 2];
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    long stored = key + 1;
    int mask = keys.length - 1;
    for (int s = slot(key, mask); keys[s] != 0; s = (s + 1) & mask) {
      if (keys[s] == stored) {
        return (V) values[s];
      }
    }
    return null;
  }

  /** Sets the value of {@code key} (non-negative); the value must not be null. */
  void put(long key, V value) {
    if (size + 1 > keys.length / 2) {
      grow();
    }
    long stored = key + 1;
    int mask = keys.length - 1;
    int s = slot(key, mask);
    while (keys[s] != 0 && keys[s] != stored) {
      s = (s + 1) & mask;
    }
    if (keys[s] == 0) {
      keys[s] = stored;
      used[size++] = s;
    }
    values[s] = value;
  }

  /** Empties the table, keeping its capacity. */
  void clear() {
    for (int i = 0; i < size; i++) {
      keys[used[i]] = 0;
      values[used[i]] = null;
    }
    size = 0;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldUsed = used;
    int oldSize = size;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    used = new int[oldKeys.length];
    size = 0;
    int mask = keys.length - 1;
    for (int i = 0; i < oldSize; i++) {
      int from = oldUsed[i];
      int s = slot(oldKeys[from] - 1, mask);
      while (keys[s] != 0) {
        s = (s + 1) & mask;
      }
      keys[s] = oldKeys[from];
      values[s] = oldValues[from];
      used[size++] = s;
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
