package dev.nerva;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * The result of {@link Nerva#process(String)}: the text with its sentences, tokens and entities.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param text the original text, unchanged
 * @param sentences the sentences in text order, each with its tokens
 * @param entities the entity spans in text order; they never overlap
 */
public record Document(String text, ImmutableList<Sentence> sentences, ImmutableList<Entity> entities) {

  public Document {
    Preconditions.checkNotNull(text, "text");
    Preconditions.checkNotNull(sentences, "sentences");
    Preconditions.checkNotNull(entities, "entities");
  }

  /** All tokens of all sentences, in text order. */
  public ImmutableList<Token> tokens() {
    ImmutableList.Builder<Token> tokens = ImmutableList.builder();
    for (Sentence sentence : sentences) {
      tokens.addAll(sentence.tokens());
    }
    return tokens.build();
  }

  /** The entities of one type, in text order. */
  public ImmutableList<Entity> entities(EntityType type) {
    Preconditions.checkNotNull(type, "type");
    return entities.stream().filter(e -> e.type().equals(type)).collect(ImmutableList.toImmutableList());
  }
}
