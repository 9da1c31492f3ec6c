package dev.nerva;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * One sentence of the analysed text with its tokens.
 *
 * @param start offset of the sentence's first character in the original text
 * @param end offset just past its last character (exclusive)
 * @param text the covered text
 * @param tokens the sentence's tokens in text order; never empty
 */
public record Sentence(int start, int end, String text, ImmutableList<Token> tokens) {
  public Sentence {
    Preconditions.checkArgument(0 <= start && start < end, "bad sentence offsets %s..%s", start, end);
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkNotNull(tokens, "tokens");
  }

  /** The models' forms of the tokens, in order: the input OpenNLP name finders expect. */
  public String[] forms() {
    String[] forms = new String[tokens.size()];
    for (int i = 0; i < forms.length; i++) {
      forms[i] = tokens.get(i).form();
    }
    return forms;
  }
}
