package dev.nerva.bench;

import dev.nerva.Nerva;
import dev.nerva.robust.PathologicalShapes;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Seconds per megabyte of the English pipeline on the pathological shapes, from 100 KB to 4 MB:
 * flat figures mean time linear in the input. Run from the repository root after {@code mvn
 * install}:
 *
 * <pre>
 * mvn -q -pl models/train test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx4g -cp %classpath dev.nerva.bench.ScalingBenchmark"
 * </pre>
 */
public final class ScalingBenchmark {

  private static final int[] SIZES = {100_000, 400_000, 1_000_000, 4_000_000};

  private ScalingBenchmark() {}

  public static void main(String[] args) {
    Nerva nerva = Nerva.english();
    LocalDate date = LocalDate.of(2024, 9, 4);
    System.out.printf(Locale.ROOT, "%-26s %s%n", "shape", "seconds per MB at 100 KB / 400 KB / 1 MB / 4 MB");
    for (Map.Entry<String, IntFunction<String>> shape : PathologicalShapes.all().entrySet()) {
      nerva.process(shape.getValue().apply(SIZES[0]), date); // warm-up
      StringBuilder row = new StringBuilder();
      for (int size : SIZES) {
        String text = shape.getValue().apply(size);
        long start = System.nanoTime();
        nerva.process(text, date);
        double secondsPerMb = (System.nanoTime() - start) / 1e9 / (text.length() / 1e6);
        row.append(String.format(Locale.ROOT, " %6.2f", secondsPerMb));
      }
      System.out.printf(Locale.ROOT, "%-26s%s%n", shape.getKey(), row);
    }
  }
}
