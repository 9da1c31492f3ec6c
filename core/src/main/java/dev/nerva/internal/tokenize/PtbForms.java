package dev.nerva.internal.tokenize;

/**
 * The Penn Treebank form of a token: what OntoNotes-trained models see. Brackets become
 * "-LRB-"-style names, opening and closing quotes become {@code ``} and {@code ''}, curly
 * apostrophes become straight ones, dashes and ellipses take their ASCII spelling.
 *
 * <p>Stateless and safe to share between threads.
 */
public final class PtbForms {
  private PtbForms() {}

  /**
   * Returns the Treebank form of the token {@code text.substring(start, end)}.
   *
   * @param text the whole text the token lies in, used to tell opening from closing quotes
   */
  public static String of(String text, int start, int end) {
    String token = text.substring(start, end);
    if (token.length() == 1) {
      char c = token.charAt(0);
      switch (c) {
        case '(': return "-LRB-";
        case ')': return "-RRB-";
        case '[': return "-LSB-";
        case ']': return "-RSB-";
        case '{': return "-LCB-";
        case '}': return "-RCB-";
        case '“': case '„': case '«': return "``";
        case '”': case '»': return "''";
        case '‘': return "`";
        case '’': return "'";
        case '—': case '―': return "--";
        case '…': return "...";
        case '–': return isAttached(text, start, end) ? "-" : "--";
        case '"': return opensQuote(text, start, end) ? "``" : "''";
        default: return token;
      }
    }
    if (token.indexOf('’') >= 0 || token.indexOf('‘') >= 0) {
      return token.replace('’', '\'').replace('‘', '`');
    }
    return token;
  }

  private static boolean isAttached(String text, int start, int end) {
    return start > 0 && end < text.length()
        && !PtbTokenizer.isSpace(text.charAt(start - 1)) && !PtbTokenizer.isSpace(text.charAt(end));
  }

  /** A straight double quote opens when nothing but space or an opening bracket precedes it. */
  private static boolean opensQuote(String text, int start, int end) {
    boolean spaceBefore = start == 0 || PtbTokenizer.isSpace(text.charAt(start - 1))
        || "([{".indexOf(text.charAt(start - 1)) >= 0;
    boolean spaceAfter = end >= text.length() || PtbTokenizer.isSpace(text.charAt(end));
    return spaceBefore && !spaceAfter;
  }
}
