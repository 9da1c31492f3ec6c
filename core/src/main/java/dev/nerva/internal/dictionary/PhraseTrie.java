package dev.nerva.internal.dictionary;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases of tokens, found longest first at any token of a sentence. Tokens are interned to ints
 * and each edge (node, token) → child is one entry of an open-addressing table of longs, so a
 * million phrases take tens of megabytes, not the hundreds a map per node would, and a lookup is
 * one hash probe per token. Built by one thread with {@link #add}, then read-only and safe to share.
 */
public final class PhraseTrie {

  private static final int NONE = -1;

  private final Map<String, Integer> vocabulary = new HashMap<>();
  /** Edge keys (node << 32 | token + 1, never 0) and child nodes, open addressing. */
  private long[] keys = new long[1 << 10];
  private int[] children = new int[1 << 10];
  private int edges;
  /** For each node, the value of the phrase ending there, or NONE. */
  private int[] values = new int[1 << 10];
  private int nodes = 1; // node 0 is the root

  /** A trie without phrases. */
  public PhraseTrie() {
    Arrays.fill(values, NONE);
  }

  /**
   * Adds a phrase; a phrase added twice keeps its first value.
   *
   * @param tokens the phrase's tokens, at least one
   * @param value a value of 0 or more that {@link #longestAt} returns for it
   * @return whether the phrase was new
   */
  public boolean add(List<String> tokens, int value) {
    if (tokens.isEmpty() || value < 0) {
      throw new IllegalArgumentException("a phrase needs tokens and a value of 0 or more");
    }
    int node = 0;
    for (String token : tokens) {
      int id = vocabulary.computeIfAbsent(token, t -> vocabulary.size());
      int child = child(node, id);
      if (child == NONE) {
        child = newNode();
        put(node, id, child);
      }
      node = child;
    }
    if (values[node] != NONE) {
      return false;
    }
    values[node] = value;
    return true;
  }

  /** Whether no phrase was added. */
  public boolean isEmpty() {
    return edges == 0;
  }

  /**
   * The longest phrase that starts at token {@code from} of {@code tokens}.
   *
   * @param tokens the sentence's tokens, as the phrases were given (already lower-cased for a
   *     case-insensitive trie)
   * @param from the index to start at
   * @return {@code length << 32 | value} of the longest phrase, or -1 if none starts there
   */
  public long longestAt(String[] tokens, int from) {
    long best = -1;
    int node = 0;
    for (int i = from; i < tokens.length; i++) {
      Integer id = vocabulary.get(tokens[i]);
      if (id == null) {
        break;
      }
      node = child(node, id);
      if (node == NONE) {
        break;
      }
      if (values[node] != NONE) {
        best = (long) (i - from + 1) << 32 | values[node];
      }
    }
    return best;
  }

  /** Bytes held by the tables, for the memory report. */
  public long tableBytes() {
    return 8L * keys.length + 4L * children.length + 4L * values.length;
  }

  private int newNode() {
    if (nodes == values.length) {
      int old = values.length;
      values = Arrays.copyOf(values, old * 2);
      Arrays.fill(values, old, values.length, NONE);
    }
    return nodes++;
  }

  private int child(int node, int token) {
    long key = key(node, token);
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); keys[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return children[slot];
      }
    }
    return NONE;
  }

  private void put(int node, int token, int child) {
    if (2 * (edges + 1) > keys.length) {
      grow();
    }
    insert(key(node, token), child);
    edges++;
  }

  private void insert(long key, int child) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (keys[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    children[slot] = child;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldChildren = children;
    keys = new long[oldKeys.length * 2];
    children = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        insert(oldKeys[i], oldChildren[i]);
      }
    }
  }

  private static long key(int node, int token) {
    return (long) node << 32 | (token + 1L);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }
}
