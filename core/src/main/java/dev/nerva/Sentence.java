package dev.nerva;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of the analysed text with its tokens. Immutable.
 *
 * @param start offset of the sentence's first character in the original text
 * @param end offset just past its last character (exclusive)
 * @param text the covered text
 * @param tokens the sentence's tokens in text order; never empty in a {@link Document}
 */
public record Sentence(int start, int end, String text, List<Token> tokens) {

  /**
   * Checks the parts and copies the token list.
   *
   * @param start offset of the first character
   * @param end offset just past the last character
   * @param text the covered text
   * @param tokens the tokens in text order
   * @throws NullPointerException if an argument or a token is null
   * @throws IllegalArgumentException if the offsets are negative or empty
   */
  public Sentence {
    if (start < 0 || start >= end) {
      throw new IllegalArgumentException("bad sentence offsets " + start + ".." + end);
    }
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
  }

  /**
   * The models' forms of the tokens: the input OpenNLP name finders expect.
   *
   * @return a new array of the tokens' {@link Token#form() forms}, in order
   */
  public String[] forms() {
    String[] forms = new String[tokens.size()];
    for (int i = 0; i < forms.length; i++) {
      forms[i] = tokens.get(i).form();
    }
    return forms;
  }
}
