package dev.nerva.internal.ner;

import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.ClasspathModels.Checksum;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step of nerva-models-en: writes the packed form ({@link PackedNameFinder#pack}) of each
 * named model file in a folder, as {@code NAME}{@value #SUFFIX}, and lists it in the folder's
 * {@value ClasspathModels#CHECKSUMS} file so that it is verified when it loads like any bundled
 * resource. The source file must match its own line there first.
 *
 * <p>Usage: {@code PackModels FOLDER MODEL_FILE...}
 */
public final class PackModels {

  /** Appended to a model file's name to name its packed form. */
  public static final String SUFFIX = ".packed";

  private PackModels() {}

  /**
   * Packs the models.
   *
   * @param args the folder, then the model files' names in it
   * @throws IOException if a file cannot be read or written, or a model does not match its checksum
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: PackModels FOLDER MODEL_FILE...");
    }
    Path folder = Path.of(args[0]);
    Path checksums = folder.resolve(ClasspathModels.CHECKSUMS);
    List<String> lines = new ArrayList<>(Files.readAllLines(checksums, StandardCharsets.UTF_8));
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      Path model = folder.resolve(name);
      Checksum actual;
      try (InputStream in = Files.newInputStream(model)) {
        actual = Checksum.of(in);
      }
      if (!lines.contains(actual.line(name))) {
        throw new IOException(model + " does not match its line in " + checksums + ": " + actual.line(name));
      }
      Path packed = folder.resolve(name + SUFFIX);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(model));
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(packed))) {
        PackedNameFinder.pack(in, out);
      }
      Checksum written;
      try (InputStream in = Files.newInputStream(packed)) {
        written = Checksum.of(in);
      }
      lines.removeIf(line -> line.startsWith(name + SUFFIX + "\t"));
      lines.add(written.line(name + SUFFIX));
      System.out.println("packed " + model + " into " + packed.getFileName() + " (" + written.bytes() + " bytes)");
    }
    Files.write(checksums, lines, StandardCharsets.UTF_8);
  }
}
