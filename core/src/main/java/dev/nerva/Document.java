package dev.nerva;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Nerva#process(String)}: the text with its sentences, tokens and entities.
 *
 * <p>Immutable and safe to share between threads; the lists are unmodifiable copies.
 *
 * @param text the original text, unchanged
 * @param sentences the sentences in text order, each with its tokens
 * @param entities the entity spans in text order; they never overlap
 */
public record Document(String text, List<Sentence> sentences, List<Entity> entities) {

  /**
   * Checks the parts and copies the lists.
   *
   * @param text the original text
   * @param sentences the sentences in text order
   * @param entities the entity spans in text order, not overlapping
   * @throws NullPointerException if an argument or a list element is null
   */
  public Document {
    Objects.requireNonNull(text, "text");
    sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
    entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
  }

  /**
   * All tokens of all sentences.
   *
   * @return the tokens in text order; an unmodifiable list
   */
  public List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    for (Sentence sentence : sentences) {
      tokens.addAll(sentence.tokens());
    }
    return List.copyOf(tokens);
  }

  /**
   * The entities of one type.
   *
   * @param type the type to keep
   * @return those entities in text order; an unmodifiable list
   * @throws NullPointerException if {@code type} is null
   */
  public List<Entity> entities(EntityType type) {
    Objects.requireNonNull(type, "type");
    return entities.stream().filter(e -> e.type().equals(type)).toList();
  }
}
