package dev.nerva.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.PackModels;
import dev.nerva.internal.tokenize.TrueCaser;
import dev.nerva.train.Checksums;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged nerva-models-en fails {@code Nerva.english()} at once with a {@code
 * ModelLoadException} naming the resource: never a quietly different output, never a poisoned
 * class. Each case loads Nerva in a class loader of its own whose models folder is a damaged copy.
 */
class DamagedResourcesTest {

  private static final String FOLDER = "dev/nerva/models/en/";
  private static final String PACKED = PackModels.SUFFIX;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"truncated packed name finder", "truncated name finder without packed form",
      "empty casing lexicon", "truncated casing lexicon", "models swapped", "checksum list missing",
      "malformed country table"})
  void englishFailsNamingTheResource(String damage, @TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(FOLDER));
    for (String name : List.of("ner-en.bin", "ner-en-r2l.bin", "ner-en.bin" + PACKED, "ner-en-r2l.bin" + PACKED,
        "casing-en.txt", "CHECKSUMS")) {
      try (InputStream in = getClass().getResourceAsStream("/" + FOLDER + name)) {
        Files.copy(in, folder.resolve(name));
      }
    }
    String named;
    switch (damage) {
      case "truncated packed name finder" -> {
        truncate(folder.resolve("ner-en.bin" + PACKED), 1_000_000);
        named = NameFinderRecognizer.ENGLISH_MODEL_RESOURCE + PACKED;
      }
      case "truncated name finder without packed form" -> {
        // A models jar built without its packing step: the OpenNLP-format files load, and are checked.
        Files.delete(folder.resolve("ner-en.bin" + PACKED));
        Files.delete(folder.resolve("ner-en-r2l.bin" + PACKED));
        truncate(folder.resolve("ner-en.bin"), 1_000_000);
        named = NameFinderRecognizer.ENGLISH_MODEL_RESOURCE;
      }
      case "empty casing lexicon" -> {
        Files.write(folder.resolve("casing-en.txt"), new byte[0]);
        named = TrueCaser.ENGLISH_LEXICON_RESOURCE;
      }
      case "truncated casing lexicon" -> {
        truncate(folder.resolve("casing-en.txt"), 100_000);
        named = TrueCaser.ENGLISH_LEXICON_RESOURCE;
      }
      case "models swapped" -> {
        // A consistent but wrong package: the left-to-right model in the right-to-left slot.
        Files.copy(folder.resolve("ner-en.bin" + PACKED), folder.resolve("ner-en-r2l.bin" + PACKED),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Checksums.write(folder);
        named = NameFinderRecognizer.ENGLISH_BACKWARD_MODEL_RESOURCE;
      }
      case "malformed country table" -> {
        // Consistent checksums, malformed content: the table's own checks must catch it.
        Path countries = Files.createDirectories(dir.resolve("dev/nerva/internal/country"));
        Files.writeString(countries.resolve("countries.tsv"), "XX\n");
        Checksums.write(countries);
        named = "countries.tsv";
      }
      case "checksum list missing" -> {
        Files.delete(folder.resolve("CHECKSUMS"));
        named = "CHECKSUMS";
      }
      default -> throw new IllegalArgumentException(damage);
    }

    try (URLClassLoader loader = new URLClassLoader(classPathWith(dir), ClassLoader.getPlatformClassLoader())) {
      Class<?> nerva = loader.loadClass("dev.nerva.Nerva");
      for (int attempt = 0; attempt < 2; attempt++) { // the second call fails the same way: nothing is poisoned
        assertThatThrownBy(() -> invokeEnglish(nerva))
            .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("dev.nerva.ModelLoadException"))
            .hasMessageContaining(named);
      }
    }
  }

  private static Object invokeEnglish(Class<?> nerva) throws Throwable {
    try {
      return nerva.getMethod("english").invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void truncate(Path file, int bytes) throws Exception {
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, Math.min(bytes, all.length - 1)));
  }

  /** The test's class path with the damaged folder in place of nerva-models-en. */
  private static URL[] classPathWith(Path models) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(models.toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean modelsJar = Files.exists(path.resolve(FOLDER + "ner-en.bin"))
          || path.getFileName().toString().startsWith("nerva-models-en");
      if (!modelsJar) {
        urls.add(path.toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }
}
