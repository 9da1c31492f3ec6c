package dev.nerva.examples;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityDictionary;
import dev.nerva.Nerva;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the entities of a text file as a table, or tags JSON Lines in batch.
 *
 * <pre>
 * java -jar examples/target/nerva-examples.jar [FILE] [--date YYYY-MM-DD]   # default: the seed article
 * java -jar examples/target/nerva-examples.jar --jsonl IN OUT [--threads N] [--max-line-bytes N]   # '-' = stdin/stdout
 * </pre>
 *
 * <p>Both modes take {@code --dictionary FILE.tsv} (repeatable: phrases and labels, see {@link
 * EntityDictionary}), {@code --exclude FILE.tsv} (phrases never to report) and {@code --model
 * MODEL.bin} (a name finder trained on your data, beside the English models, or instead of them
 * with {@code --model-only}). Two more commands work with your annotated data ({@code .jsonl},
 * {@code .conll}/{@code .bio} or OpenNLP {@code .txt}, or {@code --format}):
 *
 * <pre>
 * java -jar examples/target/nerva-examples.jar train --data TRAIN.jsonl [--dev DEV.jsonl] --out MODEL.bin
 * java -jar examples/target/nerva-examples.jar evaluate --data GOLD.jsonl [--model MODEL.bin [--model-only]]
 * </pre>
 *
 * <p>{@code --date} is the document date relative dates resolve against ("Tuesday", "last year").
 * In JSON Lines mode each input line is an object {@code {"id": ..., "text": ..., "date":
 * "YYYY-MM-DD"}} ({@code date} optional); each output line is {@code {"id": ..., "entities":
 * [{"type", "start", "end", "text", "confidence", "normalized"}]}}, offsets in UTF-16 code units
 * of the text (Java and JavaScript string indices). Output line N always answers input line N: a
 * line that cannot be tagged (not JSON, no text, a bad date, blank, not UTF-8, longer than {@code
 * --max-line-bytes}, default 10 MiB) gives {@code {"id": ..., "error": "..."}} in its place.
 *
 * <p>Exit codes: 0 every line tagged; 1 some lines failed (each named on stderr); 2 usage error;
 * 3 input or output failed (missing file, full disk, closed pipe): the output stops there.
 */
public final class ExtractEntities {

  /** The seed article the program reads when given no file. */
  public static final String DEFAULT_INPUT = "seeds/000_6726bb20fb80e62f.txt";

  /** Exit codes. */
  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE = 2;
  static final int IO = 3;

  /** The default limit on one JSON line, in bytes. */
  static final int DEFAULT_MAX_LINE_BYTES = 10 << 20;

  private static final String USAGE_TEXT = "usage: nerva-examples [FILE] [--date YYYY-MM-DD] [OPTIONS]\n"
      + "       nerva-examples --jsonl IN OUT [--threads N] [--max-line-bytes N] [OPTIONS]   ('-' = stdin/stdout)\n"
      + "       nerva-examples train --data TRAIN [--dev DEV] --out MODEL.bin [--format jsonl|conll|opennlp]\n"
      + "       nerva-examples evaluate --data GOLD [--format ...] [OPTIONS]\n"
      + "options: --dictionary FILE.tsv (repeatable)  --exclude FILE.tsv  --model MODEL.bin [--model-only]";

  private ExtractEntities() {}

  public static void main(String[] args) {
    // Raw stdout: unlike System.out, a failed write (closed pipe, full disk) throws.
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.exit(run(args, System.in, stdout, System.err, System.console() != null));
  }

  /** Runs the program; returns the exit code. */
  static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream err, boolean terminal) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (arguments.help) {
      PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
      out.println(USAGE_TEXT);
      return OK;
    }
    if ("train".equals(arguments.command)) {
      return CustomCommands.train(arguments.data, arguments.dev, arguments.out, arguments.format, err);
    }
    Nerva nerva;
    try {
      nerva = pipeline(arguments);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("error: " + describe(e));
      return IO;
    }
    if ("evaluate".equals(arguments.command)) {
      return CustomCommands.evaluate(nerva, arguments.data, arguments.format, stdout, err);
    }
    return arguments.jsonlIn != null ? jsonl(nerva, arguments, stdin, stdout, err, terminal)
        : table(nerva, arguments, stdout, err);
  }

  /** The English pipeline, with the user's dictionaries and exclusions if any. */
  private static Nerva pipeline(Arguments arguments) throws IOException {
    if (arguments.dictionaries.isEmpty() && arguments.exclusions == null && arguments.model == null) {
      return Nerva.english();
    }
    // From the English pipeline, sharing its loaded models; or without them for --model-only.
    Nerva.Builder builder = arguments.modelOnly ? Nerva.builder() : Nerva.english().toBuilder();
    if (arguments.model != null) {
      Path model = Paths.get(arguments.model);
      if (!Files.isRegularFile(model)) {
        throw new NoSuchFileException(model.toString());
      }
      builder.nameFinder(model);
    }
    for (String file : arguments.dictionaries) {
      builder.dictionary(EntityDictionary.read(Paths.get(file)));
    }
    if (arguments.exclusions != null) {
      builder.exclusions(Paths.get(arguments.exclusions));
    }
    return builder.build();
  }

  private static int table(Nerva nerva, Arguments arguments, OutputStream stdout, PrintStream err) {
    Path file = Paths.get(arguments.file != null ? arguments.file : DEFAULT_INPUT);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("error: there is no file " + file.toAbsolutePath()
          + (arguments.file == null ? " (run from the repository root, or pass a file)" : ""));
      return IO;
    } catch (IOException e) {
      err.println("error: cannot read " + file + " as UTF-8 text: " + e);
      return IO;
    }
    PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
    printTable(nerva.process(text, arguments.date), out);
    out.flush();
    if (out.checkError()) {
      err.println("error: could not write the table to standard output");
      return IO;
    }
    return OK;
  }

  /** Prints one row per entity: type, text, offsets, confidence, normalised value. */
  static void printTable(Document document, PrintStream out) {
    String format = "%-13s %-50s %11s %6s  %s%n";
    out.printf(Locale.ROOT, format, "TYPE", "TEXT", "OFFSETS", "CONF", "NORMALIZED");
    for (Entity e : document.entities()) {
      String text = e.text().length() > 50 ? e.text().substring(0, 47) + "..." : e.text();
      out.printf(Locale.ROOT, format, e.type(), text.replace('\n', ' '), e.start() + "-" + e.end(),
          String.format(Locale.ROOT, "%.2f", e.confidence()), e.normalizedValue().orElse(""));
    }
    out.printf(Locale.ROOT, "%d entities, %d sentences, %d tokens%n",
        document.entities().size(), document.sentences().size(), document.tokens().size());
  }

  private static int jsonl(Nerva nerva, Arguments arguments, InputStream stdin, OutputStream stdout,
      PrintStream err, boolean terminal) {
    boolean fromStdin = arguments.jsonlIn.equals("-");
    boolean toStdout = arguments.jsonlOut.equals("-");
    Path inPath = fromStdin ? null : Paths.get(arguments.jsonlIn);
    Path outPath = toStdout ? null : Paths.get(arguments.jsonlOut);
    if (inPath != null && !Files.isRegularFile(inPath)) {
      err.println("error: cannot read the input: there is no file " + inPath.toAbsolutePath());
      return IO;
    }
    if (outPath != null) {
      Path folder = outPath.toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        err.println("error: cannot write the output " + outPath + ": the folder " + folder + " does not exist");
        return IO;
      }
      try {
        if (inPath != null && Files.exists(outPath) && Files.isSameFile(inPath, outPath)) {
          err.println("error: the output " + outPath + " is the input file; writing it would destroy the input");
          return USAGE;
        }
      } catch (IOException e) {
        err.println("error: cannot compare the input and output files: " + e);
        return IO;
      }
    }
    try (InputStream in = fromStdin ? stdin : Files.newInputStream(inPath);
        OutputStream rawOut = toStdout ? stdout : Files.newOutputStream(outPath);
        Writer out = new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(rawOut, 1 << 16),
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16)) {
      JsonLines batch = new JsonLines(nerva, arguments.threads, err, terminal);
      long failed = batch.run(new LineReader(in, arguments.maxLineBytes), out);
      out.flush();
      return failed == 0 ? OK : SOME_FAILED;
    } catch (IOException e) {
      err.println("error: " + describe(e));
      return IO;
    } catch (UncheckedIOException e) {
      err.println("error: " + describe(e.getCause()) + "; the output stops here");
      return IO;
    }
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "there is no file " + e.getMessage() : e.getMessage() != null
        ? e.getMessage() : e.toString();
  }

  /** The command line, checked. */
  private static final class Arguments {
    String file;
    LocalDate date;
    String jsonlIn;
    String jsonlOut;
    int threads = Runtime.getRuntime().availableProcessors();
    int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    List<String> dictionaries = new ArrayList<>();
    String exclusions;
    String command;
    String data;
    String dev;
    String out;
    String format;
    String model;
    boolean modelOnly;
    boolean help;

    static Arguments parse(String[] args) {
      Arguments parsed = new Arguments();
      List<String> positional = new ArrayList<>();
      int first = 0;
      if (args.length > 0 && (args[0].equals("train") || args[0].equals("evaluate"))) {
        parsed.command = args[0];
        first = 1;
      }
      for (int i = first; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "-h", "--help" -> parsed.help = true;
          case "--date" -> {
            String value = value(args, ++i, arg);
            try {
              parsed.date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("--date takes YYYY-MM-DD, not " + value);
            }
          }
          case "--jsonl" -> {
            parsed.jsonlIn = value(args, ++i, "--jsonl IN OUT");
            parsed.jsonlOut = value(args, ++i, "--jsonl IN OUT");
          }
          case "--threads" -> parsed.threads = positive(value(args, ++i, arg), arg);
          case "--max-line-bytes" -> parsed.maxLineBytes = positive(value(args, ++i, arg), arg);
          case "--dictionary" -> parsed.dictionaries.add(value(args, ++i, arg));
          case "--data" -> parsed.data = value(args, ++i, arg);
          case "--dev" -> parsed.dev = value(args, ++i, arg);
          case "--out" -> parsed.out = value(args, ++i, arg);
          case "--format" -> parsed.format = value(args, ++i, arg);
          case "--model" -> parsed.model = value(args, ++i, arg);
          case "--model-only" -> parsed.modelOnly = true;
          case "--exclude" -> {
            if (parsed.exclusions != null) {
              throw new IllegalArgumentException("--exclude takes one file; put all exclusions in it");
            }
            parsed.exclusions = value(args, ++i, arg);
          }
          default -> {
            if (arg.startsWith("-") && !arg.equals("-")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            positional.add(arg);
          }
        }
      }
      if (positional.size() > 1 || parsed.jsonlIn != null && !positional.isEmpty()) {
        throw new IllegalArgumentException("unexpected argument " + positional.get(positional.size() - 1));
      }
      if (parsed.jsonlIn != null && parsed.date != null) {
        throw new IllegalArgumentException("--date is for a single file; in --jsonl each line gives its \"date\"");
      }
      parsed.file = positional.isEmpty() ? null : positional.get(0);
      if (parsed.modelOnly && parsed.model == null) {
        throw new IllegalArgumentException("--model-only needs --model MODEL.bin");
      }
      if (parsed.command != null) {
        if (parsed.data == null) {
          throw new IllegalArgumentException(parsed.command + " needs --data FILE");
        }
        if (parsed.command.equals("train") && parsed.out == null) {
          throw new IllegalArgumentException("train needs --out MODEL.bin");
        }
        if (parsed.file != null || parsed.jsonlIn != null || parsed.date != null) {
          throw new IllegalArgumentException(parsed.command + " reads --data; it takes no FILE, --jsonl or --date");
        }
      } else if (parsed.data != null || parsed.dev != null || parsed.out != null || parsed.format != null) {
        throw new IllegalArgumentException("--data, --dev, --out and --format are for the train and evaluate commands");
      }
      return parsed;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String value, String option) {
      try {
        int n = Integer.parseInt(value);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
    }
  }
}
