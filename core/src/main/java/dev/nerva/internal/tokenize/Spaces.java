package dev.nerva.internal.tokenize;

/**
 * What counts as a space everywhere in the pipeline: ASCII whitespace and control characters,
 * every Unicode space separator (no-break U+00A0, figure U+2007, narrow no-break U+202F, the
 * typographic spaces), line and paragraph separators, and the invisible U+200B and U+FEFF. Text
 * written with any of them between words must give the same entities as with a plain space.
 */
public final class Spaces {

  private Spaces() {}

  /** Whether {@code c} separates words. */
  public static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
  }

  /**
   * {@code text} with every space character outside ASCII (no-break, typographic, zero-width)
   * replaced by an ASCII space, one for one, so offsets into the result are offsets into {@code
   * text}; ASCII whitespace (tabs, line breaks) stays as it is. The same string if there is
   * nothing to replace.
   */
  public static String asciiSpaces(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && isSpace(c)) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = ' ';
      }
    }
    return chars == null ? text : new String(chars);
  }
}
