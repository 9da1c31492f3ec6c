package dev.nerva;

import com.google.common.base.Preconditions;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.Shared;
import dev.nerva.internal.country.CountryGazetteer;
import dev.nerva.internal.country.CountryResolver;
import dev.nerva.internal.date.DateNormalizer;
import dev.nerva.internal.dictionary.Exclusions;
import dev.nerva.internal.dictionary.TsvRecords;
import dev.nerva.internal.date.DateRules;
import dev.nerva.internal.date.TenseDetector;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.internal.ner.PackModels;
import dev.nerva.internal.ner.PackedNameFinder;
import dev.nerva.internal.pipeline.Analysis;
import dev.nerva.internal.pipeline.CountryResolution;
import dev.nerva.internal.pipeline.DateValues;
import dev.nerva.internal.pipeline.DocumentConsistency;
import dev.nerva.internal.pipeline.CustomSpansStep;
import dev.nerva.internal.pipeline.ExclusionStep;
import dev.nerva.internal.pipeline.FacilitiesAsLocations;
import dev.nerva.internal.pipeline.NameCleanup;
import dev.nerva.internal.pipeline.NameHeads;
import dev.nerva.internal.pipeline.OrganisationCues;
import dev.nerva.internal.pipeline.OverlapResolution;
import dev.nerva.internal.pipeline.PipelineStep;
import dev.nerva.internal.pipeline.RecognizerStep;
import dev.nerva.internal.pipeline.RuleMergeStep;
import dev.nerva.internal.tokenize.PtbForms;
import dev.nerva.internal.tokenize.PtbTokenizer;
import dev.nerva.internal.tokenize.SentenceSplitter;
import dev.nerva.internal.tokenize.TrueCaser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * A named-entity pipeline: sentences and tokens, then a sequence of named steps over the spans
 * (recognizers, the country gazetteer, date rules, name clean-up, country resolution, overlap
 * resolution, date values). Build it once and share it.
 *
 * <pre>{@code
 * Nerva nerva = Nerva.english();
 * for (Entity e : nerva.process("Putin met Burkina Faso's prime minister in Moscow.").entities()) {
 *   System.out.println(e.type() + " " + e.text() + " " + e.start() + ".." + e.end());
 * }
 * }</pre>
 *
 * <p>To extend the English pipeline, start from it: {@code
 * Nerva.english().toBuilder().recognizer(myRecognizer).build()} shares the loaded models.
 *
 * <p><b>Thread safety:</b> a {@code Nerva} is immutable and safe to use from many threads at once;
 * models are loaded once per JVM and shared by every pipeline that uses them, and every call to
 * {@link #process(String)} keeps its working state to itself.
 */
public final class Nerva {

  /** The types a pipeline reports unless told otherwise, besides those of recognizers you add. */
  public static final Set<EntityType> DEFAULT_OUTPUT_TYPES = Set.of(
      EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.DATE, EntityType.LOCATION);

  /** The default limit on the length of one text, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 20_000_000;

  private static final EntityType CARDINAL = EntityType.of("CARDINAL");
  private static final ImmutableSet<EntityType> PLACES = ImmutableSet.of(EntityType.LOCATION, EntityType.COUNTRY);

  // Each bundled resource loads once per JVM and is shared by every pipeline that holds it.
  private static final long PARALLEL_LOAD_HEAP = 768L << 20;
  private static final String ENGLISH_MODELS_ARTIFACT = "dev.nerva:nerva-models-en";

  // Read for decoding only: the weights go straight into the decoder's packed tables.
  private static final Shared<NameFinderRecognizer> ENGLISH_FAST_FINDER = Shared.of(() ->
      new NameFinderRecognizer("ner-en", loadEnglishModel(NameFinderRecognizer.ENGLISH_MODEL_RESOURCE),
          OntoNotesLabels.TO_NERVA).withTrueCaser(TrueCaser.english()));
  private static final Shared<NameFinderRecognizer> ENGLISH_FINDER = Shared.of(() -> {
    String resource = NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE;
    // With a second core, the right-to-left model loads while the left-to-right one does, if the
    // heap can hold both while they load.
    Runtime runtime = Runtime.getRuntime();
    boolean parallel = runtime.availableProcessors() > 1 && runtime.maxMemory() >= PARALLEL_LOAD_HEAP;
    CompletableFuture<PackedNameFinder> backward = parallel
        ? CompletableFuture.supplyAsync(() -> loadEnglishModel(resource))
        : CompletableFuture.completedFuture(null);
    NameFinderRecognizer forward = ENGLISH_FAST_FINDER.get();
    PackedNameFinder model;
    try {
      model = backward.join() != null ? backward.join() : loadEnglishModel(resource);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    try {
      return forward.withBackwardModel(model);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(resource + " from " + ENGLISH_MODELS_ARTIFACT + " does not fit "
          + NameFinderRecognizer.ENGLISH_MODEL_RESOURCE + ": " + e.getMessage(), e);
    }
  });
  private static final Shared<SentenceSplitter> ENGLISH_SENTENCES = Shared.of(SentenceSplitter::english);
  private static final Shared<Nerva> ENGLISH = Shared.of(() -> builder().englishNameFinder().build());
  private static final Supplier<TenseDetector> ENGLISH_TENSE = Suppliers.memoize(TenseDetector::english);

  private final Builder settings;
  private final SentenceSplitter sentenceSplitter;
  private final Tokenizer tokenizer;
  private final ImmutableList<EntityRecognizer> recognizers;
  private final ImmutableSet<EntityType> outputTypes;
  private final ImmutableList<PipelineStep> steps;

  private Nerva(Builder builder, ImmutableSet<EntityType> outputTypes, ImmutableSet<EntityType> hidden) {
    this.settings = builder.copy();
    this.sentenceSplitter = ENGLISH_SENTENCES.get();
    this.tokenizer = builder.tokenizer;
    this.recognizers = ImmutableList.<EntityRecognizer>builder().addAll(builder.recognizers).addAll(builder.custom).build();
    this.outputTypes = outputTypes;
    CountryResolver countries = CountryResolver.bundled();
    DateNormalizer dateNormalizer = new DateNormalizer(builder.slashOrder);
    ImmutableList.Builder<PipelineStep> steps = ImmutableList.builder();
    steps.add(new RecognizerStep(builder.recognizers));
    Set<String> dictionaryNames = new LinkedHashSet<>();
    if (!builder.custom.isEmpty()) {
      steps.add(new CustomSpansStep(builder.custom, builder.customSpansWin));
      builder.custom.stream().filter(r -> r instanceof EntityDictionary).forEach(d -> dictionaryNames.add(d.name()));
    }
    if (builder.countryGazetteer) {
      steps.add(new RuleMergeStep(new CountryGazetteer(countries),
          (rule, model) -> model.length() < rule.length() && PLACES.contains(model.type())));
    }
    if (builder.dateRules) {
      steps.add(new RuleMergeStep(new DateRules(dateNormalizer), Nerva::completesDate));
    }
    if (builder.facilitiesAsLocations) {
      steps.add(new FacilitiesAsLocations());
    }
    // Dictionary spans keep the text, label and value the user gave them.
    steps.add(new NameCleanup(builder.stripPossessives, builder.stripLeadingThe, dictionaryNames));
    steps.add(new CountryResolution(countries, dictionaryNames));
    // The lexicon of the pipeline's name finder says which words are usually lower case.
    TrueCaser casing = recognizers.stream().filter(r -> r instanceof NameFinderRecognizer)
        .map(r -> ((NameFinderRecognizer) r).trueCaser()).findFirst().orElse(TrueCaser.NONE);
    if (builder.organisationCues) {
      steps.add(new OrganisationCues());
      steps.add(new NameHeads(casing, dictionaryNames));
    }
    if (builder.documentConsistency) {
      steps.add(new DocumentConsistency(casing, countries));
    }
    if (!builder.exclusions.isEmpty()) {
      steps.add(new ExclusionStep(builder.exclusions));
    }
    steps.add(new OverlapResolution(builder.outputTypes == null ? null : outputTypes, hidden));
    // Checked now, so that a missing or damaged model fails the build, not a later document; parsed
    // when a relative date first needs it.
    TenseDetector.checkEnglishModel();
    steps.add(new DateValues(dateNormalizer, ENGLISH_TENSE, builder.narrativeDates));
    this.steps = steps.build();
  }

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

  private static long digits(String text) {
    return text.chars().filter(Character::isDigit).count();
  }

  /**
   * The English pipeline with the bundled models: OpenNLP's English sentence model, the Treebank
   * tokenizer, the name finder from nerva-models-en reading both ways, the country table and the
   * date rules. Loaded on first use (under two seconds on one core and about 110 MB of heap; see the README) and
   * shared afterwards: every call returns the same pipeline while anything holds it.
   *
   * @return the English pipeline
   * @throws ModelLoadException if nerva-models-en is not on the classpath or a model is corrupt
   */
  public static Nerva english() {
    return ENGLISH.get();
  }

  /**
   * A builder for a pipeline of your own: the bundled models or not, extra recognizers, other
   * limits.
   *
   * @return a new builder with the defaults described at {@link Builder}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this pipeline's settings and recognizers. The pipelines it builds
   * share this one's loaded models: adding a recognizer or changing an option never reloads them.
   * If this pipeline was given {@link Builder#outputTypes explicit output types}, they are kept.
   *
   * @return a new builder with this pipeline's settings and recognizers
   */
  public Builder toBuilder() {
    return settings.copy();
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
    return process(text, null);
  }

  /**
   * Analyses one text written on {@code documentDate}, against which relative dates resolve:
   * with 2024-09-04, "yesterday" is 2024-09-03 and "last year" 2023.
   *
   * @param text English text; may be empty
   * @param documentDate the date the text was written, or {@code null} if unknown (as {@link
   *     #process(String)})
   * @return its sentences, tokens and non-overlapping entities; empty lists for blank text
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is longer than the pipeline's limit
   */
  public Document process(String text, LocalDate documentDate) {
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkArgument(text.length() <= settings.maxTextLength,
        "text has %s characters, more than this pipeline's limit of %s; split it or raise "
            + "Nerva.Builder.maxTextLength", text.length(), settings.maxTextLength);
    List<Sentence> sentences = sentences(text);
    Analysis analysis = new Analysis(text, documentDate, sentences);
    for (PipelineStep step : steps) {
      step.apply(analysis);
    }
    return new Document(text, sentences, analysis.spans());
  }

  /**
   * Analyses a batch of documents on several threads and hands each result to {@code sink}:
   * the whole corpus never needs to fit in memory, since at most {@link BatchOptions#window a
   * window} of documents is read ahead, and a document that fails comes back as that document's
   * {@link BatchResult#error() error} without stopping the others. Inputs are read, and results
   * and progress delivered, on the calling thread, in input order or as they complete ({@link
   * BatchOptions#ordered}); the call returns when every input has been delivered.
   *
   * <pre>{@code
   * BatchProgress done = nerva.processAll(inputs.iterator(), BatchOptions.threads(2), result -> {
   *   if (result.succeeded()) store(result.id(), result.document().entities());
   *   else log(result.id(), result.error());
   * });
   * }</pre>
   *
   * @param inputs the documents; read lazily, one window ahead
   * @param options threads or executor, window, order and progress listener
   * @param sink receives every result exactly once
   * @return the final progress: documents, failures, tokens and time
   * @throws NullPointerException if an argument or an input is null
   * @throws java.util.concurrent.CancellationException if the calling thread is interrupted; the
   *     batch's own worker threads are stopped, and documents in flight are not delivered
   * @throws RuntimeException whatever {@code inputs} or {@code sink} throws, after the workers stop
   */
  public BatchProgress processAll(Iterator<BatchInput> inputs, BatchOptions options, Consumer<BatchResult> sink) {
    Preconditions.checkNotNull(inputs, "inputs");
    Preconditions.checkNotNull(options, "options");
    Preconditions.checkNotNull(sink, "sink");
    return BatchRunner.run(this, inputs, options, sink);
  }

  /**
   * {@link #processAll(Iterator, BatchOptions, Consumer)} over an {@code Iterable}, such as a
   * list or a {@code Files.lines(...)}-backed collection.
   *
   * @param inputs the documents
   * @param options threads or executor, window, order and progress listener
   * @param sink receives every result exactly once
   * @return the final progress
   */
  public BatchProgress processAll(Iterable<BatchInput> inputs, BatchOptions options, Consumer<BatchResult> sink) {
    Preconditions.checkNotNull(inputs, "inputs");
    return processAll(inputs.iterator(), options, sink);
  }

  private List<Sentence> sentences(String text) {
    List<Sentence> sentences = new ArrayList<>();
    for (Span span : sentenceSplitter.split(text)) {
      String sentenceText = text.substring(span.getStart(), span.getEnd());
      List<Token> tokens = new ArrayList<>();
      for (Span t : tokenizer.tokenizePos(sentenceText)) {
        int start = span.getStart() + t.getStart();
        int end = span.getStart() + t.getEnd();
        tokens.add(new Token(start, end, text.substring(start, end), PtbForms.of(text, start, end)));
      }
      if (!tokens.isEmpty()) {
        sentences.add(new Sentence(span.getStart(), span.getEnd(), sentenceText, tokens));
      }
    }
    return sentences;
  }

  /**
   * The recognizers this pipeline runs: those added with {@link Builder#recognizer} and the
   * bundled models, then your dictionaries and name finders.
   *
   * @return the recognizers in order; an unmodifiable list
   */
  public List<EntityRecognizer> recognizers() {
    return recognizers;
  }

  /**
   * The types that appear in this pipeline's results.
   *
   * @return the types; an unmodifiable set
   */
  public Set<EntityType> outputTypes() {
    return outputTypes;
  }

  /**
   * The names of the steps this pipeline runs over each document's spans, in order, after
   * sentence splitting and tokenization: "recognizers", "custom-spans", "countries",
   * "date-rules", "facilities", "name-cleanup", "country-resolution", "cues", "name-heads",
   * "consistency", "exclusions", "overlaps", "date-values" (the optional ones only when used).
   *
   * @return the step names in order; an unmodifiable list
   */
  public List<String> steps() {
    return steps.stream().map(PipelineStep::name).toList();
  }

  /**
   * Configures a {@link Nerva} pipeline. Not thread-safe; the pipeline it builds is.
   *
   * <p>Defaults: OpenNLP's English sentence model, the Treebank tokenizer, the bundled country
   * table and date rules, no recognizers (add the bundled name finder with {@link
   * #englishNameFinder()}), output types {@link #DEFAULT_OUTPUT_TYPES} plus the types of every
   * recognizer you add.
   */
  public static final class Builder {
    private Tokenizer tokenizer = PtbTokenizer.INSTANCE;
    private final List<EntityRecognizer> recognizers = new ArrayList<>();
    private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
    private Set<EntityType> outputTypes;
    private boolean dateRules = true;
    private boolean countryGazetteer = true;
    private boolean stripLeadingThe = true;
    private boolean stripPossessives = true;
    private SlashOrder slashOrder = SlashOrder.MONTH_FIRST;
    private boolean narrativeDates;
    /** The user's dictionaries and name finders, whose spans come first. */
    private final List<EntityRecognizer> custom = new ArrayList<>();
    private boolean customSpansWin = true;
    private boolean documentConsistency = true;
    private boolean facilitiesAsLocations = true;
    private boolean organisationCues = true;
    private Exclusions exclusions = Exclusions.NONE;

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.tokenizer = tokenizer;
      copy.recognizers.addAll(recognizers);
      copy.maxTextLength = maxTextLength;
      copy.outputTypes = outputTypes;
      copy.dateRules = dateRules;
      copy.countryGazetteer = countryGazetteer;
      copy.stripLeadingThe = stripLeadingThe;
      copy.stripPossessives = stripPossessives;
      copy.slashOrder = slashOrder;
      copy.narrativeDates = narrativeDates;
      copy.custom.addAll(custom);
      copy.customSpansWin = customSpansWin;
      copy.documentConsistency = documentConsistency;
      copy.facilitiesAsLocations = facilitiesAsLocations;
      copy.organisationCues = organisationCues;
      copy.exclusions = exclusions;
      return copy;
    }

    /**
     * The types that appear in results, instead of the default: {@link #DEFAULT_OUTPUT_TYPES} plus
     * every type a recognizer you add declares. Spans of other types (such as the OntoNotes NORP or
     * EVENT labels the bundled name finder also learns, {@code EntityType.of("NORP")}) still take
     * part in overlap resolution, so a date inside an event name is not reported, and are then
     * dropped.
     *
     * @param types the types to report
     * @return this builder
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException if {@code types} is empty; {@link #build()} also throws it
     *     for a type no part of the pipeline can produce, naming those it can
     */
    public Builder outputTypes(Iterable<EntityType> types) {
      Preconditions.checkNotNull(types, "types");
      Set<EntityType> copy = new LinkedHashSet<>();
      for (EntityType type : types) {
        copy.add(Preconditions.checkNotNull(type, "output type"));
      }
      Preconditions.checkArgument(!copy.isEmpty(), "outputTypes needs at least one type");
      this.outputTypes = copy;
      return this;
    }

    /**
     * {@link #outputTypes(Iterable)} for types given one by one.
     *
     * @param types the types to report
     * @return this builder
     */
    public Builder outputTypes(EntityType... types) {
      return outputTypes(Arrays.asList(Preconditions.checkNotNull(types, "types")));
    }

    /**
     * Whether rule-based date detection complements the recognizers; default on.
     *
     * @param enabled whether the date rules run
     * @return this builder
     */
    public Builder dateRules(boolean enabled) {
      this.dateRules = enabled;
      return this;
    }

    /**
     * Whether country names from the country table complement the recognizers; default on. The
     * recognizers' spans keep priority, except that a longer country name replaces a place span
     * inside it ("Burkina" becomes "Burkina Faso").
     *
     * @param enabled whether the country gazetteer runs
     * @return this builder
     */
    public Builder countryGazetteer(boolean enabled) {
      this.countryGazetteer = enabled;
      return this;
    }

    /**
     * Whether a leading "the" is cut from organisation and place spans ("the United Nations"
     * gives "United Nations"); default on. A "The" written with a capital after a word in lower
     * case or a comma is part of the name and stays ("in The Hague", "said The New York Times"). OntoNotes, which the bundled model learned from,
     * includes the article in about one organisation name in six; most users and most other
     * annotation schemes (CoNLL, ACE) do not.
     *
     * @param enabled whether "the" is cut
     * @return this builder
     */
    public Builder stripLeadingThe(boolean enabled) {
      this.stripLeadingThe = enabled;
      return this;
    }

    /**
     * Whether a trailing possessive is cut from every span ("Russia’s" gives "Russia", "Tuesday’s"
     * gives "Tuesday"); default on. OntoNotes, which the bundled model learned from, includes it
     * in about one PERSON span in fifty ("Terri Schiavo 's"), so the model sometimes does too.
     *
     * @param enabled whether possessives are cut
     * @return this builder
     */
    public Builder stripPossessives(boolean enabled) {
      this.stripPossessives = enabled;
      return this;
    }

    /**
     * How all-numeric slashed dates (6/5/2024) are read; default month first.
     *
     * @param order the reading
     * @return this builder
     * @throws NullPointerException if {@code order} is null
     */
    public Builder slashOrder(SlashOrder order) {
      this.slashOrder = Preconditions.checkNotNull(order, "order");
      return this;
    }

    /**
     * Narrative mode, off by default: when no document date is given, relative dates resolve
     * against the last fully specified date (year, month and day) earlier in the same text, and
     * point forward from it ("On 3 March 2021 the army seized power; on Friday it closed the
     * border" gives 2021-03-05), since a story told in the past moves forward.
     *
     * @param enabled whether narrative mode is on
     * @return this builder
     */
    public Builder narrativeDates(boolean enabled) {
      this.narrativeDates = enabled;
      return this;
    }

    /**
     * Uses this tokenizer instead of the Penn Treebank one; it must produce the tokenization the
     * recognizers' models were trained on (the bundled models expect the default). A pipeline
     * shared between threads calls it concurrently, so it must be thread-safe (OpenNLP's {@code
     * TokenizerME} is not).
     *
     * @param tokenizer the tokenizer
     * @return this builder
     * @throws NullPointerException if {@code tokenizer} is null
     */
    public Builder tokenizer(Tokenizer tokenizer) {
      this.tokenizer = Preconditions.checkNotNull(tokenizer, "tokenizer");
      return this;
    }

    /**
     * Adds a recognizer; spans from all recognizers are merged without overlaps. Its declared
     * {@linkplain EntityRecognizer#types() types} are reported by default. Adding a recognizer the
     * builder already has (the same instance) changes nothing.
     *
     * @param recognizer the recognizer
     * @return this builder
     * @throws NullPointerException if {@code recognizer} is null
     */
    public Builder recognizer(EntityRecognizer recognizer) {
      Preconditions.checkNotNull(recognizer, "recognizer");
      if (recognizers.stream().noneMatch(r -> r == recognizer)) {
        recognizers.add(recognizer);
      }
      return this;
    }

    /**
     * Adds a dictionary of phrases and labels. Its labels are reported by default; where one of
     * its spans overlaps a span of the recognizers, the dictionary's wins (see {@link
     * #customSpansWin}); among dictionaries, the longer span wins. Its spans keep the text, label
     * and value the dictionary gives them: no "the" or possessive is cut, no place becomes a
     * country. Adding the same dictionary twice changes nothing.
     *
     * @param dictionary the dictionary
     * @return this builder
     */
    public Builder dictionary(EntityDictionary dictionary) {
      Preconditions.checkNotNull(dictionary, "dictionary");
      if (custom.stream().noneMatch(d -> d == dictionary)) {
        custom.add(dictionary);
      }
      return this;
    }

    /**
     * Whether a capitalised name right before a noun that says it is a group ("the Wagner
     * mercenary group", "Azawad militants", "Houthi rebels") is an organisation (default on): added
     * where nothing was found, and replacing a PERSON span the model gave less than 0.5; spans of
     * other types are left alone. Names the text describes as a kind of organisation ("Kraftwerk
     * is an electronic band formed in ...", "Harrow Motors, the carmaker based in Leeds, ...") are
     * organisations too, replacing a PERSON or LOCATION span; names described as a kind of place
     * ("Tessit is a small village in ...") are locations. Names whose own words say they are
     * places ("Victoria Harbor", "Dover Air Force Base", "Mt. Kuanyin", "Lake Dajin") are
     * locations, replacing a PERSON or ORGANIZATION span; names ending in a noun that ends
     * organisations' names ("Ketchum Communications") are organisations over a PERSON guess; a
     * town and its US state without a comma ("Honolulu Hawaii"), or with the state abbreviated
     * after one ("Wayland, Mass."), are two locations. Such spans come from recognizer "cues"
     * with confidence 0.6 (or the model's, where it found the span and was less sure), and with
     * document consistency on, the type they state holds for the name's other mentions in the
     * document.
     *
     * @param enabled whether the cue rules run
     * @return this builder
     */
    public Builder organisationCues(boolean enabled) {
      this.organisationCues = enabled;
      return this;
    }

    /**
     * Whether facilities the bundled name finder finds (OntoNotes FAC: airports, bridges, roads,
     * buildings such as "Heathrow Airport" or "Golden Gate Bridge") are reported as LOCATION
     * (default on, since users count them as places); off, they keep the hidden type {@code FAC}.
     *
     * @param enabled whether facilities are locations
     * @return this builder
     */
    public Builder facilitiesAsLocations(boolean enabled) {
      this.facilitiesAsLocations = enabled;
      return this;
    }

    /**
     * Whether the document is made to agree with itself about its names after the sentence-by-
     * sentence pass (default on): a name found once is found at its other occurrences left
     * unlabelled, a person's surname alone, an acronym introduced as "Full Name (ACR)" and a
     * county's, province's or river's name without its head ("Taoyuan" after "Taoyuan County")
     * take the name's type, and one string gets one type per document by confidence-weighted vote.
     * Propagated spans carry the recognizer name "consistency" and a lower confidence than their
     * source. Single words the bundled name finder's casing lexicon knows as usually lower case
     * ("Union", "Reading") are never propagated.
     *
     * @param enabled whether the consistency pass runs
     * @return this builder
     */
    public Builder documentConsistency(boolean enabled) {
      this.documentConsistency = enabled;
      return this;
    }

    /**
     * Whether a span of your dictionaries and name finders ({@link #dictionary}, {@link
     * #nameFinder}) wins over an overlapping span of the other recognizers, such as the bundled
     * English models (the default), or all compete on length and confidence as recognizer spans
     * do (longer wins).
     *
     * @param win true for your spans first
     * @return this builder
     */
    public Builder customSpansWin(boolean win) {
      this.customSpansWin = win;
      return this;
    }

    /**
     * Never reports {@code phrase}, whatever found it and whatever its label: a quick fix for a
     * known false positive. A phrase with a capital letter matches a span's text as written, an
     * all-lower-case one in any case.
     *
     * @param phrase the phrase
     * @return this builder
     */
    public Builder exclude(String phrase) {
      this.exclusions = exclusions.plus(Preconditions.checkNotNull(phrase, "phrase"), null);
      return this;
    }

    /**
     * Never reports {@code phrase} as {@code type} (it may still be reported as another type).
     *
     * @param phrase the phrase
     * @param type the label it must not have
     * @return this builder
     */
    public Builder exclude(String phrase, EntityType type) {
      this.exclusions = exclusions.plus(Preconditions.checkNotNull(phrase, "phrase"),
          Preconditions.checkNotNull(type, "type"));
      return this;
    }

    /**
     * Reads exclusions from a file: UTF-8, one per line, {@code phrase} (never) or {@code
     * phrase<TAB>label} (never as that label); {@code #} comments and blank lines skipped.
     *
     * @param file the file
     * @return this builder
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line if a line is malformed
     */
    public Builder exclusions(Path file) throws IOException {
      Preconditions.checkNotNull(file, "file");
      Exclusions[] read = {exclusions};
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        TsvRecords.read(reader, file.toString(), 2,
            fields -> read[0] = read[0].plus(fields[0], fields.length == 2 ? EntityType.of(fields[1].strip()) : null));
      }
      this.exclusions = read[0];
      return this;
    }

    /**
     * Adds a name finder model of your own, such as one trained with {@code nerva-train}'s {@code
     * CustomTraining} (the example program's {@code train} command) or any OpenNLP {@code
     * TokenNameFinderModel}: each label it learned is reported as the entity type of that name.
     * With {@link #englishNameFinder()} too, both run, and where their spans overlap this one's win
     * (see {@link #customSpansWin}); alone, only its labels (and the date rules' and country
     * table's) come out.
     *
     * @param modelFile the model file
     * @return this builder
     * @throws ModelLoadException naming the file if it is missing, unreadable or not a name finder,
     *     or a label is not a valid entity type name
     */
    public Builder nameFinder(Path modelFile) {
      Preconditions.checkNotNull(modelFile, "modelFile");
      String fileName = modelFile.getFileName().toString();
      String name = fileName.endsWith(".bin") ? fileName.substring(0, fileName.length() - 4) : fileName;
      custom.add(NameFinderRecognizer.withOwnLabels(name, NameFinderRecognizer.loadModel(modelFile)));
      return this;
    }

    /**
     * Adds the bundled English name finder from nerva-models-en: its left-to-right and
     * right-to-left models read each sentence together, and headlines in capitals or title case
     * and documents in lower case reach them in their usual casing. This is the name finder of
     * {@link #english()}; it is loaded once per JVM and shared.
     *
     * @return this builder
     * @throws ModelLoadException if nerva-models-en is not on the classpath or a model is corrupt
     */
    public Builder englishNameFinder() {
      return recognizer(ENGLISH_FINDER.get());
    }

    /**
     * Adds the bundled English name finder's left-to-right model alone: the name finder takes about
     * half the time of {@link #englishNameFinder()}, with about one point less F1 (the model card
     * in nerva-models-en has the figures), and loads in half the time and memory.
     *
     * @return this builder
     * @throws ModelLoadException if nerva-models-en is not on the classpath or its model is corrupt
     */
    public Builder fastEnglishNameFinder() {
      return recognizer(ENGLISH_FAST_FINDER.get());
    }

    /**
     * Texts longer than this many characters are rejected; default 20,000,000.
     *
     * @param maxTextLength the limit, in UTF-16 characters
     * @return this builder
     * @throws IllegalArgumentException if the limit is not positive
     */
    public Builder maxTextLength(int maxTextLength) {
      Preconditions.checkArgument(maxTextLength > 0, "maxTextLength must be positive: %s", maxTextLength);
      this.maxTextLength = maxTextLength;
      return this;
    }

    /**
     * Builds the pipeline, loading the sentence model and country table if no pipeline of this JVM
     * holds them yet.
     *
     * @return the pipeline
     * @throws IllegalArgumentException if an output type can be produced by no part of the
     *     pipeline; the message names the types it can produce
     * @throws ModelLoadException if a bundled resource is missing or corrupt
     */
    public Nerva build() {
      Set<EntityType> producible = new LinkedHashSet<>();
      Set<EntityType> hidden = new LinkedHashSet<>();
      Set<EntityType> declared = new LinkedHashSet<>();
      for (EntityRecognizer yours : custom) {
        producible.addAll(yours.types());
        declared.addAll(yours.types());
      }
      for (EntityRecognizer recognizer : recognizers) {
        Set<EntityType> types = recognizer.types();
        producible.addAll(types);
        if (recognizer instanceof NameFinderRecognizer finder) {
          hidden.addAll(finder.typesHiddenByDefault());
        } else {
          declared.addAll(types);
        }
      }
      if (dateRules) {
        producible.add(EntityType.DATE);
      }
      if (countryGazetteer || producible.contains(EntityType.LOCATION)) {
        producible.add(EntityType.COUNTRY); // the country table turns places into countries
      }
      hidden.removeAll(declared); // a label you add is reported even where the model hides its own
      ImmutableSet<EntityType> reported;
      if (outputTypes == null) {
        reported = ImmutableSet.copyOf(Sets.difference(producible, hidden));
      } else {
        Set<EntityType> impossible = Sets.difference(outputTypes, producible);
        Preconditions.checkArgument(impossible.isEmpty(),
            "this pipeline can never produce %s; it can produce %s", new TreeSet<>(names(impossible)),
            new TreeSet<>(names(producible)));
        reported = ImmutableSet.copyOf(outputTypes);
      }
      return new Nerva(this, reported, ImmutableSet.copyOf(hidden));
    }

    private static List<String> names(Set<EntityType> types) {
      return types.stream().map(EntityType::name).toList();
    }
  }

  private static PackedNameFinder loadEnglishModel(String resource) {
    // The build of nerva-models-en packs each model beside it; the packed form loads several
    // times faster, to the same name finder. A jar built otherwise still has the model itself.
    String packed = resource + PackModels.SUFFIX;
    if (Nerva.class.getClassLoader().getResource(packed.substring(1)) != null) {
      return ClasspathModels.load(packed, ENGLISH_MODELS_ARTIFACT, PackedNameFinder::readPacked);
    }
    return ClasspathModels.load(resource, ENGLISH_MODELS_ARTIFACT, PackedNameFinder::read);
  }
}
