package dev.nerva.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README snippet on the Java module path: Nerva's jars and their dependencies as named
 * modules in a layer of their own, so module encapsulation applies to the models' resources as it
 * does for an application that {@code requires dev.nerva}. Runs after packaging (failsafe), when
 * the reactor's artefacts are jars.
 */
class ModulePathIT {

  private static final Pattern MODULE_JARS =
      Pattern.compile(".*/(nerva-core|nerva-models-en|opennlp-|guava-|failureaccess-|slf4j-api-|slf4j-nop-)[^/]*\\.jar");

  @Test
  void theReadmeSnippetRunsOnTheModulePath() throws Exception {
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (MODULE_JARS.matcher(entry.replace(File.separatorChar, '/')).matches()) {
        jars.add(Path.of(entry));
      }
    }
    assertThat(jars).as("jars on the test class path").anyMatch(p -> p.getFileName().toString().startsWith("nerva-core"))
        .anyMatch(p -> p.getFileName().toString().startsWith("nerva-models-en"));
    ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
    ModuleLayer boot = ModuleLayer.boot();
    // org.slf4j: OpenNLP, an automatic module, needs SLF4J but cannot declare it (see the README).
    Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(),
        Set.of("dev.nerva", "org.slf4j"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

    assertThat(layer.findModule("dev.nerva")).isPresent();
    assertThat(layer.findModule("dev.nerva.models.en")).isPresent();
    Class<?> nervaClass = layer.findLoader("dev.nerva").loadClass("dev.nerva.Nerva");
    assertThat(nervaClass.getModule().getName()).isEqualTo("dev.nerva");
    Object nerva = nervaClass.getMethod("english").invoke(null);
    Object document = nervaClass.getMethod("process", String.class, LocalDate.class)
        .invoke(nerva, "Putin met Burkina Faso’s prime minister in Moscow on Tuesday.", LocalDate.of(2024, 9, 4));
    List<String> found = new ArrayList<>();
    for (Object entity : (List<?>) document.getClass().getMethod("entities").invoke(document)) {
      Method type = entity.getClass().getMethod("type");
      Method text = entity.getClass().getMethod("text");
      Method normalized = entity.getClass().getMethod("normalized");
      found.add(type.invoke(entity) + " " + text.invoke(entity) + " " + normalized.invoke(entity));
    }
    assertThat(found).containsExactly(
        "PERSON Putin null", "COUNTRY Burkina Faso BF", "LOCATION Moscow null", "DATE Tuesday 2024-09-03");
  }
}
