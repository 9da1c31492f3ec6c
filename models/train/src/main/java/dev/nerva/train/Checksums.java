package dev.nerva.train;

import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.ClasspathModels.Checksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the {@value ClasspathModels#CHECKSUMS} file of a resource folder: the size and CRC32C of
 * every file in it, which {@link ClasspathModels} checks at load. Every command that rewrites a
 * bundled resource (train, casing, decoding, average) rewrites the list after it.
 */
public final class Checksums {

  private Checksums() {}

  /**
   * Lists every regular file of {@code folder} (except the list itself) in its {@value
   * ClasspathModels#CHECKSUMS} file, sorted by name.
   *
   * @return the list file
   */
  public static Path write(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# name\tbytes\tCRC32C: checked when the resource loads. Rewritten by the models commands;"
        + " 'checksums --dir DIR' after editing a resource by hand.");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && !name.equals(ClasspathModels.CHECKSUMS) && !name.startsWith(".")) {
          try (InputStream in = Files.newInputStream(file)) {
            lines.add(Checksum.of(in).line(name));
          }
        }
      }
    }
    Path list = folder.resolve(ClasspathModels.CHECKSUMS);
    Files.write(list, lines, StandardCharsets.UTF_8);
    return list;
  }
}
