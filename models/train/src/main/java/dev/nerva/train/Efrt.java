package dev.nerva.train;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of efrt's packed word lists (the compressed trie format in which the npm package {@code
 * compromise} ships its lexicon): nodes separated by ';', optional leading "symbol:node" lines,
 * edges written as a suffix followed by a base-36 reference to the next node (relative to the
 * current node, or a symbol) or by ',' where a word ends, and '!' at a node's start when the path
 * so far is itself a word.
 */
final class Efrt {

  private static final Pattern SYMBOL = Pattern.compile("([0-9A-Z]+):([0-9A-Z]+)");
  private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9,]+");

  private Efrt() {}

  /** The words of one packed list (the part after "key¦" in compromise's lexicon). */
  static List<String> unpack(String packed) {
    Preconditions.checkArgument(packed != null, "packed list is null");
    String[] all = packed.split(";", -1);
    Map<Integer, Integer> symbols = new HashMap<>();
    int symbolCount = 0;
    if (packed.indexOf(':') >= 0) {
      for (String node : all) {
        Matcher m = SYMBOL.matcher(node);
        if (!m.find()) {
          break;
        }
        symbols.put(fromAlphaCode(m.group(1)), fromAlphaCode(m.group(2)));
        symbolCount++;
      }
    }
    String[] nodes = new String[all.length - symbolCount];
    System.arraycopy(all, symbolCount, nodes, 0, nodes.length);
    List<String> words = new ArrayList<>();
    crawl(nodes, symbols, symbolCount, 0, "", words);
    return words;
  }

  private static void crawl(String[] nodes, Map<Integer, Integer> symbols, int symbolCount, int index, String prefix,
      List<String> words) {
    Preconditions.checkArgument(index >= 0 && index < nodes.length, "efrt reference %s out of range", index);
    String node = nodes[index];
    if (node.startsWith("!")) {
      words.add(prefix);
      node = node.substring(1);
    }
    Matcher m = REFERENCE.matcher(node);
    int from = 0;
    while (true) {
      boolean found = m.find();
      String text = node.substring(from, found ? m.start() : node.length());
      if (!text.isEmpty()) {
        String word = prefix + text;
        String ref = found ? m.group() : null;
        if (ref == null || ref.equals(",")) {
          words.add(word);
        } else if (ref.startsWith(",")) {
          // JavaScript's split keeps ',' and a reference apart; a run like ",1" cannot follow text
          throw new IllegalArgumentException("unexpected efrt edge " + ref);
        } else {
          int target = fromAlphaCode(ref);
          int next = target < symbolCount ? symbols.get(target) : index + target + 1 - symbolCount;
          crawl(nodes, symbols, symbolCount, next, word, words);
        }
      }
      if (!found) {
        return;
      }
      from = m.end();
    }
  }

  /** efrt's numbering: 0..9, A..Z, then 00, 01, ... (each length a block of its own). */
  static int fromAlphaCode(String code) {
    int n = 0;
    int range = 36;
    for (int places = 1; places < code.length(); places++) {
      n += range;
      range *= 36;
    }
    int value = 0;
    for (int i = 0; i < code.length(); i++) {
      value = value * 36 + Character.digit(code.charAt(i), 36);
    }
    return n + value;
  }
}
