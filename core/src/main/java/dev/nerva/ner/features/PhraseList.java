package dev.nerva.ner.features;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.nerva.internal.Hash64;
import dev.nerva.internal.PackedArrays;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.StringList;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.DictionarySerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A case-sensitive gazetteer as the dictionary features read it: each phrase's tokens joined (each
 * followed by U+0001), and every token prefix of a phrase, so that matching stops as soon as no
 * phrase goes on. Built once per model and shared by every feature generator that reads it, where
 * an OpenNLP {@link Dictionary} would be copied into such sets by each generator.
 *
 * <p>Phrases and prefixes are held as their {@link Hash64 64-bit hashes} only, and first tokens as
 * a filter over their string hashes: reading the English models' 40,000 gazetteer names then makes
 * no string per token or phrase, which was a tenth of their load time. A token sequence whose hash
 * equals a listed phrase's would match as that phrase: for a list of 100,000 phrases and prefixes
 * the chance is about 1 in 10<sup>14</sup> per lookup.
 *
 * <p>Its {@link Serializer} reads OpenNLP's dictionary XML (the same entries in model files) with
 * a plain scan: several times faster than OpenNLP's SAX reader and {@code Dictionary}, which
 * interns every token, for the tens of thousands of gazetteer names a model carries. Immutable and
 * thread-safe.
 */
public final class PhraseList implements SerializableArtifact {

  static final char SEPARATOR = '\u0001';

  private final LongSet phrases;
  private final LongSet prefixes;
  /**
   * Bits set at the spread {@link String#hashCode()} of every phrase's first token: most tokens
   * start no phrase, and say so from the hash their string keeps. A set bit may be another token's.
   */
  private final long[] firstTokens;
  private final int longest;
  /** The dictionary XML this list was read from or converted to, written back as it is. */
  private final byte[] xml;

  private PhraseList(Builder built, byte[] xml) {
    this.phrases = built.phrases;
    this.prefixes = built.prefixes;
    this.longest = built.longest;
    int bits = Integer.highestOneBit(Math.max(64, built.firstTokenCount * 16 - 1)) << 1;
    this.firstTokens = new long[bits / 64];
    for (int i = 0; i < built.firstTokenCount; i++) {
      int bit = spread(built.firstTokenHashes[i]) & (bits - 1);
      firstTokens[bit >>> 6] |= 1L << bit;
    }
    this.xml = xml;
  }

  private PhraseList(LongSet phrases, LongSet prefixes, long[] firstTokens, int longest, byte[] xml) {
    this.phrases = phrases;
    this.prefixes = prefixes;
    this.firstTokens = firstTokens;
    this.longest = longest;
    this.xml = xml;
  }

  /** The list as {@link #toPacked} lays it out: "NRVP", version, then the tables and the XML. */
  private static final int PACKED_MAGIC = 0x4E525650;
  private static final int PACKED_VERSION = 1;

  /**
   * The list with its tables, for {@link PackedSerializer}: little-endian arrays as they are, and
   * the dictionary XML it was read from (written back when the list is serialized).
   */
  byte[] toPacked() {
    ByteBuffer out = ByteBuffer.allocate(5 * Integer.BYTES
        + PackedArrays.size(Long.BYTES, phrases.slots.length, prefixes.slots.length, firstTokens.length)
        + PackedArrays.size(1, xml.length)).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(PACKED_MAGIC).putInt(PACKED_VERSION).putInt(longest).putInt(phrases.size).putInt(prefixes.size);
    PackedArrays.putLongs(out, phrases.slots);
    PackedArrays.putLongs(out, prefixes.slots);
    PackedArrays.putLongs(out, firstTokens);
    PackedArrays.putBytes(out, xml);
    return out.array();
  }

  /**
   * The list {@link #toPacked} wrote.
   *
   * @throws IOException if the bytes are not such a list
   */
  static PhraseList fromPacked(byte[] bytes) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (in.getInt() != PACKED_MAGIC || in.getInt() != PACKED_VERSION) {
        throw new IOException("not a packed phrase list of this version");
      }
      int longest = in.getInt();
      int phraseCount = in.getInt();
      int prefixCount = in.getInt();
      LongSet phrases = LongSet.of(phraseCount, PackedArrays.longs(in));
      LongSet prefixes = LongSet.of(prefixCount, PackedArrays.longs(in));
      long[] firstTokens = PackedArrays.longs(in);
      byte[] xml = PackedArrays.bytes(in);
      if (in.hasRemaining() || longest < 0 || Integer.bitCount(firstTokens.length) != 1) {
        throw new IOException("malformed packed phrase list");
      }
      return new PhraseList(phrases, prefixes, firstTokens, longest, xml);
    } catch (RuntimeException e) { // underflow, negative sizes
      throw new IOException("malformed packed phrase list: " + e, e);
    }
  }

  /** Joins, hashes and collects phrases token by token, without a string per token. */
  private static final class Builder {
    final LongSet phrases = new LongSet();
    final LongSet prefixes = new LongSet();
    int[] firstTokenHashes = new int[1024];
    int firstTokenCount;
    int longest;
    private char[] joined = new char[128];
    private int length;
    private int tokens;

    /** Appends the next token of the current phrase: {@code count} characters of {@code chars}. */
    void token(char[] chars, int from, int count) {
      if (joined.length < length + count + 1) {
        joined = Arrays.copyOf(joined, Math.max(2 * joined.length, length + count + 1));
      }
      System.arraycopy(chars, from, joined, length, count);
      if (tokens == 0) {
        int h = 0;
        for (int i = 0; i < count; i++) {
          h = 31 * h + joined[i];
        }
        if (firstTokenCount == firstTokenHashes.length) {
          firstTokenHashes = Arrays.copyOf(firstTokenHashes, 2 * firstTokenCount);
        }
        firstTokenHashes[firstTokenCount++] = h;
      }
      length += count;
      joined[length++] = SEPARATOR;
      prefixes.add(Hash64.of(joined, length));
      tokens++;
    }

    void token(String token) {
      token(token.toCharArray(), 0, token.length());
    }

    /** Ends the current phrase, if it has a token. */
    void endPhrase() {
      if (tokens > 0) {
        phrases.add(Hash64.of(joined, length));
        longest = Math.max(longest, tokens);
      }
      length = 0;
      tokens = 0;
    }
  }

  /** Dictionaries already converted, by identity, held no longer than their dictionary. */
  private static final class Converted {
    // In a holder: only training converts dictionaries, and building a cache costs start-up time.
    static final Cache<Dictionary, PhraseList> CACHE = CacheBuilder.newBuilder().weakKeys().build();
  }

  /**
   * The phrases of a case-sensitive OpenNLP dictionary, converted once per dictionary (models that
   * OpenNLP loaded, and training, hold their gazetteers as {@code Dictionary}).
   */
  static PhraseList of(Dictionary dictionary) {
    try {
      return Converted.CACHE.get(dictionary, () -> convert(dictionary));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static PhraseList convert(Dictionary dictionary) throws IOException {
    Builder phrases = new Builder();
    for (StringList entry : dictionary) {
      for (int i = 0; i < entry.size(); i++) {
        phrases.token(entry.getToken(i));
      }
      phrases.endPhrase();
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    dictionary.serialize(xml);
    return new PhraseList(phrases, xml.toByteArray());
  }

  /** Whether the tokens whose joined form (each followed by the separator) has this hash are a phrase. */
  boolean isPhrase(long joinedTokensHash) {
    return phrases.contains(joinedTokensHash);
  }

  /** Whether some phrase may start with this token: false for most tokens that start none. */
  boolean startsWithToken(String token) {
    int bit = spread(token.hashCode()) & (firstTokens.length * 64 - 1);
    return (firstTokens[bit >>> 6] & 1L << bit) != 0;
  }

  /** Whether some phrase starts with the tokens whose joined form has this hash. */
  boolean startsPhrase(long joinedTokensHash) {
    return prefixes.contains(joinedTokensHash);
  }

  /** The most tokens of a phrase. */
  int longest() {
    return longest;
  }

  /** The number of phrases. */
  public int size() {
    return phrases.size();
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /** An open-addressing set of non-zero longs. Not thread-safe while built; read-only afterwards. */
  private static final class LongSet {
    long[] slots = new long[1024];
    private int size;

    void add(long value) {
      if (2 * (size + 1) > slots.length) {
        long[] old = slots;
        slots = new long[2 * old.length];
        for (long v : old) {
          if (v != 0) {
            slots[slot(v)] = v;
          }
        }
      }
      int slot = slot(value);
      if (slots[slot] == 0) {
        slots[slot] = value;
        size++;
      }
    }

    boolean contains(long value) {
      return slots[slot(value)] == value;
    }

    /** The value's slot, or the empty one where it would go. */
    private int slot(long value) {
      int mask = slots.length - 1;
      int slot = (int) (value ^ (value >>> 32)) & mask;
      while (slots[slot] != 0 && slots[slot] != value) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    int size() {
      return size;
    }

    /** A set of {@code size} values laid out in {@code slots} as {@link #add} lays them out. */
    static LongSet of(int size, long[] slots) throws IOException {
      if (Integer.bitCount(slots.length) != 1 || size < 0 || 2 * size > slots.length) {
        throw new IOException("malformed packed phrase set");
      }
      LongSet set = new LongSet();
      set.size = size;
      set.slots = slots;
      return set;
    }
  }

  /**
   * Reads OpenNLP's dictionary XML ({@code <dictionary case_sensitive="..."><entry><token>...}):
   * a case-sensitive one as a {@link PhraseList}, a case-insensitive one (which the features
   * match differently) as OpenNLP's {@link Dictionary}. Writes either back in the same format.
   */
  public static final class Serializer implements ArtifactSerializer<Object> {

    @Override
    public Object create(InputStream in) throws IOException {
      byte[] bytes = in.readAllBytes();
      String xml = new String(bytes, StandardCharsets.UTF_8);
      int root = xml.indexOf("<dictionary");
      if (root < 0) {
        throw new IOException("not an OpenNLP dictionary: no <dictionary> element");
      }
      int rootEnd = xml.indexOf('>', root);
      String rootTag = xml.substring(root, rootEnd < 0 ? xml.length() : rootEnd);
      if (!rootTag.contains("case_sensitive=\"true\"")) {
        return new DictionarySerializer().create(new ByteArrayInputStream(bytes));
      }
      char[] chars = xml.toCharArray();
      Builder phrases = new Builder();
      int ampersand = -1;
      int at = rootEnd;
      while ((at = xml.indexOf("<entry", at)) >= 0) {
        int end = xml.indexOf("</entry>", at);
        if (end < 0) {
          throw new IOException("unterminated <entry> at character " + at);
        }
        for (int t = xml.indexOf("<token>", at); t >= 0 && t < end; t = xml.indexOf("<token>", t)) {
          int close = xml.indexOf("</token>", t);
          if (close < 0 || close > end) {
            throw new IOException("unterminated <token> at character " + t);
          }
          int from = t + "<token>".length();
          if (ampersand < from) { // the next '&' at or after from, found once per '&'
            ampersand = xml.indexOf('&', from);
            ampersand = ampersand < 0 ? Integer.MAX_VALUE : ampersand;
          }
          if (ampersand < close) {
            phrases.token(unescape(xml.substring(from, close)));
          } else {
            phrases.token(chars, from, close - from);
          }
          t = close;
        }
        phrases.endPhrase();
        at = end;
      }
      return new PhraseList(phrases, bytes);
    }

    @Override
    public void serialize(Object artifact, OutputStream out) throws IOException {
      if (artifact instanceof Dictionary dictionary) {
        dictionary.serialize(out);
      } else if (artifact instanceof PhraseList list) {
        out.write(list.xml);
      } else {
        throw new IOException("not a dictionary: " + artifact.getClass().getName());
      }
    }

    /** The five predefined XML entities and numeric character references. */
    private static String unescape(String text) {
      if (text.indexOf('&') < 0) {
        return text;
      }
      StringBuilder out = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int semicolon = c == '&' ? text.indexOf(';', i) : -1;
        if (semicolon < 0) {
          out.append(c);
          continue;
        }
        String entity = text.substring(i + 1, semicolon);
        switch (entity) {
          case "amp" -> out.append('&');
          case "lt" -> out.append('<');
          case "gt" -> out.append('>');
          case "quot" -> out.append('"');
          case "apos" -> out.append('\'');
          default -> {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
              out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
            } else if (entity.startsWith("#")) {
              out.appendCodePoint(Integer.parseInt(entity.substring(1)));
            } else {
              out.append(c);
              continue;
            }
          }
        }
        i = semicolon;
      }
      return out.toString();
    }
  }

  /**
   * Reads and writes a case-sensitive gazetteer with its tables already built ({@link #toPacked}),
   * as the packed form of a bundled model holds it (see {@code PackedNameFinder#pack}): no parsing
   * at load.
   */
  public static final class PackedSerializer implements ArtifactSerializer<PhraseList> {
    @Override
    public PhraseList create(InputStream in) throws IOException {
      return fromPacked(in.readAllBytes());
    }

    @Override
    public void serialize(PhraseList artifact, OutputStream out) throws IOException {
      out.write(artifact.toPacked());
    }
  }
}
