package dev.nerva;

import com.google.common.base.Preconditions;

/**
 * One token of the analysed text.
 *
 * @param start offset of the first character in the original text
 * @param end offset just past the last character (exclusive), so {@code text.substring(start,
 *     end)} equals {@link #text()}
 * @param text the covered text, exactly as in the original
 * @param form the Penn-Treebank form the statistical models see: "(" becomes "-LRB-", curly
 *     quotes become {@code ``} and {@code ''}, "’s" becomes "'s"; equal to {@code text} for most
 *     tokens
 */
public record Token(int start, int end, String text, String form) {

  /**
   * Checks the parts.
   *
   * @param start offset of the first character
   * @param end offset just past the last character
   * @param text the covered text
   * @param form the Penn-Treebank form
   * @throws NullPointerException if {@code text} or {@code form} is null
   * @throws IllegalArgumentException if the offsets are negative or empty
   */
  public Token {
    Preconditions.checkArgument(0 <= start && start < end, "bad token offsets %s..%s", start, end);
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkNotNull(form, "form");
  }
}
