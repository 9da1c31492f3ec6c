package dev.nerva.ner.features;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Its {@link Serializer} reads OpenNLP's dictionary XML (the same entries in model files) with
 * a plain scan: several times faster than OpenNLP's SAX reader and {@code Dictionary}, which
 * interns every token, for the tens of thousands of gazetteer names a model carries. Immutable and
 * thread-safe.
 */
public final class PhraseList implements SerializableArtifact {

  static final char SEPARATOR = '\u0001';

  private final ImmutableSet<String> phrases;
  private final ImmutableSet<String> prefixes;
  /** The first token of every phrase, bare: most tokens start none, and say so without a copy. */
  private final ImmutableSet<String> firstTokens;
  private final int longest;

  private PhraseList(List<List<String>> entries) {
    ImmutableSet.Builder<String> joinedPhrases = ImmutableSet.builderWithExpectedSize(entries.size());
    ImmutableSet.Builder<String> joinedPrefixes = ImmutableSet.builderWithExpectedSize(entries.size() * 3 / 2);
    ImmutableSet.Builder<String> firsts = ImmutableSet.builderWithExpectedSize(entries.size());
    int most = 0;
    StringBuilder joined = new StringBuilder();
    for (List<String> tokens : entries) {
      firsts.add(tokens.get(0));
      joined.setLength(0);
      for (String token : tokens) {
        joined.append(token).append(SEPARATOR);
        joinedPrefixes.add(joined.toString());
      }
      joinedPhrases.add(joined.toString());
      most = Math.max(most, tokens.size());
    }
    this.phrases = joinedPhrases.build();
    this.prefixes = joinedPrefixes.build();
    this.firstTokens = firsts.build();
    this.longest = most;
  }

  /** Dictionaries already converted, by identity, held no longer than their dictionary. */
  private static final Cache<Dictionary, PhraseList> CONVERTED = CacheBuilder.newBuilder().weakKeys().build();

  /**
   * The phrases of a case-sensitive OpenNLP dictionary, converted once per dictionary (models that
   * OpenNLP loaded, and training, hold their gazetteers as {@code Dictionary}).
   */
  static PhraseList of(Dictionary dictionary) {
    try {
      return CONVERTED.get(dictionary, () -> convert(dictionary));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static PhraseList convert(Dictionary dictionary) {
    List<List<String>> entries = new ArrayList<>(dictionary.size());
    for (StringList entry : dictionary) {
      List<String> tokens = new ArrayList<>(entry.size());
      for (int i = 0; i < entry.size(); i++) {
        tokens.add(entry.getToken(i));
      }
      entries.add(tokens);
    }
    return new PhraseList(entries);
  }

  /** Whether these tokens, each followed by the separator, are a phrase. */
  boolean isPhrase(String joinedTokens) {
    return phrases.contains(joinedTokens);
  }

  /**
   * Whether some phrase starts with this token; asked with the token itself, whose hash the
   * string keeps, before any joined candidate is built.
   */
  boolean startsWithToken(String token) {
    return firstTokens.contains(token);
  }

  /** Whether some phrase starts with these tokens, each followed by the separator. */
  boolean startsPhrase(String joinedTokens) {
    return prefixes.contains(joinedTokens);
  }

  /** The most tokens of a phrase. */
  int longest() {
    return longest;
  }

  /** The number of phrases. */
  public int size() {
    return phrases.size();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
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
      List<List<String>> entries = new ArrayList<>();
      int at = rootEnd;
      while ((at = xml.indexOf("<entry", at)) >= 0) {
        int end = xml.indexOf("</entry>", at);
        if (end < 0) {
          throw new IOException("unterminated <entry> at character " + at);
        }
        List<String> tokens = new ArrayList<>(2);
        for (int t = xml.indexOf("<token>", at); t >= 0 && t < end; t = xml.indexOf("<token>", t)) {
          int close = xml.indexOf("</token>", t);
          if (close < 0 || close > end) {
            throw new IOException("unterminated <token> at character " + t);
          }
          tokens.add(unescape(xml.substring(t + "<token>".length(), close)));
          t = close;
        }
        if (!tokens.isEmpty()) {
          entries.add(tokens);
        }
        at = end;
      }
      return new PhraseList(entries);
    }

    @Override
    public void serialize(Object artifact, OutputStream out) throws IOException {
      Dictionary dictionary;
      if (artifact instanceof Dictionary given) {
        dictionary = given;
      } else if (artifact instanceof PhraseList list) {
        dictionary = new Dictionary(true);
        for (String phrase : list.phrases) {
          dictionary.put(new StringList(phrase.substring(0, phrase.length() - 1).split(String.valueOf(SEPARATOR))));
        }
      } else {
        throw new IOException("not a dictionary: " + artifact.getClass().getName());
      }
      dictionary.serialize(out);
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
}
