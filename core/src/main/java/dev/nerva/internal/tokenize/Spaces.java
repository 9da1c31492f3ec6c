package dev.nerva.internal.tokenize;

/**
 * What counts as a space everywhere in the pipeline: ASCII whitespace and control characters,
 * every Unicode space separator (no-break U+00A0, figure U+2007, narrow no-break U+202F, the
 * typographic spaces), line and paragraph separators, the invisible U+200B and U+FEFF, and the
 * invisible direction marks. Text
 * written with any of them between words must give the same entities as with a plain space.
 */
public final class Spaces {

  private Spaces() {}

  /**
   * Whether {@code c} separates words. Invisible direction and joining marks that web text carries
   * between words (U+200E/U+200F, U+202A–U+202E, U+2060, U+2066–U+2069) count as spaces too, so
   * they never end a token or a span.
   */
  public static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
        || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c == '\u2060'
        || c >= '\u2066' && c <= '\u2069';
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
