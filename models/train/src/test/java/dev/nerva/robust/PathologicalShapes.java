package dev.nerva.robust;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/** Shapes of input that once took quadratic time, each made at any size (in characters). */
public final class PathologicalShapes {

  private PathologicalShapes() {}

  /** Shape name to a maker of a text of about the given number of characters. */
  public static Map<String, IntFunction<String>> all() {
    Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
    shapes.put("full stops", size -> ".".repeat(size));
    shapes.put("mixed punctuation", size -> fill("?!.,;-", size));
    shapes.put("no whitespace", size -> fill("abc.Def!", size));
    shapes.put("one sentence with dates", size ->
        fill("The talks went on last Tuesday and the army said it will return next year and ", size) + ".");
    shapes.put("one repeated name", size -> fill("Vladimir Putin ", size));
    shapes.put("no-break spaces and dates", size ->
        fill("In\u00A02022\u00A0Mr\u00A0Putin met\u2007the\u202FUnited Nations. ", size));
    return shapes;
  }

  private static String fill(String unit, int size) {
    return unit.repeat(Math.max(1, size / unit.length()));
  }
}
