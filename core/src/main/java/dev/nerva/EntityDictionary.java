package dev.nerva;

import dev.nerva.internal.dictionary.PhraseTrie;
import dev.nerva.internal.dictionary.TsvRecords;
import dev.nerva.internal.tokenize.PtbTokenizer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A dictionary of phrases with their labels: a recognizer that finds the phrases on token
 * boundaries, longest match first, and gives each span its label and, if the entry has one, a
 * normalised value (an id in your database, say). Add it to a pipeline with {@link
 * Nerva.Builder#dictionary(EntityDictionary)}; by default its spans win over the model's where they
 * overlap ({@link Nerva.Builder#customSpansWin(boolean)}).
 *
 * <pre>{@code
 * EntityDictionary groups = EntityDictionary.builder("groups")
 *     .add("Wagner Group", EntityType.ORGANIZATION)
 *     .add("Kalashnikov", EntityType.of("WEAPON"), "Q1050")
 *     .build();
 * Nerva nerva = Nerva.english().toBuilder().dictionary(groups).build();
 * }</pre>
 *
 * <p><b>Case</b>: by default ({@link CaseMatching#AUTO}) a phrase written with a capital letter
 * matches only as written ("Wagner", not "wagner"), and a phrase written all in lower case
 * matches in any case ("kalashnikov" matches "Kalashnikov" and "KALASHNIKOV"). Phrases are split
 * into tokens as texts are, so "U.S." or "Côte d’Ivoire" match as they appear, and any space
 * matches any space.
 *
 * <p><b>File format</b> ({@link #read(Path)}): UTF-8, one entry per line, {@code
 * phrase<TAB>label[<TAB>normalized]}; lines starting with {@code #} and blank lines are skipped.
 * A malformed line is an {@code IllegalArgumentException} naming the file, the line and the
 * reason.
 *
 * <p>Spans get confidence 1. Immutable and safe to share between threads; a million entries load
 * in about two seconds and take about 200 bytes each (see the README).
 */
public final class EntityDictionary implements EntityRecognizer {

  /** How a dictionary compares its phrases' letter case with the text's. */
  public enum CaseMatching {
    /** A phrase with a capital letter matches as written; an all-lower-case phrase in any case. */
    AUTO,
    /** Every phrase matches only as written. */
    EXACT,
    /** Every phrase matches in any case. */
    IGNORE
  }

  private final String name;
  private final PhraseTrie exact;
  private final PhraseTrie folded;
  private final EntityType[] labels;
  private final int[] labelOf;
  private final String[] normalized;
  private final Set<EntityType> types;

  private EntityDictionary(Builder builder) {
    this.name = builder.name;
    this.exact = builder.exact;
    this.folded = builder.folded;
    this.labels = builder.labelIndex.keySet().toArray(EntityType[]::new);
    this.labelOf = Arrays.copyOf(builder.labelOf, builder.size);
    this.normalized = builder.normalized.toArray(String[]::new);
    this.types = Set.copyOf(builder.labelIndex.keySet());
  }

  /**
   * Starts a dictionary.
   *
   * @param name the recognizer name stored in its spans, such as "products"
   * @return a builder with {@link CaseMatching#AUTO}
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Reads a dictionary file (see the class documentation for the format), named after the file
   * (without its extension), with {@link CaseMatching#AUTO}.
   *
   * @param file the TSV file
   * @return the dictionary
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line if a line is malformed
   */
  public static EntityDictionary read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return read(file, builder(dot > 0 ? fileName.substring(0, dot) : fileName));
  }

  /**
   * Reads a dictionary file into a builder of yours (to set its name or case matching first, or
   * to add entries from code too).
   *
   * @param file the TSV file
   * @param into the builder to add the entries to
   * @return the dictionary built from {@code into}
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line if a line is malformed
   */
  public static EntityDictionary read(Path file, Builder into) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), into);
    }
  }

  /**
   * Reads entries in the file format from a reader, which is not closed.
   *
   * @param reader the entries
   * @param source what to call the source in error messages
   * @param into the builder to add the entries to
   * @return the dictionary built from {@code into}
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException naming the source and line if a line is malformed
   */
  public static EntityDictionary read(Reader reader, String source, Builder into) throws IOException {
    Objects.requireNonNull(into, "into");
    TsvRecords.read(reader, source, 3, fields -> {
      if (fields.length < 2) {
        throw new IllegalArgumentException("no tab between phrase and label");
      }
      into.add(fields[0], EntityType.of(fields[1].strip()),
          fields.length == 3 && !fields[2].isBlank() ? fields[2].strip() : null);
    });
    return into.build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<EntityType> types() {
    return types;
  }

  /**
   * The number of entries.
   *
   * @return how many distinct phrases the dictionary holds
   */
  public int size() {
    return labelOf.length;
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> found = new ArrayList<>();
    for (Sentence sentence : sentences) {
      List<Token> tokens = sentence.tokens();
      String[] texts = new String[tokens.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = tokens.get(i).text();
      }
      String[] lower = folded.isEmpty() ? null : lowerCase(texts);
      for (int i = 0; i < texts.length; i++) {
        long match = exact.isEmpty() ? -1 : exact.longestAt(texts, i);
        if (lower != null) {
          long other = folded.longestAt(lower, i);
          if (other >= 0 && (match < 0 || other >>> 32 > match >>> 32)) {
            match = other;
          }
        }
        if (match >= 0) {
          int entry = (int) match;
          int start = tokens.get(i).start();
          int end = tokens.get(i + (int) (match >>> 32) - 1).end();
          found.add(new Entity(labels[labelOf[entry]], start, end, text.substring(start, end), 1.0, name,
              normalized[entry]));
        }
      }
    }
    return found;
  }

  private static String[] lowerCase(String[] texts) {
    String[] lower = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      lower[i] = texts[i].toLowerCase(Locale.ROOT);
    }
    return lower;
  }

  @Override
  public String toString() {
    return "EntityDictionary[" + name + ", " + size() + " entries, types " + types + "]";
  }

  /** Collects a dictionary's entries. Not thread-safe; the dictionary it builds is. */
  public static final class Builder {
    private final String name;
    private CaseMatching caseMatching = CaseMatching.AUTO;
    private final PhraseTrie exact = new PhraseTrie();
    private final PhraseTrie folded = new PhraseTrie();
    private final Map<EntityType, Integer> labelIndex = new LinkedHashMap<>();
    private final Map<String, Integer> entryOf = new HashMap<>();
    private int[] labelOf = new int[16];
    private final List<String> normalized = new ArrayList<>();
    private int size;
    private boolean added;
    private boolean built;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a dictionary needs a name");
      }
      this.name = name;
    }

    /**
     * How the phrases' case is compared with the text's; default {@link CaseMatching#AUTO}. Set it
     * before adding entries.
     *
     * @param matching the rule
     * @return this builder
     * @throws IllegalStateException if entries were added already
     */
    public Builder caseMatching(CaseMatching matching) {
      Objects.requireNonNull(matching, "matching");
      if (added) {
        throw new IllegalStateException("set the case matching before adding entries");
      }
      this.caseMatching = matching;
      return this;
    }

    /**
     * Adds a phrase with its label.
     *
     * @param phrase the phrase, as it is written in text
     * @param type its label
     * @return this builder
     * @throws IllegalArgumentException if the phrase is blank or is already listed with another
     *     label or value
     */
    public Builder add(String phrase, EntityType type) {
      return add(phrase, type, null);
    }

    /**
     * Adds a phrase with its label and a normalised value for its spans.
     *
     * @param phrase the phrase, as it is written in text
     * @param type its label
     * @param normalizedValue the value of {@link Entity#normalized()} for its spans, or null
     * @return this builder
     * @throws IllegalArgumentException if the phrase is blank or is already listed with another
     *     label or value
     * @throws IllegalStateException if the dictionary was built already
     */
    public Builder add(String phrase, EntityType type, String normalizedValue) {
      Objects.requireNonNull(phrase, "phrase");
      Objects.requireNonNull(type, "type");
      if (built) {
        throw new IllegalStateException("dictionary " + name + " is built already; start a new builder");
      }
      List<String> tokens = Arrays.asList(PtbTokenizer.INSTANCE.tokenize(phrase));
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("empty phrase");
      }
      boolean ignoreCase = caseMatching == CaseMatching.IGNORE
          || caseMatching == CaseMatching.AUTO && phrase.equals(phrase.toLowerCase(Locale.ROOT));
      if (ignoreCase) {
        tokens = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      }
      String key = (ignoreCase ? "i" : "e") + String.join("\u0000", tokens);
      int label = labelIndex.computeIfAbsent(type, t -> labelIndex.size());
      Integer known = entryOf.get(key);
      if (known != null) {
        if (labelOf[known] != label || !Objects.equals(normalized.get(known), normalizedValue)) {
          throw new IllegalArgumentException("\"" + phrase + "\" is already listed with another label or value");
        }
        return this;
      }
      int entry = size++;
      if (entry == labelOf.length) {
        labelOf = Arrays.copyOf(labelOf, labelOf.length * 2);
      }
      labelOf[entry] = label;
      normalized.add(normalizedValue);
      entryOf.put(key, entry);
      (ignoreCase ? folded : exact).add(tokens, entry);
      added = true;
      return this;
    }

    /**
     * Builds the dictionary.
     *
     * @return the dictionary
     * @throws IllegalStateException if it has no entries; after it, the builder takes no entries
     */
    public EntityDictionary build() {
      if (size == 0) {
        throw new IllegalStateException("dictionary " + name + " has no entries");
      }
      built = true; // the dictionary shares the tables, so they must not change any more
      return new EntityDictionary(this);
    }
  }
}
