package dev.nerva.bench;

import dev.nerva.Nerva;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What loading a pipeline costs, as a user's JVM sees it: wall time from the first call to a
 * ready pipeline (the first short text processed), and heap retained afterwards. Run each variant
 * in a fresh JVM, from the repository root after {@code mvn install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath dev.nerva.bench.LoadCost english"
 * </pre>
 *
 * with {@code english} (both directions, {@code Nerva.english()}) or {@code fast} (the
 * left-to-right model alone). Prints one line: variant, milliseconds to ready, heap MB after a
 * full collection, JVM uptime at ready.
 */
public final class LoadCost {

  private LoadCost() {}

  public static void main(String[] args) {
    String variant = args.length > 0 ? args[0] : "english";
    long start = System.nanoTime();
    Nerva nerva = switch (variant) {
      case "english" -> Nerva.english();
      case "fast" -> Nerva.builder().fastEnglishNameFinder().build();
      default -> throw new IllegalArgumentException("variant: english or fast, not " + variant);
    };
    int found = nerva.process("Putin met Burkina Faso's prime minister in Moscow on Tuesday.").entities().size();
    long readyMillis = (System.nanoTime() - start) / 1_000_000;
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "%s ready_ms=%d heap_mb=%.0f uptime_ms=%d entities=%d%n", variant, readyMillis,
        heap / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(), found);
    // Keep the pipeline reachable until the heap is measured.
    if (nerva.recognizers().isEmpty() && variant.equals("english")) {
      throw new IllegalStateException("no recognizer");
    }
  }
}
