package dev.nerva;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.nerva.country.CountryResolver;
import dev.nerva.ner.EntityRecognizer;
import dev.nerva.ner.NameFinderRecognizer;
import dev.nerva.ner.OntoNotesLabels;
import dev.nerva.ner.OverlapResolver;
import dev.nerva.tokenize.PtbForms;
import dev.nerva.tokenize.PtbTokenizer;
import dev.nerva.tokenize.SentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * A named-entity pipeline: sentences, tokens, entity recognizers, overlap resolution and country
 * resolution. Build it once and share it.
 *
 * <pre>{@code
 * Nerva nerva = Nerva.english();
 * for (Entity e : nerva.process("Putin met Burkina Faso's prime minister in Moscow.").entities()) {
 *   System.out.println(e.type() + " " + e.text() + " " + e.start() + ".." + e.end());
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> a {@code Nerva} is immutable and safe to use from many threads at once;
 * models are loaded once and shared, and every call to {@link #process(String)} keeps its working
 * state to itself.
 */
public final class Nerva {

  /** The classpath resource of the bundled English name finder, shipped by nerva-models-en. */
  public static final String ENGLISH_NER_RESOURCE = "/dev/nerva/models/en/ner-en.bin";

  /** The default limit on the length of one text, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 20_000_000;

  private final SentenceSplitter sentenceSplitter;
  private final Tokenizer tokenizer;
  private final ImmutableList<EntityRecognizer> recognizers;
  private final CountryResolver countryResolver;
  private final int maxTextLength;

  private Nerva(Builder builder) {
    this.sentenceSplitter = builder.sentenceSplitter;
    this.tokenizer = builder.tokenizer;
    this.recognizers = builder.recognizers.build();
    this.countryResolver = builder.countryResolver;
    this.maxTextLength = builder.maxTextLength;
  }

  /**
   * The English pipeline with the bundled models: OpenNLP's English sentence model, the Treebank
   * tokenizer, the name finder from nerva-models-en and the bundled country table. Loaded on first
   * use and shared afterwards.
   *
   * @throws ModelLoadException if nerva-models-en is not on the classpath or a model is corrupt
   */
  public static Nerva english() {
    return EnglishHolder.INSTANCE;
  }

  /** A builder for a pipeline of your own: other models, extra recognizers, other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyses one text.
   *
   * @param text English text; may be empty
   * @return its sentences, tokens and non-overlapping entities; empty lists for blank text
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is longer than the pipeline's limit
   */
  public Document process(String text) {
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkArgument(text.length() <= maxTextLength,
        "text has %s characters, more than this pipeline's limit of %s; split it or raise "
            + "Nerva.Builder.maxTextLength", text.length(), maxTextLength);
    ImmutableList<Sentence> sentences = sentences(text);
    List<Entity> found = new ArrayList<>();
    for (EntityRecognizer recognizer : recognizers) {
      found.addAll(recognizer.recognize(text, sentences));
    }
    List<Entity> resolved = new ArrayList<>(found.size());
    for (Entity entity : found) {
      resolved.add(countryResolver.resolve(entity));
    }
    return new Document(text, sentences, OverlapResolver.resolve(resolved));
  }

  private ImmutableList<Sentence> sentences(String text) {
    ImmutableList.Builder<Sentence> sentences = ImmutableList.builder();
    for (Span span : sentenceSplitter.split(text)) {
      String sentenceText = text.substring(span.getStart(), span.getEnd());
      ImmutableList.Builder<Token> tokens = ImmutableList.builder();
      for (Span t : tokenizer.tokenizePos(sentenceText)) {
        int start = span.getStart() + t.getStart();
        int end = span.getStart() + t.getEnd();
        tokens.add(new Token(start, end, text.substring(start, end), PtbForms.of(text, start, end)));
      }
      ImmutableList<Token> built = tokens.build();
      if (!built.isEmpty()) {
        sentences.add(new Sentence(span.getStart(), span.getEnd(), sentenceText, built));
      }
    }
    return sentences.build();
  }

  /** The recognizers this pipeline runs, in order. */
  public ImmutableList<EntityRecognizer> recognizers() {
    return recognizers;
  }

  /**
   * Configures a {@link Nerva} pipeline. Not thread-safe; the pipeline it builds is.
   *
   * <p>Defaults: OpenNLP's English sentence model, {@link PtbTokenizer}, the bundled country table,
   * no recognizers (add the bundled one with {@link #englishNameFinder()}).
   */
  public static final class Builder {
    private SentenceSplitter sentenceSplitter;
    private Tokenizer tokenizer = PtbTokenizer.INSTANCE;
    private final ImmutableList.Builder<EntityRecognizer> recognizers = ImmutableList.builder();
    private CountryResolver countryResolver;
    private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;

    private Builder() {}

    /** Uses this sentence splitter instead of OpenNLP's English model. */
    public Builder sentenceSplitter(SentenceSplitter splitter) {
      this.sentenceSplitter = Preconditions.checkNotNull(splitter, "splitter");
      return this;
    }

    /**
     * Uses this tokenizer; it must produce the tokenization the recognizers' models were trained
     * on. The bundled models expect {@link PtbTokenizer}.
     */
    public Builder tokenizer(Tokenizer tokenizer) {
      this.tokenizer = Preconditions.checkNotNull(tokenizer, "tokenizer");
      return this;
    }

    /** Adds a recognizer; spans from all recognizers are merged without overlaps. */
    public Builder recognizer(EntityRecognizer recognizer) {
      recognizers.add(Preconditions.checkNotNull(recognizer, "recognizer"));
      return this;
    }

    /**
     * Adds the bundled English name finder from nerva-models-en.
     *
     * @throws ModelLoadException if nerva-models-en is not on the classpath or its model is corrupt
     */
    public Builder englishNameFinder() {
      return recognizer(EnglishHolder.nameFinder());
    }

    /** Uses this country table instead of the bundled one. */
    public Builder countryResolver(CountryResolver resolver) {
      this.countryResolver = Preconditions.checkNotNull(resolver, "resolver");
      return this;
    }

    /** Texts longer than this many characters are rejected; default 20,000,000. */
    public Builder maxTextLength(int maxTextLength) {
      Preconditions.checkArgument(maxTextLength > 0, "maxTextLength must be positive: %s", maxTextLength);
      this.maxTextLength = maxTextLength;
      return this;
    }

    /** Builds the pipeline, loading the default sentence model and country table if needed. */
    public Nerva build() {
      if (sentenceSplitter == null) {
        sentenceSplitter = SentenceSplitter.english();
      }
      if (countryResolver == null) {
        countryResolver = CountryResolver.bundled();
      }
      return new Nerva(this);
    }
  }

  private static final class EnglishHolder {
    static final Nerva INSTANCE = builder().englishNameFinder().build();

    private static NameFinderRecognizer nameFinder() {
      try (InputStream in = Nerva.class.getResourceAsStream(ENGLISH_NER_RESOURCE)) {
        if (in == null) {
          throw new ModelLoadException("name finder model " + ENGLISH_NER_RESOURCE
              + " is not on the classpath: add the dependency dev.nerva:nerva-models-en");
        }
        return new NameFinderRecognizer("ner-en",
            NameFinderRecognizer.loadModel(in, ENGLISH_NER_RESOURCE), OntoNotesLabels.TO_NERVA);
      } catch (IOException e) {
        throw new ModelLoadException("cannot read name finder model " + ENGLISH_NER_RESOURCE, e);
      }
    }
  }
}
