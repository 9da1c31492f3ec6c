package dev.nerva.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/nerva-examples} picks the JVM settings by CPUs, command and input size: run with a
 * stand-in {@code java} first on the PATH that prints the arguments it was given.
 */
class LauncherScriptTest {

  private static final Path SCRIPT = Paths.get("bin", "nerva-examples").toAbsolutePath();
  private static final String QUICK = "-XX:TieredStopAtLevel=1";

  @TempDir
  Path dir;
  private Path small;
  private Path large;

  @BeforeEach
  void standInJavaAndInputs() throws IOException {
    assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "needs a POSIX shell");
    Path java = dir.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    small = Files.writeString(dir.resolve("small.jsonl"), "{\"text\": \"Putin met Macron.\"}\n");
    large = dir.resolve("large.jsonl");
    try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
      file.setLength(6_000_001); // one byte past the quick compiler's limit
    }
  }

  @Test
  void oneCpuAndASmallBatchGetTheQuickCompiler() throws Exception {
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1"), "--jsonl", small.toString(), "out.jsonl"))
        .startsWith(QUICK, "-jar")
        .endsWith("--jsonl", small.toString(), "out.jsonl");
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1"), "article.txt")).startsWith(QUICK, "-jar");
  }

  @Test
  void largeInputsStandardInputTrainingAndTwoCpusGetTheJvmDefaults() throws Exception {
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1"), "--jsonl", large.toString(), "out.jsonl"))
        .doesNotContain(QUICK).startsWith("-jar");
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1"), "--jsonl", "-", "-")).doesNotContain(QUICK);
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1"), "train", "--data", small.toString(), "--out", "m.bin"))
        .doesNotContain(QUICK);
    assertThat(javaArguments(Map.of("NERVA_CPUS", "2"), "--jsonl", small.toString(), "out.jsonl"))
        .doesNotContain(QUICK);
  }

  @Test
  void javaOptionsOfTheUsersOwnReplaceTheChoice() throws Exception {
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1", "NERVA_JAVA_OPTS", "-Xmx300m"), "--jsonl", small.toString(),
        "out.jsonl")).startsWith("-Xmx300m", "-jar").doesNotContain(QUICK);
    assertThat(javaArguments(Map.of("NERVA_CPUS", "1", "NERVA_JAVA_OPTS", ""), "article.txt"))
        .startsWith("-jar").doesNotContain(QUICK);
  }

  /** The arguments the script passes to {@code java}, one per line of the stand-in's output. */
  private List<String> javaArguments(Map<String, String> environment, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("NERVA_JAVA_OPTS");
    builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    List<String> lines = output.lines().toList();
    assertThat(lines).as("java is given the example jar").contains(
        SCRIPT.getParent().resolve("../target/nerva-examples.jar").toString());
    return lines;
  }
}
