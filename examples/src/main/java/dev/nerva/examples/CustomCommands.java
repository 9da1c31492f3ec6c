package dev.nerva.examples;

import dev.nerva.Nerva;
import dev.nerva.eval.GoldEvaluation;
import dev.nerva.train.AnnotatedData;
import dev.nerva.train.CustomTraining;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * The example program's {@code train} and {@code evaluate} commands: a name finder trained on
 * your annotated data with Nerva's recipe, and the pipeline scored against your gold file.
 */
final class CustomCommands {

  private CustomCommands() {}

  /** {@code train --data TRAIN [--dev DEV] --out MODEL.bin [--format F]}: progress and scores on stderr. */
  static int train(String data, String dev, String out, String format, PrintStream err) {
    return reportingErrors(err, () -> {
      Path train = existing(data);
      Path devFile = dev == null ? null : existing(dev);
      AnnotatedData.Format trainFormat = format(format, train);
      AnnotatedData.Format devFormat = devFile == null ? null : format(format, devFile);
      CustomTraining.train(train, trainFormat, devFile, devFormat, Paths.get(out), err, Map.of());
      return ExtractEntities.OK;
    });
  }

  /** A command that may fail on bad data (usage error) or on input/output. */
  @FunctionalInterface
  private interface Command {
    int run() throws IOException;
  }

  /** Runs a command; bad data is a usage error, a failed read or write an input/output error. */
  private static int reportingErrors(PrintStream err, Command command) {
    try {
      return command.run();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExtractEntities.USAGE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return ExtractEntities.IO;
    }
  }

  /** {@code evaluate --data GOLD [--format F]}: a table of scores per label on stdout. */
  static int evaluate(Nerva nerva, String data, String format, OutputStream stdout, PrintStream err) {
    return reportingErrors(err, () -> {
      Path gold = existing(data);
      AnnotatedData.Corpus corpus = AnnotatedData.read(gold, format(format, gold));
      for (String skipped : corpus.skipped()) {
        err.println("skipped " + skipped);
      }
      PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
      out.print(GoldEvaluation.evaluate(nerva, corpus.documents()).table());
      out.flush();
      if (out.checkError()) {
        err.println("error: could not write the scores to standard output");
        return ExtractEntities.IO;
      }
      if (!corpus.skipped().isEmpty()) {
        err.printf(Locale.ROOT, "%d gold spans skipped (not on token boundaries): they count as neither found nor missed%n",
            corpus.skipped().size());
      }
      return ExtractEntities.OK;
    });
  }

  private static Path existing(String file) throws IOException {
    Path path = Paths.get(file);
    if (!Files.isRegularFile(path)) {
      throw new IOException("there is no file " + path.toAbsolutePath());
    }
    return path;
  }

  private static AnnotatedData.Format format(String format, Path file) {
    if (format == null) {
      return AnnotatedData.Format.of(file);
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "jsonl" -> AnnotatedData.Format.JSONL;
      case "conll", "bio" -> AnnotatedData.Format.CONLL;
      case "opennlp", "txt" -> AnnotatedData.Format.OPENNLP;
      default -> throw new IllegalArgumentException("--format takes jsonl, conll or opennlp, not " + format);
    };
  }
}
