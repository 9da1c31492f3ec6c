package dev.nerva;

import com.google.common.base.Ascii;
import com.google.common.base.Preconditions;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.nerva.country.CountryGazetteer;
import dev.nerva.country.CountryResolver;
import dev.nerva.date.DateNormalizer;
import dev.nerva.date.DateRules;
import dev.nerva.date.Tense;
import dev.nerva.date.TenseDetector;
import dev.nerva.ner.EntityRecognizer;
import dev.nerva.ner.NameFinderRecognizer;
import dev.nerva.ner.OntoNotesLabels;
import dev.nerva.ner.OverlapResolver;
import dev.nerva.ner.RuleSpans;
import dev.nerva.tokenize.PtbForms;
import dev.nerva.tokenize.PtbTokenizer;
import dev.nerva.tokenize.SentenceSplitter;
import dev.nerva.tokenize.TrueCaser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * A named-entity pipeline: sentences, tokens, entity recognizers, the country gazetteer, date
 * rules, overlap resolution, country resolution and date normalisation. Build it once and share
 * it.
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

  /**
   * The classpath resource of the bundled English name finder's right-to-left partner, shipped by
   * nerva-models-en (see {@link NameFinderRecognizer#withBackwardModel}).
   */
  public static final String ENGLISH_NER_BACKWARD_RESOURCE = "/dev/nerva/models/en/ner-en-r2l.bin";

  /** The types a pipeline reports unless told otherwise. */
  public static final ImmutableSet<EntityType> DEFAULT_OUTPUT_TYPES = ImmutableSet.of(
      EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.DATE, EntityType.LOCATION);

  /** The default limit on the length of one text, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 20_000_000;

  private final SentenceSplitter sentenceSplitter;
  private final Tokenizer tokenizer;
  private final ImmutableList<EntityRecognizer> recognizers;
  private final CountryResolver countryResolver;
  private final int maxTextLength;
  private final ImmutableSet<EntityType> outputTypes;
  private final DateNormalizer dateNormalizer;
  private final DateRules dateRules;
  private final Supplier<TenseDetector> tenseDetector;
  private final boolean narrativeDates;
  private final CountryGazetteer countryGazetteer;
  private final boolean stripLeadingThe;
  private final boolean stripPossessives;

  /**
   * Whether a date rule's span may replace a model span inside it: a date only to add the numbers
   * the model left out ("July" → "July 2024", which then has a value), since articles and
   * modifiers ("the 1980s", "early Monday", "this year") are placed where OntoNotes puts them by
   * the model, which learned them (extending those lost more right spans than it gained on dev);
   * and a number the model took for a cardinal ("a 2022 coup").
   */
  private static boolean completesDate(Entity rule, Entity model) {
    return model.type().equals(EntityType.DATE) ? digits(rule.text()) > digits(model.text())
        : model.type().equals(CARDINAL);
  }

  private static final EntityType CARDINAL = EntityType.of("CARDINAL");

  private static long digits(String text) {
    return text.chars().filter(Character::isDigit).count();
  }

  private static final ImmutableSet<EntityType> PLACES = ImmutableSet.of(EntityType.LOCATION, EntityType.COUNTRY);

  private Nerva(Builder builder) {
    this.sentenceSplitter = builder.sentenceSplitter;
    this.tokenizer = builder.tokenizer;
    this.recognizers = builder.recognizers.build();
    this.countryResolver = builder.countryResolver;
    this.maxTextLength = builder.maxTextLength;
    this.outputTypes = builder.outputTypes;
    this.dateNormalizer = new DateNormalizer(builder.slashOrder);
    this.dateRules = builder.dateRules ? new DateRules(dateNormalizer) : null;
    this.tenseDetector = builder.tenseDetector;
    this.narrativeDates = builder.narrativeDates;
    this.countryGazetteer = builder.countryGazetteer ? new CountryGazetteer(countryResolver) : null;
    this.stripLeadingThe = builder.stripLeadingThe;
    this.stripPossessives = builder.stripPossessives;
  }

  /**
   * The English pipeline with the bundled models: OpenNLP's English sentence model, the Treebank
   * tokenizer, the name finder from nerva-models-en and the bundled country table. Loaded on first
   * use and shared afterwards.
   *
   * @throws ModelLoadException if nerva-models-en is not on the classpath or a model is corrupt
   */
  public static Nerva english() {
    return ENGLISH.get();
  }

  /** A builder for a pipeline of your own: other models, extra recognizers, other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyses one text whose date is not known: relative dates ("Tuesday", "last year") get a
   * value only where the text itself fixes it (see {@link Builder#narrativeDates(boolean)}).
   *
   * @param text English text; may be empty
   * @return its sentences, tokens and non-overlapping entities; empty lists for blank text
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is longer than the pipeline's limit
   */
  public Document process(String text) {
    return analyse(text, null);
  }

  /**
   * Analyses one text written on {@code documentDate}, against which relative dates resolve:
   * with 2024-09-04, "yesterday" is 2024-09-03 and "last year" 2023.
   *
   * @throws NullPointerException if {@code text} or {@code documentDate} is null
   * @throws IllegalArgumentException if {@code text} is longer than the pipeline's limit
   */
  public Document process(String text, LocalDate documentDate) {
    Preconditions.checkNotNull(documentDate, "documentDate");
    return analyse(text, documentDate);
  }

  private Document analyse(String text, LocalDate documentDate) {
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkArgument(text.length() <= maxTextLength,
        "text has %s characters, more than this pipeline's limit of %s; split it or raise "
            + "Nerva.Builder.maxTextLength", text.length(), maxTextLength);
    ImmutableList<Sentence> sentences = sentences(text);
    List<Entity> found = new ArrayList<>();
    for (EntityRecognizer recognizer : recognizers) {
      found.addAll(recognizer.recognize(text, sentences));
    }
    if (countryGazetteer != null) {
      found = RuleSpans.merge(found, countryGazetteer.recognize(text, sentences), PLACES);
    }
    if (dateRules != null) {
      found = RuleSpans.merge(found, dateRules.recognize(text, sentences), Nerva::completesDate);
    }
    List<Entity> resolved = new ArrayList<>(found.size());
    for (Entity entity : found) {
      Entity name = withoutHonorific(stripPossessives ? withoutPossessive(entity) : entity);
      resolved.add(countryResolver.resolve(stripLeadingThe ? withoutLeadingThe(name) : name));
    }
    ImmutableList.Builder<Entity> output = ImmutableList.builder();
    LocalDate anchor = documentDate;
    int sentence = 0;
    for (Entity entity : OverlapResolver.resolve(resolved)) {
      if (!outputTypes.contains(entity.type())) {
        continue; // other types only kept their place during overlap resolution
      }
      if (entity.type().equals(EntityType.DATE) && entity.normalized().isEmpty()) {
        while (sentence + 1 < sentences.size() && sentences.get(sentence).end() <= entity.start()) {
          sentence++;
        }
        Sentence home = sentences.get(sentence);
        Entity date = entity;
        // A story told in the past moves forward from its last full date: there, tense says nothing.
        boolean fromNarrative = anchor != null && documentDate == null;
        Optional<String> value = dateNormalizer.normalize(date.text(),
            fromNarrative ? () -> Tense.FUTURE : () -> tenseAt(home, date), anchor);
        entity = entity.withType(EntityType.DATE, value);
        if (narrativeDates && documentDate == null && entity.date().isPresent()) {
          anchor = entity.date().get();
        }
      }
      output.add(entity);
    }
    return new Document(text, sentences, output.build());
  }

  private static final ImmutableSet<EntityType> NAMES =
      ImmutableSet.of(EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.COUNTRY);

  /** "the United Nations" becomes "United Nations": the article is not part of the name. */
  private static Entity withoutLeadingThe(Entity entity) {
    String text = entity.text();
    if (!NAMES.contains(entity.type()) || text.length() < 5 || !text.regionMatches(true, 0, "the", 0, 3)
        || !Character.isWhitespace(text.charAt(3))) {
      return entity;
    }
    int skip = 3;
    while (skip < text.length() && Character.isWhitespace(text.charAt(skip))) {
      skip++;
    }
    return new Entity(entity.type(), entity.start() + skip, entity.end(), text.substring(skip),
        entity.confidence(), entity.recognizer(), entity.normalized());
  }

  private static final ImmutableSet<String> HONORIFICS = ImmutableSet.of(
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "dr", "dr.", "prof", "prof.");

  /**
   * "Mr Putin" becomes "Putin": a courtesy title is not part of a name in OntoNotes (or CoNLL, or
   * ACE). The model learned that from "Mr." and leaves it out, but British "Mr", which OntoNotes
   * hardly has, sometimes gets in.
   */
  private static Entity withoutHonorific(Entity entity) {
    String text = entity.text();
    if (!entity.type().equals(EntityType.PERSON)) {
      return entity;
    }
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    if (space == text.length() || !HONORIFICS.contains(Ascii.toLowerCase(text.substring(0, space)))) {
      return entity;
    }
    int skip = space;
    while (Character.isWhitespace(text.charAt(skip))) {
      skip++; // the span ends on a token, so a non-space follows
    }
    return new Entity(entity.type(), entity.start() + skip, entity.end(), text.substring(skip),
        entity.confidence(), entity.recognizer(), entity.normalized());
  }

  /**
   * "Burkina Faso’s" becomes "Burkina Faso": a possessive is not part of a name or a date. OntoNotes
   * sometimes includes it (about one PERSON span in fifty), so the model may too.
   */
  private static Entity withoutPossessive(Entity entity) {
    String text = entity.text();
    int cut = text.length();
    if (cut > 2 && (text.endsWith("'s") || text.endsWith("’s") || text.endsWith("'S") || text.endsWith("’S"))) {
      cut -= 2;
    } else if (cut > 2 && (text.endsWith("s'") || text.endsWith("s’"))) {
      cut -= 1; // plural possessive: "the Philippines'"
    } else {
      return entity;
    }
    while (cut > 0 && Character.isWhitespace(text.charAt(cut - 1))) {
      cut--;
    }
    if (cut == 0) {
      return entity;
    }
    return new Entity(entity.type(), entity.start(), entity.start() + cut, text.substring(0, cut),
        entity.confidence(), entity.recognizer(), entity.normalized());
  }

  private Tense tenseAt(Sentence sentence, Entity entity) {
    return tenseDetector.get().tenseAt(sentence, entity.start(), entity.end());
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
    private ImmutableSet<EntityType> outputTypes = DEFAULT_OUTPUT_TYPES;
    private boolean dateRules = true;
    private boolean countryGazetteer = true;
    private boolean stripLeadingThe = true;
    private boolean stripPossessives = true;
    private DateNormalizer.SlashOrder slashOrder = DateNormalizer.SlashOrder.MONTH_FIRST;
    private boolean narrativeDates;
    private Supplier<TenseDetector> tenseDetector = ENGLISH_TENSE;

    private Builder() {}

    /**
     * The types that appear in results; default PERSON, ORGANIZATION, COUNTRY, DATE, LOCATION.
     * Spans of other types (such as the OntoNotes NORP or EVENT labels the bundled model also
     * learns) still take part in overlap resolution, so a date inside an event name is not
     * reported, and are then dropped.
     */
    public Builder outputTypes(Iterable<EntityType> types) {
      this.outputTypes = ImmutableSet.copyOf(Preconditions.checkNotNull(types, "types"));
      return this;
    }

    /** Whether rule-based date detection complements the recognizers; default on. */
    public Builder dateRules(boolean enabled) {
      this.dateRules = enabled;
      return this;
    }

    /**
     * Whether country names from the country table complement the recognizers; default on. The
     * recognizers' spans keep priority, except that a longer country name replaces a place span
     * inside it ("Burkina" becomes "Burkina Faso").
     */
    public Builder countryGazetteer(boolean enabled) {
      this.countryGazetteer = enabled;
      return this;
    }

    /**
     * Whether a leading "the" is cut from organisation and place spans ("the United Nations"
     * gives "United Nations"); default on. OntoNotes, which the bundled model learned from,
     * includes the article in about one organisation name in six; most users and most other
     * annotation schemes (CoNLL, ACE) do not.
     */
    public Builder stripLeadingThe(boolean enabled) {
      this.stripLeadingThe = enabled;
      return this;
    }

    /**
     * Whether a trailing possessive is cut from every span ("Russia’s" gives "Russia", "Tuesday’s"
     * gives "Tuesday"); default on. OntoNotes, which the bundled model learned from, includes it
     * in about one PERSON span in fifty ("Terri Schiavo 's"), so the model sometimes does too.
     */
    public Builder stripPossessives(boolean enabled) {
      this.stripPossessives = enabled;
      return this;
    }

    /** How all-numeric slashed dates (6/5/2024) are read; default month first. */
    public Builder slashOrder(DateNormalizer.SlashOrder order) {
      this.slashOrder = Preconditions.checkNotNull(order, "order");
      return this;
    }

    /**
     * Narrative mode, off by default: when no document date is given, relative dates resolve
     * against the last fully specified date (year, month and day) earlier in the same text, and
     * point forward from it ("On 3 March 2021 the army seized power; on Friday it closed the
     * border" gives 2021-03-05), since a story told in the past moves forward.
     */
    public Builder narrativeDates(boolean enabled) {
      this.narrativeDates = enabled;
      return this;
    }

    /** Uses this tense detector for the direction of relative dates instead of the English one. */
    public Builder tenseDetector(TenseDetector detector) {
      Preconditions.checkNotNull(detector, "detector");
      this.tenseDetector = () -> detector;
      return this;
    }

    /** Uses this sentence splitter instead of OpenNLP's English model. */
    public Builder sentenceSplitter(SentenceSplitter splitter) {
      this.sentenceSplitter = Preconditions.checkNotNull(splitter, "splitter");
      return this;
    }

    /**
     * Uses this tokenizer; it must produce the tokenization the recognizers' models were trained
     * on. The bundled models expect {@link PtbTokenizer}. A pipeline shared between threads calls
     * it concurrently, so it must be thread-safe (OpenNLP's {@code TokenizerME} is not).
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
     * Adds the bundled English name finder from nerva-models-en: its left-to-right and right-to-left
     * models read each sentence together (see {@link NameFinderRecognizer#withBackwardModel}), and
     * headlines in capitals or title case and documents in lower case reach them in their usual
     * casing ({@link TrueCaser#english()}). This is the name finder of {@link #english()}.
     *
     * @throws ModelLoadException if nerva-models-en is not on the classpath or a model is corrupt
     */
    public Builder englishNameFinder() {
      return recognizer(englishNameFinderRecognizer().withBackwardModel(loadEnglishModel(ENGLISH_NER_BACKWARD_RESOURCE)));
    }

    /**
     * Adds the bundled English name finder's left-to-right model alone: the name finder takes about
     * half the time of {@link #englishNameFinder()}, with about half a point less F1 (the model
     * card in nerva-models-en has the figures), and loads in half the time and memory.
     *
     * @throws ModelLoadException if nerva-models-en is not on the classpath or its model is corrupt
     */
    public Builder fastEnglishNameFinder() {
      return recognizer(englishNameFinderRecognizer());
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

  // Loaded on first use and kept; a failed load is not remembered, so every call reports it.
  private static final Supplier<Nerva> ENGLISH = Suppliers.memoize(() -> builder().englishNameFinder().build());
  // The POS model loads on the first relative date: many texts have none.
  private static final Supplier<TenseDetector> ENGLISH_TENSE = Suppliers.memoize(TenseDetector::english);

  private static NameFinderRecognizer englishNameFinderRecognizer() {
    return new NameFinderRecognizer("ner-en", loadEnglishModel(ENGLISH_NER_RESOURCE), OntoNotesLabels.TO_NERVA)
        .withTrueCaser(TrueCaser.english());
  }

  private static TokenNameFinderModel loadEnglishModel(String resource) {
    return ClasspathModels.load(resource, "dev.nerva:nerva-models-en", in -> NameFinderRecognizer.loadModel(in, resource));
  }
}
